//! The import confirmation: what the file holds, what will change, and what does not fit — shown
//! before anything is replaced.

use brand_core::answers::ImportIssue;
use brand_core::{Answers, Lang};
use yew::prelude::*;

use crate::i18n::{catalog, fill};

/// A file read and checked, waiting for the user's decision.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingImport {
    pub answers: Answers,
    pub issues: Vec<ImportIssue>,
    pub changes: usize,
}

pub fn view_import(p: &PendingImport, lang: Lang, on_confirm: Callback<()>, on_cancel: Callback<()>) -> Html {
    let t = catalog(lang);
    let held = p.answers.questions.values().filter(|a| a.response.is_some()).count();
    html! {
        <section class="bsc-dialog" role="alertdialog" aria-labelledby="bsc-import-h" aria-describedby="bsc-import-d">
            <h2 id="bsc-import-h" tabindex="-1" data-focus="">{ t.import_title }</h2>
            <p id="bsc-import-d">{ fill(t.import_summary, &[("n", &held.to_string()), ("c", &p.changes.to_string())]) }</p>
            if !p.issues.is_empty() {
                <p>{ t.import_issues }</p>
                <ul class="bsc-list">
                    for (i, issue) in p.issues.iter().enumerate() {
                        <li key={i}>{ issue_text(issue, lang) }</li>
                    }
                </ul>
            }
            <div class="bsc-actions">
                <button type="button" class="bsc-button" onclick={on_confirm.reform(|_| ())}>{ t.import_confirm }</button>
                <button type="button" class="bsc-button bsc-button--quiet" onclick={on_cancel.reform(|_| ())}>{ t.cancel }</button>
            </div>
        </section>
    }
}

pub fn issue_text(issue: &ImportIssue, lang: Lang) -> String {
    let t = catalog(lang);
    match issue {
        ImportIssue::OtherStandard { found } => fill(t.issue_other_standard, &[("s", found)]),
        ImportIssue::OtherVersion { found } => fill(t.issue_other_version, &[("v", found)]),
        ImportIssue::UnknownQuestion(q) => fill(t.issue_unknown_question, &[("q", q)]),
        ImportIssue::LevelOutOfRange { question, level } => {
            fill(t.issue_level, &[("q", question), ("l", &level.to_string())])
        }
        ImportIssue::NotApplicableRefused(q) => fill(t.issue_na, &[("q", q)]),
        ImportIssue::UnknownGate(g) => fill(t.issue_unknown_gate, &[("g", g)]),
        ImportIssue::UnknownProfile(p) => fill(t.issue_unknown_profile, &[("p", p)]),
        ImportIssue::UnknownOption { profile, option } => {
            fill(t.issue_unknown_option, &[("p", profile), ("o", option)])
        }
    }
}
