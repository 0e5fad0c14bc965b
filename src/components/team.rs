//! The team screen: a team's answers files loaded together, one line per file, per question who
//! said what and the proposed consensus, the facilitator's overrides with their reasons, the
//! leaders-vs-staff view, and "use the combined result". The combining is the core's
//! (`brand_core::combine`); this view only shows it and dispatches the choices.

use brand_core::combine::{by_role, combine, Override, Submission};
use brand_core::scoring::Score;
use brand_core::{Lang, Response, Role, Standard};
use yew::prelude::*;

use crate::components::button::button;
use crate::components::markup::{Markup, SCREEN_HEADING};
use crate::components::notices::import_error_text;
use crate::components::select::select;
use crate::hooks::{files_change, Purpose};
use crate::i18n::{catalog, fill, tenths};
use crate::state::{Action, Dispatch, FileLine, FileProblem, Screen, SharedStandard, TeamBatch};

/// A plain function's arguments, not a component's properties (see `question_card`).
pub struct TeamProps {
    pub standard: SharedStandard,
    /// The language of the moment (handed down, not a context: see ARCHITECTURE.md).
    pub lang: Lang,
    pub team: TeamBatch,
    /// Whether the open questionnaire has answers the combined result would replace.
    pub has_answers: bool,
    /// Only the questions the respondents disagree on (`Session::only_conflicts`).
    pub only_conflicts: bool,
    pub on_action: Dispatch,
    pub on_files: Callback<(Purpose, Vec<web_sys::File>)>,
}

/// A response as the tables show it.
pub fn response_text(r: Option<Response>, lang: Lang) -> String {
    let t = catalog(lang);
    match r {
        Some(Response::Level(l)) => l.get().to_string(),
        Some(Response::NotApplicable) => t.not_applicable.to_owned(),
        None => t.compare_missing.to_owned(),
    }
}

/// A file's line: taken (with what was skipped) or why not.
pub fn file_line(line: &FileLine, name: Option<&str>, answered: usize, lang: Lang) -> String {
    let t = catalog(lang);
    let f = line.file.as_str();
    match &line.outcome {
        Ok(skipped) => {
            let mut s = fill(t.team_taken, &[("f", f), ("name", name.unwrap_or(f)), ("n", &answered.to_string())]);
            if *skipped > 0 {
                s.push_str(&fill(t.team_skipped, &[("n", &skipped.to_string())]));
            }
            s
        }
        Err(p) => problem_text(f, p, lang),
    }
}

pub fn problem_text(f: &str, p: &FileProblem, lang: Lang) -> String {
    let t = catalog(lang);
    match p {
        FileProblem::TooLarge => fill(t.team_file_problem, &[("f", f), ("why", t.import_too_large)]),
        FileProblem::ReadFailed => fill(t.team_file_problem, &[("f", f), ("why", t.import_read_failed)]),
        FileProblem::Unreadable(e) => fill(t.team_file_problem, &[("f", f), ("why", &import_error_text(e, lang))]),
        FileProblem::OtherStandard(s) => fill(t.team_other_standard, &[("f", f), ("s", s)]),
        FileProblem::SameName { earlier, name } => fill(t.team_same_name, &[("f", f), ("e", earlier), ("name", name)]),
        FileProblem::SameAnswers { earlier } => fill(t.team_same_answers, &[("f", f), ("e", earlier)]),
    }
}

pub fn role_value(r: Option<Role>) -> &'static str {
    r.map_or("", Role::id)
}

/// The role choices: not given, leader, staff.
pub fn role_options(lang: Lang) -> [(&'static str, &'static str); 3] {
    let t = catalog(lang);
    [("", t.role_none), ("leader", t.role_leader), ("staff", t.role_staff)]
}

/// The decision select's value for an override (empty: the proposal).
fn decision_value(o: Option<&Override>) -> String {
    match o.map(|o| o.response) {
        None => String::new(),
        Some(None) => "open".into(),
        Some(Some(Response::NotApplicable)) => "na".into(),
        Some(Some(Response::Level(l))) => l.get().to_string(),
    }
}

fn decision_from(v: &str) -> Option<Option<Response>> {
    match v {
        "" => None,
        "open" => Some(None),
        "na" => Some(Some(Response::NotApplicable)),
        n => n.parse::<u8>().ok().and_then(brand_core::answers::Level::new).map(|l| Some(Response::Level(l))),
    }
}

