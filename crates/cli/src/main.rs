//! `brand-cli`: the core's checks without a browser, for standard authors and portal reviewers.
//!
//! ```text
//! brand-cli validate STANDARD.json...              every problem with its JSON path; exit 1 if any
//! brand-cli score STANDARD.json ANSWERS.json       total, parts, tier, reasons, plan and programmes
//!           [--json] [--lang zh-CN|en] [--year N]  … or as JSON; N is the assessment year (default:
//!                                                  the system clock's)
//! ```
//! All file reading and printing happens here; the core stays free of I/O.

mod report;

use std::process::ExitCode;

use brand_core::answers::AnswersFile;
use brand_core::Lang;

const USAGE: &str = "usage:
  brand-cli validate STANDARD.json...
  brand-cli score STANDARD.json ANSWERS.json [--json] [--lang zh-CN|en] [--year N]";

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
    let (mut json, mut lang, mut year) = (false, Lang::Zh, current_year());
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
            "--year" => match it.next().and_then(|y| y.parse::<u16>().ok()) {
                Some(y) => year = y,
                None => {
                    eprintln!("--year takes a year such as 2026");
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
    let r = report::Report::new(&standard, &answers, &issues, lang, year);
    if json {
        println!("{}", serde_json::to_string_pretty(&r).unwrap_or_default());
    } else {
        print!("{}", r.text(lang));
    }
    ExitCode::SUCCESS
}

/// The calendar year of the system clock (UTC), the default assessment year: the one place the
/// clock is read (the core has none).
fn current_year() -> u16 {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    year_of_day(secs / 86_400)
}

/// The proleptic Gregorian year of `days` since 1970-01-01 (Howard Hinnant's civil-from-days).
fn year_of_day(days: u64) -> u16 {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    u16::try_from(year).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    #[test]
    fn days_become_years() {
        assert_eq!(super::year_of_day(0), 1970);
        assert_eq!(super::year_of_day(364), 1970);
        assert_eq!(super::year_of_day(365), 1971);
        assert_eq!(super::year_of_day(20_424), 2025); // 2025-12-02
        assert_eq!(super::year_of_day(20_453), 2025); // 2025-12-31 (2026-01-01 is day 20,454)
        assert_eq!(super::year_of_day(20_454), 2026);
        assert_eq!(super::year_of_day(11_016), 2000); // 2000-02-29
    }
}
