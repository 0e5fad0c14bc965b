//! The messages above the screens: the session's notices (each dismissable), another tab's
//! change waiting for a choice, the host's results notice, and the update prompt. Notices are
//! kinds in the session and worded here, in the language of the moment.

use brand_core::answers::{ChangedItem, Expected, FactFault, ImportError, ImportIssue, LevelFault};
use brand_core::handover::HandoverError;
use brand_core::Lang;
use yew::prelude::*;

use crate::components::button::button;
use crate::config::InApp;
use crate::files;
use crate::i18n::{catalog, fill, problem_text};
use crate::state::{Action, Dispatch, KeptAside, Notice, OtherTab};

/// Entries of a list shown in a notice or preview; the rest are counted and offered as a file.
pub const LIST_SHOWN: usize = 10;

/// What the messages above the screens show. A plain function's arguments, not a component's
/// properties: they render with the app, and a component would compile Yew's lifecycle once more.
pub struct Notices<'a> {
    pub notices: &'a [Notice],
    pub conflict: Option<&'a OtherTab>,
    /// The host origin that will receive results (a verified, listed channel asked for them).
    pub results_to: Option<&'a str>,
    pub update_ready: bool,
    /// An app's built-in browser, where downloads and printing fail: say what works instead.
    pub in_app: Option<InApp>,
    /// The id of the open standard, for the names of downloaded files.
    pub standard_id: Option<&'a str>,
    pub on_action: &'a Dispatch,
}

pub fn view_notices(p: &Notices, lang: Lang) -> Html {
    let t = catalog(lang);
    let id = p.standard_id.unwrap_or_default();
    html! {
        <>
            if !p.notices.is_empty() {
                <div class="bsc-notices" role="alert">
                    for (i, n) in p.notices.iter().enumerate() {
                        <div class="bsc-notice bsc-notice--warn" key={i}>
                            { view_notice(n, lang, id, p.on_action) }
                            { button("bsc-link", t.dismiss, p.on_action.reform(move |_| Action::Dismiss(i))) }
                        </div>
                    }
                </div>
            }
            if let Some(change) = p.conflict {
                <div class="bsc-notice bsc-notice--warn bsc-conflict" role="alert">
                    <p>{ match change {
                        OtherTab::Saved(_) => t.other_tab_changed,
                        OtherTab::Removed => t.other_tab_removed,
                        OtherTab::Unreadable => t.other_tab_unreadable,
                    } }</p>
                    if !matches!(change, OtherTab::Unreadable) {
                        { button("bsc-button", t.use_other_tab, p.on_action.reform(|_| Action::UseOtherTab)) }
                    }
                    { button("bsc-button bsc-button--quiet", t.keep_this_tab, p.on_action.reform(|_| Action::KeepThisTab)) }
                </div>
            }
            if let Some(origin) = p.results_to {
                <div class="bsc-notice bsc-notice--info" role="note">
                    <p>{ fill(t.embed_results, &[("origin", origin)]) }</p>
                </div>
            }
            if let Some(app) = p.in_app {
                <div class="bsc-notice bsc-notice--info" role="note">
                    <p>{ fill(t.in_app_hint, &[("app", app.name(lang))]) }</p>
                </div>
            }
            if p.update_ready {
                <div class="bsc-notice bsc-notice--info" role="status">
                    <p>{ t.update_ready }</p>
                    { button("bsc-button", t.update_now, Callback::from(|_| crate::offline::apply_update())) }
                </div>
            }
        </>
    }
}

