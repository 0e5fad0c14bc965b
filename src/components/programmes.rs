//! The programmes a user really applies to, as the core evaluates them (`brand_core::programme`):
//! a short list with each status for the score panel, the per-condition tables for the report, the
//! titles already held, the crosswalk over the programmes' dimensions, and the action plan for the
//! programme the user picks. Plain view functions: the words for statuses and gaps are here, the
//! decisions are the core's.

use brand_core::dossier::{action_plan, checklist, ActionPlan, ActionStatus, Day, ItemKind, PlanItem};
use brand_core::programme::{
    ConditionResult, ConditionStatus, Gap, Input, ProgrammeResult, ProgrammeStatus, TestDetail, TestStatus,
};
use brand_core::scoring::QuestionState;
use brand_core::standard::Op;
use brand_core::{Assessment, GateAnswer, Lang, Standard};
use yew::prelude::*;

use crate::components::bars::bar_markup;
use crate::components::dossier::{issuer_text, period_text, totals_text, view_checklist, view_record};
use crate::components::markup::Markup;
use crate::i18n::{catalog, fill, tenths};
use crate::state::{Action, Dispatch};

/// Everything the programme views show, computed once per render by the app (the plan and the
/// checklist only by the report, which shows them: `view_plan`).
#[derive(Clone, Debug, PartialEq)]
pub struct Programmes {
    pub listed: Vec<ProgrammeResult>,
    /// The programme the action plan is for: the one picked (or the core's default), if any can
    /// be planned.
    pub picked: Option<usize>,
    pub year: u16,
    /// Today, against which due dates are overdue.
    pub day: Option<Day>,
}

pub fn status_text(st: ProgrammeStatus, lang: Lang) -> &'static str {
    let t = catalog(lang);
    match st {
        ProgrammeStatus::Ready => t.prog_ready,
        ProgrammeStatus::Open => t.prog_open,
        ProgrammeStatus::NotEligible => t.prog_not_eligible,
    }
}

fn status_class(r: &ProgrammeResult) -> &'static str {
    if r.held {
        return "is-held";
    }
    match r.status {
        ProgrammeStatus::Ready => "is-yes",
        ProgrammeStatus::Open => "is-open",
        ProgrammeStatus::NotEligible => "is-no",
    }
}

/// A programme's status badge where the view is `html!` (the panel's list, the plan's picker).
fn badge(r: &ProgrammeResult, lang: Lang) -> Html {
    let mut m = Markup::new();
    badge_markup(&mut m, r, lang);
    m.into_html()
}

/// A programme's status badge, as markup text.
fn badge_markup(m: &mut Markup, r: &ProgrammeResult, lang: Lang) {
    let t = catalog(lang);
    let text = if r.held { t.prog_held } else { status_text(r.status, lang) };
    m.raw("<span class=\"bsc-status ").raw(status_class(r)).raw("\"").attr("data-status", status_id(r)).raw(">");
    m.text(text).raw("</span>");
}

/// The status as the CLI's JSON spells it (for tests and styles).
fn status_id(r: &ProgrammeResult) -> &'static str {
    if r.held {
        return "held";
    }
    r.status.id()
}

fn met_count(r: &ProgrammeResult) -> (usize, usize) {
    let applicable = r.conditions.iter().filter(|c| c.status != ConditionStatus::NotApplicable);
    let n = applicable.clone().count();
    (applicable.filter(|c| c.status == ConditionStatus::Met).count(), n)
}

