//! The application file in the report: the checklist of documents for the planned programme and
//! the record editor of each action-plan item (owner, due date, status, note). The core derives
//! the lists, their order and totals (`brand_core::dossier`); this renders them and sends each
//! edit as one action. The editors are inputs on screen and plain text in print and in the
//! downloaded report (an input's typed value is not in its markup).

use brand_core::dossier::{Action as Record, ActionKey, ActionStatus, Checklist, Day, DocMark, DocStatus, Totals};
use brand_core::standard::{Issuer, Period, Proof};
use brand_core::{Lang, Standard};
use yew::prelude::*;

use crate::components::markup::Markup;
use crate::i18n::{catalog, fill, Catalog};
use crate::state::{Action, Dispatch};

/// "：" in Chinese, ": " in English.
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    }
}

fn field_value(e: &Event) -> String {
    let target = e.target();
    if let Some(i) = target.as_ref().and_then(|t| wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlInputElement>(t)) {
        return i.value();
    }
    target
        .as_ref()
        .and_then(|t| wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlSelectElement>(t))
        .map(|s| s.value())
        .unwrap_or_default()
}

pub fn issuer_text(i: Issuer, t: &Catalog) -> &'static str {
    match i {
        Issuer::Own => t.issuer_self,
        Issuer::ThirdParty => t.issuer_third,
        Issuer::Government => t.issuer_gov,
    }
}

pub fn period_text(p: Period, t: &Catalog) -> &'static str {
    match p {
        Period::Current => t.period_current,
        Period::LastYear => t.period_last_year,
        Period::Last3Years => t.period_3,
        Period::Last5Years => t.period_5,
    }
}

pub fn doc_status_text(s: Option<DocStatus>, t: &Catalog) -> &'static str {
    match s {
        None => t.doc_unmarked,
        Some(DocStatus::Have) => t.doc_have,
        Some(DocStatus::Todo) => t.doc_todo,
        Some(DocStatus::NotApplicable) => t.doc_na,
    }
}

pub fn action_status_text(s: ActionStatus, t: &Catalog) -> &'static str {
    match s {
        ActionStatus::Todo => t.action_todo,
        ActionStatus::Doing => t.action_doing,
        ActionStatus::Done => t.action_done,
    }
}

/// What a document proves in this programme: its conditions' texts, gates, question levels.
pub fn proves_text(s: &Standard, cl: &Checklist, row: usize, lang: Lang) -> String {
    let t = catalog(lang);
    let r = &cl.rows[row];
    let p = &s.programmes[cl.programme];
    let mut parts: Vec<String> = r.conditions.iter().map(|&c| p.conditions[c].text.get(lang).to_owned()).collect();
    for proof in &s.documents[r.document].proves {
        match proof {
            Proof::Condition(_) => {}
            Proof::Gate(g) => parts.push(fill(t.proves_gate, &[("g", s.gates[*g].id.as_str())])),
            Proof::Question { question, level } => parts
                .push(fill(t.proves_question, &[("q", s.questions[*question].id.as_str()), ("l", &level.to_string())])),
        }
    }
    parts.join(if lang == Lang::Zh { "；" } else { "; " })
}

/// The checklist of the planned programme, with a mark and a place per document.
pub fn view_checklist(s: &Standard, cl: &Checklist, lang: Lang, dispatch: &Dispatch) -> Html {
    let t = catalog(lang);
    if cl.rows.is_empty() {
        return html! {};
    }
    let p = &s.programmes[cl.programme];
    let counts = fill(
        t.checklist_counts,
        &[
            ("have", &cl.have.to_string()),
            ("todo", &cl.todo.to_string()),
            ("na", &cl.not_applicable.to_string()),
            ("none", &cl.unmarked.to_string()),
        ],
    );
    // What has no listener is markup text.
    let mut head = Markup::new();
    head.el("h3", t.checklist_title).el("p", &fill(t.checklist_intro, &[("p", p.title.get(lang))]));
    head.el("p class=\"bsc-dossier__counts\" data-testid=\"checklist-counts\"", &counts);
    let mut calendar = Markup::new();
    if let Some(w) = &p.window {
        calendar.el("h4", t.calendar_title).el("p class=\"bsc-muted\" data-testid=\"calendar\"", w.get(lang));
    }
    html! {
        <section class="bsc-dossier" data-testid="checklist">
            { head.into_html() }
            <ol class="bsc-docs">
                for (i, r) in cl.rows.iter().enumerate() {
                    { view_doc(s, cl, i, &r.mark, lang, dispatch) }
                }
            </ol>
            { calendar.into_html() }
        </section>
    }
}

