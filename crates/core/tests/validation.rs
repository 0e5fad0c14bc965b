//! One broken definition per problem kind: each must be reported, with its JSON path, and a
//! valid definition must have none.

mod common;
use brand_core::standard::ProblemKind as K;
use brand_core::{parse, Lang, Problem};
use serde_json::{json, Value};

/// Breaks the fixture with `edit` and returns the problems `parse` reports.
fn problems(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut v = common::mini_value();
    edit(&mut v);
    match parse(&v.to_string()) {
        Ok(_) => Vec::new(),
        Err(p) => p,
    }
}

#[track_caller]
fn expect(edit: impl FnOnce(&mut Value), path: &str, kind: K) {
    let got = problems(edit);
    assert!(got.iter().any(|p| p.path == path && p.kind == kind), "expected {path}: {kind:?}\n got {got:#?}");
}

#[test]
fn the_fixture_is_valid() {
    assert_eq!(problems(|_| {}), vec![]);
}

#[test]
fn syntax_and_shape() {
    let got = parse("{ \"format\": 1, ").unwrap_err();
    assert!(matches!(got[0].kind, K::Syntax(_)), "{got:?}");
    let got = parse("[1, 2]").unwrap_err();
    assert!(matches!(got[0].kind, K::Shape(_)) && got[0].path == "$[0]", "{got:?}");
    let got = problems(|v| v["parts"][0]["indicators"][1]["points"] = json!("seventy-five"));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].path, "$.parts[0].indicators[1].points");
    assert!(matches!(got[0].kind, K::Shape(_)));
    let got = problems(|v| v["tiers"][0]["colour"] = json!("gold"));
    assert!(matches!(got[0].kind, K::Shape(ref m) if m.contains("colour")), "{got:?}");
    let got = problems(|v| v["parts"][0]["indicators"][0]["sources"][0]["tag"] = json!("maybe"));
    assert_eq!(got[0].path, "$.parts[0].indicators[0].sources[0].tag");
}

#[test]
fn format_and_ids() {
    expect(|v| v["format"] = json!(2), "$.format", K::UnsupportedFormat { found: 2 });
    expect(|v| v["id"] = json!("has space"), "$.id", K::BadId("has space".into()));
    expect(|v| v["version"] = json!(" "), "$.version", K::Empty);
    expect(
        |v| v["parts"][1]["indicators"][0]["questions"][0]["id"] = json!("A1.1"),
        "$.parts[1].indicators[0].questions[0].id",
        K::DuplicateId("A1.1".into()),
    );
    expect(|v| v["parts"][1]["id"] = json!("A"), "$.parts[1].id", K::DuplicateId("A".into()));
    expect(|v| v["gates"][2]["id"] = json!("G1"), "$.gates[2].id", K::DuplicateId("G1".into()));
    expect(|v| v["tiers"][1]["id"] = json!(""), "$.tiers[1].id", K::BadId(String::new()));
}

#[test]
fn texts_in_both_languages() {
    expect(
        |v| v["parts"][0]["indicators"][0]["questions"][1]["text"]["en"] = json!(""),
        "$.parts[0].indicators[0].questions[1].text.en",
        K::MissingText { lang: Lang::En },
    );
    expect(|v| v["disclaimer"]["zh"] = json!("  "), "$.disclaimer.zh", K::MissingText { lang: Lang::Zh });
    expect(
        |v| v["parts"][0]["indicators"][0]["questions"][0]["levels"][4]["zh"] = json!(""),
        "$.parts[0].indicators[0].questions[0].levels[4].zh",
        K::MissingText { lang: Lang::Zh },
    );
}

#[test]
fn levels_zero_to_five_all_described() {
    expect(
        |v| {
            v["parts"][0]["indicators"][0]["questions"][0]["levels"].as_array_mut().unwrap().pop();
        },
        "$.parts[0].indicators[0].questions[0].levels",
        K::LevelCount { found: 5 },
    );
}