/// The score panel's list: each programme with its status and how many conditions are met.
pub fn view_programme_summary(s: &Standard, p: &Programmes, lang: Lang) -> Html {
    let t = catalog(lang);
    if s.programmes.is_empty() {
        return html! {};
    }
    html! {
        <div class="bsc-progs" data-testid="programmes">
            <h3>{ t.prog_title }</h3>
            if p.listed.is_empty() {
                <p class="bsc-fine">{ t.prog_none }</p>
            } else {
                <ul class="bsc-progs__list">
                    for r in p.listed.iter() {
                        <li key={s.programmes[r.programme].id.to_string()} data-programme={s.programmes[r.programme].id.to_string()}>
                            <span class="bsc-progs__name">{ s.programmes[r.programme].title.get(lang) }</span>
                            { badge(r, lang) }
                            if !r.held {
                                <details class="bsc-progs__conds">
                                    <summary>{ { let (m, n) = met_count(r); fill(t.prog_met_count, &[("m", &m.to_string()), ("n", &n.to_string())]) } }</summary>
                                    <ul>
                                        for c in r.conditions.iter().filter(|c| c.status != ConditionStatus::NotApplicable) {
                                            <li key={s.programmes[r.programme].conditions[c.condition].id.to_string()}
                                                class={condition_status(c.status, lang).1} data-status={condition_id(c.status)}>
                                                <span class="bsc-progs__mark" aria-hidden="true">{ mark(c.status) }</span>
                                                <span class="bsc-visually-hidden">{ condition_status(c.status, lang).0 }{ " " }</span>
                                                { s.programmes[r.programme].conditions[c.condition].text.get(lang) }
                                            </li>
                                        }
                                    </ul>
                                </details>
                            }
                        </li>
                    }
                </ul>
            }
        </div>
    }
}

fn input_name(s: &Standard, i: Input, lang: Lang) -> String {
    let t = catalog(lang);
    match i {
        Input::Fact(f) => fill(t.in_fact, &[("f", s.facts[f].text.get(lang).trim_end_matches(['？', '?']))]),
        Input::Gate(g) => fill(t.in_gate, &[("g", s.gates[g].id.as_str())]),
        Input::Question(q) => fill(t.in_question, &[("q", s.questions[q].id.as_str())]),
    }
}

/// An input with the value a fact test read ("事实：上一年度营业收入（万元）：2600"), so the reader sees
/// which value decided (a value typed wrong is not one: the last usable value is).
fn input_with_value(s: &Standard, c: &ConditionResult, i: Input, lang: Lang) -> String {
    let name = input_name(s, i, lang);
    let given = c.tests.iter().find_map(|tr| match (&tr.detail, i) {
        (TestDetail::Compare { fact, given: Some(v), .. }, Input::Fact(f)) if *fact == f => {
            Some(match &s.facts[f].kind {
                brand_core::standard::FactKind::Number { unit, .. } => format!("{v} {}", unit.get(lang)),
                _ => v.to_string(),
            })
        }
        (TestDetail::Years { fact, given: Some(y), .. }, Input::Fact(f)) if *fact == f => Some(y.to_string()),
        (TestDetail::Choice { fact, given: Some(o), .. }, Input::Fact(f)) if *fact == f => match &s.facts[f].kind {
            brand_core::standard::FactKind::Choice { options } => {
                options.iter().find(|x| &x.id == o).map(|x| x.label.get(lang).to_owned())
            }
            _ => None,
        },
        _ => None,
    });
    match given {
        Some(v) => format!("{name}{}{v}", if lang == Lang::Zh { "：" } else { ": " }),
        None => name,
    }
}

fn op_text(op: Op, lang: Lang) -> &'static str {
    let t = catalog(lang);
    match op {
        Op::Gt => t.op_gt,
        Op::Ge => t.op_ge,
        Op::Lt => t.op_lt,
        Op::Le => t.op_le,
    }
}

