//! The command-line tool, run as a process: exit codes, problem paths, text and JSON reports.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brand-cli")).args(args).current_dir(root()).output().expect("run brand-cli")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn temp(name: &str, content: &str) -> String {
    let dir = std::env::temp_dir().join(format!("brand-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write temp");
    path.to_string_lossy().into_owned()
}

#[test]
fn validate_accepts_the_shipped_standards() {
    let o = run(&["validate", "standards/enterprise.json", "standards/regional.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(out.contains("standards/enterprise.json: ok — enterprise 2.1.0 (55 questions"), "{out}");
    assert!(out.contains("standards/regional.json: ok — regional 2.0.0 (49 questions"), "{out}");
}

#[test]
fn validate_lists_every_problem_with_its_path() {
    let text = std::fs::read_to_string(root().join("standards/sample.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["parts"][0]["points"] = 150.into();
    v["tiers"][2]["gates"] = serde_json::json!(["G9"]);
    let bad = temp("bad.json", &v.to_string());
    let o = run(&["validate", &bad]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("$.parts[0].points: declares 150 points but its parts add up to 200"), "{out}");
    assert!(out.contains("$.total_points: declares 1000 points but its parts add up to 950"), "{out}");
    assert!(out.contains("$.tiers[2].gates[0]: no gate has the id \"G9\""), "{out}");
    assert!(out.contains("\"G1\" is missing"), "{out}");
    assert!(out.contains("4 problem(s)"), "{out}");

    let o = run(&["validate", &temp("trunc.json", "{\"format\": 1, \"id\"")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("not valid JSON"), "{}", stdout(&o));
}

#[test]
fn usage_and_missing_files_exit_2() {
    assert_eq!(run(&[]).status.code(), Some(2));
    assert_eq!(run(&["validate", "no/such/file.json"]).status.code(), Some(2));
    assert_eq!(run(&["score", "standards/enterprise.json"]).status.code(), Some(2));
}

#[test]
fn score_prints_the_report_as_text_and_json() {
    let golden = "standards/golden/enterprise/04-exactly-on-the-provincial-threshold.json";
    let o = run(&["score", "standards/enterprise.json", golden, "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("Provisional score: 650 / 1000"), "{out}");
    assert!(
        out.contains(
            "Suggested tier: Provincial rung (compare: Shandong High-end Brand Cultivation Enterprise) [shandong]"
        ),
        "{out}"
    );
    assert!(out.contains("[not_eligible] hp_mfg"), "{out}");
    assert!(out.contains("Evidence missing: B3.3"), "{out}");

    let o = run(&["score", "standards/enterprise.json", golden, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON report");
    assert_eq!(v["total"], 650);
    assert_eq!(v["provisional"], true);
    assert_eq!(v["tier"]["id"], "shandong");
    assert_eq!(v["plan"]["total_after"], 801);
    assert_eq!(v["standard"]["id"], "enterprise");

    let o = run(&["score", "standards/enterprise.json", golden]);
    assert!(stdout(&o).contains("自评参考分: 650 / 1000"), "{}", stdout(&o));
}

#[test]
fn score_refuses_a_file_that_is_not_answers() {
    let o = run(&["score", "standards/enterprise.json", "standards/regional.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a Brand Self-Check answers file"));
}

/// The CLI applies the core's visible-character rule: notes of invisible characters are no evidence.
#[test]
fn score_counts_invisible_notes_as_no_evidence() {
    let golden = "standards/golden/enterprise/15-invisible-notes.json";
    let o = run(&["score", "standards/enterprise.json", golden, "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON report");
    assert_eq!(v["total"], 928);
    let text = stdout(&run(&["score", "standards/enterprise.json", golden, "--lang", "en"]));
    assert!(text.contains("Evidence missing: A1.1"), "{text}");
    assert!(!text.contains("B1.1,") && !text.contains("B2.1"), "visible notes count: {text}");
}

/// A standard saved with a UTF-8 byte order mark validates here as it opens in the browser.
#[test]
fn validate_accepts_a_byte_order_mark() {
    let text = std::fs::read_to_string(root().join("standards/sample.json")).unwrap();
    let o = run(&["validate", &temp("bom.json", &format!("\u{FEFF}{text}"))]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains(": ok — sample"), "{}", stdout(&o));
}

/// Import decisions reach the CLI as plain English, and a long report is bounded in text mode.
#[test]
fn score_reports_import_issues_bounded() {
    let head = r#""format": "brand-self-check/answers", "version": 1,
        "standard": { "id": "enterprise", "version": "2.1.0", "hash": "" }"#;
    let mut unknown = String::new();
    for i in 0..30 {
        unknown.push_str(&format!(", \"Z{i}\": {{}}"));
    }
    let file = temp(
        "issues.json",
        &format!(
            r#"{{ {head}, "questions": {{ "A1.1": {{ "level": 3.0 }}, "A1.3": {{ "level": "4" }}, "A1.1": {{ "level": 2 }} {unknown} }} }}"#
        ),
    );
    let o = run(&["score", "standards/enterprise.json", &file, "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    assert!(out.contains("Import issues (32):"), "{out}");
    assert!(out.contains("$.questions: \"A1.1\" appears more than once; the last is used"), "{out}");
    assert!(out.contains("question A1.3: level \"4\" is not a number; the level is not imported"), "{out}");
    assert!(out.contains("… 12 more (--json lists them all)"), "{out}");
    let o = run(&["score", "standards/enterprise.json", &file, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON report");
    assert_eq!(v["import_issues"].as_array().map(Vec::len), Some(32));

    let deep = temp("deep.json", &format!("{{ {head}, \"x\": {}{} }}", "[".repeat(40), "]".repeat(40)));
    let o = run(&["score", "standards/enterprise.json", &deep]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("nested more than 32 levels deep at line 2"), "{err}");
}

/// Issue 12's contract: `programmes`, `crosswalk` and `year` in `--json`, `--year N`, and the
/// programmes with their conditions in the text report.
#[test]
fn score_reports_programmes_conditions_and_the_crosswalk() {
    let file = temp(
        "programmes.json",
        r#"{ "format": "brand-self-check/answers", "version": 2,
          "standard": { "id": "progs", "version": "2.0.0", "hash": "" },
          "profile": { "sector": "mfg" },
          "questions": { "A1.1": { "level": 5, "note": "证书" }, "B2.1": { "level": 2 } },
          "gates": { "G1": "yes", "G5": "unsure" },
          "facts": { "city": "jinan", "founded": 2023, "revenue": 2600.5, "rd_ratio": 3.00, "titles": ["haopin"] } }"#,
    );
    let fixture = "standards/fixtures/programmes.json";
    let o = run(&["score", fixture, &file, "--json", "--year", "2026"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON report");
    assert_eq!(v["year"], 2026);
    let ids: Vec<&str> = v["programmes"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["qy_industry", "sd_high", "haopin_mfg"]);
    let qy = &v["programmes"][0];
    assert_eq!(qy["title"]["zh"], "青岛优品（工业）");
    assert_eq!(qy["status"], "not_eligible");
    assert_eq!(qy["held"], false);
    assert_eq!(qy["score_ok"], false);
    assert_eq!(qy["if_unsure_confirmed"], "not_eligible");
    assert_eq!(qy["sources"][0]["cite_en"], "Qingdao Quality Products call");
    let city = &qy["conditions"][0];
    assert_eq!(city["id"], "QY-city");
    assert_eq!(city["status"], "not_met");
    assert_eq!(city["decided_by"], serde_json::json!([{ "fact": "city" }]));
    assert_eq!(city["contradiction"], false);
    assert_eq!(
        city["gap"],
        serde_json::json!({ "tests": [{ "fact": "city", "status": "not_met", "given": "jinan", "any_of": ["qingdao"] }] })
    );
    let years = &qy["conditions"][1];
    assert_eq!(years["status"], "unknown");
    assert_eq!(years["gap"]["tests"][0]["boundary"], true);
    let rd = &qy["conditions"][2];
    assert_eq!(rd["contradiction"], true);
    assert_eq!(
        rd["gap"],
        serde_json::json!({ "contradiction": { "met": [{ "fact": "rd_ratio" }], "not_met": [{ "question": "B2.1" }] } })
    );
    assert_eq!(qy["conditions"][3]["gap"], serde_json::Value::Null);
    let hp = &v["programmes"][2];
    assert_eq!(hp["held"], true);
    let hp_rd = &hp["conditions"][0]["gap"]["tests"][0];
    assert_eq!(
        (hp_rd["given"].clone(), hp_rd["op"].clone(), hp_rd["value"].clone()),
        (3.into(), "gt".into(), 3.into())
    );
    assert_eq!(v["programmes"][1]["conditions"][2]["status"], "not_met");
    let cw = &v["crosswalk"];
    assert_eq!(cw[0]["id"], "quality");
    assert_eq!(cw[3]["applicable_points"], 75);
    // Another year moves the boundary.
    let o = run(&["score", fixture, &file, "--json", "--year", "2027"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON report");
    assert_eq!(v["programmes"][0]["conditions"][1]["status"], "met");
    assert_eq!(run(&["score", fixture, &file, "--year", "soon"]).status.code(), Some(2));

    let text = stdout(&run(&["score", fixture, &file, "--lang", "en", "--year", "2026"]));
    assert!(text.contains("Programmes (year 2026):"), "{text}");
    assert!(
        text.contains("[not_eligible] qy_industry Qingdao Quality Products (industry) — not eligible now"),
        "{text}"
    );
    assert!(text.contains("not_met        QY-city Registered in Qingdao"), "{text}");
    assert!(text.contains("QY-R&D R&D ratio at least 3 % (answers disagree) (not sure)"), "{text}");
    assert!(text.contains("(held)"), "{text}");
    // Without --year the system clock's year is used.
    let o = run(&["score", fixture, &file, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON report");
    assert!(v["year"].as_u64().is_some_and(|y| y >= 2026), "{}", v["year"]);
}
