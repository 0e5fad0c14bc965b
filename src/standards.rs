//! The standards that ship with the widget. They are files next to `index.html`
//! (`standard-<id>.json`, copied by Trunk and precached by the service worker), fetched and
//! parsed when opened, so they are not in the wasm the first screen waits for. The demo standard
//! of the component tests is compiled in instead (feature `sample`).

use std::rc::Rc;

use brand_core::{Lang, Problem, Standard};

use crate::files::fetch_text;
use crate::i18n::catalog;

/// Where a built-in standard's JSON comes from.
pub enum Source {
    /// A file of the site, relative to the page.
    File(&'static str),
    /// Compiled in (the test-only demo standard).
    #[cfg_attr(not(feature = "sample"), allow(dead_code))]
    Inline(&'static str),
}

/// A built-in standard and what the start page says about it before it is loaded.
pub struct Builtin {
    pub id: &'static str,
    pub source: Source,
    pub title: fn(Lang) -> &'static str,
    pub describe: fn(Lang) -> &'static str,
    /// How many questions it holds (counted from the file, not hard-coded).
    pub questions: usize,
}

pub const DEFAULT: &str = "enterprise";

// Read at compile time only, to count the questions: the text is not kept in the wasm.
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
        source: Source::File("./standard-enterprise.json"),
        title: |l| catalog(l).enterprise_title,
        describe: |l| catalog(l).enterprise_desc,
        questions: count_questions(ENTERPRISE),
    },
    Builtin {
        id: "regional",
        source: Source::File("./standard-regional.json"),
        title: |l| catalog(l).regional_title,
        describe: |l| catalog(l).regional_desc,
        questions: count_questions(REGIONAL),
    },
    #[cfg(feature = "sample")]
    Builtin {
        id: "sample",
        source: Source::Inline(SAMPLE),
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

/// Why a built-in standard could not be opened.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The file could not be fetched (offline before the service worker had cached it, or a
    /// deployment without it).
    Unavailable,
    /// The file is not a valid standard: a broken build. Shown, not panicked on.
    Invalid(Vec<Problem>),
}

/// Loads and parses a built-in standard. The shipped files are validated by the test suite.
pub async fn load(id: &str) -> Result<Rc<Standard>, LoadError> {
    let b = builtin(id).unwrap_or(&BUILTIN[0]);
    let owned;
    let json = match b.source {
        Source::Inline(json) => json,
        Source::File(url) => {
            owned = fetch_text(url).await.ok_or(LoadError::Unavailable)?;
            owned.as_str()
        }
    };
    brand_core::parse(json).map(Rc::new).map_err(LoadError::Invalid)
}

/// Why a host's own standard file could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum CustomError {
    Unreadable,
    Invalid(Vec<Problem>),
}

/// Fetches and parses a standard file from the site's own origin.
pub async fn fetch(url: &str) -> Result<Rc<Standard>, CustomError> {
    let body = fetch_text(url).await.ok_or(CustomError::Unreadable)?;
    brand_core::parse(&body).map(Rc::new).map_err(CustomError::Invalid)
}
