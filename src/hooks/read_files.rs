//! Reading the files chosen on the team and comparison screens: each is read (size-limited) in
//! the order chosen and handed to the session as text, or with why it could not be read; the
//! session checks it (`state::team`), so one damaged file in a batch stops none of the others.

use yew::prelude::*;

use crate::files;
use crate::state::{Action, Dispatch, FileProblem};

/// What the files are for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Team,
    /// One side of the comparison (0 earlier, 1 later).
    Compare(usize),
}

#[hook]
pub fn use_read_files(dispatch: Dispatch) -> Callback<(Purpose, Vec<web_sys::File>)> {
    Callback::from(move |(purpose, list): (Purpose, Vec<web_sys::File>)| {
        let dispatch = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            for file in list {
                let name = file.name();
                let text = match files::read_text(file).await {
                    Ok(t) => Ok(t),
                    Err(files::ReadError::TooLarge) => Err(FileProblem::TooLarge),
                    Err(files::ReadError::Failed) => Err(FileProblem::ReadFailed),
                };
                dispatch.emit(match purpose {
                    Purpose::Team => Action::TeamFile { name, text },
                    Purpose::Compare(side) => Action::CompareFile { side, name, text },
                });
            }
        });
    })
}

/// The change handler of a file input that may hold several files: passes them on in order and
/// resets the input so the same files can be chosen again.
pub fn files_change(purpose: Purpose, cb: Callback<(Purpose, Vec<web_sys::File>)>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        if let Some(list) = input.files() {
            let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
            if !files.is_empty() {
                cb.emit((purpose, files));
            }
        }
        input.set_value("");
    })
}
