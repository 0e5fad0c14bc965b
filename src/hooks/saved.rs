//! The list of the open questionnaire's assessments on this device: read again whenever the
//! session raises `listing` (an assessment opened, started, deleted, restored or renamed, or
//! another tab changed one), and handed back as `Listed`. The open one, whenever it changes, is
//! remembered as the one to open next time.

use yew::prelude::*;

use crate::state::{saved, Action, Dispatch, SharedStandard, Slot, Source};
use crate::storage;

#[hook]
pub fn use_saved_list(open: Option<(Source, Slot, SharedStandard)>, listing: u32, year: u16, dispatch: Dispatch) {
    // Remembered when it changes only: a tab that merely lists again (another tab saved) must not
    // make its own the one the other tab's next reload opens.
    use_effect_with(open.clone(), |open| {
        if let Some((source, slot, st)) = open {
            storage::set_current(source, &st.id, slot);
        }
    });
    use_effect_with((open, listing), move |(open, _)| {
        if let Some((source, _, st)) = open {
            let list = saved::list(st, storage::slots(source, &st.id), year);
            dispatch.emit(Action::Listed { source: source.clone(), saved: list });
        }
    });
}
