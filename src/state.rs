//! The widget's state: one [`Session`], changed only by [`Action`]s through the pure
//! [`Session::apply`]. Score, tier and plan are never stored here; views derive them from
//! (standard, answers) with `brand_core::assess`. Loading and saving happen in the shell
//! (`storage.rs`, `app.rs`); the results arrive here as actions.

use std::rc::Rc;

use brand_core::answers::Level;
use brand_core::{Answers, GateAnswer, GateId, Lang, OptionId, ProfileId, QuestionId, Response, Standard};
use yew::Reducible;

/// A standard shared by reference. Props compare it by pointer: a standard never changes while
/// it is open, and comparing its contents on every render would be wasted work.
#[derive(Clone, Debug)]
pub struct SharedStandard(pub Rc<Standard>);

impl PartialEq for SharedStandard {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedStandard {
    type Target = Standard;
    fn deref(&self) -> &Standard {
        &self.0
    }
}

/// Where the user is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Choose the standard and language, answer the profile, resume or begin.
    Start,
    /// One wizard step: an indicator's questions (index into `indicators`), or the gates last.
    Step(usize),
    /// Open questions and unevidenced high answers, with links.
    Review,
    Report,
    /// The sources, what is confirmed and what is our design; returns to `back`.
    About {
        back: Box<Screen>,
    },
}

/// The wizard's steps in order: every indicator, then the basic conditions (gates).
pub fn step_count(s: &Standard) -> usize {
    s.indicators.len() + 1
}

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    /// The open assessment, or none before a standard is chosen.
    pub standard: Option<SharedStandard>,
    pub answers: Answers,
    pub lang: Lang,
    pub screen: Screen,
}

/// Everything a user (or the shell, on the user's behalf) can do. Ids the standard does not know
/// are ignored, never trusted or panicked on.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Open a standard with the answers saved for it (empty when there are none).
    Open(Rc<Standard>, Answers),
    SetLevel(QuestionId, u8),
    SetNotApplicable(QuestionId),
    ClearResponse(QuestionId),
    SetNote(QuestionId, String),
    SetGate(GateId, Option<GateAnswer>),
    SetProfile(ProfileId, Option<OptionId>),
    SetLang(Lang),
    Go(Screen),
    /// Replace every answer (after an import the user confirmed).
    Replace(Answers),
    /// Forget the answers (after the user confirmed "start over").
    Clear,
}

impl Session {
    pub fn new(lang: Lang) -> Session {
        Session { standard: None, answers: Answers::default(), lang, screen: Screen::Start }
    }

    /// The pure transition. Returns `None` when the action changes nothing (an unknown id, a
    /// level out of range, N/A where it is not allowed, a step that does not exist, or the value
    /// it already has).
    pub fn apply(&self, action: Action) -> Option<Session> {
        let mut next = self.clone();
        match action {
            Action::Open(standard, answers) => {
                next.standard = Some(SharedStandard(standard));
                next.answers = answers;
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::Go(screen) => {
                let s = self.standard.as_ref();
                let valid = match &screen {
                    Screen::Start => true,
                    Screen::Step(i) => s.is_some_and(|s| *i < step_count(s)),
                    Screen::Review | Screen::Report => s.is_some(),
                    Screen::About { back } => !matches!(**back, Screen::About { .. }),
                };
                if !valid {
                    return None;
                }
                next.screen = screen;
            }
            Action::Replace(answers) => {
                self.standard.as_ref()?;
                next.answers = answers;
            }
            Action::Clear => {
                next.answers = Answers::default();
                next.screen = Screen::Start;
            }
            edit => {
                let s = self.standard.as_ref()?;
                apply_edit(s, &mut next.answers, edit)?;
            }
        }
        (next != *self).then_some(next)
    }
}

/// The answer edits, checked against the standard.
fn apply_edit(s: &Standard, a: &mut Answers, action: Action) -> Option<()> {
    match action {
        Action::SetLevel(id, level) => {
            s.question_index(&id)?;
            a.set_response(id, Some(Response::Level(Level::new(level)?)));
        }
        Action::SetNotApplicable(id) => {
            if !s.questions[s.question_index(&id)?].na_allowed {
                return None;
            }
            a.set_response(id, Some(Response::NotApplicable));
        }
        Action::ClearResponse(id) => {
            s.question_index(&id)?;
            a.set_response(id, None);
        }
        Action::SetNote(id, note) => {
            s.question_index(&id)?;
            a.set_note(id, note);
        }
        Action::SetGate(id, answer) => {
            s.gate_index(&id)?;
            a.set_gate(id, answer);
        }
        Action::SetProfile(id, option) => {
            let p = s.profile_question(&id)?;
            if option.as_ref().is_some_and(|o| !p.options.iter().any(|x| &x.id == o)) {
                return None;
            }
            a.set_profile(id, option);
        }
        _ => return None,
    }
    Some(())
}

impl Reducible for Session {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            // The same Rc back: Yew skips the render.
            None => self,
        }
    }
}
