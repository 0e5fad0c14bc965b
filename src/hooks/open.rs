//! Opening a standard: when the session asks for one (`Session::opening`), fetch and parse it,
//! read the assessment asked for (or the one last open), and answer with `Opened` or `OpenFailed` for that request. The reducer drops answers to requests
//! that are no longer the newest.

use yew::prelude::*;

use crate::state::{Action, Dispatch, Opening};
use crate::{offline, standards, storage};

#[hook]
pub fn use_open_standard(opening: Option<Opening>, dispatch: Dispatch) {
    use_effect_with(opening, move |opening| {
        if let Some(Opening { source, slot, request }) = opening.clone() {
            wasm_bindgen_futures::spawn_local(async move {
                match standards::load(&source).await {
                    Ok(standard) => {
                        let slot = slot.unwrap_or_else(|| storage::current(&source, &standard.id));
                        let restored = storage::load(&source, &slot, &standard);
                        offline::request_persistence();
                        dispatch.emit(Action::Opened {
                            request,
                            slot,
                            standard,
                            restored,
                            embedded: offline::embedded(),
                        });
                    }
                    Err(error) => dispatch.emit(Action::OpenFailed { request, error }),
                }
            });
        }
    });
}
