//! The split-off screens' code (`crate::parts`): the assessment's screens (steps, review, report)
//! are asked for after the first render, in the background (precached, they are usually in the
//! page before the user has chosen a questionnaire); the team screen's and the comparison's when
//! their screen is shown. Each answer is an
//! `Action::PartLoaded`; a retry (`Action::RetryPart`) puts the part back to `Load::NotYet`, and
//! this asks again.

use yew::prelude::*;

use crate::state::{Action, Dispatch, Load, Part, Screen};

#[hook]
pub fn use_parts(screen: Screen, parts: [Load; 3], dispatch: Dispatch) {
    let wanted = Part::of(&screen);
    use_effect_with((wanted, parts), move |(wanted, parts)| {
        for part in Part::ALL {
            if parts[part as usize] == Load::NotYet && (part == Part::Assessment || *wanted == Some(part)) {
                let dispatch = dispatch.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let ok = crate::parts::load(part).await;
                    dispatch.emit(Action::PartLoaded(part, ok));
                });
            }
        }
    });
}