fn view_notice(n: &Notice, lang: Lang, id: &str, on_action: &Dispatch) -> Html {
    let t = catalog(lang);
    let sep = if lang == Lang::Zh { "；" } else { "; " };
    let text = match n {
        Notice::StandardUnavailable => t.standard_unavailable.to_owned(),
        Notice::StandardInvalid(problems) => {
            let list: Vec<String> =
                problems.iter().map(|p| format!("{} {}", p.path, problem_text(&p.kind, lang))).collect();
            format!("{} {}", t.standard_broken, list.join("; "))
        }
        Notice::StorageUnavailable => t.storage_unavailable.to_owned(),
        Notice::EmbeddedStorage => t.embedded_storage.to_owned(),
        Notice::Rehashed => t.standard_rehashed.to_owned(),
        Notice::ImportTooLarge => fill(t.import_too_large, &[("n", &files::MAX_IMPORT_MB.to_string())]),
        Notice::ImportReadFailed => t.import_read_failed.to_owned(),
        Notice::ImportOtherStandard(s) => fill(t.import_other_standard, &[("s", s)]),
        Notice::ImportFailed(e) => import_error_text(e, lang),
        Notice::HandoverFailed(e) => handover_error_text(*e, lang),
        Notice::XlsxUnavailable => t.xlsx_unavailable.to_owned(),
        Notice::EnglishUnavailable => t.english_unavailable.to_owned(),
        Notice::XlsxFailed(e) => fill(t.xlsx_failed, &[("e", e)]),
        Notice::Damaged(kept) => {
            return view_kept_aside(t.stored_corrupt.to_owned(), t.download_damaged, kept, id, lang, on_action)
        }
        Notice::Skipped { issues, original } => {
            let shown: Vec<String> = issues.iter().take(LIST_SHOWN).map(|i| issue_text(i, lang)).collect();
            let mut list = shown.join(sep);
            if issues.len() > LIST_SHOWN {
                list.push_str(sep);
                list.push_str(&fill(t.issues_more, &[("n", &(issues.len() - LIST_SHOWN).to_string())]));
            }
            let text = fill(t.stored_skipped, &[("list", &list)]);
            return view_kept_aside(text, t.download_kept, original, id, lang, on_action);
        }
    };
    html! { <p>{ text }</p> }
}

/// A notice about saved data kept aside, with its download (from memory: it may not have fitted in
/// storage) and, when it could not be moved aside, the way to let saving resume over it.
fn view_kept_aside(
    text: String,
    label: &'static str,
    kept: &KeptAside,
    id: &str,
    lang: Lang,
    on_action: &Dispatch,
) -> Html {
    let t = catalog(lang);
    let (raw, name) = (kept.raw.clone(), format!("brand-self-check-kept-{id}.json"));
    html! {
        <>
            <p>
                { text }{ " " }
                { button("bsc-link", label, Callback::from(move |_| {
                    files::download(&name, "application/json", &raw);
                })) }
            </p>
            if !kept.moved {
                <p>
                    { t.stored_held }{ " " }
                    { button("bsc-link", t.resume_saving, on_action.reform(|_| Action::ReleaseHeld)) }
                </p>
            }
        </>
    }
}

fn handover_error_text(e: HandoverError, lang: Lang) -> String {
    let t = catalog(lang);
    match e {
        HandoverError::CutOff { expected, found } => {
            fill(t.handover_cut, &[("found", &found.to_string()), ("expected", &expected.to_string())])
        }
        HandoverError::NewerFormat { found } => fill(t.handover_newer, &[("v", &found.to_string())]),
        HandoverError::TooLarge { bytes, max } => {
            fill(t.handover_too_large, &[("n", &bytes.to_string()), ("max", &max.to_string())])
        }
        HandoverError::Damaged | HandoverError::NotHandover => t.handover_damaged.to_owned(),
    }
}

pub fn import_error_text(e: &ImportError, lang: Lang) -> String {
    let t = catalog(lang);
    let at = |line: &usize, column: &usize| [("line", line.to_string()), ("column", column.to_string())];
    match e {
        ImportError::NotJson { line, column, .. } => {
            let [l, c] = at(line, column);
            fill(t.import_not_json, &[(l.0, &l.1), (c.0, &c.1)])
        }
        ImportError::TooDeep { line, column, max } => {
            let [l, c] = at(line, column);
            fill(t.import_too_deep, &[(l.0, &l.1), (c.0, &c.1), ("max", &max.to_string())])
        }
        ImportError::TooLarge { max, .. } => fill(t.import_too_large, &[("n", &(max / (1024 * 1024)).to_string())]),
        ImportError::NotAnswers => t.import_not_answers.to_owned(),
        ImportError::NewerVersion { found } => fill(t.import_newer, &[("v", &found.to_string())]),
        ImportError::WrongShape { path, expected } => {
            fill(t.import_shape, &[("path", path), ("expected", expected_text(*expected, lang))])
        }
    }
}

