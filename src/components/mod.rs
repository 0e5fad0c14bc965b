//! The widget's components. Each file holds one component (or plain view functions where no
//! hooks are needed), named after the file.

pub mod gates;
pub mod profile;
pub mod question_card;
pub mod score_panel;
