//! The start page's list of the open questionnaire's assessments on this device (issue 15): the
//! open one first, then the others as `hooks::saved` listed them, each with its name, date,
//! organisation, progress and programme statuses; open, rename, duplicate, delete, and start a
//! new one.

use brand_core::answers::AnswersFile;
use brand_core::dossier::Day;
use brand_core::{Answers, Lang, ProgrammeStatus};
use yew::prelude::*;

use crate::commands;
use crate::components::programmes::status_text;
use crate::i18n::{catalog, date, fill};
use crate::state::{Action, Deleted, Dispatch, Saved, SharedStandard, Slot, Source, Summary};
use crate::{files, storage};

#[derive(Properties, PartialEq, Clone)]
pub struct SavedProps {
    pub standard: SharedStandard,
    /// The language of the moment (handed down, not a context: see ARCHITECTURE.md).
    pub lang: Lang,
    pub source: Source,
    /// The open assessment's slot and answers (shown live, not as last saved).
    pub slot: Slot,
    pub answers: Answers,
    pub saved: Vec<Saved>,
    /// Deleted since the questionnaire opened, each with its undo, where it was.
    pub deleted: Vec<Deleted>,
    pub year: u16,
    pub today: Option<Day>,
    pub on_action: Dispatch,
}

/// The line under an assessment's name: date, organisation, progress, programmes, team.
fn meta(x: &Summary, lang: Lang) -> String {
    let t = catalog(lang);
    let mut parts = Vec::new();
    if let Some(d) = x.about.date {
        parts.push(fill(t.saved_date, &[("d", &date(lang, d.year().into(), d.month().into(), d.day().into()))]));
    }
    if !x.about.organisation.trim().is_empty() {
        parts.push(x.about.organisation.trim().to_owned());
    }
    parts.push(fill(t.answered, &[("a", &x.responded.to_string()), ("n", &x.asked.to_string())]));
    let statuses = [ProgrammeStatus::Ready, ProgrammeStatus::Open, ProgrammeStatus::NotEligible];
    let progs: Vec<String> = statuses
        .iter()
        .zip(x.programmes)
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{} {n}", status_text(*s, lang)))
        .collect();
    if !progs.is_empty() {
        parts.push(fill(t.saved_programmes, &[("l", &progs.join(" · "))]));
    }
    if x.respondents > 0 {
        parts.push(fill(t.saved_team, &[("n", &x.respondents.to_string())]));
    }
    parts.join(" · ")
}

fn name_of(x: &Summary, lang: Lang) -> String {
    match x.about.name.trim() {
        "" => catalog(lang).saved_unnamed.to_owned(),
        n => n.to_owned(),
    }
}

