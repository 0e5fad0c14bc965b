//! The start page's list of the open questionnaire's assessments on this device (issue 15): the
//! open one first, then the others as `hooks::saved` listed them, each with its name, date,
//! organisation, progress and programme statuses; open, rename, duplicate, delete, and start a
//! new one.

use brand_core::answers::AnswersFile;
use brand_core::{Answers, Lang, ProgrammeStatus};
use yew::prelude::*;

use crate::commands;
use crate::components::button::button;
use crate::components::markup::Markup;
use crate::components::programmes::status_text;
use crate::components::start::StartProps;
use crate::i18n::{catalog, date, fill};
use crate::state::{Action, Deleted, Saved, SharedStandard, Slot, Source, Summary};
use crate::{files, storage};

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

/// The list, with its questionnaire (`st`, from `source`). Where the focus goes when a rename
/// starts, an assessment is deleted or another opens is `hooks::use_focus_on_list`'s.
pub fn view_saved(p: &StartProps, st: &SharedStandard, source: &Source, lang: Lang) -> Html {
    let t = catalog(lang);
    let open = Summary::of(st, &p.answers, p.year);
    let others: Vec<&Saved> = p.saved.iter().filter(|x| x.slot != p.slot).collect();
    let count = others.len() + usize::from(p.answers != Answers::default());

    let row = |slot: &Slot, x: &Summary, is_open: bool| {
        let name = name_of(x, lang);
        let name_id = name_id(slot);
        let editing = p.renaming.as_ref() == Some(slot);
        let on_rename = {
            let slot = slot.clone();
            p.on_action.reform(move |_| Action::Rename(Some(slot.clone())))
        };
        let on_submit = {
            let (d, about) = (p.on_action.clone(), x.about.clone());
            let (source, st, slot) = (source.clone(), st.clone(), slot.clone());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let field =
                    e.target_dyn_into::<web_sys::Element>().and_then(|f| f.query_selector("input").ok().flatten());
                let Some(field) =
                    field.and_then(|f| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(f).ok())
                else {
                    return;
                };
                let name = field.value().trim().to_owned();
                if is_open {
                    d.emit(Action::SetAbout(brand_core::About { name, ..about.clone() }));
                } else if commands::rename_saved(&source, &st, &slot, name) {
                    d.emit(Action::Relist);
                }
                d.emit(Action::Rename(None));
            })
        };
        let on_duplicate = {
            let (d, source, st, slot, answers) =
                (p.on_action.clone(), source.clone(), st.clone(), slot.clone(), p.answers.clone());
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
        // The name (unless it is being edited) and the line under it: markup text.
        let mut text = Markup::new();
        if !editing {
            text.raw("<p class=\"bsc-assess__name\"><strong").attr("id", &name_id);
            text.raw(" data-testid=\"saved-name\" tabindex=\"-1\">").text(&name).raw("</strong>");
            if is_open {
                text.text(" ").el("span class=\"bsc-badge\"", t.saved_open_now);
            }
            text.raw("</p>");
        }
        text.el("p class=\"bsc-assess__meta\" data-testid=\"saved-meta\"", &meta(x, lang));
        html! {
            <li key={slot.0.to_string()} class={if is_open { "bsc-assess__item is-open" } else { "bsc-assess__item" }} data-testid="saved-item">
                if editing {
                    <form class="bsc-assess__rename" onsubmit={on_submit}>
                        <label>
                            <span class="bsc-visually-hidden">{ t.saved_name }</span>
                            <input type="text" maxlength="100" value={x.about.name.clone()}
                                placeholder={t.saved_unnamed} data-testid="saved-name-input"
                                onkeydown={{
                                    let d = p.on_action.clone();
                                    Callback::from(move |e: KeyboardEvent| if e.key() == "Escape" { d.emit(Action::Rename(None)) })
                                }} />
                        </label>
                        <button type="submit" class="bsc-button">{ t.saved_save }</button>
                        { button("bsc-button bsc-button--quiet", t.saved_cancel, p.on_action.reform(|_| Action::Rename(None))) }
                    </form>
                }
                { text.into_html() }
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
                        b.push((t.saved_delete, "saved-delete", false, delete(p, st, source, slot, &name, lang)));
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
                    Err(raw) => unreadable(p, st, source, &x.slot, raw, lang),
                })) }
            </ul>
            for d in &p.deleted {
                { view_deleted(p, st, source, d, lang) }
            }
            <div class="bsc-assess__new">
                <button type="button" class="bsc-button bsc-button--quiet" data-testid="saved-new"
                    onclick={{
                        let (d, source, id, today) = (p.on_action.clone(), source.clone(), st.id.clone(), p.today);
                        Callback::from(move |_| d.emit(Action::NewAssessment { slot: storage::new_slot(&source, &id), date: today }))
                    }}>{ t.saved_new }</button>
            </div>
        </section>
    }
}

