//! Core timings on the two shipped standards, for `make bench` (scripts/bench.mjs reads the JSON
//! this prints). For each standard: parsing the file, reading an answers file, and assessing
//! (score, range, tier, plan) every golden answer set, combining ten respondents' answers and
//! comparing two results (issue 15); medians of many repetitions, in µs.
//! Run with `cargo run --release -p brand-core --example timing`.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use brand_core::answers::AnswersFile;
use brand_core::combine::{combine, Submission};
use brand_core::compare::{compare, Side};
use brand_core::{assess, parse, Respondent};

/// Median time of one call of `f`, in microseconds, over `rounds` timed batches.
fn median_us(rounds: usize, batch: usize, mut f: impl FnMut()) -> f64 {
    let mut t: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                f();
            }
            start.elapsed().as_secs_f64() * 1e6 / batch as f64
        })
        .collect();
    t.sort_by(|a, b| a.total_cmp(b));
    t[t.len() / 2]
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = Vec::new();
    // Every shipped standard has a folder of golden sets (`golden/fixture` belongs to a test
    // fixture under `standards/fixtures/`, not a shipped standard: skipped).
    let mut ids: Vec<String> = std::fs::read_dir(root.join("standards/golden"))
        .expect("golden folder")
        .flatten()
        .filter(|e| e.path().is_dir())
        .filter(|e| root.join(format!("standards/{}.json", e.file_name().to_string_lossy())).is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    for id in &ids {
        let json = std::fs::read_to_string(root.join(format!("standards/{id}.json"))).expect("standard file");
        let st = parse(&json).expect("shipped standard is valid");
        let mut sets = Vec::new();
        let dir = root.join(format!("standards/golden/{id}"));
        let mut files: Vec<_> = std::fs::read_dir(&dir).expect("golden dir").flatten().map(|e| e.path()).collect();
        files.sort();
        for p in files.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
            sets.push(std::fs::read_to_string(p).expect("golden file"));
        }
        let answers: Vec<_> =
            sets.iter().map(|s| AnswersFile::parse(s).expect("golden answers").into_answers(&st).0).collect();
        let parse_us = median_us(31, 20, || {
            black_box(parse(black_box(&json)).is_ok());
        });
        let import_us = median_us(31, 50, || {
            for s in &sets {
                black_box(AnswersFile::parse(black_box(s)).is_ok());
            }
        }) / sets.len() as f64;
        let assess_us = median_us(31, 200, || {
            for a in &answers {
                black_box(assess(black_box(&st), black_box(a)));
            }
        }) / answers.len() as f64;
        // A team of ten: the first ten golden sets (cycled), each its own respondent.
        let team: Vec<Submission> = (0..10)
            .map(|i| Submission {
                respondent: Respondent { name: format!("r{i}"), role: None },
                answers: answers[i % answers.len()].clone(),
            })
            .collect();
        let none = brand_core::map::Map::new();
        let combine10_us = median_us(31, 20, || {
            black_box(combine(black_box(&st), black_box(&team), &none));
        });
        let (a, b) = (&answers[0], &answers[answers.len() - 1]);
        let compare_us = median_us(31, 50, || {
            black_box(compare(Side { standard: &st, answers: a }, Side { standard: &st, answers: b }, 2026));
        });
        out.push(format!(
            "{{\"standard\":\"{id}\",\"questions\":{},\"bytes\":{},\"parse_us\":{parse_us:.1},\"import_us\":{import_us:.1},\"assess_us\":{assess_us:.2},\"combine10_us\":{combine10_us:.1},\"compare_us\":{compare_us:.1},\"sets\":{}}}",
            st.questions.len(),
            json.len(),
            answers.len()
        ));
    }
    println!("[{}]", out.join(","));
}