#[component]
pub fn SavedList(p: &SavedProps) -> Html {
    let lang = p.lang;
    let t = catalog(lang);
    let renaming = use_state(|| None::<Slot>);
    let input = use_node_ref();
    // The undo whose write did not stick (storage full or blocked): said where it was tried.
    let failed = use_state(|| None::<Slot>);
    let undo = use_node_ref();
    let opened = use_node_ref();
    let focus = |r: &NodeRef| {
        if let Some(e) = r.cast::<web_sys::HtmlElement>() {
            e.focus().ok();
        }
    };
    {
        // The field takes the focus when a rename starts.
        let input = input.clone();
        use_effect_with((*renaming).clone(), move |r| {
            if r.is_some() {
                focus(&input);
            }
        });
    }
    {
        // The undo, when an assessment was deleted (the button pressed went with its row).
        let (undo, seen) = (undo.clone(), use_mut_ref(|| p.deleted.len()));
        use_effect_with(p.deleted.len(), move |n| {
            if *n > *seen.borrow() {
                focus(&undo);
            }
            *seen.borrow_mut() = *n;
        });
    }
    {
        // The open row's name, when another one opens or starts (not when the list first shows).
        let (opened, first) = (opened.clone(), use_mut_ref(|| true));
        use_effect_with(p.slot.clone(), move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                focus(&opened);
            }
        });
    }
    let st = &p.standard;
    let open = Summary::of(st, &p.answers, p.year);
    let others: Vec<&Saved> = p.saved.iter().filter(|x| x.slot != p.slot).collect();
    let count = others.len() + usize::from(p.answers != Answers::default());

    let row = |slot: &Slot, x: &Summary, is_open: bool| {
        let name = name_of(x, lang);
        let name_id = name_id(slot);
        let editing = renaming.as_ref() == Some(slot);
        let on_rename = {
            let (renaming, slot) = (renaming.clone(), slot.clone());
            Callback::from(move |_| renaming.set(Some(slot.clone())))
        };
        let on_submit = {
            let (renaming, input, d, about) = (renaming.clone(), input.clone(), p.on_action.clone(), x.about.clone());
            let (source, st, slot) = (p.source.clone(), st.clone(), slot.clone());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let Some(field) = input.cast::<web_sys::HtmlInputElement>() else { return };
                let name = field.value().trim().to_owned();
                if is_open {
                    d.emit(Action::SetAbout(brand_core::About { name, ..about.clone() }));
                } else if commands::rename_saved(&source, &st, &slot, name) {
                    d.emit(Action::Relist);
                }
                renaming.set(None);
            })
        };
        let on_duplicate = {
            let (d, source, st, slot, answers) =
                (p.on_action.clone(), p.source.clone(), st.clone(), slot.clone(), p.answers.clone());
            let (copy, today) = (fill(t.saved_copy_of, &[("name", &name)]), p.today);
            Callback::from(move |_| {
                let file = if is_open {
                    Some(AnswersFile::new(&st, &answers, None))
                } else {
                    storage::read(&source, &st.id, &slot).and_then(|raw| AnswersFile::parse(&raw).ok())
                };
                match file.and_then(|f| commands::duplicate(&source, &st, f, copy.clone(), today)) {
                    Some(new) => d.emit(Action::OpenSaved(new)),
                    None => d.emit(Action::Saved(false)),
                }
            })
        };
        html! {
            <li key={slot.0.to_string()} class={if is_open { "bsc-assess__item is-open" } else { "bsc-assess__item" }} data-testid="saved-item">
                if editing {
                    <form class="bsc-assess__rename" onsubmit={on_submit}>
                        <label>
                            <span class="bsc-visually-hidden">{ t.saved_name }</span>
                            <input type="text" maxlength="100" ref={input.clone()} value={x.about.name.clone()}
                                placeholder={t.saved_unnamed} data-testid="saved-name-input"
                                onkeydown={{
                                    let r = renaming.clone();
                                    Callback::from(move |e: KeyboardEvent| if e.key() == "Escape" { r.set(None) })
                                }} />
                        </label>
                        <button type="submit" class="bsc-button">{ t.saved_save }</button>
                        <button type="button" class="bsc-button bsc-button--quiet"
                            onclick={{ let r = renaming.clone(); Callback::from(move |_| r.set(None)) }}>{ t.saved_cancel }</button>
                    </form>
                } else {
                    <p class="bsc-assess__name">
                        <strong id={name_id.clone()} data-testid="saved-name" tabindex="-1"
                            ref={if is_open { opened.clone() } else { NodeRef::default() }}>{ name.clone() }</strong>
                        if is_open {
                            { " " }<span class="bsc-badge">{ t.saved_open_now }</span>
                        }
                    </p>
                }
                <p class="bsc-assess__meta" data-testid="saved-meta">{ meta(x, lang) }</p>
                { buttons({
                    let mut b = Vec::new();
                    if !is_open {
                        let s = slot.clone();
                        b.push((t.saved_open, "saved-open", true, p.on_action.reform(move |_| Action::OpenSaved(s.clone()))));
                    }
                    if !editing {
                        b.push((t.saved_rename, "saved-rename", false, on_rename));
                    }
                    // A new assessment with nothing in it is not saved yet: nothing to copy or delete.
                    if !is_open || p.answers != Answers::default() {
                        b.push((t.saved_duplicate, "saved-duplicate", false, on_duplicate));
                        b.push((t.saved_delete, "saved-delete", false, delete(p, slot, &name, lang)));
                    }
                    b
                }, &name_id) }
            </li>
        }
    };

    html! {
        <section class="bsc-assess" aria-labelledby="bsc-assess-h" data-testid="saved">
            <h3 id="bsc-assess-h">{ fill(t.saved_title, &[("n", &count.to_string())]) }</h3>
            <p class="bsc-hint">{ t.saved_intro }</p>
            <ul class="bsc-assess__list">
                // One keyed list, the open one first, so a row keeps its element when it moves.
                { for std::iter::once(row(&p.slot, &open, true)).chain(others.iter().map(|x| match &x.summary {
                    Ok(summary) => row(&x.slot, summary, false),
                    Err(raw) => unreadable(p, &x.slot, raw, lang),
                })) }
            </ul>
            for (i, d) in p.deleted.iter().enumerate() {
                { view_deleted(p, d, (i + 1 == p.deleted.len()).then(|| undo.clone()), &failed, lang) }
            }
            <div class="bsc-assess__new">
                <button type="button" class="bsc-button bsc-button--quiet" data-testid="saved-new"
                    onclick={{
                        let (d, source, id, today) = (p.on_action.clone(), p.source.clone(), st.id.clone(), p.today);
                        Callback::from(move |_| d.emit(Action::NewAssessment { slot: storage::new_slot(&source, &id), date: today }))
                    }}>{ t.saved_new }</button>
            </div>
        </section>
    }
}