/// Asks, deletes, and hands the deleted text to the session (for the undo).
fn delete(
    p: &StartProps,
    st: &SharedStandard,
    source: &Source,
    slot: &Slot,
    name: &str,
    lang: Lang,
) -> Callback<MouseEvent> {
    let (d, source, st, slot, name) = (p.on_action.clone(), source.clone(), st.clone(), slot.clone(), name.to_owned());
    Callback::from(move |_| {
        if let Some(raw) = commands::delete_saved(&source, &st, &slot, &name, lang) {
            let fresh = storage::new_slot(&source, &st.id);
            d.emit(Action::Deleted { slot: slot.clone(), name: name.clone(), raw, fresh });
        }
    })
}

/// An assessment whose text cannot be read: kept as it is, offered for download, deletable.
fn unreadable(
    p: &StartProps,
    st: &SharedStandard,
    source: &Source,
    slot: &Slot,
    raw: &std::rc::Rc<str>,
    lang: Lang,
) -> Html {
    let t = catalog(lang);
    let (raw, file) = (raw.clone(), format!("brand-self-check-kept-{}-{}.json", st.id, slot.0));
    let mut text = Markup::new();
    text.raw("<p class=\"bsc-assess__name\"><strong").attr("id", &name_id(slot)).raw(">").text(t.saved_unreadable_name);
    text.raw("</strong></p>").el("p class=\"bsc-assess__meta\"", t.saved_unreadable);
    html! {
        <li key={slot.0.to_string()} class="bsc-assess__item is-damaged" data-testid="saved-item">
            { text.into_html() }
            { buttons(vec![
                (t.saved_download, "", false, Callback::from(move |_: MouseEvent| { files::download(&file, "application/json", &raw); })),
                (t.saved_delete, "saved-delete", false, delete(p, st, source, slot, t.saved_unreadable_name, lang)),
            ], &name_id(slot)) }
        </li>
    }
}

/// The line a deleted assessment leaves: undo (it is written back and opens), download, dismiss.
fn view_deleted(p: &StartProps, st: &SharedStandard, source: &Source, d: &Deleted, lang: Lang) -> Html {
    let t = catalog(lang);
    let on_undo = {
        let (dispatch, source, st, d) = (p.on_action.clone(), source.clone(), st.clone(), d.clone());
        Callback::from(move |_| match commands::restore(&source, &st, &d.slot, &d.raw) {
            Some(at) => dispatch.emit(Action::Restored { deleted: d.slot.clone(), at }),
            None => dispatch.emit(Action::RestoreFailed(d.slot.clone())),
        })
    };
    let (raw, file) = (
        d.raw.clone(),
        format!("brand-self-check-{}-{}.json", st.id, if d.slot.0.is_empty() { "1" } else { &d.slot.0 }),
    );
    html! {
        <p key={d.slot.0.to_string()} class="bsc-assess__deleted" role="status" data-testid="deleted-notice">
            { fill(t.deleted, &[("name", &d.name)]) }{ " " }
            <button type="button" class="bsc-link" data-testid="deleted-undo" onclick={on_undo}>{ t.deleted_undo }</button>
            { " · " }
            { button("bsc-link", t.deleted_download, Callback::from(move |_: MouseEvent| {
                files::download(&file, "application/json", &raw);
            })) }
            { " · " }
            { button("bsc-link", t.dismiss, { let s = d.slot.clone(); p.on_action.reform(move |_| Action::ForgetDeleted(s.clone())) }) }
            if p.restore_failed.as_ref() == Some(&d.slot) {
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
