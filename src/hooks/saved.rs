//! The list of the open questionnaire's assessments on this device: read again whenever the
//! session raises `listing`, and handed back as `Listed`.

use yew::prelude::*;

use crate::state::{saved, Action, Dispatch, SharedStandard, Source};
use crate::storage;

#[hook]
pub fn use_saved_list(open: Option<(Source, SharedStandard)>, listing: u32, year: u16, dispatch: Dispatch) {
    use_effect_with((open, listing), move |(open, _)| {
        if let Some((source, st)) = open {
            let list = saved::list(st, storage::slots(source, &st.id), year);
            dispatch.emit(Action::Listed { source: source.clone(), saved: list });
        }
    });
}