/// Asks, deletes, and hands the deleted text to the session (for the undo).
fn delete(p: &SavedProps, slot: &Slot, name: &str, lang: Lang) -> Callback<MouseEvent> {
    let (d, source, st, slot, name) =
        (p.on_action.clone(), p.source.clone(), p.standard.clone(), slot.clone(), name.to_owned());
    Callback::from(move |_| {
        if let Some(raw) = commands::delete_saved(&source, &st, &slot, &name, lang) {
            let fresh = storage::new_slot(&source, &st.id);
            d.emit(Action::Deleted { slot: slot.clone(), name: name.clone(), raw, fresh });
        }
    })
}

/// An assessment whose text cannot be read: kept as it is, offered for download, deletable.
fn unreadable(p: &SavedProps, slot: &Slot, raw: &std::rc::Rc<str>, lang: Lang) -> Html {
    let t = catalog(lang);
    let (raw, file) = (raw.clone(), format!("brand-self-check-kept-{}-{}.json", p.standard.id, slot.0));
    html! {
        <li key={slot.0.to_string()} class="bsc-assess__item is-damaged" data-testid="saved-item">
            <p class="bsc-assess__name"><strong id={name_id(slot)}>{ t.saved_unreadable_name }</strong></p>
            <p class="bsc-assess__meta">{ t.saved_unreadable }</p>
            { buttons(vec![
                (t.saved_download, "", false, Callback::from(move |_: MouseEvent| { files::download(&file, "application/json", &raw); })),
                (t.saved_delete, "saved-delete", false, delete(p, slot, t.saved_unreadable_name, lang)),
            ], &name_id(slot)) }
        </li>
    }
}

/// The line a deleted assessment leaves: undo (it is written back and opens), download, dismiss.
fn view_deleted(
    p: &SavedProps,
    d: &Deleted,
    focus: Option<NodeRef>,
    failed: &UseStateHandle<Option<Slot>>,
    lang: Lang,
) -> Html {
    let t = catalog(lang);
    let on_undo = {
        let (dispatch, source, st, d, failed) =
            (p.on_action.clone(), p.source.clone(), p.standard.clone(), d.clone(), failed.clone());
        Callback::from(move |_| match commands::restore(&source, &st, &d.slot, &d.raw) {
            Some(at) => dispatch.emit(Action::Restored { deleted: d.slot.clone(), at }),
            None => failed.set(Some(d.slot.clone())),
        })
    };
    let (raw, file) = (
        d.raw.clone(),
        format!("brand-self-check-{}-{}.json", p.standard.id, if d.slot.0.is_empty() { "1" } else { &d.slot.0 }),
    );
    html! {
        <p key={d.slot.0.to_string()} class="bsc-assess__deleted" role="status" data-testid="deleted-notice">
            { fill(t.deleted, &[("name", &d.name)]) }{ " " }
            <button type="button" class="bsc-link" data-testid="deleted-undo" ref={focus.unwrap_or_default()} onclick={on_undo}>{ t.deleted_undo }</button>
            { " · " }
            <button type="button" class="bsc-link" onclick={Callback::from(move |_: MouseEvent| {
                files::download(&file, "application/json", &raw);
            })}>{ t.deleted_download }</button>
            { " · " }
            <button type="button" class="bsc-link"
                onclick={{ let s = d.slot.clone(); p.on_action.reform(move |_| Action::ForgetDeleted(s.clone())) }}>{ t.dismiss }</button>
            if failed.as_ref() == Some(&d.slot) {
                <span class="bsc-warn" role="alert">{ " " }{ t.restore_failed }</span>
            }
        </p>
    }
}

/// The id of a row's name, which its buttons are described by ("Open" — "2025 年度").
fn name_id(slot: &Slot) -> String {
    format!("bsc-assess-{}", if slot.0.is_empty() { "1" } else { &slot.0 })
}

/// A row's buttons, as data: (label, test id or "", primary, what a click does), each described
/// by the row's name.
fn buttons(items: Vec<(&'static str, &'static str, bool, Callback<MouseEvent>)>, described: &str) -> Html {
    html! {
        <div class="bsc-assess__actions">
            for (label, testid, primary, onclick) in items {
                <button type="button" class={if !primary { "bsc-button bsc-button--small bsc-button--quiet" } else { "bsc-button bsc-button--small" }}
                    aria-describedby={described.to_owned()} data-testid={(!testid.is_empty()).then_some(testid)} {onclick}>{ label }</button>
            }
        </div>
    }
}
