//! Any bytes as a hand-over link fragment: `decode` must refuse or return text, never panic; what
//! it returns re-encodes to exactly the input (the encoding is canonical, so no edit slips
//! through as the same bytes), and it imports like any answers file.
#![no_main]

use brand_core::answers::AnswersFile;
use brand_core::handover::{decode, encode};
use brand_core::{assess, parse, Standard};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn standard() -> &'static Standard {
    static S: OnceLock<Standard> = OnceLock::new();
    S.get_or_init(|| parse(include_str!("../../standards/enterprise.json")).expect("shipped standard"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(json) = decode(text) {
        assert_eq!(encode(&json), text.strip_prefix('#').unwrap_or(text));
        if let Ok(file) = AnswersFile::parse(&json) {
            let s = standard();
            let (answers, _issues) = file.into_answers(s);
            let x = assess(s, &answers);
            assert!(x.score.min <= x.score.total && x.score.total <= x.score.max && x.score.max <= 1000);
        }
    }
});
