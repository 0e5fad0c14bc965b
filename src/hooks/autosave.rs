//! Saving: every change is written at once, except while a note is being typed, when it is
//! written a moment after the last keystroke (and at once when the user moves to another screen
//! or the page is hidden or left), so a long note never makes typing wait for storage. Nothing is written while another tab's change
//! waits for the user or an original that could not be moved aside is held in the slot.

use std::cell::RefCell;
use std::rc::Rc;

use brand_core::Answers;
use yew::prelude::*;

use crate::events::{self, Timer};
use crate::state::{Action, Dispatch, SaveDue, Screen, SharedStandard, Source};
use crate::storage;

/// How long after the last keystroke in a note the answers are written.
const NOTE_DELAY_MS: i32 = 400;

type Job = Rc<RefCell<Option<Box<dyn Fn()>>>>;

#[hook]
pub fn use_autosave(
    target: Option<(Source, SharedStandard)>,
    answers: Answers,
    due: SaveDue,
    allowed: bool,
    screen: Screen,
    dispatch: Dispatch,
) {
    // The write still to be done, run by the timer or when the page is hidden.
    let job: Job = use_mut_ref(|| None);
    let timer = use_mut_ref(|| None::<Timer>);
    {
        let job = job.clone();
        use_effect_with((), move |_| {
            let flush = move || {
                if let Some(f) = job.borrow_mut().take() {
                    f();
                }
            };
            let hidden = events::on_page_hidden(flush);
            move || drop(hidden)
        });
    }
    {
        // Leaving the screen ends the typing: what is pending is written now.
        let job = job.clone();
        use_effect_with(screen, move |_| {
            if let Some(f) = job.borrow_mut().take() {
                f();
            }
        });
    }
    use_effect_with((target, answers, allowed), move |(target, answers, allowed)| {
        timer.borrow_mut().take();
        job.borrow_mut().take();
        if let (Some((source, st)), true) = (target.clone(), *allowed) {
            let answers = answers.clone();
            let write = move || dispatch.emit(Action::Saved(storage::save(&source, &st, &answers)));
            match due {
                SaveDue::Now => write(),
                SaveDue::Soon => {
                    *job.borrow_mut() = Some(Box::new(write));
                    let job = job.clone();
                    *timer.borrow_mut() = Some(Timer::once(NOTE_DELAY_MS, move || {
                        if let Some(f) = job.borrow_mut().take() {
                            f();
                        }
                    }));
                }
            }
        }
    });
}
