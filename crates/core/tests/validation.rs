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
