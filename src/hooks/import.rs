//! Importing a file: read it (size-limited), check it against the open standard, and hand the
//! session a preview — or the reason it cannot be used. Each read is numbered by the session
//! (`ImportStarted`, numbered here), so when two files are picked in quick succession only the newest one's
//! preview appears, and a preview is tied to the standard it was checked against.

use yew::prelude::*;

use crate::files;
use crate::state::{Action, Dispatch, Notice, PendingImport, SharedStandard, Source};

/// The callback for a chosen file, given the open standard and its current answers.
#[hook]
pub fn use_import(
    open: Option<(Source, SharedStandard)>,
    current: brand_core::Answers,
    dispatch: Dispatch,
) -> Callback<web_sys::File> {
    let counter = use_mut_ref(|| 0u32);
    Callback::from(move |file: web_sys::File| {
        let Some((source, st)) = open.clone() else { return };
        let request = {
            let mut n = counter.borrow_mut();
            *n = n.wrapping_add(1);
            *n
        };
        dispatch.emit(Action::ImportStarted(request));
        let (current, dispatch) = (current.clone(), dispatch.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let result = match files::read_text(file).await {
                Ok(text) => PendingImport::check(&text, source, &st, &current),
                Err(files::ReadError::TooLarge) => Err(Notice::ImportTooLarge),
                Err(files::ReadError::Failed) => Err(Notice::ImportReadFailed),
            };
            dispatch.emit(Action::ImportRead { request, result });
        });
    })
}
