//! What the buttons that leave the widget do: export the answers, download the report, start
//! over. Each is a plain function over the open standard and answers, called from a component.

use brand_core::answers::AnswersFile;
use brand_core::{assess, Answers, Lang, Standard};

use crate::i18n::catalog;
use crate::state::Source;
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

/// Asks the user, then forgets the saved answers; `true` when the user agreed.
pub fn start_over(source: &Source, st: &Standard, lang: Lang) -> bool {
    let ok =
        crate::window().and_then(|w| w.confirm_with_message(catalog(lang).confirm_start_over).ok()).unwrap_or(false);
    if ok {
        storage::clear(source, st);
    }
    ok
}

/// Asks the user to confirm `question`; `false` when they decline or the browser cannot ask.
pub fn confirm(question: &str) -> bool {
    crate::window().and_then(|w| w.confirm_with_message(question).ok()).unwrap_or(false)
}
