//! Tidy checks over the repository's own text, run natively (`cargo test -p brand-self-check
//! --test tidy`), in the spirit of rust-analyzer's `xtask/src/tidy.rs`: rules the compiler cannot
//! see but ARCHITECTURE.md promises. Every Rust file opens with a `//!` paragraph; each browser
//! effect is reached from its one module only; every file ARCHITECTURE.md names exists.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir` (recursively), skipping build output and installed packages.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if p.is_dir() {
            if !matches!(name.as_str(), "target" | "node_modules" | "dist" | ".git" | "artifacts") {
                files(&p, out);
            }
        } else {
            out.push(p);
        }
    }
}

fn repo_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    files(&root(), &mut out);
    out
}

fn rel(p: &Path) -> String {
    p.strip_prefix(root()).unwrap_or(p).to_string_lossy().replace('\\', "/")
}

/// The lines of `text` that are code: comments (`//`, `///`, `//!`) are skipped.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter(|(_, l)| !l.trim_start().starts_with("//")).map(|(i, l)| (i + 1, l))
}

#[test]
fn every_rust_file_opens_with_a_module_doc() {
    let missing: Vec<String> = repo_files()
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .filter(|p| {
            let text = fs::read_to_string(p).unwrap_or_default();
            !text.lines().find(|l| !l.trim().is_empty()).is_some_and(|l| l.starts_with("//!"))
        })
        .map(|p| rel(&p))
        .collect();
    assert!(missing.is_empty(), "files without a //! header: {missing:?}");
}

/// Each browser effect and the one shell module allowed to use it (ARCHITECTURE.md, "Code map").
const ONE_HOME: &[(&str, &str)] = &[
    ("local_storage", "src/storage.rs"),
    ("localStorage", "src/storage.rs"),
    ("add_event_listener", "src/events.rs"),
    ("set_timeout", "src/events.rs"),
    ("post_message", "src/embed.rs"),
    ("UrlSearchParams", "src/config.rs"),
    (".search()", "src/config.rs"),
    ("get_attribute(\"data-", "src/config.rs"),
];

#[test]
fn each_effect_is_used_from_its_own_module_only() {
    let mut found = Vec::new();
    for p in repo_files() {
        let r = rel(&p);
        if !(r.starts_with("src/") && r.ends_with(".rs")) {
            continue;
        }
        let text = fs::read_to_string(&p).unwrap_or_default();
        for (n, line) in code_lines(&text) {
            for (needle, home) in ONE_HOME {
                if line.contains(needle) && r != *home {
                    found.push(format!("{r}:{n} uses `{needle}` (only {home} may)"));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Paths and file names written in backticks in ARCHITECTURE.md: `src/app.rs`, `hooks/`, `sw.js`.
fn named_files(doc: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, chunk) in doc.split('`').enumerate() {
        // Odd chunks are inside backticks.
        if i % 2 == 0 || chunk.contains(' ') || chunk.contains('*') || chunk.contains('<') || chunk.contains('{') {
            continue;
        }
        let looks_like_file = [".rs", ".mjs", ".js", ".json", ".toml", ".md", ".css", ".py", ".html", ".sh"]
            .iter()
            .any(|ext| chunk.ends_with(ext))
            || (chunk.ends_with('/') && chunk.len() > 1);
        if looks_like_file && !chunk.starts_with("http") && !chunk.starts_with("./") {
            out.push(chunk.trim_end_matches('/').to_owned());
        }
    }
    out
}

#[test]
fn every_file_architecture_md_names_exists() {
    let doc = fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let all: Vec<String> = repo_files().iter().map(|p| rel(p)).collect();
    // Every folder that holds a file, at any depth.
    let mut dirs: Vec<String> = Vec::new();
    for f in &all {
        let mut d = f.as_str();
        while let Some((parent, _)) = d.rsplit_once('/') {
            dirs.push(parent.to_owned());
            d = parent;
        }
    }
    // A name may be written relative to its crate or folder: it exists if some path ends with it.
    let exists = |name: &str| {
        let suffix = format!("/{name}");
        all.iter().chain(dirs.iter()).any(|f| f == name || f.ends_with(&suffix))
    };
    // Files the build writes (the service worker and boot script in dist/) are not in the tree.
    const BUILT: &[&str] = &["sw.js", "boot-*.js", "index.html", "standard-<id>.json"];
    let missing: Vec<String> =
        named_files(&doc).into_iter().filter(|n| !BUILT.contains(&n.as_str()) && !exists(n)).collect();
    assert!(missing.is_empty(), "ARCHITECTURE.md names files that do not exist: {missing:?}");
}

#[test]
fn the_scanner_of_architecture_md_finds_names() {
    let names = named_files("see `src/app.rs`, `hooks/`, `a b.rs`, `x` and `embed-origins.json`");
    assert_eq!(names, ["src/app.rs", "hooks", "embed-origins.json"]);
}

/// `name: value` lines of one catalog constant in src/i18n.rs.
fn catalog_entries(text: &str, constant: &str) -> Vec<(String, String)> {
    let start = text.find(constant).unwrap_or_else(|| panic!("{constant} not found"));
    let body = &text[start..];
    let body = &body[..body.find("\n};").expect("end of the constant")];
    body.lines()
        .skip(1)
        .filter_map(|l| l.trim().split_once(": "))
        .filter(|(name, _)| name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
        .map(|(n, v)| (n.to_owned(), v.to_owned()))
        .collect()
}

/// The `{name}` placeholders of a string, sorted.
fn placeholders(s: &str) -> Vec<String> {
    let mut out: Vec<String> = s
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    out.sort();
    out
}

#[test]
fn both_languages_use_the_same_placeholders() {
    let text = fs::read_to_string(root().join("src/i18n.rs")).expect("src/i18n.rs");
    let zh = catalog_entries(&text, "pub const ZH: Catalog");
    let en = catalog_entries(&text, "pub const EN: Catalog");
    assert!(zh.len() > 100, "the catalog scan found only {} entries", zh.len());
    assert_eq!(zh.iter().map(|e| &e.0).collect::<Vec<_>>(), en.iter().map(|e| &e.0).collect::<Vec<_>>(), "same order");
    let differ: Vec<String> = zh
        .iter()
        .zip(&en)
        .filter(|((_, z), (_, e))| placeholders(z) != placeholders(e))
        .map(|((n, z), (_, e))| format!("{n}: {:?} vs {:?}", placeholders(z), placeholders(e)))
        .collect();
    assert!(differ.is_empty(), "placeholders differ between zh and en:\n{}", differ.join("\n"));
    assert_eq!(placeholders("{a} of {n} {}"), ["a", "n"]);
}