/// One test's shortfall in the user's terms ("R&D 2.6 % — needs more than 3 %").
fn test_gap(s: &Standard, d: &TestDetail, lang: Lang) -> String {
    let t = catalog(lang);
    let fact_name = |f: usize| s.facts[f].text.get(lang).trim_end_matches(['？', '?']).to_owned();
    let unit = |f: usize| match &s.facts[f].kind {
        brand_core::standard::FactKind::Number { unit, .. } => format!(" {}", unit.get(lang)),
        _ => String::new(),
    };
    match d {
        TestDetail::Choice { fact, given: None, .. }
        | TestDetail::Compare { fact, given: None, .. }
        | TestDetail::Years { fact, given: None, .. }
        | TestDetail::Titles { fact, given: false, .. } => fill(t.gap_fact_missing, &[("fact", &fact_name(*fact))]),
        TestDetail::Choice { fact, given: Some(o), any_of } => {
            let label = |id: &brand_core::OptionId| match &s.facts[*fact].kind {
                brand_core::standard::FactKind::Choice { options } => {
                    options.iter().find(|x| &x.id == id).map(|x| x.label.get(lang).to_owned()).unwrap_or_default()
                }
                _ => String::new(),
            };
            let need: Vec<String> = any_of.iter().map(label).collect();
            format!("{}：{} — {}", fact_name(*fact), label(o), need.join(if lang == Lang::Zh { "、" } else { ", " }))
        }
        TestDetail::Compare { fact, given: Some(v), op, value } => fill(
            t.gap_fact,
            &[
                ("fact", &fact_name(*fact)),
                ("have", &format!("{v}{}", unit(*fact))),
                ("op", op_text(*op, lang)),
                ("need", &format!("{value}{}", unit(*fact))),
            ],
        ),
        TestDetail::Years { given: Some(_), years, boundary: true, .. } => {
            fill(t.gap_years_month, &[("n", &years.to_string())])
        }
        TestDetail::Years { given: Some(y), years, .. } => {
            fill(t.gap_years, &[("have", &y.to_string()), ("n", &years.to_string())])
        }
        TestDetail::Gate { gate, answer } => {
            let template = match answer {
                Some(GateAnswer::No) => t.gap_gate_no,
                Some(GateAnswer::Unsure) => t.gap_gate_unsure,
                _ => t.gap_gate_open,
            };
            fill(template, &[("g", s.gates[*gate].id.as_str())])
        }
        TestDetail::Question { question, state, met_from, .. } => {
            let q = s.questions[*question].id.as_str();
            match (state, met_from) {
                (QuestionState::Answered { counted, .. }, Some(need)) => {
                    fill(t.gap_question, &[("q", q), ("have", &counted.to_string()), ("need", &need.to_string())])
                }
                _ => fill(t.gap_question_open, &[("q", q)]),
            }
        }
        TestDetail::Titles { .. } => t.gap_title_held.to_owned(),
    }
}

pub(crate) fn gap_text(s: &Standard, c: &ConditionResult, lang: Lang) -> String {
    let t = catalog(lang);
    let sep = if lang == Lang::Zh { "；" } else { "; " };
    match &c.gap {
        None => String::new(),
        Some(Gap::Contradiction { met, not_met }) => {
            let names: Vec<String> = met.iter().chain(not_met.iter()).map(|i| input_name(s, *i, lang)).collect();
            fill(t.cond_contradiction, &[("inputs", &names.join(if lang == Lang::Zh { "、" } else { ", " }))])
        }
        Some(Gap::Tests(ix)) => {
            let mut parts: Vec<String> = Vec::new();
            for i in ix {
                if let Some(tr) = c.tests.get(*i) {
                    if tr.status != TestStatus::Met {
                        let g = test_gap(s, &tr.detail, lang);
                        if !parts.contains(&g) {
                            parts.push(g);
                        }
                    }
                }
            }
            parts.join(sep)
        }
    }
}

pub(crate) fn condition_status(c: ConditionStatus, lang: Lang) -> (&'static str, &'static str) {
    let t = catalog(lang);
    match c {
        ConditionStatus::Met => (t.cond_met, "is-yes"),
        ConditionStatus::NotMet => (t.cond_not_met, "is-no"),
        ConditionStatus::Unknown => (t.cond_unknown, "is-open"),
        ConditionStatus::NotApplicable => (t.cond_na, "is-na"),
    }
}

pub(crate) fn cites(sources: &[brand_core::standard::Source], lang: Lang) -> String {
    sources.iter().map(|src| src.cite_for(lang)).collect::<Vec<_>>().join(if lang == Lang::Zh { "；" } else { "; " })
}

