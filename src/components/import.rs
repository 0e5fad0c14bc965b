//! The import confirmation: what the file holds, what will change, and what does not fit — shown
//! before anything is replaced. Long lists of entries that do not fit are cut to the first few,
//! with the count and the full list as a download.

use brand_core::Lang;
use yew::prelude::*;

use crate::components::button::button;
use crate::components::notices::{issue_text, LIST_SHOWN};
use crate::files;
use crate::i18n::{catalog, fill};
use crate::state::{Action, Dispatch, PendingImport};

pub fn view_import(p: &PendingImport, lang: Lang, on_action: &Dispatch) -> Html {
    let t = catalog(lang);
    let held = p.answers.questions.values().filter(|a| a.response.is_some()).count();
    let more = p.issues.len().saturating_sub(LIST_SHOWN);
    let download_all = {
        let issues = p.issues.clone();
        Callback::from(move |_| {
            let list: Vec<String> = issues.iter().map(|i| issue_text(i, lang)).collect();
            files::download("brand-self-check-import-issues.txt", "text/plain", &list.join("\n"));
        })
    };
    html! {
        <section class="bsc-dialog" role="alertdialog" aria-labelledby="bsc-import-h" aria-describedby="bsc-import-d">
            <h2 id="bsc-import-h" tabindex="-1" data-focus="">{ t.import_title }</h2>
            <p id="bsc-import-d">{ fill(t.import_summary, &[("n", &held.to_string()), ("c", &p.changes.to_string())]) }</p>
            if !p.issues.is_empty() {
                <p>{ t.import_issues }</p>
                <ul class="bsc-list">
                    for (i, issue) in p.issues.iter().take(LIST_SHOWN).enumerate() {
                        <li key={i}>{ issue_text(issue, lang) }</li>
                    }
                </ul>
                if more > 0 {
                    <p>
                        { fill(t.issues_more, &[("n", &more.to_string())]) }{ " " }
                        { button("bsc-link", t.download_issues, download_all) }
                    </p>
                }
            }
            <div class="bsc-actions">
                { button("bsc-button", t.import_confirm, on_action.reform(|_| Action::ConfirmImport)) }
                { button("bsc-button bsc-button--quiet", t.cancel, on_action.reform(|_| Action::CancelImport)) }
            </div>
        </section>
    }
}
