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

// The question counts, taken from the files by `build.rs`: the texts are not in the wasm.
include!(concat!(env!("OUT_DIR"), "/question_counts.rs"));
#[cfg(feature = "sample")]
const SAMPLE: &str = include_str!("../standards/sample.json");

pub static BUILTIN: &[Builtin] = &[
    Builtin {
        id: "enterprise",
        file: File::Url("./standard-enterprise.json"),
        title: |l| catalog(l).enterprise_title,
        describe: |l| catalog(l).enterprise_desc,
        questions: ENTERPRISE_QUESTIONS,
    },
    Builtin {
        id: "regional",
        file: File::Url("./standard-regional.json"),
        title: |l| catalog(l).regional_title,
        describe: |l| catalog(l).regional_desc,
        questions: REGIONAL_QUESTIONS,
    },
    #[cfg(feature = "sample")]
    Builtin {
        id: "sample",
        file: File::Inline(SAMPLE),
        // Test-only: the component tests never read these texts.
        title: |l| catalog(l).enterprise_title,
        describe: |l| catalog(l).enterprise_desc,
        questions: SAMPLE_QUESTIONS,
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_compile_time_counts_match_the_parsed_files() {
        for b in BUILTIN {
            let path = format!("{}/standards/{}.json", env!("CARGO_MANIFEST_DIR"), b.id);
            let text = std::fs::read_to_string(&path).expect("a built-in standard's file");
            let st = brand_core::parse(&text).expect("a built-in standard parses");
            assert_eq!(b.questions, st.questions.len(), "{}", b.id);
        }
    }
}
