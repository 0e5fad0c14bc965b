//! The app's effects, one small hook each. A hook watches the part of the [`Session`] it needs,
//! does its one thing with the browser (through the module that owns that effect: `storage`,
//! `files`, `embed`, `offline`, `events`) and reports back with an [`Action`]; none keeps state
//! the screen depends on.
//!
//! [`Session`]: crate::state::Session
//! [`Action`]: crate::state::Action

mod autosave;
mod embed;
mod focus;
mod import;
mod open;
mod other_tab;
mod parts;
mod read_files;
mod saved;
mod update;

pub use autosave::use_autosave;
pub use embed::use_embed_reports;
pub use focus::{use_focus_on_list, use_focus_on_screen};
pub use import::use_import;
pub use open::use_open_standard;
pub use other_tab::use_other_tab;
pub use parts::use_parts;
pub use read_files::{files_change, use_read_files, Purpose};
pub use saved::use_saved_list;
pub use update::use_update_prompt;
