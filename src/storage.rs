//! Browser storage: the one place that reads and writes `localStorage`.
//!
//! Each standard's answers are kept under their own key as an answers file (the same versioned
//! format as export). Storage may be missing, blocked (private mode, a sandboxed iframe) or
//! full; every function here returns what happened instead of failing, and a value that cannot
//! be read is kept aside (never overwritten) so the user can download it.

use brand_core::answers::{AnswersFile, ImportIssue};
use brand_core::{Answers, Lang, Standard};

const PREFIX: &str = "brand-self-check:v1:";

fn key(standard_id: &str) -> String {
    format!("{PREFIX}answers:{standard_id}")
}

fn damaged_key(standard_id: &str) -> String {
    format!("{PREFIX}damaged:{standard_id}")
}

fn local() -> Option<web_sys::Storage> {
    crate::window()?.local_storage().ok().flatten()
}

/// What was found for a standard.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    Nothing,
    Found(Answers, Vec<ImportIssue>),
    /// The saved value could not be read; it was moved aside under the damaged key.
    Damaged,
    /// Storage cannot be used at all.
    Unavailable,
}

pub fn load(s: &Standard) -> Loaded {
    let Some(store) = local() else { return Loaded::Unavailable };
    let raw = match store.get_item(&key(&s.id)) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::Nothing,
        Err(_) => return Loaded::Unavailable,
    };
    match AnswersFile::parse(&raw) {
        Ok(file) => {
            let (answers, issues) = file.into_answers(s);
            if !issues.is_empty() {
                // Some entries no longer fit (a new version of the standard, say). The next save
                // would drop them for good, so the original is kept aside for download first.
                store.set_item(&damaged_key(&s.id), &raw).ok();
            }
            Loaded::Found(answers, issues)
        }
        Err(_) => {
            // Keep the unreadable value, then clear the slot so the next save does not fail on it.
            store.set_item(&damaged_key(&s.id), &raw).ok();
            store.remove_item(&key(&s.id)).ok();
            Loaded::Damaged
        }
    }
}

/// The value kept aside for this standard (damaged, or with entries that no longer fit), if any.
pub fn damaged(standard_id: &str) -> Option<String> {
    local()?.get_item(&damaged_key(standard_id)).ok().flatten()
}

/// Saves the answers; `false` when storage refused (missing, blocked or full).
pub fn save(s: &Standard, a: &Answers) -> bool {
    let Some(store) = local() else { return false };
    let json = AnswersFile::new(s, a, None).to_json();
    store.set_item(&key(&s.id), &json).is_ok()
}

/// How many questions have a saved response for a standard, for the start page. Reads only the
/// saved file, so the start page need not parse every standard.
pub fn saved_count(standard_id: &str) -> usize {
    local()
        .and_then(|st| st.get_item(&key(standard_id)).ok().flatten())
        .and_then(|raw| AnswersFile::parse(&raw).ok())
        .map(|f| f.questions.values().filter(|q| q.level.is_some() || q.na).count())
        .unwrap_or(0)
}

/// Calls `f` with the new value when another tab or window changes the saved answers of
/// `standard_id` (`None` when it removed them). Browsers do not send this to the tab that wrote.
pub fn on_other_tab_change(standard_id: String, f: impl Fn(Option<String>) + 'static) -> crate::events::Listener {
    let watched = key(&standard_id);
    crate::events::listen("storage", move |e| {
        if let Some(e) = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(&e) {
            if e.key().as_deref() == Some(watched.as_str()) {
                f(e.new_value());
            }
        }
    })
}

/// Reads an answers value as written by another tab.
pub fn parse(s: &Standard, raw: &str) -> Option<Answers> {
    AnswersFile::parse(raw).ok().map(|f| f.into_answers(s).0)
}

pub fn clear(s: &Standard) -> bool {
    local().is_some_and(|st| st.remove_item(&key(&s.id)).is_ok())
}

pub fn load_lang() -> Option<Lang> {
    Lang::from_tag(&local()?.get_item(&format!("{PREFIX}lang")).ok().flatten()?)
}

pub fn save_lang(lang: Lang) {
    if let Some(st) = local() {
        st.set_item(&format!("{PREFIX}lang"), lang.code()).ok();
    }
}
