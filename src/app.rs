//! The root component: holds the session reducer, derives the assessment, routes between the
//! screens, and runs the effects — saving, focus on navigation, files in and out — each in one
//! place.

use std::rc::Rc;

use brand_core::answers::{AnswersFile, ImportError};
use brand_core::{assess, Answers, Lang};
use yew::prelude::*;

use crate::components::about::view_about;
use crate::components::import::{issue_text, view_import, PendingImport};
use crate::components::report::ReportScreen;
use crate::components::review::view_review;
use crate::components::start::StartScreen;
use crate::components::wizard::Wizard;
use crate::config::AppProps;
use crate::embed::{self, Channel};
use crate::files;
use crate::i18n::{catalog, fill, other};
use crate::offline;
use crate::standards::{self, BUILTIN};
use crate::state::{Action, Screen, Session};
use crate::storage::{self, Loaded};

/// A message at the top of the widget until dismissed.
#[derive(Clone, Debug, PartialEq)]
enum Notice {
    Text(String),
    /// Saved answers could not be read; they were kept aside under this standard id.
    Damaged(String),
    /// Saved answers had entries that do not fit (described); the original was kept aside.
    Skipped(String, Vec<String>),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum SaveState {
    Idle,
    Saved,
    Failed,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let session = {
        let lang = props.lang.or_else(storage::load_lang).unwrap_or(Lang::Zh);
        use_reducer(move || Session::new(lang))
    };
    let notices = use_state(Vec::<Notice>::new);
    let save_state = use_state(|| SaveState::Idle);
    let pending = use_state(|| None::<PendingImport>);
    let update_ready = use_state(offline::update_already_ready);
    let channel = use_state(|| None::<Channel>);
    let custom_error = use_state(|| None::<standards::CustomError>);
    // Answers another tab saved for the open standard, while the user has not chosen yet.
    let conflict = use_state(|| None::<Answers>);
    {
        let (conflict, st) = (conflict.clone(), session.standard.clone());
        use_effect_with(st, move |st| {
            let listener = st.clone().map(|st| {
                let id = st.id.clone();
                storage::on_other_tab_change(id, move |raw| {
                    let theirs = raw.and_then(|r| storage::parse(&st, &r)).unwrap_or_default();
                    conflict.set(Some(theirs));
                })
            });
            move || drop(listener)
        });
    }
    {
        let (channel, req) = (channel.clone(), props.embed.clone());
        use_effect_with((), move |_| {
            if let Some(req) = req {
                embed::connect(req, move |ch| channel.set(Some(ch)));
            }
        });
    }
    {
        let update_ready = update_ready.clone();
        use_effect_with((), move |_| {
            let listener = offline::on_update_ready(move || update_ready.set(true));
            move || drop(listener)
        });
    }
    // The first render is in the page with its handlers attached: `make bench` times this mark.
    use_effect_with((), |_| {
        if let Some(p) = crate::window().and_then(|w| w.performance()) {
            p.mark("bsc-interactive").ok();
        }
    });
    let root = use_node_ref();
    let lang = session.lang;
    let t = catalog(lang);
    let dispatch = {
        let d = session.dispatcher();
        Callback::from(move |a: Action| d.dispatch(a))
    };
    let notify = {
        let notices = notices.clone();
        Callback::from(move |n: Notice| {
            let mut list = (*notices).clone();
            if !list.contains(&n) {
                list.push(n);
            }
            notices.set(list);
        })
    };

    // Opening a standard: fetch and parse it, read what was saved for it, report what went wrong.
    // Only the latest choice is opened, whatever order the files arrive in.
    let latest = use_mut_ref(|| None::<&'static str>);
    let opening = use_state(|| None::<&'static str>);
    let open = {
        let (dispatch, notify, opening) = (dispatch.clone(), notify.clone(), opening.clone());
        Callback::from(move |id: &'static str| {
            *latest.borrow_mut() = Some(id);
            opening.set(Some(id));
            let (dispatch, notify, latest, opening) =
                (dispatch.clone(), notify.clone(), latest.clone(), opening.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = standards::load(id).await;
                if *latest.borrow() != Some(id) {
                    return;
                }
                opening.set(None);
                let t = catalog(lang);
                let st = match loaded {
                    Ok(st) => st,
                    Err(standards::LoadError::Unavailable) => {
                        return notify.emit(Notice::Text(t.standard_unavailable.into()));
                    }
                    Err(standards::LoadError::Invalid(problems)) => {
                        let list: Vec<String> = problems
                            .iter()
                            .map(|p| format!("{} {}", p.path, crate::i18n::problem_text(&p.kind, lang)))
                            .collect();
                        return notify.emit(Notice::Text(format!("{} {}", t.standard_broken, list.join("; "))));
                    }
                };
                offline::request_persistence();
                if offline::embedded() {
                    notify.emit(Notice::Text(t.embedded_storage.into()));
                }
                let answers = match storage::load(&st) {
                    Loaded::Found(a, issues) => {
                        if !issues.is_empty() {
                            let list = issues.iter().map(|i| issue_text(i, lang)).collect();
                            notify.emit(Notice::Skipped(st.id.clone(), list));
                        }
                        a
                    }
                    Loaded::Damaged => {
                        notify.emit(Notice::Damaged(st.id.clone()));
                        Answers::default()
                    }
                    Loaded::Unavailable => {
                        notify.emit(Notice::Text(t.storage_unavailable.into()));
                        Answers::default()
                    }
                    Loaded::Nothing => Answers::default(),
                };
                dispatch.emit(Action::Open(st, answers));
            });
        })
    };
    {
        let (open, configured) = (open.clone(), props.standard);
        let (custom, custom_error, dispatch) = (props.standard_url.clone(), custom_error.clone(), dispatch.clone());
        use_effect_with((), move |_| match custom {
            // A host's own standard: shown only if it validates; otherwise its problems are.
            Some(url) => wasm_bindgen_futures::spawn_local(async move {
                match standards::fetch(&url).await {
                    Ok(st) => {
                        let answers = match storage::load(&st) {
                            Loaded::Found(a, _) => a,
                            _ => Answers::default(),
                        };
                        dispatch.emit(Action::Open(st, answers));
                    }
                    Err(e) => custom_error.set(Some(e)),
                }
            }),
            None => {
                if let Some(id) = configured {
                    open.emit(id);
                }
            }
        });
    }

    // Every change is saved at once, unless another tab's answers are waiting for the user's choice.
    {
        let save_state = save_state.clone();
        let paused = conflict.is_some();
        use_effect_with((session.standard.clone(), session.answers.clone(), paused), move |(st, answers, paused)| {
            if let (Some(st), false) = (st, *paused) {
                save_state.set(if storage::save(st, answers) { SaveState::Saved } else { SaveState::Failed });
            }
        });
    }
    use_effect_with(lang, |l| storage::save_lang(*l));

    // Embedded: tell the host how far the user is, and the result when the report is reached
    // (only when the host asked for results; the user is told so).
    {
        let results = props.embed.as_ref().is_some_and(|e| e.results);
        let deps = ((*channel).clone(), session.standard.clone(), session.answers.clone(), session.screen.clone());
        use_effect_with(deps, move |(ch, st, answers, screen)| {
            if let (Some(ch), Some(st)) = (ch, st) {
                let x = assess(st, answers);
                ch.post(
                    "progress",
                    serde_json::json!({ "answered": x.score.responded(), "total": x.score.asked(), "standard": st.id }),
                );
                if results && *screen == Screen::Report {
                    let summary = x.summary(st);
                    ch.post(
                        "completed",
                        serde_json::json!({
                            "score": summary.total, "tier": summary.tier, "provisional": true,
                            "standard": st.id, "version": st.version,
                        }),
                    );
                }
            }
        });
    }

    // Focus moves to the new screen's heading (not on the first render).
    {
        let root = root.clone();
        let first = use_mut_ref(|| true);
        use_effect_with((session.screen.clone(), pending.is_some()), move |_| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            if let Some(el) = root.cast::<web_sys::Element>() {
                if let Ok(Some(h)) = el.query_selector("[data-focus]") {
                    if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h) {
                        h.focus().ok();
                    }
                }
            }
        });
    }

    let on_import = {
        let (session, pending, notify) = (session.clone(), pending.clone(), notify.clone());
        Callback::from(move |file: web_sys::File| {
            let Some(st) = session.standard.clone() else { return };
            let (current, pending, notify) = (session.answers.clone(), pending.clone(), notify.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let t = catalog(lang);
                let text = match files::read_text(file).await {
                    Ok(text) => text,
                    Err(files::ReadError::TooLarge) => {
                        let mb = files::MAX_IMPORT_MB.to_string();
                        return notify.emit(Notice::Text(fill(t.import_too_large, &[("n", &mb)])));
                    }
                    Err(files::ReadError::Failed) => return notify.emit(Notice::Text(t.import_read_failed.into())),
                };
                match AnswersFile::parse(&text) {
                    // Questionnaires share question ids (A1.1 …): another one's answers would land
                    // on the wrong questions, so they are refused, not mapped.
                    Ok(file) if file.standard.id != st.id => {
                        notify.emit(Notice::Text(fill(t.import_other_standard, &[("s", &file.standard.id)])))
                    }
                    Ok(file) => {
                        let (answers, issues) = file.into_answers(&st);
                        let changes = current.differences(&answers);
                        pending.set(Some(PendingImport { answers, issues, changes }));
                    }
                    Err(e) => notify.emit(Notice::Text(import_error_text(&e, lang))),
                }
            });
        })
    };
    let on_confirm_import = {
        let (pending, dispatch) = (pending.clone(), dispatch.clone());
        Callback::from(move |_| {
            if let Some(p) = (*pending).clone() {
                dispatch.emit(Action::Replace(p.answers));
            }
            pending.set(None);
        })
    };
    let on_cancel_import = {
        let pending = pending.clone();
        Callback::from(move |_| pending.set(None))
    };
    let on_start_over = {
        let (session, dispatch) = (session.clone(), dispatch.clone());
        Callback::from(move |_| {
            let ok = crate::window()
                .and_then(|w| w.confirm_with_message(catalog(session.lang).confirm_start_over).ok())
                .unwrap_or(false);
            if let (true, Some(st)) = (ok, &session.standard) {
                storage::clear(st);
                dispatch.emit(Action::Clear);
            }
        })
    };
    let today = *use_memo((), |_| files::today());
    let on_export = {
        let session = session.clone();
        Callback::from(move |_| {
            if let Some(st) = &session.standard {
                let x = assess(st, &session.answers);
                let json = AnswersFile::new(st, &session.answers, Some(x.summary(st))).to_json();
                let (y, m, d) = today;
                files::download(&format!("brand-self-check-{}-{y}{m:02}{d:02}.json", st.id), "application/json", &json);
            }
        })
    };
    let on_download = {
        let session = session.clone();
        Callback::from(move |report: String| {
            if let Some(st) = &session.standard {
                let title = escape(st.title.get(session.lang));
                let css = files::page_css();
                let html = format!(
                    "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><style>{css}</style></head><body><div class=\"bsc bsc--standalone\">{report}</div></body></html>",
                    session.lang.code()
                );
                let (y, m, d) = today;
                files::download(&format!("brand-self-check-report-{}-{y}{m:02}{d:02}.html", st.id), "text/html", &html);
            }
        })
    };

    let x = session.standard.as_ref().map(|st| Rc::new(assess(st, &session.answers)));
    let screen = match (&session.screen, &session.standard, &x) {
        (Screen::Step(i), Some(st), Some(x)) => html! {
            <Wizard standard={st.clone()} answers={session.answers.clone()} assessment={x.clone()} step={*i} {lang}
                on_action={dispatch.clone()} />
        },
        (Screen::Review, Some(st), Some(x)) => view_review(st, x, lang, &dispatch),
        (Screen::Report, Some(st), Some(x)) => html! {
            <ReportScreen standard={st.clone()} answers={session.answers.clone()} assessment={x.clone()} {lang} {today}
                on_action={dispatch.clone()} on_export={on_export.clone()} on_download={on_download}
                on_import={on_import.clone()} />
        },
        (Screen::About { back }, st, _) => view_about(st.as_deref(), lang, back, &dispatch),
        _ => html! {
            <StartScreen standard={session.standard.clone()} answers={session.answers.clone()} {lang}
                saved={BUILTIN.iter().map(|b| storage::saved_count(b.id)).collect::<Vec<_>>()}
                on_action={dispatch.clone()} on_open={open} opening={*opening} on_start_over={on_start_over} on_import={on_import.clone()} />
        },
    };
    html! {
        <div class="bsc" lang={lang.code()} ref={root}>
            <header class={classes!("bsc-header", props.hide_header.then_some("bsc-header--bare"))}>
                if !props.hide_header {
                    <div>
                        <p class="bsc-header__app">{ t.app_title }</p>
                        <p class="bsc-header__title">
                            { session.standard.as_ref().map(|s| s.title.get(lang).to_owned()).unwrap_or_default() }
                        </p>
                    </div>
                }
                <div class="bsc-header__tools">
                    if session.standard.is_some() {
                        <span class={classes!("bsc-saved", (*save_state == SaveState::Failed || conflict.is_some()).then_some("is-failed"))} role="status">
                            { if conflict.is_some() { t.save_paused } else { match *save_state { SaveState::Saved => t.saved, SaveState::Failed => t.save_failed, SaveState::Idle => "" } } }
                        </span>
                    }
                    <button type="button" class="bsc-button bsc-button--quiet" lang={other(lang).code()}
                        aria-label={t.switch_lang_label} onclick={dispatch.reform(move |_| Action::SetLang(other(lang)))}>
                        { t.switch_lang }
                    </button>
                </div>
            </header>
            if !notices.is_empty() {
                <div class="bsc-notices" role="alert">
                    for (i, n) in notices.iter().enumerate() {
                        <div class="bsc-notice bsc-notice--warn" key={i}>
                            { view_notice(n, lang) }
                            <button type="button" class="bsc-link" onclick={{
                                let notices = notices.clone();
                                Callback::from(move |_| {
                                    let mut list = (*notices).clone();
                                    list.remove(i);
                                    notices.set(list);
                                })
                            }}>{ t.dismiss }</button>
                        </div>
                    }
                </div>
            }
            if let Some(theirs) = &*conflict {
                <div class="bsc-notice bsc-notice--warn bsc-conflict" role="alert">
                    <p>{ t.other_tab_changed }</p>
                    <button type="button" class="bsc-button" onclick={{
                        let (conflict, dispatch, theirs) = (conflict.clone(), dispatch.clone(), theirs.clone());
                        Callback::from(move |_| {
                            dispatch.emit(Action::Replace(theirs.clone()));
                            conflict.set(None);
                        })
                    }}>{ t.use_other_tab }</button>
                    <button type="button" class="bsc-button bsc-button--quiet" onclick={{
                        let conflict = conflict.clone();
                        Callback::from(move |_| conflict.set(None))
                    }}>{ t.keep_this_tab }</button>
                </div>
            }
            if let Some(e) = props.embed.as_ref().filter(|e| e.results) {
                <div class="bsc-notice bsc-notice--info" role="note">
                    <p>{ fill(t.embed_results, &[("origin", &e.parent)]) }</p>
                </div>
            }
            if *update_ready {
                <div class="bsc-notice bsc-notice--info" role="status">
                    <p>{ t.update_ready }</p>
                    <button type="button" class="bsc-button" onclick={Callback::from(|_| offline::apply_update())}>{ t.update_now }</button>
                </div>
            }
            if let Some(p) = &*pending {
                { view_import(p, lang, on_confirm_import, on_cancel_import) }
            }
            <main class="bsc-body">
                if let Some(e) = &*custom_error {
                    { view_custom_error(e, props.standard_url.as_deref().unwrap_or(""), lang) }
                } else {
                    { screen }
                }
            </main>
        </div>
    }
}

