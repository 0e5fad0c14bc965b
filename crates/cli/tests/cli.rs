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
    assert!(out.contains("standards/enterprise.json: ok — enterprise 1.0.0 (50 questions"), "{out}");
    assert!(out.contains("standards/regional.json: ok — regional 1.0.0 (45 questions"), "{out}");
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
    assert!(out.contains("Suggested tier: Shandong high-end brand (candidate) [shandong]"), "{out}");
    assert!(out.contains("close gate G5"), "{out}");
    assert!(out.contains("Evidence missing: B3.3"), "{out}");

    let o = run(&["score", "standards/enterprise.json", golden, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON report");
    assert_eq!(v["total"], 650);
    assert_eq!(v["provisional"], true);
    assert_eq!(v["tier"]["id"], "shandong");
    assert_eq!(v["plan"]["total_after"], 800);
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
    assert_eq!(v["total"], 920);
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
        "standard": { "id": "enterprise", "version": "1.0.0", "hash": "" }"#;
    let mut unknown = String::new();
    for i in 0..30 {
        unknown.push_str(&format!(", \"Z{i}\": {{}}"));
    }
    let file = temp(
        "issues.json",
        &format!(
            r#"{{ {head}, "questions": {{ "A1.1": {{ "level": 3.0 }}, "A1.2": {{ "level": "4" }}, "A1.1": {{ "level": 2 }} {unknown} }} }}"#
        ),
    );
    let o = run(&["score", "standards/enterprise.json", &file, "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    assert!(out.contains("Import issues (32):"), "{out}");
    assert!(out.contains("$.questions: \"A1.1\" appears more than once; the last is used"), "{out}");
    assert!(out.contains("question A1.2: level \"4\" is not a number; the level is not imported"), "{out}");
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
