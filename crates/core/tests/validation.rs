//! One broken definition per problem kind: each must be reported, with its JSON path, and a
//! valid definition must have none.

mod common;
use brand_core::standard::ProblemKind as K;
use brand_core::standard::{
    FactKindName, MAX_CONDITIONS, MAX_DIMENSIONS, MAX_FACTS, MAX_MIGRATIONS, MAX_PROGRAMMES, MAX_TESTS, MAX_TITLES,
};
use brand_core::{parse, Decimal, Lang, Problem};
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

/// Breaks the programmes fixture with `edit` and expects `kind` at `path`.
#[track_caller]
fn expect_p(edit: impl FnOnce(&mut Value), path: &str, kind: K) {
    let mut v = common::programmes_value();
    edit(&mut v);
    let got = match parse(&v.to_string()) {
        Ok(_) => Vec::new(),
        Err(p) => p,
    };
    assert!(got.iter().any(|p| p.path == path && p.kind == kind), "expected {path}: {kind:?}\n got {got:#?}");
}

#[test]
fn the_programmes_fixture_is_valid() {
    let s = common::progs();
    assert_eq!((s.facts.len(), s.titles.len(), s.dimensions.len(), s.programmes.len()), (6, 3, 4, 3));
    assert_eq!(s.radar_part(), Some(1));
    assert_eq!(s.sources[0].cite_for(Lang::En), "GB/T 39654-2020 (brand evaluation: elements)");
    assert_eq!(s.sources[0].cite_for(Lang::Zh), "GB/T 39654-2020");
    // A standard without any of the new sections (the sample with them taken out) stays valid.
    let sample = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../standards/sample.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&sample).unwrap();
    for key in ["facts", "titles", "dimensions", "programmes", "migrations"] {
        v.as_object_mut().unwrap().remove(key);
    }
    for part in v["parts"].as_array_mut().unwrap() {
        part.as_object_mut().unwrap().remove("radar");
    }
    let s = parse(&v.to_string()).expect("a format-1 standard without the new sections");
    assert!(s.programmes.is_empty() && s.facts.is_empty() && s.radar_part().is_none());
}

/// One broken definition per problem kind of facts, titles, dimensions, programmes and migrations.
#[test]
fn programme_references_resolve() {
    let c = "$.programmes[0].conditions";
    expect_p(
        |v| v["programmes"][0]["conditions"][0]["tests"][0]["fact"] = json!("town"),
        &format!("{c}[0].tests[0].fact"),
        K::UnknownFact("town".into()),
    );
    expect_p(
        |v| v["programmes"][0]["held_as"] = json!("gold"),
        "$.programmes[0].held_as",
        K::UnknownTitle("gold".into()),
    );
    expect_p(|v| v["programmes"][0]["rung"] = json!("t9"), "$.programmes[0].rung", K::UnknownTier("t9".into()));
    expect_p(
        |v| v["programmes"][0]["conditions"][2]["tests"][2]["question"] = json!("Z9"),
        &format!("{c}[2].tests[2].question"),
        K::UnknownQuestion("Z9".into()),
    );
    expect_p(
        |v| v["programmes"][0]["conditions"][2]["tests"][1]["gate"] = json!("G9"),
        &format!("{c}[2].tests[1].gate"),
        K::UnknownGate("G9".into()),
    );
    expect_p(
        |v| v["dimensions"][0]["indicators"][1] = json!("Z1"),
        "$.dimensions[0].indicators[1]",
        K::UnknownIndicator("Z1".into()),
    );
    expect_p(
        |v| v["programmes"][0]["conditions"][0]["tests"][0]["any_of"] = json!(["qingdao", "shanghai"]),
        &format!("{c}[0].tests[0].any_of[1]"),
        K::UnknownFactOption("shanghai".into()),
    );
    expect_p(
        |v| v["programmes"][1]["conditions"][2]["tests"][0]["titles_none_of"] = json!(["nobel"]),
        "$.programmes[1].conditions[2].tests[0].titles_none_of[0]",
        K::UnknownTitle("nobel".into()),
    );
    expect_p(
        |v| v["programmes"][0]["applies_when"] = json!({ "profile": "size", "any_of": ["big"] }),
        "$.programmes[0].applies_when.profile",
        K::UnknownProfile("size".into()),
    );
    expect_p(
        |v| v["migrations"][0]["questions"]["B5.2"] = json!("B5.9"),
        "$.migrations[0].questions[\"B5.2\"]",
        K::UnknownQuestion("B5.9".into()),
    );
    expect_p(
        |v| v["migrations"][0]["gates"]["G4"] = json!("G44"),
        "$.migrations[0].gates[\"G4\"]",
        K::UnknownGate("G44".into()),
    );
    expect_p(
        |v| v["migrations"][0]["questions"]["a b"] = json!(null),
        "$.migrations[0].questions[\"a b\"]",
        K::BadId("a b".into()),
    );
}