/// The report's programme section: for each programme, its status, the readiness line, the
/// conditions table with what decided each and the gap, the calendar note and the sources. Markup
/// text (no listeners here; see `markup`).
pub fn view_programmes_report(s: &Standard, x: &Assessment, p: &Programmes, lang: Lang) -> Html {
    let t = catalog(lang);
    if s.programmes.is_empty() {
        return html! {};
    }
    let mut m = Markup::new();
    m.raw("<section class=\"bsc-report__progs\" data-testid=\"programmes-report\">").el("h3", t.prog_title);
    m.el("p class=\"bsc-fine\"", t.prog_intro);
    if p.listed.is_empty() {
        m.el("p", t.prog_none);
    }
    for r in p.listed.iter() {
        one_markup(&mut m, s, r, x.score.total, lang);
    }
    m.raw("</section>");
    m.into_html()
}

fn one_markup(m: &mut Markup, s: &Standard, r: &ProgrammeResult, total: u32, lang: Lang) {
    let t = catalog(lang);
    let colon = if lang == Lang::Zh { "：" } else { ": " };
    let prog = &s.programmes[r.programme];
    let line = s.tiers[prog.rung].threshold;
    let line_text = if total >= line {
        fill(t.prog_line_ok, &[("score", &total.to_string()), ("line", &line.to_string())])
    } else {
        fill(
            t.prog_line_short,
            &[("score", &total.to_string()), ("line", &line.to_string()), ("short", &(line - total).to_string())],
        )
    };
    m.raw("<div class=\"bsc-prog\"").attr("data-programme", prog.id.as_str()).raw("><h4 class=\"bsc-prog__title\">");
    m.text(prog.title.get(lang)).text(" ");
    badge_markup(m, r, lang);
    m.raw("</h4>");
    if let Some(d) = &prog.description {
        m.el("p class=\"bsc-prog__desc\"", d.get(lang));
    }
    if r.held {
        m.el("p", t.prog_held_note);
    }
    m.el("p", &line_text);
    if let Some(st) = r.if_unsure_confirmed.filter(|st| *st != r.status) {
        m.el("p class=\"bsc-prog__unsure\"", &fill(t.prog_if_confirmed, &[("status", status_text(st, lang))]));
    }
    m.raw("<table class=\"bsc-table bsc-table--conds\"><thead><tr>").el("th scope=\"col\"", t.cond_condition);
    m.el("th scope=\"col\"", t.cond_status).el("th scope=\"col\"", t.cond_from).el("th scope=\"col\"", t.cond_gap);
    m.raw("</tr></thead><tbody>");
    for c in r.conditions.iter() {
        condition_markup(m, s, r.programme, c, lang);
    }
    m.raw("</tbody></table>");
    if let Some(w) = &prog.window {
        m.raw("<p class=\"bsc-prog__window\"><strong>").text(t.prog_window).text(colon).raw("</strong>");
        m.text(w.get(lang)).raw("</p>");
    }
    if !prog.sources.is_empty() {
        m.raw("<p class=\"bsc-sources-line\">")
            .text(t.sources)
            .text(colon)
            .text(&cites(&prog.sources, lang))
            .raw("</p>");
    }
    m.raw("</div>");
}

fn condition_markup(m: &mut Markup, s: &Standard, programme: usize, c: &ConditionResult, lang: Lang) {
    let t = catalog(lang);
    let cond = &s.programmes[programme].conditions[c.condition];
    let (label, class) = condition_status(c.status, lang);
    let from: Vec<String> = c.decided_by.iter().map(|i| input_with_value(s, c, *i, lang)).collect();
    m.raw("<tr").attr("data-condition", cond.id.as_str()).raw("><th scope=\"row\">").text(cond.text.get(lang));
    m.raw("<span class=\"bsc-tag ").raw(crate::components::about::tag_class(cond.tag)).raw("\">");
    m.text(crate::components::about::tag_text(cond.tag, t)).raw("</span>");
    if !cond.sources.is_empty() {
        m.el("span class=\"bsc-cond__src\"", &cites(&cond.sources, lang));
    }
    m.raw("</th><td class=\"bsc-gate-status ").raw(class).raw("\"").attr("data-status", condition_id(c.status));
    m.attr("data-label", t.cond_status).raw(">").text(label).raw("</td><td").attr("data-label", t.cond_from).raw(">");
    m.text(&from.join(if lang == Lang::Zh { "、" } else { ", " })).raw("</td><td").attr("data-label", t.cond_gap);
    m.raw(">").text(&gap_text(s, c, lang)).raw("</td></tr>");
}

