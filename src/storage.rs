//! Browser storage: the one place that reads and writes `localStorage`.
//!
//! Each assessment is kept under its own key as an answers file (the same versioned format as
//! export). The key names the *source* of the standard: a built-in one by its id
//! (`…answers:enterprise`), a host's own file by its URL and id, so two different questionnaires
//! never share a slot; a questionnaire's further assessments add `~` and their slot's token
//! (`…answers:enterprise~mfx3k2a1`; `~` is not allowed in a standard id). The first slot is the
//! key single saves always had, so they are the first assessment as they are (no migration moves
//! anything). Listing reads the keys themselves: there is no index to fall out of step with them.
//! Storage may be missing, blocked (private mode, a sandboxed
//! iframe) or full; every function here returns what happened instead of failing. A value that
//! cannot be used as it is gets copied to an aside slot first; when even that write fails, the
//! caller is told (`KeptAside::moved == false`) and must not save over the original.

use std::rc::Rc;

use brand_core::answers::AnswersFile;
use brand_core::{Answers, Lang, Standard};

use crate::state::{KeptAside, OtherTab, Restored, Slot, Source};

const PREFIX: &str = "brand-self-check:v1:";
const ANSWERS: &str = "brand-self-check:v1:answers:";
const HOST: &str = "brand-self-check:v1:host:";

/// The key of a questionnaire's first slot. Built-in ids keep the original key (saved answers of
/// earlier versions stay where they were); a host's file is keyed by its URL and the id.
fn base(source: &Source, standard_id: &str) -> String {
    match source {
        Source::Builtin(id) => format!("{ANSWERS}{id}"),
        Source::Host(url) => format!("{HOST}{url}#{standard_id}"),
    }
}

fn with_slot(mut key: String, slot: &Slot) -> String {
    if !slot.0.is_empty() {
        key.push('~');
        key.push_str(&slot.0);
    }
    key
}

fn key(source: &Source, standard_id: &str, slot: &Slot) -> String {
    with_slot(base(source, standard_id), slot)
}

fn aside_key(source: &Source, standard_id: &str, slot: &Slot) -> String {
    with_slot(
        match source {
            Source::Builtin(id) => format!("{PREFIX}damaged:{id}"),
            Source::Host(url) => format!("{PREFIX}damaged-host:{url}#{standard_id}"),
        },
        slot,
    )
}

/// Where the slot last open is remembered (named like the aside slots, so no key but an
/// assessment's has `answers:` or `host:` after the prefix).
fn current_key(source: &Source, standard_id: &str) -> String {
    match source {
        Source::Builtin(id) => format!("{PREFIX}current:{id}"),
        Source::Host(url) => format!("{PREFIX}current-host:{url}#{standard_id}"),
    }
}

fn local() -> Option<web_sys::Storage> {
    crate::window()?.local_storage().ok().flatten()
}

/// Reads the assessment in `slot` of the standard from `source`.
pub fn load(source: &Source, slot: &Slot, s: &Standard) -> Restored {
    let Some(store) = local() else { return Restored::Unavailable };
    let (key, aside) = (key(source, &s.id, slot), aside_key(source, &s.id, slot));
    let raw = match store.get_item(&key) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Restored::Nothing,
        Err(_) => return Restored::Unavailable,
    };
    let keep = |raw: &str| KeptAside {
        raw: Rc::from(raw),
        moved: store.set_item(&aside, raw).is_ok() && store.get_item(&aside).ok().flatten().as_deref() == Some(raw),
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
                store.remove_item(&key).ok();
            }
            Restored::Damaged(kept)
        }
    }
}

/// Saves the answers in `slot`; `false` when storage refused (missing, blocked or full). Empty
/// answers are not kept: their slot is removed (an assessment with nothing in it, not even a name
/// or a date, is not listed).
pub fn save(source: &Source, slot: &Slot, s: &Standard, a: &Answers) -> bool {
    let Some(store) = local() else { return false };
    let key = key(source, &s.id, slot);
    if *a == Answers::default() {
        return store.remove_item(&key).is_ok();
    }
    let json = AnswersFile::new(s, a, None).to_json();
    store.set_item(&key, &json).is_ok()
}

