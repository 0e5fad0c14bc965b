//! Saving: every change is written at once, except while a note is being typed, when it is
//! written a moment after the last keystroke (and at once when the user moves to another screen
//! or the page is hidden or left), so a long note never makes typing wait for storage. Nothing is written while another tab's change
//! waits for the user or an original that could not be moved aside is held in the slot. A write
//! still pending when another assessment opens is done first, for the one it belongs to.

use std::cell::RefCell;
use std::rc::Rc;

use brand_core::Answers;
use yew::prelude::*;

use crate::events::{self, Timer};
use crate::state::{Action, Dispatch, SaveDue, Screen, SharedStandard, Slot, Source};
use crate::storage;

/// How long after the last keystroke in a note the answers are written.
const NOTE_DELAY_MS: i32 = 400;

type Target = Option<(Source, Slot, SharedStandard)>;

/// The write still to be done, with the assessment it is for.
type Job = Rc<RefCell<Option<(Target, Box<dyn Fn()>)>>>;

fn run(job: &Job) {
    let pending = job.borrow_mut().take();
    if let Some((_, f)) = pending {
        f();
    }
}

#[hook]
pub fn use_autosave(target: Target, answers: Answers, due: SaveDue, allowed: bool, screen: Screen, dispatch: Dispatch) {
    // The write still to be done, run by the timer or when the page is hidden.
    let job: Job = use_mut_ref(|| None);
    let timer = use_mut_ref(|| None::<Timer>);
    {
        let job = job.clone();
        use_effect_with((), move |_| {
            let flush = move || run(&job);
            let hidden = events::on_page_hidden(flush);
            move || drop(hidden)
        });
    }
    {
        // Leaving the screen ends the typing: what is pending is written now.
        let job = job.clone();
        use_effect_with(screen, move |_| run(&job));
    }
    use_effect_with((target, answers, allowed), move |(target, answers, allowed)| {
        timer.borrow_mut().take();
        // A newer write for the same assessment replaces the pending one; one for another
        // assessment must not lose it.
        let other = job.borrow().as_ref().is_some_and(|(t, _)| t != target);
        if other {
            run(&job);
        }
        job.borrow_mut().take();
        if let (Some((source, slot, st)), true) = (target.clone(), *allowed) {
            let answers = answers.clone();
            let write = move || dispatch.emit(Action::Saved(storage::save(&source, &slot, &st, &answers)));
            match due {
                SaveDue::Now => write(),
                SaveDue::Soon => {
                    *job.borrow_mut() = Some((target.clone(), Box::new(write)));
                    let job = job.clone();
                    *timer.borrow_mut() = Some(Timer::once(NOTE_DELAY_MS, move || run(&job)));
                }
            }
        }
    });
}