/// A condition's status as a mark for the panel's short list (its words are beside it for
/// screen readers).
fn mark(c: ConditionStatus) -> &'static str {
    match c {
        ConditionStatus::Met => "✓",
        ConditionStatus::NotMet => "✗",
        ConditionStatus::Unknown => "?",
        ConditionStatus::NotApplicable => "–",
    }
}

fn condition_id(c: ConditionStatus) -> &'static str {
    c.id()
}

/// Titles already held: shown as held, never scored, never suggested.
pub fn view_titles_held(s: &Standard, a: &brand_core::Answers, lang: Lang) -> Html {
    let t = catalog(lang);
    if s.titles.is_empty() {
        return html! {};
    }
    let held = brand_core::programme::held_titles(s, a);
    let mut m = Markup::new();
    m.raw("<section class=\"bsc-report__titles\">").el("h3", t.titles_held);
    if held.is_empty() {
        m.el("p", t.titles_none);
    } else {
        m.raw("<ul class=\"bsc-list\">");
        for i in held.iter() {
            m.el("li", s.titles[*i].name.get(lang));
        }
        m.raw("</ul>").el("p class=\"bsc-fine\"", t.prog_held_note);
    }
    m.raw("</section>");
    m.into_html()
}

/// The crosswalk: the same score over the dimensions the programmes say they assess.
pub fn view_crosswalk(s: &Standard, x: &Assessment, lang: Lang) -> Html {
    let t = catalog(lang);
    if s.dimensions.is_empty() {
        return html! {};
    }
    let mut m = Markup::new();
    m.raw("<section class=\"bsc-report__crosswalk\">").el("h3", t.crosswalk_title);
    m.el("p class=\"bsc-fine\"", t.crosswalk_intro).raw("<table class=\"bsc-table\"><tbody>");
    for d in brand_core::programme::crosswalk(s, &x.score).iter() {
        m.raw("<tr>").el("th scope=\"row\"", s.dimensions[d.dimension].name.get(lang));
        if let Some(pt) = d.percent_tenths {
            m.el("td class=\"bsc-num\"", &format!("{} %", tenths(pt))).raw("<td class=\"bsc-table__bar\">");
            bar_markup(&mut m, f64::from(pt) / 1000.0);
            m.raw("</td>");
        } else {
            m.el("td class=\"bsc-num\" colspan=\"2\"", t.crosswalk_none);
        }
        m.raw("</tr>");
    }
    m.raw("</tbody></table></section>");
    m.into_html()
}

