//! The widget's components. Each file holds one screen or one piece of a screen, named after
//! the file; plain `view_*` functions where no hooks are needed.

pub mod about;
pub mod bars;
pub mod button;
pub mod compare;
pub mod dossier;
pub mod facts;
pub mod gates;
pub mod handover;
pub mod header;
pub mod host_error;
pub mod import;
pub mod markup;
pub mod notices;
pub mod part;
pub mod profile;
pub mod programmes;
pub mod question_card;
pub mod report;
pub mod review;
pub mod saved;
pub mod score_panel;
pub mod select;
pub mod start;
pub mod team;
pub mod wizard;
