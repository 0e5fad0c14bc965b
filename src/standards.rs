//! The standards built into the widget, embedded at compile time and parsed on first use.

use std::rc::Rc;

use brand_core::{Problem, Standard};

pub const DEFAULT: &str = "sample";

const BUILTIN: &[(&str, &str)] = &[("sample", include_str!("../standards/sample.json"))];

/// The canonical id of a built-in standard, if `id` names one.
pub fn builtin_id(id: &str) -> Option<&'static str> {
    BUILTIN.iter().find(|(k, _)| *k == id).map(|(k, _)| *k)
}

/// Parses a built-in standard. The shipped files are validated by the test suite, so an error
/// here means a broken build; it is still shown, not panicked on.
pub fn load(id: &str) -> Result<Rc<Standard>, Vec<Problem>> {
    let json = BUILTIN.iter().find(|(k, _)| *k == id).map(|(_, v)| *v).unwrap_or(BUILTIN[0].1);
    brand_core::parse(json).map(Rc::new)
}
