//! The update prompt: a new version installed beside this one (announced by the boot script)
//! makes the session show "update now".

use yew::prelude::*;

use crate::offline;
use crate::state::{Action, Dispatch};

#[hook]
pub fn use_update_prompt(dispatch: Dispatch) {
    use_effect_with((), move |_| {
        if offline::update_already_ready() {
            dispatch.emit(Action::UpdateReady);
        }
        let listener = offline::on_update_ready(move || dispatch.emit(Action::UpdateReady));
        move || drop(listener)
    });
}
