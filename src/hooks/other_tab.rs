//! Another tab or window saving the same assessment: the change is handed to the session, which
//! pauses saving and asks the user which answers to keep. A change to any other assessment of the
//! questionnaire only has the list read again.

use yew::prelude::*;

use crate::state::{Action, Dispatch, SharedStandard, Slot, Source};
use crate::storage;

#[hook]
pub fn use_other_tab(open: Option<(Source, Slot, SharedStandard)>, dispatch: Dispatch) {
    use_effect_with(open, move |open| {
        let listener = open.as_ref().map(|(source, slot, st)| {
            let relist = dispatch.clone();
            storage::on_other_tab_change(
                source,
                slot,
                st.0.clone(),
                move |change| dispatch.emit(Action::OtherTabChanged(change)),
                move || relist.emit(Action::Relist),
            )
        });
        move || drop(listener)
    });
}