/// Every saved assessment of the standard `standard_id` from `source`: its slot and its text.
pub fn slots(source: &Source, standard_id: &str) -> Vec<(Slot, String)> {
    let Some(store) = local() else { return Vec::new() };
    let first = base(source, standard_id);
    let mut out = Vec::new();
    for i in 0..store.length().unwrap_or(0) {
        let Some(k) = store.key(i).ok().flatten() else { continue };
        let slot = match k.strip_prefix(first.as_str()) {
            Some("") => Slot::first(),
            Some(rest) => match rest.strip_prefix('~') {
                // Only a token `new_slot` could have made: a host URL may itself hold a `~`.
                Some(token)
                    if !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()) =>
                {
                    Slot(Rc::from(token))
                }
                _ => continue,
            },
            None => continue,
        };
        if let Some(v) = store.get_item(&k).ok().flatten() {
            out.push((slot, v));
        }
    }
    out
}

/// The text saved in `slot`, if any.
pub fn read(source: &Source, standard_id: &str, slot: &Slot) -> Option<String> {
    local()?.get_item(&key(source, standard_id, slot)).ok().flatten()
}

/// Writes `raw` to `slot` and reads it back; `false` when it did not stick.
pub fn write(source: &Source, standard_id: &str, slot: &Slot, raw: &str) -> bool {
    let Some(store) = local() else { return false };
    let key = key(source, standard_id, slot);
    store.set_item(&key, raw).is_ok() && store.get_item(&key).ok().flatten().as_deref() == Some(raw)
}

pub fn remove(source: &Source, standard_id: &str, slot: &Slot) -> bool {
    local().is_some_and(|st| st.remove_item(&key(source, standard_id, slot)).is_ok())
}

/// The slot of the assessment last open for this questionnaire, when it still holds an answers
/// file (else the first slot: an unreadable one is left where the list shows it, not opened).
pub fn current(source: &Source, standard_id: &str) -> Slot {
    let Some(store) = local() else { return Slot::first() };
    let Some(t) = store.get_item(&current_key(source, standard_id)).ok().flatten().filter(|t| !t.is_empty()) else {
        return Slot::first();
    };
    let slot = Slot(Rc::from(t.as_str()));
    match read(source, standard_id, &slot).map(|raw| AnswersFile::parse(&raw)) {
        Some(Ok(_)) => slot,
        _ => Slot::first(),
    }
}

pub fn set_current(source: &Source, standard_id: &str, slot: &Slot) {
    if let Some(st) = local() {
        st.set_item(&current_key(source, standard_id), &slot.0).ok();
    }
}

/// A slot no assessment of this questionnaire uses: the time in milliseconds, base 36, counted
/// up past any taken.
pub fn new_slot(source: &Source, standard_id: &str) -> Slot {
    let mut n = js_sys::Date::now() as u64;
    loop {
        let mut token = Vec::new();
        let mut m = n;
        while m > 0 || token.is_empty() {
            token.push(b"0123456789abcdefghijklmnopqrstuvwxyz"[(m % 36) as usize]);
            m /= 36;
        }
        token.reverse();
        let slot = Slot(Rc::from(String::from_utf8(token).unwrap_or_default()));
        if read(source, standard_id, &slot).is_none() {
            return slot;
        }
        n += 1;
    }
}

/// How many questions have a saved response in a built-in standard's current assessment, for the
/// start page. Reads only the saved file, so the start page need not parse every standard. An
/// upper bound when the file holds questions the standard excludes; the card says "n of N" with
/// the same parse.
pub fn saved_count(id: &'static str) -> usize {
    let source = Source::Builtin(id);
    read(&source, id, &current(&source, id))
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

/// Calls `f` when another tab or window changes the open assessment (`slot`) of the standard
/// from `source`, and `listed` when it changes any of that questionnaire's assessments (or the
/// storage is cleared). Browsers do not send this to the tab that wrote.
pub fn on_other_tab_change(
    source: &Source,
    slot: &Slot,
    standard: Rc<Standard>,
    f: impl Fn(OtherTab) + 'static,
    listed: impl Fn() + 'static,
) -> crate::events::Listener {
    let watched = key(source, &standard.id, slot);
    let first = base(source, &standard.id);
    crate::events::listen("storage", move |e| {
        let Some(e) = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(&e) else { return };
        let k = e.key();
        if k.as_deref().is_none_or(|k| k.starts_with(first.as_str())) {
            listed();
        }
        if k.as_deref() != Some(watched.as_str()) {
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

pub fn load_lang() -> Option<Lang> {
    Lang::from_tag(&local()?.get_item(&format!("{PREFIX}lang")).ok().flatten()?)
}

pub fn save_lang(lang: Lang) {
    if let Some(st) = local() {
        st.set_item(&format!("{PREFIX}lang"), lang.code()).ok();
    }
}