#[test]
fn points_add_up() {
    expect(
        |v| v["parts"][0]["indicators"][0]["points"] = json!(100),
        "$.parts[0].points",
        K::PointsMismatch { declared: 200, sum: 175 },
    );
    expect(|v| v["total_points"] = json!(900), "$.total_points", K::PointsMismatch { declared: 900, sum: 1000 });
    expect(|v| v["parts"][0]["indicators"][1]["points"] = json!(0), "$.parts[0].indicators[1].points", K::ZeroPoints);
}

#[test]
fn every_indicator_has_questions() {
    expect(
        |v| v["parts"][0]["indicators"][1]["questions"] = json!([]),
        "$.parts[0].indicators[1].questions",
        K::NoQuestions,
    );
    expect(|v| v["parts"] = json!([]), "$.parts", K::Empty);
}

#[test]
fn tiers_ascend_and_accumulate_gates() {
    expect(
        |v| v["tiers"][2]["threshold"] = json!(350),
        "$.tiers[2].threshold",
        K::ThresholdsNotAscending { previous: 350, found: 350 },
    );
    expect(
        |v| v["tiers"][4]["threshold"] = json!(1200),
        "$.tiers[4].threshold",
        K::ThresholdAboveTotal { total: 1000 },
    );
    expect(
        |v| v["tiers"][2]["gates"] = json!(["G2"]),
        "$.tiers[2].gates",
        K::GatesNotCumulative { missing: "G1".into() },
    );
    expect(
        |v| v["tiers"][1]["min_part_percent"] = json!(160),
        "$.tiers[1].min_part_percent",
        K::PercentOutOfRange(160),
    );
    expect(|v| v["tiers"] = json!([]), "$.tiers", K::Empty);
}

