//! `brand-cli`: the core's checks without a browser, for standard authors and portal reviewers.
//!
//! ```text
//! brand-cli validate STANDARD.json...              every problem with its JSON path; exit 1 if any
//! brand-cli score STANDARD.json ANSWERS.json       total, parts, tier, reasons and plan as text
//!           [--json] [--lang zh-CN|en]             … or as JSON
//! ```
//! All file reading and printing happens here; the core stays free of I/O.

mod report;

use std::process::ExitCode;

use brand_core::answers::AnswersFile;
use brand_core::Lang;

const USAGE: &str = "usage:
  brand-cli validate STANDARD.json...
  brand-cli score STANDARD.json ANSWERS.json [--json] [--lang zh-CN|en]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("validate") if args.len() > 1 => validate(&args[1..]),
        Some("score") => score(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn read(path: &str) -> Result<String, ExitCode> {
    std::fs::read_to_string(path).map_err(|e| {
        eprintln!("{path}: cannot read: {e}");
        ExitCode::from(2)
    })
}

fn validate(paths: &[String]) -> ExitCode {
    let mut failed = false;
    for path in paths {
        let text = match read(path) {
            Ok(t) => t,
            Err(code) => return code,
        };
        match brand_core::parse(&text) {
            Ok(s) => println!(
                "{path}: ok — {} {} ({} questions, {} gates, {} tiers) {}",
                s.id,
                s.version,
                s.questions.len(),
                s.gates.len(),
                s.tiers.len(),
                s.content_hash
            ),
            Err(problems) => {
                failed = true;
                for p in &problems {
                    println!("{path}: {p}");
                }
                println!("{path}: {} problem(s)", problems.len());
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn score(args: &[String]) -> ExitCode {
    let mut files = Vec::new();
    let (mut json, mut lang) = (false, Lang::Zh);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json = true,
            "--lang" => match it.next().and_then(|l| Lang::from_tag(l)) {
                Some(l) => lang = l,
                None => {
                    eprintln!("--lang takes zh-CN or en");
                    return ExitCode::from(2);
                }
            },
            _ => files.push(a.clone()),
        }
    }
    let [standard_path, answers_path] = files.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let (st, an) = match (read(standard_path), read(answers_path)) {
        (Ok(s), Ok(a)) => (s, a),
        (Err(c), _) | (_, Err(c)) => return c,
    };
    let standard = match brand_core::parse(&st) {
        Ok(s) => s,
        Err(problems) => {
            for p in &problems {
                eprintln!("{standard_path}: {p}");
            }
            return ExitCode::from(1);
        }
    };
    let file = match AnswersFile::parse(&an) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{answers_path}: {e}");
            return ExitCode::from(1);
        }
    };
    let (answers, issues) = file.into_answers(&standard);
    let r = report::Report::new(&standard, &answers, &issues, lang);
    if json {
        println!("{}", serde_json::to_string_pretty(&r).unwrap_or_default());
    } else {
        print!("{}", r.text(lang));
    }
    ExitCode::SUCCESS
}
