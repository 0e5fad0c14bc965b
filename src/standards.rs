//! The standards built into the widget, embedded at compile time and parsed when opened.

use std::rc::Rc;

use brand_core::{Lang, Problem, Standard};

use crate::i18n::catalog;

/// A built-in standard and what the start page says about it before it is parsed.
pub struct Builtin {
    pub id: &'static str,
    pub json: &'static str,
    pub title: fn(Lang) -> &'static str,
    pub describe: fn(Lang) -> &'static str,
    /// How many questions it holds (counted from the file, not hard-coded).
    pub questions: usize,
}

pub const DEFAULT: &str = "enterprise";

const ENTERPRISE: &str = include_str!("../standards/enterprise.json");
const REGIONAL: &str = include_str!("../standards/regional.json");
#[cfg(feature = "sample")]
const SAMPLE: &str = include_str!("../standards/sample.json");

/// Counts `"kind"` keys: every question has exactly one and nothing else uses the key.
const fn count_questions(json: &str) -> usize {
    let (b, pat) = (json.as_bytes(), b"\"kind\"");
    let (mut i, mut n) = (0, 0);
    while i + pat.len() <= b.len() {
        let mut j = 0;
        while j < pat.len() && b[i + j] == pat[j] {
            j += 1;
        }
        if j == pat.len() {
            n += 1;
        }
        i += 1;
    }
    n
}

pub static BUILTIN: &[Builtin] = &[
    Builtin {
        id: "enterprise",
        json: ENTERPRISE,
        title: |l| catalog(l).enterprise_title,
        describe: |l| catalog(l).enterprise_desc,
        questions: count_questions(ENTERPRISE),
    },
    Builtin {
        id: "regional",
        json: REGIONAL,
        title: |l| catalog(l).regional_title,
        describe: |l| catalog(l).regional_desc,
        questions: count_questions(REGIONAL),
    },
    #[cfg(feature = "sample")]
    Builtin {
        id: "sample",
        json: SAMPLE,
        // Test-only: the component tests never read these texts.
        title: |l| catalog(l).enterprise_title,
        describe: |l| catalog(l).enterprise_desc,
        questions: count_questions(SAMPLE),
    },
];

/// The built-in standard with this id.
pub fn builtin(id: &str) -> Option<&'static Builtin> {
    BUILTIN.iter().find(|b| b.id == id)
}

/// Parses a built-in standard. The shipped files are validated by the test suite, so an error
/// here means a broken build; it is still shown, not panicked on.
pub fn load(id: &str) -> Result<Rc<Standard>, Vec<Problem>> {
    let b = builtin(id).unwrap_or(&BUILTIN[0]);
    brand_core::parse(b.json).map(Rc::new)
}

/// Why a host's own standard file could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum CustomError {
    Unreadable,
    Invalid(Vec<Problem>),
}

/// Fetches and parses a standard file from the site's own origin.
pub async fn fetch(url: &str) -> Result<Rc<Standard>, CustomError> {
    use wasm_bindgen::JsCast;
    async fn text(url: &str) -> Option<String> {
        let w = crate::window()?;
        let resp: web_sys::Response = wasm_bindgen_futures::JsFuture::from(w.fetch_with_str(url))
            .await
            .ok()?
            .dyn_into()
            .ok()?;
        if !resp.ok() {
            return None;
        }
        wasm_bindgen_futures::JsFuture::from(resp.text().ok()?)
            .await
            .ok()?
            .as_string()
    }
    let body = text(url).await.ok_or(CustomError::Unreadable)?;
    brand_core::parse(&body)
        .map(Rc::new)
        .map_err(CustomError::Invalid)
}