fn view_notice(n: &Notice, lang: Lang) -> Html {
    let t = catalog(lang);
    match n {
        Notice::Text(s) => html! { <p>{ s.clone() }</p> },
        Notice::Damaged(id) => view_kept_aside(t.stored_corrupt.to_owned(), t.download_damaged, id),
        Notice::Skipped(id, list) => {
            let sep = if lang == Lang::Zh { "；" } else { "; " };
            view_kept_aside(fill(t.stored_skipped, &[("list", &list.join(sep))]), t.download_kept, id)
        }
    }
}

/// A notice about saved data kept aside, with the link to download it.
fn view_kept_aside(text: String, label: &'static str, id: &str) -> Html {
    let id = id.to_owned();
    html! {
        <p>
            { text }{ " " }
            <button type="button" class="bsc-link" onclick={Callback::from(move |_| {
                if let Some(raw) = storage::damaged(&id) {
                    files::download(&format!("brand-self-check-kept-{id}.json"), "application/json", &raw);
                }
            })}>{ label }</button>
        </p>
    }
}

fn import_error_text(e: &ImportError, lang: Lang) -> String {
    let t = catalog(lang);
    match e {
        ImportError::NotJson(_) => t.import_not_json.to_owned(),
        ImportError::NotAnswers => t.import_not_answers.to_owned(),
        ImportError::NewerVersion { found } => fill(t.import_newer, &[("v", &found.to_string())]),
        ImportError::WrongShape(m) => fill(t.import_shape, &[("m", m)]),
    }
}

/// Escapes text for an HTML document built as a string (the downloaded report's title).
fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn view_custom_error(e: &standards::CustomError, url: &str, lang: Lang) -> Html {
    let t = catalog(lang);
    html! {
        <section class="bsc-about" role="alert" aria-labelledby="bsc-h">
            <h2 id="bsc-h" tabindex="-1" data-focus="">{ t.custom_broken_title }</h2>
            if let standards::CustomError::Invalid(problems) = e {
                <p>{ fill(t.custom_broken_intro, &[("url", url)]) }</p>
                <ul class="bsc-list bsc-problems">
                    for (i, p) in problems.iter().enumerate() {
                        <li key={i}><code>{ p.path.clone() }</code>{ " " }{ crate::i18n::problem_text(&p.kind, lang) }</li>
                    }
                </ul>
            } else {
                <p>{ fill(t.custom_unreadable, &[("url", url)]) }</p>
            }
        </section>
    }
}
