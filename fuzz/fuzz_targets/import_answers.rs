//! Any bytes as an imported answers file, against the shipped enterprise standard: reading must
//! refuse or keep what fits, never panic, and what it keeps must score within bounds.
#![no_main]

use brand_core::answers::AnswersFile;
use brand_core::{assess, parse, Standard};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn standard() -> &'static Standard {
    static S: OnceLock<Standard> = OnceLock::new();
    S.get_or_init(|| parse(include_str!("../../standards/enterprise.json")).expect("shipped standard"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(file) = AnswersFile::parse(text) {
        let s = standard();
        let (answers, _issues) = file.into_answers(s);
        let x = assess(s, &answers);
        assert!(x.score.min <= x.score.total && x.score.total <= x.score.max && x.score.max <= 1000);
    }
});