#[test]
fn references_resolve() {
    expect(|v| v["tiers"][1]["gates"] = json!(["G9"]), "$.tiers[1].gates[0]", K::UnknownGate("G9".into()));
    expect(
        |v| v["advisories"][0]["when"][0]["part_at_least"]["part"] = json!("Z"),
        "$.advisories[0].when[0].part_at_least.part",
        K::UnknownPart("Z".into()),
    );
    expect(
        |v| v["advisories"][1]["when"][0]["gate_passed"] = json!("G7"),
        "$.advisories[1].when[0].gate_passed",
        K::UnknownGate("G7".into()),
    );
    expect(
        |v| v["gates"][2]["applies_when"]["profile"] = json!("size"),
        "$.gates[2].applies_when.profile",
        K::UnknownProfile("size".into()),
    );
    expect(
        |v| v["parts"][1]["indicators"][1]["questions"][1]["applies_when"]["any_of"] = json!(["mining"]),
        "$.parts[1].indicators[1].questions[1].applies_when.any_of[0]",
        K::UnknownOption("mining".into()),
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let got = problems(|v| {
        v["format"] = json!(7);
        v["title"]["en"] = json!("");
        v["tiers"][3]["gates"] = json!(["G1", "G9"]);
    });
    assert_eq!(got.len(), 4, "{got:#?}"); // format, title.en, unknown G9, G2 no longer cumulative
    let text = got.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n");
    assert!(text.contains("$.tiers[3].gates[1]: no gate has the id \"G9\""), "{text}");
}

/// Shape errors carry the path of the value at fault, found from serde_json's position.
#[test]
fn shape_error_paths() {
    let path = |json: &str| parse(json).unwrap_err()[0].path.clone();
    // A value of the wrong type, on one line and spread over lines.
    assert_eq!(path(r#"{"format": 1, "id": 7}"#), "$.id");
    assert_eq!(
        path("{\n  \"format\": 1,\n  \"parts\": [\n    {\"id\": \"A\", \"title\": 5}\n  ]\n}"),
        "$.parts[0].title"
    );
    // A missing field points at the object that lacks it; an unknown one at itself.
    assert_eq!(path(r#"{"format": 1, "parts": [{}, {"id": "B"}]}"#), "$.parts[0]");
    assert_eq!(path(r#"{"format": 1, "bogus": true}"#), "$.bogus");
    // Escapes and brackets inside strings do not confuse the scan.
    assert_eq!(path(r#"{"format": 1, "id": "a\"[{", "version": []}"#), "$.version");
    assert_eq!(brand_core::standard::path_at("[[1, 2], [3, 4]]", 1, 13), "$[1][1]");
}

/// Issue 18: every arithmetic bound is the validator's, each with its own problem.
#[test]
fn points_are_bounded() {
    // Two parts of 2^31 points whose sum would saturate onto a declared u32::MAX.
    let got = problems(|v| {
        v["total_points"] = json!(u32::MAX);
        v["parts"][0]["points"] = json!(2_147_483_648u32);
        v["parts"][0]["indicators"][0]["points"] = json!(2_147_483_648u32 - 75);
        v["parts"][1]["points"] = json!(2_147_483_648u32);
        v["parts"][1]["indicators"][0]["points"] = json!(2_147_483_648u32 - 325);
        v["tiers"][4]["threshold"] = json!(u32::MAX);
    });
    let max = brand_core::standard::MAX_TOTAL_POINTS;
    assert!(got.contains(&Problem {
        path: "$.total_points".into(),
        kind: K::PointsMismatch { declared: u32::MAX, sum: u32::MAX }
    }));
    for path in ["$.total_points", "$.parts[0].points", "$.parts[0].indicators[0].points", "$.parts[1].points"] {
        assert!(got.iter().any(|p| p.path == path && matches!(p.kind, K::PointsTooLarge { max: m, .. } if m == max)));
    }
    expect(
        |v| {
            v["total_points"] = json!(max + 1);
            v["parts"][1]["points"] = json!(max + 1 - 200);
            v["parts"][1]["indicators"][0]["points"] = json!(max + 1 - 200 - 325);
        },
        "$.total_points",
        K::PointsTooLarge { found: max + 1, max },
    );
    // Exactly at the bound is fine.
    assert_eq!(
        problems(|v| {
            v["total_points"] = json!(max);
            v["parts"][1]["points"] = json!(max - 200);
            v["parts"][1]["indicators"][0]["points"] = json!(max - 200 - 325);
        }),
        vec![]
    );
    expect(
        |v| v["advisories"][0]["when"] = json!([{ "total_at_least": 1001 }]),
        "$.advisories[0].when[0].total_at_least",
        K::ThresholdAboveTotal { total: 1000 },
    );
}

#[test]
fn counts_are_bounded() {
    use brand_core::standard::{MAX_GATES, MAX_OPTIONS, MAX_QUESTIONS, MAX_RULES, MAX_SOURCES, MAX_TIERS};
    let gate = |i: usize| json!({ "id": format!("X{i}"), "text": { "zh": "门", "en": "g" } });
    expect(
        |v| v["gates"] = Value::Array((0..=MAX_GATES).map(gate).collect()),
        "$.gates",
        K::TooMany { found: MAX_GATES + 1, max: MAX_GATES },
    );
    expect(
        |v| {
            let t = v["tiers"][0].clone();
            v["tiers"] = Value::Array(
                (0..=MAX_TIERS).map(|i| json!({ "id": format!("t{i}"), "name": t["name"], "threshold": i })).collect(),
            );
        },
        "$.tiers",
        K::TooMany { found: MAX_TIERS + 1, max: MAX_TIERS },
    );
    expect(
        |v| v["sources"] = Value::Array(vec![json!({ "cite": "x", "tag": "C" }); MAX_SOURCES + 1]),
        "$.sources",
        K::TooMany { found: MAX_SOURCES + 1, max: MAX_SOURCES },
    );
    expect(
        |v| v["gates"][2]["applies_when"]["any_of"] = Value::Array(vec![json!("mfg"); MAX_OPTIONS + 1]),
        "$.gates[2].applies_when.any_of",
        K::TooMany { found: MAX_OPTIONS + 1, max: MAX_OPTIONS },
    );
    expect(
        |v| v["advisories"][1]["when"] = Value::Array(vec![json!({ "gate_passed": "G2" }); MAX_RULES + 1]),
        "$.advisories[1].when",
        K::TooMany { found: MAX_RULES + 1, max: MAX_RULES },
    );
    // 10,000 questions (in indicators of 20) are refused as a whole, with the count.
    let got = problems(|v| {
        let q = v["parts"][1]["indicators"][0]["questions"][0].clone();
        let ind = v["parts"][1]["indicators"][0].clone();
        let inds: Vec<Value> = (0..500)
            .map(|i| {
                let mut ind = ind.clone();
                ind["id"] = json!(format!("I{i}"));
                ind["points"] = json!(1);
                ind["questions"] = Value::Array(
                    (0..20)
                        .map(|j| {
                            let mut q = q.clone();
                            q["id"] = json!(format!("Q{i}.{j}"));
                            q
                        })
                        .collect(),
                );
                ind
            })
            .collect();
        v["parts"][1]["indicators"] = Value::Array(inds);
    });
    assert!(got.contains(&Problem {
        path: "$.parts".into(),
        kind: K::TooManyQuestionsInAll { found: 10_000 + 5, max: MAX_QUESTIONS }
    }));
    assert!(got.iter().any(|p| p.path == "$.parts" && matches!(p.kind, K::TooManyIndicators { found: 502, .. })));
    assert!(got.iter().any(|p| p.path == "$.parts[1].indicators" && matches!(p.kind, K::TooMany { found: 500, .. })));
}

#[test]
fn texts_are_bounded() {
    use brand_core::standard::{MAX_STANDARD_BYTES, MAX_TEXT_CHARS, MAX_VERSION_CHARS};
    // 4 MiB in one question text: refused at its path, counted in characters.
    let huge = "长".repeat(4 * 1024 * 1024 / 3);
    let chars = huge.chars().count();
    expect(
        |v| v["parts"][0]["indicators"][0]["questions"][0]["text"]["zh"] = json!(huge),
        "$.parts[0].indicators[0].questions[0].text.zh",
        K::TextTooLong { chars, max: MAX_TEXT_CHARS },
    );
    // The bound is in characters, not bytes: 4000 CJK characters (12,000 bytes) are fine.
    assert_eq!(problems(|v| v["title"]["zh"] = json!("长".repeat(MAX_TEXT_CHARS))), vec![]);
    expect(
        |v| v["title"]["en"] = json!("a".repeat(MAX_TEXT_CHARS + 1)),
        "$.title.en",
        K::TextTooLong { chars: MAX_TEXT_CHARS + 1, max: MAX_TEXT_CHARS },
    );
    expect(
        |v| v["sources"][0]["cite"] = json!("c".repeat(MAX_TEXT_CHARS + 1)),
        "$.sources[0].cite",
        K::TextTooLong { chars: MAX_TEXT_CHARS + 1, max: MAX_TEXT_CHARS },
    );
    expect(
        |v| v["version"] = json!("1".repeat(MAX_VERSION_CHARS + 1)),
        "$.version",
        K::TextTooLong { chars: MAX_VERSION_CHARS + 1, max: MAX_VERSION_CHARS },
    );
    // A text of invisible characters only is missing.
    expect(|v| v["title"]["en"] = json!("\u{200B}\u{3164}"), "$.title.en", K::MissingText { lang: Lang::En });
    // A file over the size bound is refused unread.
    let big = format!("{{\"$schema\": \"{}\"}}", "x".repeat(MAX_STANDARD_BYTES));
    assert_eq!(
        parse(&big).unwrap_err(),
        vec![Problem { path: "$".into(), kind: K::FileTooLarge { bytes: big.len(), max: MAX_STANDARD_BYTES } }]
    );
}

/// Issue 18: a standard file with a UTF-8 BOM is read the same in the browser (whose text
/// decoding drops the BOM) and the CLI (which reads the bytes): same standard, same hash.
#[test]
fn a_leading_byte_order_mark_is_accepted() {
    let text = common::mini_value().to_string();
    let with_bom = format!("\u{FEFF}{text}");
    let (a, b) = (parse(&text).expect("plain"), parse(&with_bom).expect("with a BOM"));
    assert_eq!(b.content_hash, brand_core::hash::sha256_hex(text.as_bytes()));
    assert_eq!(b, a);
    // Only one, and only at the start.
    assert!(parse(&format!("\u{FEFF}{with_bom}")).is_err());
    let got = parse("{\u{FEFF}\"format\": 1}").unwrap_err();
    assert!(matches!(got[0].kind, K::Syntax(_)), "{got:?}");
}