/// The action plan for one programme, with the picker: evidence-only gains first, then the
/// conditions that block the programme, then practice (outcome measures marked long-term).
pub fn view_plan(
    s: &Standard,
    x: &Assessment,
    p: &Programmes,
    answers: &brand_core::Answers,
    lang: Lang,
    dispatch: &Dispatch,
) -> Html {
    let t = catalog(lang);
    let Some(i) = p.picked else { return html! {} };
    let plan = &action_plan(s, answers, &x.score, i, p.year, p.day);
    let cl = checklist(s, answers, i);
    let choices: Vec<&ProgrammeResult> = p.listed.iter().filter(|r| !r.held).collect();
    let onchange = {
        let ids: Vec<brand_core::ProgrammeId> = choices.iter().map(|r| s.programmes[r.programme].id.clone()).collect();
        dispatch.reform(move |e: Event| {
            let i = e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|el| el.selected_index()).unwrap_or(-1);
            match usize::try_from(i).ok().and_then(|i| ids.get(i)) {
                Some(id) => Action::PlanFor(id.clone()),
                None => Action::Go(crate::state::Screen::Report),
            }
        })
    };
    // The four groups in the plan's order, each a heading and its items; every item is rendered by
    // one template from its data (`plan_item`), not by a block of markup per kind.
    let kind = |i: &PlanItem| match i.kind {
        ItemKind::Evidence(_) => 0,
        ItemKind::Condition(_) => 1,
        ItemKind::Document(_) => 2,
        ItemKind::Practice(_) => 3,
    };
    let titles = [t.plan_evidence_title, t.plan_conditions_title, t.action_kind_document, t.plan_practice_title];
    let groups: Vec<(&str, Vec<&PlanItem>)> = (0..4)
        .map(|g| (titles[g], plan.items.iter().filter(|i| kind(i) == g).collect::<Vec<_>>()))
        .filter(|(_, items)| !items.is_empty())
        .collect();
    let actions_head = {
        let mut m = Markup::new();
        m.el("h3", t.actions_title);
        if !plan.reachable {
            m.el("p class=\"bsc-warn\"", t.plan_unreachable_prog);
        }
        if plan.items.is_empty() {
            m.el("p", t.plan_nothing);
        } else {
            m.el("p class=\"bsc-muted bsc-noprint\"", t.actions_intro);
            m.el("p class=\"bsc-dossier__counts\" data-testid=\"action-totals\"", &totals_text(&plan.totals, t));
        }
        m.into_html()
    };
    html! {
        <section class="bsc-report__plan" data-testid="programme-plan">
            <h3><label for="bsc-plan-for">{ t.plan_for }</label></h3>
            <select id="bsc-plan-for" class="bsc-select bsc-noprint" {onchange}>
                for r in choices.iter() {
                    <option key={s.programmes[r.programme].id.to_string()} selected={r.programme == plan.programme}>
                        { s.programmes[r.programme].title.get(lang) }
                    </option>
                }
            </select>
            if let Some(r) = p.listed.iter().find(|r| r.programme == plan.programme) {
                { " " }{ badge(r, lang) }
            }
            <p class="bsc-print-only">{ s.programmes[plan.programme].title.get(lang) }</p>
            { view_checklist(s, &cl, lang, dispatch) }
            { actions_head }
            for (title, items) in groups.iter() {
                <h4>{ *title }</h4>
                <ol class="bsc-plan">
                    for i in items.iter() {
                        { view_plan_item(i, plan_item(s, plan, answers, i, lang), lang, dispatch) }
                    }
                </ol>
            }
        </section>
    }
}

