//! Counts the questions of the shipped standards for the start page, which shows them before a
//! standard is fetched (`src/standards.rs`). Every question has exactly one `"kind": "practice"`
//! or `"kind": "result"` (facts have kinds too: choice, year, number, titles); a native test
//! checks the counts against the parsed files. Done here rather than in a `const fn` because the
//! files are too large for the compiler's const evaluator to read quickly.

use std::{env, fs, path::Path};

fn count(text: &str) -> usize {
    text.matches("\"kind\": \"practice\"").count() + text.matches("\"kind\": \"result\"").count()
}

fn main() {
    let mut out = String::new();
    for (name, file) in [("ENTERPRISE", "enterprise"), ("REGIONAL", "regional"), ("SAMPLE", "sample")] {
        let path = format!("standards/{file}.json");
        println!("cargo:rerun-if-changed={path}");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        out.push_str(&format!("pub const {name}_QUESTIONS: usize = {};\n", count(&text)));
    }
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("question_counts.rs");
    fs::write(dest, out).expect("write question_counts.rs");
}