fn view_doc(s: &Standard, cl: &Checklist, i: usize, mark: &DocMark, lang: Lang, dispatch: &Dispatch) -> Html {
    let t = catalog(lang);
    let d = &s.documents[cl.rows[i].document];
    let id = d.id.clone();
    let on_status = {
        let (id, mark) = (id.clone(), mark.clone());
        dispatch.reform(move |e: Event| {
            let status = DocStatus::from_id(&field_value(&e));
            Action::SetMark(id.clone(), DocMark { status, place: mark.place.clone() })
        })
    };
    let on_place = {
        let (id, mark) = (id.clone(), mark.clone());
        dispatch.reform(move |e: Event| {
            Action::SetMark(id.clone(), DocMark { status: mark.status, place: field_value(&e) })
        })
    };
    let sid = format!("bsc-doc-{}", d.id);
    let proves = proves_text(s, cl, i, lang);
    // The heading, help and print line have no listeners: markup text.
    let mut head = Markup::new();
    head.raw("<div class=\"bsc-doc__head\"><strong").attr("id", &sid).raw(">").text(d.name.get(lang)).raw("</strong>");
    head.el("span class=\"bsc-muted\"", &format!(" · {} · {}", issuer_text(d.issuer, t), period_text(d.period, t)));
    head.raw("</div>");
    if let Some(h) = &d.help {
        head.el("p class=\"bsc-doc__help\"", h.get(lang));
    }
    if !proves.is_empty() {
        head.el("p class=\"bsc-doc__help\"", &format!("{}{}{}", t.checklist_proves, colon(lang), proves));
    }
    let mut print = Markup::new();
    print.raw("<p class=\"bsc-print-only bsc-record__print\">").text(doc_status_text(mark.status, t));
    if !mark.place.is_empty() {
        print.text(&format!(" · {}{}{}", t.checklist_place, colon(lang), mark.place));
    }
    print.raw("</p>");
    html! {
        <li key={d.id.to_string()} class="bsc-doc" data-doc={d.id.to_string()} data-status={mark.status.map_or("", DocStatus::id)}>
            { head.into_html() }
            <div class="bsc-record bsc-noprint">
                <label>
                    <span>{ t.checklist_status }</span>
                    <select class="bsc-select" onchange={on_status} aria-describedby={sid.clone()} data-field="status">
                        <option value="" selected={mark.status.is_none()}>{ t.doc_unmarked }</option>
                        for st in DocStatus::ALL {
                            <option value={st.id()} selected={mark.status == Some(st)}>{ doc_status_text(Some(st), t) }</option>
                        }
                    </select>
                </label>
                <label class="bsc-record__wide">
                    <span>{ t.checklist_place }</span>
                    <input type="text" class="bsc-input" maxlength={brand_core::dossier::MAX_PLACE_CHARS.to_string()}
                        value={mark.place.clone()} onchange={on_place} aria-describedby={sid} data-field="place" />
                </label>
            </div>
            { print.into_html() }
        </li>
    }
}

/// The totals line of an action plan.
pub fn totals_text(tot: &Totals, t: &Catalog) -> String {
    fill(
        t.actions_totals,
        &[
            ("n", &tot.items.to_string()),
            ("done", &tot.done.to_string()),
            ("doing", &tot.doing.to_string()),
            ("todo", &tot.todo.to_string()),
            ("late", &tot.overdue.to_string()),
            ("nobody", &tot.unassigned.to_string()),
        ],
    )
}

/// The record editor of one plan item.
pub fn view_record(key: &ActionKey, rec: &Record, overdue: bool, lang: Lang, dispatch: &Dispatch) -> Html {
    let t = catalog(lang);
    let set = |f: fn(&mut Record, String)| {
        let (key, rec) = (key.clone(), rec.clone());
        dispatch.reform(move |e: Event| {
            let mut r = rec.clone();
            f(&mut r, field_value(&e));
            Action::SetRecord(key.clone(), r)
        })
    };
    let due = rec.due.map(|d| d.to_string()).unwrap_or_default();
    let mut print = vec![action_status_text(rec.status, t).to_owned()];
    if !rec.owner.is_empty() {
        print.push(format!("{}{}{}", t.action_owner, colon(lang), rec.owner));
    }
    if !due.is_empty() {
        print.push(format!("{}{}{}", t.action_due, colon(lang), due));
    }
    if !rec.note.is_empty() {
        print.push(format!("{}{}{}", t.action_note, colon(lang), rec.note));
    }
    // The overdue badge and the print line have no listeners: markup text.
    let mut tail = Markup::new();
    if overdue {
        tail.el("span class=\"bsc-badge bsc-badge--warn\" data-testid=\"overdue\"", t.action_overdue);
    }
    tail.el("span class=\"bsc-print-only bsc-record__print\"", &print.join(" · "));
    html! {
        <>
            <div class="bsc-record bsc-noprint" data-key={key.key()}>
                <label>
                    <span>{ t.action_owner }</span>
                    <input type="text" class="bsc-input" maxlength={brand_core::dossier::MAX_OWNER_CHARS.to_string()}
                        value={rec.owner.clone()} onchange={set(|r, v| r.owner = v)} data-field="owner" />
                </label>
                <label>
                    <span>{ t.action_due }</span>
                    <input type="date" class="bsc-input" min="1800-01-01" max="2100-12-31" value={due}
                        onchange={set(|r, v| r.due = Day::parse(&v).ok())} data-field="due" />
                </label>
                <label>
                    <span>{ t.action_status }</span>
                    <select class="bsc-select" data-field="status"
                        onchange={set(|r, v| r.status = ActionStatus::from_id(&v).unwrap_or_default())}>
                        for st in ActionStatus::ALL {
                            <option value={st.id()} selected={rec.status == st}>{ action_status_text(st, t) }</option>
                        }
                    </select>
                </label>
                <label class="bsc-record__wide">
                    <span>{ t.action_note }</span>
                    <input type="text" class="bsc-input" maxlength={brand_core::answers::MAX_NOTE_CHARS.to_string()}
                        value={rec.note.clone()} onchange={set(|r, v| r.note = v)} data-field="note" />
                </label>
            </div>
            { tail.into_html() }
        </>
    }
}
