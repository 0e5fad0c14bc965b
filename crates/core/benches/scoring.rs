//! Scoring speed on a synthetic 1000-question standard (100 indicators × 10 questions), the
//! largest shape the format is meant for. Reports figures only; nothing here asserts a time.

use brand_core::answers::Level;
use brand_core::{assess, parse, Answers, GateAnswer, Response};
use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::{json, Value};
use std::hint::black_box;

fn text(s: String) -> Value {
    json!({ "zh": format!("{s}（中文）"), "en": s })
}

fn synthetic() -> String {
    let levels: Vec<Value> = (0..6).map(|l| text(format!("Level {l} descriptor"))).collect();
    let parts: Vec<Value> = (0..4)
        .map(|p| {
            let indicators: Vec<Value> = (0..25)
                .map(|i| {
                    let questions: Vec<Value> = (0..10)
                        .map(|q| json!({ "id": format!("P{p}.{i}.{q}"), "kind": "practice",
                            "text": text(format!("Question {p}.{i}.{q}")), "levels": levels, "na_allowed": q % 3 == 0 }))
                        .collect();
                    json!({ "id": format!("P{p}.{i}"), "title": text(format!("Indicator {i}")), "points": 10,
                        "sources": [{ "cite": "GB/T 39654-2020", "tag": "C" }], "questions": questions })
                })
                .collect();
            json!({ "id": format!("P{p}"), "title": text(format!("Part {p}")), "points": 250, "indicators": indicators })
        })
        .collect();
    let gates: Vec<Value> = (0..5)
        .map(|g| json!({ "id": format!("G{g}"), "text": text(format!("Gate {g}")), "blocking": g == 0 }))
        .collect();
    let tiers: Vec<Value> = [0, 350, 500, 650, 800]
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let g: Vec<String> = (0..i).map(|g| format!("G{g}")).collect();
            json!({ "id": format!("T{i}"), "name": text(format!("Tier {i}")), "threshold": t, "gates": g,
                "min_part_percent": if i == 4 { Some(60) } else { None } })
        })
        .collect();
    json!({ "format": 1, "id": "synthetic", "version": "1.0.0", "subject": "enterprise",
        "title": text("Synthetic".into()), "disclaimer": text("Benchmark only".into()), "total_points": 1000,
        "parts": parts, "gates": gates, "tiers": tiers })
    .to_string()
}

fn bench(c: &mut Criterion) {
    let json = synthetic();
    let s = parse(&json).expect("synthetic standard is valid");
    assert_eq!(s.questions.len(), 1000);
    let mut a = Answers::default();
    for (i, q) in s.questions.iter().enumerate() {
        if i % 7 == 0 {
            continue; // some left open, so the range and plan have work to do
        }
        a.set_response(q.id.clone(), Level::new((i % 6) as u8).map(Response::Level));
        if i % 2 == 0 {
            a.set_note(q.id.clone(), "报告".into());
        }
    }
    for g in &s.gates {
        a.set_gate(g.id.clone(), Some(GateAnswer::Yes));
    }
    c.bench_function("parse 1000-question standard", |b| b.iter(|| parse(black_box(&json)).is_ok()));
    c.bench_function("assess 1000 questions (score, tier, plan)", |b| b.iter(|| assess(black_box(&s), black_box(&a))));
}

criterion_group!(benches, bench);
criterion_main!(benches);