pub fn view_team(p: &TeamProps) -> Html {
    let lang = p.lang;
    let t = catalog(lang);
    let s: &Standard = &p.standard;
    let subs = p.team.submissions();
    let combined = (!subs.is_empty()).then(|| combine(s, &subs, &p.team.overrides));
    let roles = by_role(s, &subs);
    let on_use = {
        let (dispatch, has) = (p.on_action.clone(), p.has_answers);
        Callback::from(move |_| {
            if !has || crate::commands::confirm(t.team_use_confirm) {
                dispatch.emit(Action::TeamUse);
            }
        })
    };
    // One count everywhere: responses over the questions the file's profile asks (`Score::responded`).
    let answered = |i: usize| brand_core::score(s, &subs[i].answers).responded();
    let mut head = Markup::new();
    head.raw(SCREEN_HEADING).text(t.team_title).raw("</h2>");
    head.el("p class=\"bsc-lead\"", t.team_intro);
    html! {
        <section class="bsc-team" aria-labelledby="bsc-h">
            { head.into_html() }
            <div class="bsc-actions">
                <label class="bsc-button bsc-file">
                    { t.team_add }
                    <input type="file" multiple=true accept=".json,application/json" class="bsc-visually-hidden"
                        data-testid="team-files" onchange={files_change(Purpose::Team, p.on_files.clone())} />
                </label>
            </div>
            if p.team.lines.is_empty() {
                <p class="bsc-hint">{ t.team_empty }</p>
            }
            <ul class="bsc-list bsc-team__files" data-testid="team-lines" aria-live="polite">
                for (li, line) in p.team.lines.iter().enumerate() {
                    if line.outcome.is_ok() {
                        if let Some(i) = p.team.subs.iter().position(|(f, _)| *f == line.file) {
                            <li key={format!("l{li}")} class="bsc-team__file">
                                <span>{ file_line(line, Some(&subs[i].respondent.name), answered(i), lang) }</span>
                                { select(fill(t.team_role_of, &[("name", &subs[i].respondent.name)]), &role_options(lang),
                                    role_value(subs[i].respondent.role), &p.on_action.reform(move |v: String| Action::TeamRole(i, Role::from_id(&v))), "") }
                                { button("bsc-link", t.team_remove, p.on_action.reform(move |_| Action::TeamRemove(i))) }
                            </li>
                        }
                    } else {
                        <li key={format!("l{li}")} class="bsc-team__file is-refused">{ file_line(line, None, 0, lang) }</li>
                    }
                }
            </ul>
            if let Some(c) = &combined {
                { summary(c, lang) }
                if let Some((leaders, staff)) = &roles {
                    { roles_table(s, &subs, leaders, staff, lang) }
                }
                <label class="bsc-check">
                    <input type="checkbox" checked={p.only_conflicts}
                        onchange={{ let on = !p.only_conflicts; p.on_action.reform(move |_| Action::OnlyConflicts(on)) }} />
                    { t.team_only_conflicts }
                </label>
                <div class="bsc-scroll">
                    <table class="bsc-table bsc-table--team" data-testid="team-table">
                        <thead><tr>
                            <th scope="col">{ t.question }</th>
                            for r in c.respondents().iter() {
                                <th scope="col" key={r.name.clone()}>{ r.name.clone() }</th>
                            }
                            <th scope="col">{ t.team_proposal }</th>
                            <th scope="col">{ t.team_decision }</th>
                        </tr></thead>
                        <tbody>
                            for sp in c.spreads.iter().filter(|sp| !p.only_conflicts || !sp.agreed) {
                                { view_row(s, sp, p.team.overrides.get(&s.questions[sp.question].id), c.respondents(), lang, &p.on_action) }
                            }
                        </tbody>
                    </table>
                </div>
                <div class="bsc-actions">
                    <button type="button" class="bsc-button" onclick={on_use} data-testid="team-use">{ t.team_use }</button>
                </div>
            }
            <div class="bsc-actions">
                <button type="button" class="bsc-button bsc-button--quiet" onclick={p.on_action.reform(|_| Action::Go(Screen::Start))}>{ t.back }</button>
            </div>
        </section>
    }
}

/// The parts as the leaders and the staff answered them, as markup text (see `markup`).
/// The combined result's summary lines.
fn summary(c: &brand_core::combine::Combined, lang: Lang) -> Html {
    let t = catalog(lang);
    let mut m = Markup::new();
    let n = [c.respondents().len(), c.conflicts()].map(|n| n.to_string());
    m.el("p data-testid=\"team-summary\"", &fill(t.team_summary, &[("n", &n[0]), ("c", &n[1])]));
    if !(c.profile_conflicts.is_empty() && c.gate_conflicts.is_empty() && c.fact_conflicts.is_empty()) {
        let k = [c.profile_conflicts.len(), c.gate_conflicts.len(), c.fact_conflicts.len()].map(|n| n.to_string());
        m.el("p class=\"bsc-hint\"", &fill(t.team_others, &[("p", &k[0]), ("g", &k[1]), ("x", &k[2])]));
    }
    m.into_html()
}