#[test]
fn tests_have_one_shape_and_the_right_kind_of_fact() {
    let t = "$.programmes[0].conditions[0].tests[0]";
    let set = |test: Value| move |v: &mut Value| v["programmes"][0]["conditions"][0]["tests"][0] = test;
    expect_p(set(json!({ "fact": "city", "any_of": ["qingdao"], "gate": "G1" })), t, K::TestShape);
    expect_p(set(json!({})), t, K::TestShape);
    expect_p(set(json!({ "gate": "G1", "fact": "city" })), t, K::TestShape);
    expect_p(set(json!({ "fact": "revenue", "op": "ge" })), t, K::TestShape);
    expect_p(set(json!({ "met_from": 3 })), t, K::TestShape);
    expect_p(
        set(json!({ "fact": "revenue", "any_of": ["qingdao"] })),
        &format!("{t}.fact"),
        K::FactKindMismatch { expected: FactKindName::Choice, found: FactKindName::Number },
    );
    expect_p(
        set(json!({ "fact": "city", "years_at_least": 3 })),
        &format!("{t}.fact"),
        K::FactKindMismatch { expected: FactKindName::Year, found: FactKindName::Choice },
    );
    expect_p(set(json!({ "fact": "revenue", "op": "ge", "value": 2000.005 })), &format!("{t}.value"), K::NotExact);
    expect_p(
        set(json!({ "fact": "staff", "op": "ge", "value": 50.5 })),
        &format!("{t}.value"),
        K::TooManyDecimals { max: 0 },
    );
    expect_p(
        set(json!({ "fact": "revenue", "op": "ge", "value": -1 })),
        &format!("{t}.value"),
        K::ValueOutOfRange { min: Decimal::from_int(0), max: Decimal::from_int(100_000_000) },
    );
    expect_p(
        set(json!({ "fact": "founded", "op": "lt", "value": 1700 })),
        &format!("{t}.value"),
        K::ValueOutOfRange { min: Decimal::from_int(1800), max: Decimal::from_int(2100) },
    );
    expect_p(set(json!({ "fact": "rd_ratio", "op": "gt", "value": 100 })), &format!("{t}.value"), K::NeverMet);
    expect_p(set(json!({ "fact": "rd_ratio", "op": "lt", "value": 0 })), &format!("{t}.value"), K::NeverMet);
    expect_p(
        set(json!({ "fact": "founded", "years_at_least": 201 })),
        &format!("{t}.years_at_least"),
        K::ValueOutOfRange { min: Decimal::from_int(0), max: Decimal::from_int(200) },
    );
    expect_p(set(json!({ "question": "B1.1", "met_from": 6 })), &format!("{t}.met_from"), K::LevelOutOfRange(6));
    expect_p(
        set(json!({ "question": "B1.1", "met_from": 2, "not_met_below": 3 })),
        &format!("{t}.not_met_below"),
        K::LevelsCross { met_from: 2, not_met_below: 3 },
    );
    expect_p(set(json!({ "fact": "city", "any_of": [] })), &format!("{t}.any_of"), K::Empty);
    expect_p(
        |v| v["programmes"][0]["conditions"][0]["tests"] = json!([]),
        "$.programmes[0].conditions[0].tests",
        K::Empty,
    );
    expect_p(
        |v| {
            v["programmes"][0]["conditions"][0]["tests"] =
                json!([{ "gate": "G1" }, { "gate": "G1" }, { "gate": "G2" }, { "gate": "G3" }, { "gate": "G5" }])
        },
        "$.programmes[0].conditions[0].tests",
        K::TooMany { found: 5, max: MAX_TESTS },
    );
}

