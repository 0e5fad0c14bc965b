//! The widget's state: one [`Session`], changed only by [`Action`]s through the pure
//! [`Session::apply`]. Score, tier and plan are not stored here; views derive them from
//! (standard, answers) with `brand_core::assess`.

use std::rc::Rc;

use brand_core::answers::Level;
use brand_core::{Answers, GateAnswer, GateId, Lang, OptionId, ProfileId, QuestionId, Response, Standard};
use yew::Reducible;

/// A standard shared by reference. Props compare it by pointer: the standard never changes
/// while a session runs, and comparing its contents on every render would be wasted work.
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

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub standard: SharedStandard,
    pub answers: Answers,
    pub lang: Lang,
}

/// Everything a user can do. Ids that the standard does not know are ignored, never trusted or
/// panicked on.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLevel(QuestionId, u8),
    SetNotApplicable(QuestionId),
    ClearResponse(QuestionId),
    SetNote(QuestionId, String),
    SetGate(GateId, Option<GateAnswer>),
    SetProfile(ProfileId, Option<OptionId>),
    SetLang(Lang),
}

impl Session {
    pub fn new(standard: Rc<Standard>, lang: Lang) -> Session {
        Session { standard: SharedStandard(standard), answers: Answers::default(), lang }
    }

    /// The pure transition. Returns `None` when the action changes nothing (an unknown id, a
    /// level out of range, N/A where it is not allowed, or the value it already has).
    pub fn apply(&self, action: Action) -> Option<Session> {
        let s = &self.standard;
        let mut next = self.clone();
        match action {
            Action::SetLevel(id, level) => {
                s.question_index(&id)?;
                next.answers.set_response(id, Some(Response::Level(Level::new(level)?)));
            }
            Action::SetNotApplicable(id) => {
                let q = &s.questions[s.question_index(&id)?];
                if !q.na_allowed {
                    return None;
                }
                next.answers.set_response(id, Some(Response::NotApplicable));
            }
            Action::ClearResponse(id) => {
                s.question_index(&id)?;
                next.answers.set_response(id, None);
            }
            Action::SetNote(id, note) => {
                s.question_index(&id)?;
                next.answers.set_note(id, note);
            }
            Action::SetGate(id, answer) => {
                s.gate_index(&id)?;
                next.answers.set_gate(id, answer);
            }
            Action::SetProfile(id, option) => {
                let p = s.profile_question(&id)?;
                if let Some(o) = &option {
                    if !p.options.iter().any(|x| &x.id == o) {
                        return None;
                    }
                }
                next.answers.set_profile(id, option);
            }
            Action::SetLang(lang) => next.lang = lang,
        }
        (next != *self).then_some(next)
    }
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