fn roles_table(s: &Standard, subs: &[Submission], leaders: &Score, staff: &Score, lang: Lang) -> Html {
    let t = catalog(lang);
    let count = |role: Role| subs.iter().filter(|x| x.respondent.role == Some(role)).count().to_string();
    let mut m = Markup::new();
    m.raw("<section>").el("h3", t.team_roles_title).el("p class=\"bsc-hint\"", t.team_roles_intro);
    m.raw("<table class=\"bsc-table\" data-testid=\"team-roles\"><thead><tr>").el("th scope=\"col\"", t.parts_title);
    m.el("th scope=\"col\"", &fill(t.team_leaders, &[("n", &count(Role::Leader))]));
    m.el("th scope=\"col\"", &fill(t.team_staff, &[("n", &count(Role::Staff))])).raw("</tr></thead><tbody>");
    for (i, part) in s.parts.iter().enumerate() {
        m.raw("<tr>").el("th scope=\"row\"", &format!("{} {}", part.id, part.title.get(lang)));
        for sc in [leaders, staff] {
            m.el(
                "td class=\"bsc-num\"",
                &format!("{} / {}", tenths(sc.parts[i].achieved_tenths()), sc.parts[i].applicable_points),
            );
        }
        m.raw("</tr>");
    }
    m.raw("</tbody></table></section>");
    m.into_html()
}

fn view_row(
    s: &Standard,
    sp: &brand_core::combine::Spread,
    draft: Option<&Override>,
    respondents: &[brand_core::Respondent],
    lang: Lang,
    dispatch: &Dispatch,
) -> Html {
    let t = catalog(lang);
    let q = &s.questions[sp.question];
    let id = q.id.clone();
    let notes: Vec<(String, String)> = sp
        .votes
        .iter()
        .filter(|v| brand_core::visible::has_visible(&v.note))
        .map(|v| (respondents[v.respondent].name.clone(), v.note.trim().to_owned()))
        .collect();
    let on_decision = {
        let (id, reason) = (id.clone(), draft.map(|d| d.reason.clone()).unwrap_or_default());
        dispatch.reform(move |v: String| {
            Action::TeamOverride(
                id.clone(),
                decision_from(&v).map(|response| Override { response, reason: reason.clone() }),
            )
        })
    };
    const LEVELS: [&str; 6] = ["0", "1", "2", "3", "4", "5"];
    let mut options: Vec<(&str, &str)> = vec![("", t.team_use_proposal)];
    options.extend(LEVELS.iter().map(|l| (*l, *l)));
    if q.na_allowed {
        options.push(("na", t.not_applicable));
    }
    options.push(("open", t.team_leave_open));
    let on_reason = {
        let (id, response) = (id.clone(), draft.map(|d| d.response));
        dispatch.reform(move |e: InputEvent| {
            let reason = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            Action::TeamOverride(id.clone(), Some(Override { response: response.flatten(), reason }))
        })
    };
    let applied = draft.is_some_and(|d| brand_core::visible::has_visible(&d.reason));
    // The question and its notes: markup text.
    let mut question = Markup::new();
    question.text(&format!("{} {}", q.id, q.text.get(lang)));
    if !notes.is_empty() {
        question.raw("<ul class=\"bsc-team__notes\">");
        for (n, note) in notes.iter() {
            question.el("li", &format!("{n}{}{note}", if lang == Lang::Zh { "：" } else { ": " }));
        }
        question.raw("</ul>");
    }
    html! {
        <tr key={q.id.to_string()} class={(!sp.agreed).then_some("is-conflict")} data-question={q.id.to_string()}>
            <th scope="row">{ question.into_html() }</th>
            for v in sp.votes.iter() {
                <td class="bsc-num" key={v.respondent} data-label={respondents[v.respondent].name.clone()}>{ response_text(v.response, lang) }</td>
            }
            <td class="bsc-num" data-label={t.team_proposal}>{ response_text(sp.consensus, lang) }</td>
            <td class="bsc-team__decision" data-label={t.team_decision}>
                { select(format!("{} {}", t.team_decision, q.id), &options, &decision_value(draft), &on_decision, "") }
                if draft.is_some() {
                    <input type="text" maxlength="10000" aria-label={format!("{} {}", t.team_reason, q.id)} placeholder={t.team_reason}
                        value={draft.map(|d| d.reason.clone()).unwrap_or_default()} oninput={on_reason} />
                    if !applied {
                        <span class="bsc-hint">{ t.team_reason_needed }</span>
                    }
                }
            </td>
        </tr>
    }
}