#[test]
fn facts_have_the_fields_of_their_kind() {
    expect_p(
        |v| v["facts"][0]["unit"] = json!({ "zh": "个", "en": "x" }),
        "$.facts[0].unit",
        K::FieldNotAllowed("unit"),
    );
    expect_p(
        |v| {
            v["facts"][0].as_object_mut().unwrap().remove("options");
        },
        "$.facts[0]",
        K::MissingField("options"),
    );
    expect_p(|v| v["facts"][1]["options"] = json!([]), "$.facts[1].options", K::FieldNotAllowed("options"));
    expect_p(
        |v| {
            v["facts"][2].as_object_mut().unwrap().remove("max");
        },
        "$.facts[2]",
        K::MissingField("max"),
    );
    expect_p(|v| v["facts"][2]["decimals"] = json!(3), "$.facts[2].decimals", K::TooManyDecimals { max: 2 });
    expect_p(|v| v["facts"][4]["min"] = json!(0.5), "$.facts[4].min", K::TooManyDecimals { max: 0 });
    expect_p(|v| v["facts"][2]["max"] = json!(1e13), "$.facts[2].max", K::NotExact);
    expect_p(|v| v["facts"][2]["min"] = json!(200_000_000), "$.facts[2].min", K::MinAboveMax);
    expect_p(
        |v| v["facts"][0]["options"][1]["id"] = json!("qingdao"),
        "$.facts[0].options[1].id",
        K::DuplicateId("qingdao".into()),
    );
    expect_p(|v| v["facts"][3]["id"] = json!("city"), "$.facts[3].id", K::DuplicateId("city".into()));
    expect_p(|v| v["facts"][4]["kind"] = json!("year"), "$.facts[4].unit", K::FieldNotAllowed("unit"));
    expect_p(
        |v| {
            v["facts"][4] = json!({ "id": "titles2", "kind": "titles", "text": { "zh": "称号", "en": "Titles" } });
        },
        "$.facts[5].kind",
        K::SecondTitlesFact,
    );
    expect_p(
        |v| {
            v["facts"].as_array_mut().unwrap().pop();
        },
        "$.programmes[0].held_as",
        K::NoTitlesFact,
    );
    expect_p(
        |v| {
            v["facts"].as_array_mut().unwrap().pop();
        },
        "$.programmes[1].conditions[2].tests[0].titles_none_of",
        K::NoTitlesFact,
    );
}

#[test]
fn programme_lists_are_bounded_and_unique() {
    expect_p(|v| v["parts"][0]["radar"] = json!(true), "$.parts[1].radar", K::SecondRadarPart);
    expect_p(
        |v| v["programmes"][1]["id"] = json!("qy_industry"),
        "$.programmes[1].id",
        K::DuplicateId("qy_industry".into()),
    );
    expect_p(
        |v| v["programmes"][0]["conditions"][1]["id"] = json!("QY-city"),
        "$.programmes[0].conditions[1].id",
        K::DuplicateId("QY-city".into()),
    );
    expect_p(
        |v| v["programmes"][0]["conditions"][1]["id"] = json!("QY years"),
        "$.programmes[0].conditions[1].id",
        K::BadId("QY years".into()),
    );
    expect_p(|v| v["titles"][1]["id"] = json!("qy"), "$.titles[1].id", K::DuplicateId("qy".into()));
    expect_p(
        |v| v["dimensions"][0]["indicators"] = json!(["A1", "A1"]),
        "$.dimensions[0].indicators[1]",
        K::DuplicateId("A1".into()),
    );
    expect_p(|v| v["dimensions"][0]["indicators"] = json!([]), "$.dimensions[0].indicators", K::Empty);
    expect_p(|v| v["titles"][0]["name"]["en"] = json!(""), "$.titles[0].name.en", K::MissingText { lang: Lang::En });
    expect_p(|v| v["sources"][0]["cite_en"] = json!(" "), "$.sources[0].cite_en", K::Empty);
    expect_p(
        |v| v["migrations"] = json!([{ "from": "1.0.0" }, { "from": "1.0.0" }]),
        "$.migrations[1].from",
        K::DuplicateId("1.0.0".into()),
    );
    let many = |n: usize, f: &dyn Fn(usize) -> Value| Value::Array((0..n).map(f).collect());
    expect_p(
        |v| {
            v["facts"] = many(
                MAX_FACTS + 1,
                &|i| json!({ "id": format!("y{i}"), "kind": "year", "text": { "zh": "年", "en": "y" } }),
            )
        },
        "$.facts",
        K::TooMany { found: MAX_FACTS + 1, max: MAX_FACTS },
    );
    expect_p(
        |v| {
            v["titles"] =
                many(MAX_TITLES + 1, &|i| json!({ "id": format!("t{i}"), "name": { "zh": "称号", "en": "t" } }))
        },
        "$.titles",
        K::TooMany { found: MAX_TITLES + 1, max: MAX_TITLES },
    );
    expect_p(
        |v| {
            v["dimensions"] = many(
                MAX_DIMENSIONS + 1,
                &|i| json!({ "id": format!("d{i}"), "name": { "zh": "维", "en": "d" }, "indicators": ["A1"] }),
            )
        },
        "$.dimensions",
        K::TooMany { found: MAX_DIMENSIONS + 1, max: MAX_DIMENSIONS },
    );
    expect_p(
        |v| {
            let p = v["programmes"][1].clone();
            v["programmes"] = many(MAX_PROGRAMMES + 1, &|i| {
                let mut p = p.clone();
                p["id"] = json!(format!("p{i}"));
                p
            });
        },
        "$.programmes",
        K::TooMany { found: MAX_PROGRAMMES + 1, max: MAX_PROGRAMMES },
    );
    expect_p(
        |v| {
            let c = v["programmes"][1]["conditions"][1].clone();
            v["programmes"][1]["conditions"] = many(MAX_CONDITIONS + 1, &|i| {
                let mut c = c.clone();
                c["id"] = json!(format!("c{i}"));
                c
            });
        },
        "$.programmes[1].conditions",
        K::TooMany { found: MAX_CONDITIONS + 1, max: MAX_CONDITIONS },
    );
    expect_p(
        |v| v["migrations"] = many(MAX_MIGRATIONS + 1, &|i| json!({ "from": format!("0.{i}") })),
        "$.migrations",
        K::TooMany { found: MAX_MIGRATIONS + 1, max: MAX_MIGRATIONS },
    );
}

