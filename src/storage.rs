//! Browser storage: the one place that reads and writes `localStorage`.
//!
//! Each questionnaire's answers are kept under their own key as an answers file (the same
//! versioned format as export). The key names the *source* of the standard: a built-in one by
//! its id (`…answers:enterprise`), a host's own file by its URL and id, so two different
//! questionnaires never share a slot. Storage may be missing, blocked (private mode, a sandboxed
//! iframe) or full; every function here returns what happened instead of failing. A value that
//! cannot be used as it is gets copied to an aside slot first; when even that write fails, the
//! caller is told (`KeptAside::moved == false`) and must not save over the original.

use std::rc::Rc;

use brand_core::answers::AnswersFile;
use brand_core::{Answers, Lang, Standard};

use crate::state::{KeptAside, OtherTab, Restored, Source};

const PREFIX: &str = "brand-self-check:v1:";
const ANSWERS: &str = "brand-self-check:v1:answers:";
const HOST: &str = "brand-self-check:v1:host:";

/// The slot of a standard's answers. Built-in ids keep the original key (saved answers of
/// earlier versions stay where they were); a host's file is keyed by its URL and the id.
fn key(source: &Source, standard_id: &str) -> String {
    match source {
        Source::Builtin(id) => format!("{ANSWERS}{id}"),
        Source::Host(url) => format!("{HOST}{url}#{standard_id}"),
    }
}

fn aside_key(source: &Source, standard_id: &str) -> String {
    match source {
        Source::Builtin(id) => format!("{PREFIX}damaged:{id}"),
        Source::Host(url) => format!("{PREFIX}damaged-host:{url}#{standard_id}"),
    }
}

fn local() -> Option<web_sys::Storage> {
    crate::window()?.local_storage().ok().flatten()
}

/// Reads what was saved for the standard from `source`.
pub fn load(source: &Source, s: &Standard) -> Restored {
    let Some(store) = local() else { return Restored::Unavailable };
    let raw = match store.get_item(&key(source, &s.id)) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Restored::Nothing,
        Err(_) => return Restored::Unavailable,
    };
    let keep = |raw: &str| KeptAside {
        raw: Rc::from(raw),
        moved: store.set_item(&aside_key(source, &s.id), raw).is_ok()
            && store.get_item(&aside_key(source, &s.id)).ok().flatten().as_deref() == Some(raw),
    };
    match AnswersFile::parse(&raw) {
        Ok(file) => {
            let rehashed = file.standard.id == s.id
                && file.standard.version == s.version
                && !file.standard.hash.is_empty()
                && file.standard.hash != s.content_hash;
            let (answers, issues) = file.into_answers(s);
            // Some entries no longer fit (a new version of the standard, say). The next save
            // would drop them for good, so the original is kept aside first.
            let original = (!issues.is_empty()).then(|| keep(&raw));
            Restored::Found { answers, issues, original, rehashed }
        }
        Err(_) => {
            let kept = keep(&raw);
            if kept.moved {
                // Kept: clear the slot so the next save does not fail on it.
                store.remove_item(&key(source, &s.id)).ok();
            }
            Restored::Damaged(kept)
        }
    }
}

/// Saves the answers; `false` when storage refused (missing, blocked or full).
pub fn save(source: &Source, s: &Standard, a: &Answers) -> bool {
    let Some(store) = local() else { return false };
    let json = AnswersFile::new(s, a, None).to_json();
    store.set_item(&key(source, &s.id), &json).is_ok()
}

/// How many questions have a saved response for a built-in standard, for the start page. Reads
/// only the saved file, so the start page need not parse every standard. An upper bound when the
/// file holds questions the standard excludes; the card says "n of N" with the same parse.
pub fn saved_count(id: &'static str) -> usize {
    local()
        .and_then(|st| st.get_item(&key(&Source::Builtin(id), id)).ok().flatten())
        .and_then(|raw| AnswersFile::parse(&raw).ok())
        .map(|f| f.questions.iter().filter(|(_, q)| q.level.is_some() || q.na).count())
        .unwrap_or(0)
}

/// Every answers file saved on this device, by key, for the crash screen's download links.
pub fn all_saved() -> Vec<(String, String)> {
    let Some(store) = local() else { return Vec::new() };
    let n = store.length().unwrap_or(0);
    let mut out = Vec::new();
    for i in 0..n {
        let Some(k) = store.key(i).ok().flatten() else { continue };
        let Some(name) = k.strip_prefix(ANSWERS).or_else(|| k.strip_prefix(HOST)) else { continue };
        if let Some(v) = store.get_item(&k).ok().flatten() {
            out.push((name.to_owned(), v));
        }
    }
    out
}

/// Calls `f` when another tab or window changes the saved answers of the standard from `source`.
/// Browsers do not send this to the tab that wrote.
pub fn on_other_tab_change(
    source: &Source,
    standard: Rc<Standard>,
    f: impl Fn(OtherTab) + 'static,
) -> crate::events::Listener {
    let watched = key(source, &standard.id);
    crate::events::listen("storage", move |e| {
        let Some(e) = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(&e) else { return };
        if e.key().as_deref() != Some(watched.as_str()) {
            return;
        }
        f(match e.new_value() {
            None => OtherTab::Removed,
            Some(raw) => match AnswersFile::parse(&raw) {
                Ok(file) => OtherTab::Saved(file.into_answers(&standard).0),
                Err(_) => OtherTab::Unreadable,
            },
        });
    })
}

pub fn clear(source: &Source, s: &Standard) -> bool {
    local().is_some_and(|st| st.remove_item(&key(source, &s.id)).is_ok())
}

pub fn load_lang() -> Option<Lang> {
    Lang::from_tag(&local()?.get_item(&format!("{PREFIX}lang")).ok().flatten()?)
}

pub fn save_lang(lang: Lang) {
    if let Some(st) = local() {
        st.set_item(&format!("{PREFIX}lang"), lang.code()).ok();
    }
}
