//! Another tab or window saving the same questionnaire: the change is handed to the session,
//! which pauses saving and asks the user which answers to keep.

use yew::prelude::*;

use crate::state::{Action, Dispatch, SharedStandard, Source};
use crate::storage;

#[hook]
pub fn use_other_tab(open: Option<(Source, SharedStandard)>, dispatch: Dispatch) {
    use_effect_with(open, move |open| {
        let listener = open.as_ref().map(|(source, st)| {
            storage::on_other_tab_change(source, st.0.clone(), move |change| {
                dispatch.emit(Action::OtherTabChanged(change))
            })
        });
        move || drop(listener)
    });
}
