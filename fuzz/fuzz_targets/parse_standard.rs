//! Any bytes as a standard file: `parse` must return a standard or problems, never panic, and a
//! standard it accepts must score its empty and its all-5 answers without panicking.
#![no_main]

use brand_core::answers::Level;
use brand_core::{assess, parse, Answers, Response};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(s) = parse(text) {
        let mut a = Answers::default();
        let _ = assess(&s, &a);
        for q in &s.questions {
            a.set_response(q.id.clone(), Level::new(5).map(Response::Level));
        }
        let x = assess(&s, &a);
        assert!(x.score.total <= s.total_points);
    }
});