fn expected_text(e: Expected, lang: Lang) -> &'static str {
    let t = catalog(lang);
    match e {
        Expected::Object => t.expected_object,
        Expected::String => t.expected_string,
        Expected::Boolean => t.expected_boolean,
        Expected::WholeNumber => t.expected_whole,
        Expected::GateAnswer => t.expected_gate,
        Expected::DocStatus => t.expected_doc_status,
        Expected::ActionStatus => t.expected_action_status,
        Expected::Role => t.expected_role,
        Expected::Array => t.expected_array,
        Expected::Date => t.expected_date,
    }
}

pub fn issue_text(issue: &ImportIssue, lang: Lang) -> String {
    let t = catalog(lang);
    match issue {
        ImportIssue::OtherStandard { found } => fill(t.issue_other_standard, &[("s", found)]),
        ImportIssue::OtherVersion { found } => fill(t.issue_other_version, &[("v", found)]),
        ImportIssue::UnknownQuestion(q) => fill(t.issue_unknown_question, &[("q", q)]),
        ImportIssue::LevelRefused { question, found, fault } => {
            let template = match fault {
                LevelFault::OutOfRange => t.issue_level,
                LevelFault::NotANumber => t.issue_level_not_number,
                LevelFault::NotWhole => t.issue_level_not_whole,
            };
            fill(template, &[("q", question), ("l", found)])
        }
        ImportIssue::NotApplicableRefused(q) => fill(t.issue_na, &[("q", q)]),
        ImportIssue::UnknownGate(g) => fill(t.issue_unknown_gate, &[("g", g)]),
        ImportIssue::UnknownProfile(p) => fill(t.issue_unknown_profile, &[("p", p)]),
        ImportIssue::UnknownOption { profile, option } => {
            fill(t.issue_unknown_option, &[("p", profile), ("o", option)])
        }
        ImportIssue::DuplicateKey { path, key } => fill(t.issue_duplicate, &[("path", path), ("key", key)]),
        ImportIssue::WrongType { path, expected } => {
            fill(t.issue_wrong_type, &[("path", path), ("expected", expected_text(*expected, lang))])
        }
        ImportIssue::LoneSurrogate { path } => fill(t.issue_surrogate, &[("path", path)]),
        ImportIssue::NoteTooLong { question, chars, max } => {
            fill(t.issue_note_too_long, &[("q", question), ("chars", &chars.to_string()), ("max", &max.to_string())])
        }
        ImportIssue::UnknownFact(f) => fill(t.issue_unknown_fact, &[("f", f)]),
        ImportIssue::FactRefused { fact, found, fault } => {
            let why = match fault {
                FactFault::WrongType { .. } => t.fault_wrong_type.to_owned(),
                FactFault::OutOfRange { min, max } => {
                    fill(t.fault_range, &[("min", &min.to_string()), ("max", &max.to_string())])
                }
                FactFault::TooManyDecimals { max } => fill(t.fault_decimals, &[("n", &max.to_string())]),
                FactFault::UnknownOption(_) => t.fault_option.to_owned(),
                FactFault::UnknownTitle(_) => t.fault_title.to_owned(),
            };
            fill(t.issue_fact, &[("f", fact), ("v", found), ("why", &why)])
        }
        ImportIssue::Changed { item, id } => match item {
            ChangedItem::Question => fill(t.issue_changed_question, &[("id", id)]),
            ChangedItem::Gate => fill(t.issue_changed_gate, &[("id", id)]),
        },
        ImportIssue::UnknownDocument(d) => fill(t.issue_unknown_document, &[("d", d)]),
        ImportIssue::UnknownAction(a) => fill(t.issue_unknown_action, &[("a", a)]),
        ImportIssue::DateRefused { action, found, fault } => fill(
            match fault {
                brand_core::dossier::DayFault::NotIso => t.issue_date_not_iso,
                brand_core::dossier::DayFault::NoSuchDay => t.issue_date_no_such_day,
            },
            &[("a", action), ("v", found)],
        ),
        ImportIssue::TextTooLong { path, chars, max } => {
            fill(t.issue_text_too_long, &[("path", path), ("chars", &chars.to_string()), ("max", &max.to_string())])
        }
    }
}
