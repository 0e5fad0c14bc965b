//! The standards that ship with the widget. They are files next to `index.html`
//! (`standard-<id>.json`, copied by Trunk and precached by the service worker), fetched and
//! parsed when opened, so they are not in the wasm the first screen waits for. The demo standard
//! of the component tests is compiled in instead (feature `sample`).

use std::rc::Rc;

use brand_core::{Lang, Standard};

use crate::files::fetch_text;
use crate::i18n::catalog;
use crate::state::{OpenError, Source};

/// Where a built-in standard's JSON comes from.
pub enum File {
    /// A file of the site, relative to the page.
    Url(&'static str),
    /// Compiled in (the test-only demo standard).
    #[cfg_attr(not(feature = "sample"), allow(dead_code))]
    Inline(&'static str),
}

/// A built-in standard and what the start page says about it before it is loaded.
pub struct Builtin {
    pub id: &'static str,
    pub file: File,
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
        file: File::Url("./standard-enterprise.json"),
        title: |l| catalog(l).enterprise_title,
        describe: |l| catalog(l).enterprise_desc,
        questions: count_questions(ENTERPRISE),
    },
    Builtin {
        id: "regional",
        file: File::Url("./standard-regional.json"),
        title: |l| catalog(l).regional_title,
        describe: |l| catalog(l).regional_desc,
        questions: count_questions(REGIONAL),
    },
    #[cfg(feature = "sample")]
    Builtin {
        id: "sample",
        file: File::Inline(SAMPLE),
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

/// Fetches (or, for the test-only sample, reads) and parses a standard: the one way a
/// standard is opened, built-in or the host's own file.
pub async fn load(source: &Source) -> Result<Rc<Standard>, OpenError> {
    let text = match source {
        Source::Builtin(id) => match builtin(id).map(|b| &b.file) {
            Some(File::Inline(json)) => Some((*json).to_owned()),
            Some(File::Url(url)) => fetch_text(url).await,
            None => None,
        },
        Source::Host(url) => fetch_text(url).await,
    };
    let text = text.ok_or(OpenError::Unavailable)?;
    brand_core::parse(&text).map(Rc::new).map_err(OpenError::Invalid)
}
