//! The import confirmation: what the file holds, what will change, and what does not fit — shown
//! before anything is replaced. Long lists of entries that do not fit are cut to the first few,
//! with the count and the full list as a download.

use brand_core::Lang;
use yew::prelude::*;

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
                        <button type="button" class="bsc-link" onclick={download_all}>{ t.download_issues }</button>
                    </p>
                }
            }
            <div class="bsc-actions">
                <button type="button" class="bsc-button" onclick={on_action.reform(|_| Action::ConfirmImport)}>{ t.import_confirm }</button>
                <button type="button" class="bsc-button bsc-button--quiet" onclick={on_action.reform(|_| Action::CancelImport)}>{ t.cancel }</button>
            </div>
        </section>
    }
}