/// A value of the wrong shape inside the new sections is reported at its path, as elsewhere.
#[test]
fn programme_shape_errors_have_their_path() {
    let mut v = common::programmes_value();
    v["programmes"][0]["conditions"][2]["tests"][0]["op"] = json!("eq");
    let got = parse(&v.to_string()).unwrap_err();
    assert_eq!(got[0].path, "$.programmes[0].conditions[2].tests[0].op", "{got:?}");
    assert!(matches!(got[0].kind, K::Shape(_)));
    let mut v = common::programmes_value();
    v["facts"][2]["kind"] = json!("money");
    let got = parse(&v.to_string()).unwrap_err();
    assert_eq!(got[0].path, "$.facts[2].kind", "{got:?}");
    let mut v = common::programmes_value();
    v["migrations"][0]["questions"]["A1.1"] = json!(3);
    let got = parse(&v.to_string()).unwrap_err();
    assert_eq!(got[0].path, "$.migrations[0].questions.A1.1", "{got:?}");
}

/// One broken definition per problem kind of the application documents.
#[test]
fn document_references_resolve() {
    let s = common::progs();
    assert_eq!(s.documents.len(), 3);
    let audit = &s.documents[1];
    assert_eq!(audit.programmes, vec![0, 1, 2]);
    assert_eq!(
        audit.proves,
        vec![
            brand_core::standard::Proof::Condition("QY-revenue".into()),
            brand_core::standard::Proof::Condition("HP-R&D".into()),
            brand_core::standard::Proof::Question { question: 9, level: 4 },
        ]
    );
    let d = "$.documents[0]";
    let doc = |edit: Value| move |v: &mut Value| v["documents"][0]["proves"][0] = edit;
    expect_p(
        |v| v["documents"][0]["programmes"][1] = json!("nope"),
        &format!("{d}.programmes[1]"),
        K::UnknownProgramme("nope".into()),
    );
    expect_p(|v| v["documents"][0]["programmes"] = json!([]), &format!("{d}.programmes"), K::Empty);
    expect_p(
        |v| v["documents"][0]["programmes"] = json!(["qy_industry", "qy_industry"]),
        &format!("{d}.programmes[1]"),
        K::DuplicateId("qy_industry".into()),
    );
    expect_p(|v| v["documents"][0]["sources"] = json!([]), &format!("{d}.sources"), K::Empty);
    expect_p(|v| v["documents"][1]["id"] = json!("licence"), "$.documents[1].id", K::DuplicateId("licence".into()));
    // A condition of a programme the document does not list is not known to it.
    expect_p(
        doc(json!({ "condition": "SD-staff" })),
        &format!("{d}.proves[0].condition"),
        K::UnknownCondition("SD-staff".into()),
    );
    expect_p(doc(json!({ "gate": "G9" })), &format!("{d}.proves[0].gate"), K::UnknownGate("G9".into()));
    expect_p(
        doc(json!({ "question": "Z9", "level": 3 })),
        &format!("{d}.proves[0].question"),
        K::UnknownQuestion("Z9".into()),
    );
    expect_p(doc(json!({ "question": "A1.1", "level": 0 })), &format!("{d}.proves[0].level"), K::ProofLevel(0));
    expect_p(doc(json!({ "question": "A1.1", "level": 6 })), &format!("{d}.proves[0].level"), K::ProofLevel(6));
    expect_p(doc(json!({ "question": "A1.1" })), &format!("{d}.proves[0]"), K::ProofShape);
    expect_p(doc(json!({ "level": 2 })), &format!("{d}.proves[0]"), K::ProofShape);
    expect_p(doc(json!({ "gate": "G1", "condition": "QY-city" })), &format!("{d}.proves[0]"), K::ProofShape);
    expect_p(doc(json!({})), &format!("{d}.proves[0]"), K::ProofShape);
}