/// What one item of the plan shows, as data: its heading with its class (none for conditions and
/// documents) and its lines, each a class and a text, in order.
struct ItemText {
    head_class: Option<&'static str>,
    head: String,
    lines: Vec<(&'static str, String)>,
}

fn plan_item(s: &Standard, plan: &ActionPlan, answers: &brand_core::Answers, i: &PlanItem, lang: Lang) -> ItemText {
    let t = catalog(lang);
    const Q: Option<&str> = Some("bsc-plan__q");
    const WHAT: &str = "bsc-plan__what";
    const EVIDENCE: &str = "bsc-plan__evidence";
    let collect =
        |q: usize| s.questions[q].evidence.as_ref().map(|ev| (EVIDENCE, fill(t.plan_collect, &[("e", ev.get(lang))])));
    match &i.kind {
        ItemKind::Evidence(e) => ItemText {
            head_class: Q,
            head: question_line(s, e.question, lang),
            lines: std::iter::once((WHAT, fill(t.plan_evidence_step, &[("gain", &tenths(e.gain_tenths))])))
                .chain(collect(e.question))
                .collect(),
        },
        ItemKind::Condition(c) => ItemText {
            head_class: None,
            head: s.programmes[plan.programme].conditions[c.condition].text.get(lang).to_owned(),
            lines: vec![(EVIDENCE, gap_text(s, c, lang))],
        },
        ItemKind::Document(d) => {
            let doc = &s.documents[*d];
            ItemText {
                head_class: None,
                head: doc.name.get(lang).to_owned(),
                lines: vec![(EVIDENCE, format!("{} · {}", issuer_text(doc.issuer, t), period_text(doc.period, t)))],
            }
        }
        ItemKind::Practice(st) => {
            let (q, to) = (st.step.question, st.step.to.to_string());
            let what = if answered(answers, s, q) { t.plan_practice_step } else { t.plan_practice_unanswered };
            let mut lines = vec![(
                WHAT,
                fill(what, &[("from", &st.step.from.to_string()), ("to", &to), ("gain", &tenths(st.step.gain_tenths))]),
            )];
            if st.long_term {
                lines.push(("bsc-badge bsc-badge--quiet", t.plan_long_term.to_owned()));
            }
            lines.push((
                EVIDENCE,
                fill(t.plan_target, &[("to", &to), ("desc", &level_text(s, answers, q, st.step.to, lang))]),
            ));
            if st.step.needs_evidence() {
                lines.extend(collect(q));
            }
            ItemText { head_class: Q, head: question_line(s, q, lang), lines }
        }
    }
}

fn view_plan_item(i: &PlanItem, text: ItemText, lang: Lang, dispatch: &Dispatch) -> Html {
    let class =
        if i.action.status == ActionStatus::Done { "bsc-plan__item bsc-plan__item--done" } else { "bsc-plan__item" };
    // The heading and lines have no listeners: markup text.
    let mut m = Markup::new();
    m.raw("<strong");
    if let Some(c) = text.head_class {
        m.attr("class", c);
    }
    m.raw(">").text(&text.head).raw("</strong>");
    for (class, line) in text.lines {
        m.raw("<span").attr("class", class).raw(">").text(&line).raw("</span>");
    }
    html! {
        <li key={i.key.key()} {class} data-key={i.key.key()}>
            { m.into_html() }
            { view_record(&i.key, &i.action, i.overdue, lang, dispatch) }
        </li>
    }
}

/// Whether the question has a response (a level or N/A): an unanswered one is "answer it first",
/// not "raise it from 0".
fn answered(a: &brand_core::Answers, s: &Standard, q: usize) -> bool {
    a.answer(&s.questions[q].id).is_some_and(|x| x.response.is_some())
}

pub(crate) fn question_line(s: &Standard, q: usize, lang: Lang) -> String {
    format!("{} {}", s.questions[q].id, s.questions[q].text.get(lang))
}

/// The descriptor of `level` for the question, in the band of the user's profile if one matches.
fn level_text(s: &Standard, a: &brand_core::Answers, q: usize, level: u8, lang: Lang) -> String {
    let question = &s.questions[q];
    let levels = question.bands.iter().find(|b| b.when.holds(&a.profile)).map_or(&question.levels, |b| &b.levels);
    levels.get(usize::from(level)).map(|l| l.get(lang).to_owned()).unwrap_or_default()
}

/// The review's to-do list of programme conditions still open (unknown: unanswered, 不确定, or
/// answers that disagree), each with its gap and, for 不确定, the status it would give once
/// confirmed. `go` leads to the conditions step.
pub fn view_open_conditions(s: &Standard, p: &Programmes, lang: Lang, go: &Callback<MouseEvent>) -> Html {
    let t = catalog(lang);
    let open: Vec<(&ProgrammeResult, &ConditionResult)> = p
        .listed
        .iter()
        .filter(|r| !r.held)
        .flat_map(|r| r.conditions.iter().filter(|c| c.status == ConditionStatus::Unknown).map(move |c| (r, c)))
        .collect();
    if open.is_empty() {
        return html! {};
    }
    html! {
        <>
            <h3>{ t.review_conditions_open }</h3>
            <ul class="bsc-list" data-testid="open-conditions">
                for (r, c) in open.iter() {
                    <li key={format!("{}/{}", s.programmes[r.programme].id, s.programmes[r.programme].conditions[c.condition].id)}>
                        <button type="button" class="bsc-link" onclick={go.clone()}>
                            { format!("{} · {}", s.programmes[r.programme].title.get(lang), s.programmes[r.programme].conditions[c.condition].text.get(lang)) }
                        </button>
                        <span class="bsc-plan__evidence">{ gap_text(s, c, lang) }</span>
                        if c.unsure {
                            if let Some(st) = r.if_unsure_confirmed.filter(|st| *st != r.status) {
                                <span class="bsc-plan__evidence">{ fill(t.prog_if_confirmed, &[("status", status_text(st, lang))]) }</span>
                            }
                        }
                    </li>
                }
            </ul>
        </>
    }
}
