//! What the buttons that leave the widget or change storage do: export the answers, download the
//! report, start over, and delete, restore, rename or copy a saved assessment. Each is a plain
//! function over the open standard and answers, called from a component.

use std::rc::Rc;

use brand_core::answers::AnswersFile;
use brand_core::{assess, Answers, Lang, Standard};

use crate::i18n::{catalog, fill};
use crate::state::{Slot, Source};
use crate::{document, files, storage};

/// `brand-self-check[-what]-<id>-<yyyymmdd>.<ext>`.
fn file_name(what: &str, id: &str, today: (u32, u32, u32), ext: &str) -> String {
    let (y, m, d) = today;
    format!("brand-self-check{what}-{id}-{y}{m:02}{d:02}.{ext}")
}

/// Writes the team's spreadsheet (`sheets.rs`) with the lazily loaded writer (`xlsx.rs`) and
/// downloads it; `Err` is the notice to show.
pub async fn export_xlsx(st: &Standard, workbook: String, today: (u32, u32, u32)) -> Result<(), crate::state::Notice> {
    use crate::state::Notice;
    match crate::xlsx::write(&workbook).await {
        Ok(blob) => {
            files::download_blob(&file_name("-plan", &st.id, today, "xlsx"), &blob);
            Ok(())
        }
        Err(crate::xlsx::XlsxError::Unavailable) => Err(Notice::XlsxUnavailable),
        Err(crate::xlsx::XlsxError::Failed(e)) => Err(Notice::XlsxFailed(e)),
    }
}

/// Downloads the answers with the computed result, as an answers file.
pub fn export(st: &Standard, answers: &Answers, today: (u32, u32, u32)) {
    let x = assess(st, answers);
    let json = AnswersFile::new(st, answers, Some(x.summary(st))).to_json();
    files::download(&file_name("", &st.id, today, "json"), "application/json", &json);
}

/// Downloads the report (its serialised markup) as one HTML file with the widget's styles.
pub fn download_report(st: &Standard, lang: Lang, report_html: &str, today: (u32, u32, u32)) {
    let html = document::report_document(lang, st.title.get(lang), &files::page_css(), report_html);
    files::download(&file_name("-report", &st.id, today, "html"), "text/html", &html);
}

/// Asks the user, then forgets the saved answers of the assessment in `slot`; `true` when the
/// user agreed.
pub fn start_over(source: &Source, slot: &Slot, st: &Standard, lang: Lang) -> bool {
    let ok = confirm(catalog(lang).confirm_start_over);
    if ok {
        storage::remove(source, &st.id, slot);
    }
    ok
}

/// Asks the user, then deletes the saved assessment in `slot`, called `name`; its text (for the
/// undo and the download) when it was deleted.
pub fn delete_saved(source: &Source, st: &Standard, slot: &Slot, name: &str, lang: Lang) -> Option<Rc<str>> {
    let raw = storage::read(source, &st.id, slot)?;
    if !confirm(&fill(catalog(lang).confirm_delete, &[("name", name)])) {
        return None;
    }
    storage::remove(source, &st.id, slot).then(|| Rc::from(raw))
}

/// Writes a deleted assessment's text back (the undo): to its own slot when that still holds
/// nothing, else to a new one, so the undo never writes over what was saved there since. The slot
/// written, or `None` when it did not stick.
pub fn restore(source: &Source, st: &Standard, slot: &Slot, raw: &str) -> Option<Slot> {
    let at = match storage::read(source, &st.id, slot) {
        None => slot.clone(),
        Some(_) => storage::new_slot(source, &st.id),
    };
    storage::write(source, &st.id, &at, raw).then_some(at)
}

/// Renames the saved assessment in `slot` (not the open one: that is an edit of the session's
/// answers). Rewrites its file as read, so entries this version does not know stay in it.
pub fn rename_saved(source: &Source, st: &Standard, slot: &Slot, name: String) -> bool {
    let Some(mut file) = storage::read(source, &st.id, slot).and_then(|raw| AnswersFile::parse(&raw).ok()) else {
        return false;
    };
    file.about = brand_core::About { name, ..file.about }.clipped();
    storage::write(source, &st.id, slot, &file.to_json())
}

/// Saves `file` as a new assessment named `name`, dated `date`: the copy a year's assessment
/// starts from. Its slot when written.
pub fn duplicate(
    source: &Source,
    st: &Standard,
    mut file: AnswersFile,
    name: String,
    date: Option<brand_core::dossier::Day>,
) -> Option<Slot> {
    file.about = brand_core::About { name, date, ..file.about }.clipped();
    let slot = storage::new_slot(source, &st.id);
    storage::write(source, &st.id, &slot, &file.to_json()).then_some(slot)
}

/// Asks the user to confirm `question`; `false` when they decline or the browser cannot ask.
/// Switches the language, reading the English catalog first if the build has it in a file (see
/// `i18n::load_english`): the switch happens once the words are there, or the widget says why it
/// stays in Chinese.
pub fn set_lang(lang: Lang, dispatch: &crate::state::Dispatch) {
    if lang == Lang::Zh || crate::i18n::has_english() {
        dispatch.emit(crate::state::Action::SetLang(lang));
        return;
    }
    let dispatch = dispatch.clone();
    wasm_bindgen_futures::spawn_local(async move {
        dispatch.emit(if crate::i18n::load_english().await {
            crate::state::Action::SetLang(lang)
        } else {
            crate::state::Action::Notify(crate::state::Notice::EnglishUnavailable)
        });
    });
}

pub fn confirm(question: &str) -> bool {
    crate::window().and_then(|w| w.confirm_with_message(question).ok()).unwrap_or(false)
}
