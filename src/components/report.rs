//! The report: total (with the range if incomplete), parts and indicators as bars, the radar of
//! part B, gates, the suggested tier with reasons and plan, advisory tracks, the evidence
//! checklist, sources and the disclaimer. It prints as a clean A4 report and downloads as one
//! self-contained HTML file.

use std::rc::Rc;

use brand_core::answers::Level;
use brand_core::tier::GateStatus;
use brand_core::{Answers, Assessment, Lang, Response};
use yew::prelude::*;

use crate::commands;
use crate::components::bars::{bar_markup, radar_markup};
use crate::components::button::button;
use crate::components::handover::view_handover;
use crate::components::markup::{Markup, SCREEN_HEADING};
use crate::components::programmes::{view_crosswalk, view_plan, view_programmes_report, view_titles_held, Programmes};
use crate::components::score_panel::{view_tier, view_total};
use crate::components::select::select;
use crate::components::start::import_change;
use crate::components::team::{role_options, role_value};
use crate::i18n::{catalog, date, fill, tenths};
use crate::state::{Action, Dispatch, Screen, SharedStandard};

/// The report's article, whose markup the downloaded document holds.
const REPORT: &str = "article.bsc-report";

/// A plain function's arguments, not a component's properties (see `question_card`).
pub struct ReportProps {
    pub standard: SharedStandard,
    /// The language of the moment (handed down, not a context: see ARCHITECTURE.md).
    pub lang: Lang,
    pub answers: Answers,
    pub assessment: Rc<Assessment>,
    /// (year, month, day) the report is generated on.
    pub today: (u32, u32, u32),
    pub programmes: Rc<Programmes>,
    /// An app's built-in browser: the hand-over link instead of print, download and export.
    pub in_app: Option<crate::config::InApp>,
    /// The spreadsheet is being written (`Session::exporting`): its button waits.
    pub exporting: bool,
    /// What "copy" did with the hand-over link (`Session::handover_copied`).
    pub handover_copied: Option<bool>,
    pub on_action: Dispatch,
    pub on_import: Callback<web_sys::File>,
}

pub fn view_report(p: &ReportProps) -> Html {
    let (s, x, lang) = (&p.standard, &p.assessment, p.lang);
    let t = catalog(lang);
    let sc = &x.score;
    let (y, mo, d) = p.today;
    // The part the standard names for the radar (`"radar": true`), if any.
    let radar_part = s.radar_part();
    let radar: Vec<(String, f64)> = radar_part
        .map(|rp| {
            s.parts[rp]
                .indicators
                .clone()
                .map(|ii| (s.indicators[ii].id.to_string(), sc.indicators[ii].fraction()))
                .collect()
        })
        .unwrap_or_default();
    let on_download = {
        let (st, today) = (s.clone(), p.today);
        Callback::from(move |_| {
            if let Some(html) = crate::files::outer_html(REPORT) {
                commands::download_report(&st, lang, &html, today);
            }
        })
    };
    let on_export = {
        let (st, answers, today) = (s.clone(), p.answers.clone(), p.today);
        Callback::from(move |_| commands::export(&st, &answers, today))
    };
    // The spreadsheet: written by the writer loaded on first use; `exporting` while it works.
    let busy = p.exporting;
    let on_xlsx = {
        let (st, answers, x, progs, today) = (s.clone(), p.answers.clone(), x.clone(), p.programmes.clone(), p.today);
        let dispatch = p.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            if busy {
                return;
            }
            let day = brand_core::dossier::Day::new(progs.year, today.1 as u8, today.2 as u8);
            let json = crate::sheets::workbook(&st, &answers, &x, &progs.listed, progs.year, day, lang);
            let (st, dispatch) = (st.clone(), dispatch.clone());
            dispatch.emit(Action::Exporting(true));
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(notice) = commands::export_xlsx(&st, json, today).await {
                    dispatch.emit(Action::Notify(notice));
                }
                dispatch.emit(Action::Exporting(false));
            });
        })
    };
    let xlsx_button = html! {
        <button type="button" class="bsc-button bsc-button--quiet" onclick={on_xlsx} disabled={busy}
            data-testid="export-xlsx" aria-busy={busy.to_string()}>
            { if busy { t.xlsx_busy } else { t.xlsx_button } }
        </button>
    };
    let print = Callback::from(|_| {
        if let Some(w) = crate::window() {
            w.print().ok();
        }
    });
    let evidence: Vec<(usize, u8, String)> = s
        .questions
        .iter()
        .enumerate()
        .filter_map(|(i, q)| {
            let a = p.answers.answer(&q.id)?;
            match a.response {
                // The evidence rule's own test of a note (a visible character), so the checklist and
                // the score agree on what counts as evidence.
                Some(Response::Level(l)) if l >= Level::new(4)? => {
                    let note = if brand_core::visible::has_visible(&a.note) {
                        a.note.trim().to_owned()
                    } else {
                        String::new()
                    };
                    Some((i, l.get(), note))
                }
                _ => None,
            }
        })
        .collect();
    // Print, download and export at the top as well as the bottom: the report is ~3,000 px tall.
    let top_actions = html! {
        if p.in_app.is_none() {
            <div class="bsc-actions bsc-actions--top bsc-noprint">
                { button("bsc-button", t.print, print.clone()) }
                { button("bsc-button bsc-button--quiet", t.download_report, on_download.clone()) }
                { button("bsc-button bsc-button--quiet", t.export, on_export.clone()) }
                { xlsx_button.clone() }
            </div>
        }
    };
    let about = &p.answers.about;
    let set_about = |f: fn(&mut brand_core::About, String)| {
        let (dispatch, about) = (p.on_action.clone(), about.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            let mut next = about.clone();
            f(&mut next, v);
            dispatch.emit(Action::SetAbout(next));
        })
    };
    let who = html! {
        <fieldset class="bsc-who bsc-noprint">
            <legend>{ t.who_title }</legend>
            <div class="bsc-who__fields">
                <label>
                    <span>{ t.saved_name }</span>
                    <input type="text" maxlength="100" value={about.name.clone()} data-testid="who-name"
                        placeholder={t.saved_unnamed} onchange={set_about(|a, v| a.name = v)} />
                </label>
                <label>
                    <span>{ t.who_organisation }</span>
                    <input type="text" maxlength="100" value={about.organisation.clone()} data-testid="who-organisation"
                        onchange={set_about(|a, v| a.organisation = v)} />
                </label>
                <label>
                    <span>{ t.who_assessor }</span>
                    <input type="text" maxlength="100" value={about.assessor.clone()} data-testid="who-assessor"
                        onchange={set_about(|a, v| a.assessor = v)} />
                </label>
                <label>
                    <span>{ t.who_role }</span>
                    { select(t.who_role.to_owned(), &role_options(lang), role_value(about.role), &{
                        let (dispatch, about) = (p.on_action.clone(), about.clone());
                        Callback::from(move |v: String| {
                            let mut next = about.clone();
                            next.role = brand_core::Role::from_id(&v);
                            dispatch.emit(Action::SetAbout(next));
                        })
                    }, "who-role") }
                </label>
            </div>
            <p class="bsc-hint">{ t.who_kept }</p>
        </fieldset>
    };
    let role_text = |r: Option<brand_core::Role>| match r {
        Some(brand_core::Role::Leader) => Some(t.role_leader),
        Some(brand_core::Role::Staff) => Some(t.role_staff),
        None => None,
    };
    let (open_paren, close_paren) = if lang == Lang::Zh { ("（", "）") } else { (" (", ")") };
    let with_role = |name: &str, r: Option<brand_core::Role>| match role_text(r) {
        Some(role) => format!("{name}{open_paren}{role}{close_paren}"),
        None => name.to_owned(),
    };
    let head_markup = {
        // The header and the team's line: no listeners, so markup text.
        let mut m = Markup::new();
        m.raw("<header class=\"bsc-report__head\">").raw(SCREEN_HEADING).text(t.report_title);
        m.raw("</h2>").el("p", &fill(t.report_standard, &[("s", s.title.get(lang)), ("v", &s.version)]));
        m.el("p", &fill(t.report_generated, &[("d", &date(lang, y, mo, d))]));
        if !about.name.trim().is_empty() {
            m.el("p data-testid=\"report-name\"", &fill(t.report_name, &[("n", about.name.trim())]));
        }
        if !about.organisation.trim().is_empty() {
            m.el(
                "p data-testid=\"report-organisation\"",
                &fill(t.report_organisation, &[("o", about.organisation.trim())]),
            );
        }
        if !about.assessor.trim().is_empty() {
            let who = with_role(about.assessor.trim(), about.role);
            m.el("p data-testid=\"report-assessor\"", &fill(t.report_assessor, &[("a", &who)]));
        }
        m.raw("</header>");
        let team = &p.answers.team;
        if !team.is_empty() {
            m.raw("<section data-testid=\"report-team\">").el("h3", t.report_team_title).raw("<p>");
            m.text(&fill(t.report_team_intro, &[("n", &team.respondents.len().to_string())]));
            let names: Vec<String> = team.respondents.iter().map(|r| with_role(&r.name, r.role)).collect();
            m.text(&names.join(if lang == Lang::Zh { "、" } else { ", " })).raw("</p>");
            if !team.overrides.is_empty() {
                m.el("h4", t.report_overrides).raw("<ul class=\"bsc-list\">");
                for (q, reason) in team.overrides.iter() {
                    m.el("li", &format!("{q}{}{reason}", if lang == Lang::Zh { "：" } else { ": " }));
                }
                m.raw("</ul>");
            }
            m.raw("</section>");
        }
        m.into_html()
    };
    let tables = view_tables(p, &radar, &evidence);
    html! {
        <div class="bsc-report-page">
            { top_actions }
            { who }
            <article class="bsc-report" aria-labelledby="bsc-h">
                { head_markup }
                <section class="bsc-report__summary">
                    <div>
                        <h3>{ t.provisional }</h3>
                        { view_total(s, x, lang) }
                    </div>
                    { view_tier(s, x, lang) }
                </section>
                { view_programmes_report(s, x, &p.programmes, lang) }
                { view_titles_held(s, &p.answers, lang) }
                { view_plan(s, x, &p.programmes, &p.answers, lang, &p.on_action) }
                { view_crosswalk(s, x, lang) }
                { tables }
            </article>
            if p.in_app.is_some() {
                <div class="bsc-noprint">
                    { view_handover(s, &p.answers, p.handover_copied, lang, &p.on_action) }
                </div>
            }
            <div class="bsc-actions bsc-noprint">
                if p.in_app.is_none() {
                    { button("bsc-button", t.print, print) }
                    { button("bsc-button bsc-button--quiet", t.download_report, on_download) }
                    { button("bsc-button bsc-button--quiet", t.export, on_export) }
                    { xlsx_button }
                }
                <label class="bsc-button bsc-button--quiet bsc-file">
                    { t.import }
                    <input type="file" accept=".json,application/json" class="bsc-visually-hidden" onchange={import_change(p.on_import.clone())} />
                </label>
                { button("bsc-button bsc-button--quiet", t.open_compare, p.on_action.reform(|_| Action::Go(Screen::Compare))) }
                { button("bsc-button bsc-button--quiet", t.about, p.on_action.reform(|_| Action::Go(Screen::About { back: Box::new(Screen::Report) }))) }
                { button("bsc-button bsc-button--quiet", t.back, p.on_action.reform(|_| Action::Go(Screen::Review))) }
            </div>
        </div>
    }
}

/// The report's tables and lists below the plan, as markup text (no listeners in them): parts,
/// indicators and the radar, gates, advisory tracks, the evidence checklist, every answer, the
/// disclaimer and the sources.
fn view_tables(p: &ReportProps, radar: &[(String, f64)], evidence: &[(usize, u8, String)]) -> Html {
    let (s, x, lang) = (&p.standard, &p.assessment, p.lang);
    let t = catalog(lang);
    let sc = &x.score;
    let colon = if lang == Lang::Zh { "：" } else { ": " };
    let mut m = Markup::new();
    m.raw("<section>").el("h3", t.parts_title).raw("<table class=\"bsc-table\"><tbody>");
    for (i, part) in s.parts.iter().enumerate() {
        m.raw("<tr>").el("th scope=\"row\"", &format!("{} {}", part.id, part.title.get(lang)));
        m.el(
            "td class=\"bsc-num\"",
            &format!("{} / {}", tenths(sc.parts[i].achieved_tenths()), sc.parts[i].applicable_points),
        );
        m.raw("<td class=\"bsc-table__bar\">");
        bar_markup(&mut m, sc.parts[i].fraction());
        m.raw("</td></tr>");
    }
    m.raw("</tbody></table></section><section class=\"bsc-report__cols\"><div>").el("h3", t.indicators_title);
    m.raw("<table class=\"bsc-table\"><tbody>");
    for (ii, ind) in s.indicators.iter().enumerate() {
        m.raw("<tr>").el("th scope=\"row\"", &format!("{} {}", ind.id, ind.title.get(lang)));
        if sc.indicators[ii].applicable {
            m.el("td class=\"bsc-num\"", &format!("{} / {}", tenths(sc.indicators[ii].achieved_tenths()), ind.points));
            m.raw("<td class=\"bsc-table__bar\">");
            bar_markup(&mut m, sc.indicators[ii].fraction());
            m.raw("</td>");
        } else {
            m.el("td class=\"bsc-num\" colspan=\"2\"", t.dropped_out);
        }
        m.raw("</tr>");
    }
    m.raw("</tbody></table></div>");
    if let Some(rp) = s.radar_part() {
        m.raw("<div>").el("h3", s.parts[rp].title.get(lang));
        radar_markup(&mut m, radar, t.radar_label);
        m.raw("</div>");
    }
    m.raw("</section><section>").el("h3", t.report_gates).raw("<table class=\"bsc-table\"><tbody>");
    for (gi, g) in s.gates.iter().enumerate() {
        m.raw("<tr>").el("th scope=\"row\"", &format!("{} {}", g.id, g.text.get(lang)));
        m.raw("<td class=\"bsc-gate-status ")
            .raw(status_class(x.gates[gi]))
            .raw("\">")
            .text(status_text(x.gates[gi], lang));
        m.raw("</td></tr>");
    }
    m.raw("</tbody></table></section>");
    if !x.advisories.is_empty() {
        m.raw("<section>").el("h3", t.advisories_title).raw("<ul class=\"bsc-list\">");
        for a in x.advisories.iter() {
            m.raw("<li>")
                .el("strong", s.advisories[*a].title.get(lang))
                .text(colon)
                .text(s.advisories[*a].text.get(lang));
            m.raw("</li>");
        }
        m.raw("</ul></section>");
    }
    m.raw("<section>").el("h3", t.evidence_title);
    if evidence.is_empty() {
        m.el("p", t.evidence_none);
    } else {
        m.raw("<table class=\"bsc-table bsc-table--evidence\">");
        head(&mut m, lang);
        for (qi, level, note) in evidence.iter() {
            m.raw("<tr>")
                .el("th scope=\"row\"", &format!("{} {}", s.questions[*qi].id, s.questions[*qi].text.get(lang)));
            m.el("td class=\"bsc-num\"", &level.to_string());
            if note.is_empty() {
                m.el("td class=\"bsc-missing\"", t.evidence_missing);
            } else {
                m.el("td", note);
            }
            m.raw("</tr>");
        }
        m.raw("</tbody></table>");
    }
    m.raw("</section><section class=\"bsc-report__answers\" data-testid=\"all-answers\">").el("h3", t.appendix_title);
    m.raw("<table class=\"bsc-table bsc-table--answers\">");
    head(&mut m, lang);
    for (qi, q) in s.questions.iter().enumerate() {
        if sc.states[qi] == brand_core::scoring::QuestionState::Excluded {
            continue;
        }
        let answer = p.answers.answer(&q.id);
        m.raw("<tr>").el("th scope=\"row\"", &format!("{} {}", q.id, q.text.get(lang)));
        let level = match answer.and_then(|a| a.response) {
            Some(Response::Level(l)) => l.get().to_string(),
            Some(Response::NotApplicable) => t.not_applicable.to_owned(),
            None => t.appendix_open.to_owned(),
        };
        m.el("td class=\"bsc-num\"", &level).el("td", answer.map_or("", |a| a.note.trim())).raw("</tr>");
    }
    m.raw("</tbody></table></section><section class=\"bsc-report__fine\">").el("h3", t.disclaimer_title);
    m.el("p", s.disclaimer.get(lang)).el("p", t.weights_ours).el("p", t.not_official).el("h4", t.sources);
    m.raw("<ul class=\"bsc-list\">");
    for src in s.sources.iter() {
        m.el("li", src.cite_for(lang));
    }
    m.raw("</ul></section>");
    m.into_html()
}

/// The evidence and answer tables' heading row, and the body's start.
fn head(m: &mut Markup, lang: Lang) {
    let t = catalog(lang);
    m.raw("<thead><tr>").el("th scope=\"col\"", t.question).el("th scope=\"col\"", t.level);
    m.el("th scope=\"col\"", t.evidence).raw("</tr></thead><tbody>");
}

fn status_class(g: GateStatus) -> &'static str {
    match g {
        GateStatus::Yes => "is-yes",
        GateStatus::No => "is-no",
        GateStatus::Unsure | GateStatus::Unanswered => "is-open",
        GateStatus::NotApplicable => "is-na",
    }
}

fn status_text(g: GateStatus, lang: Lang) -> &'static str {
    let t = catalog(lang);
    match g {
        GateStatus::Yes => t.gate_status_yes,
        GateStatus::No => t.gate_status_no,
        GateStatus::Unsure => t.gate_status_unsure,
        GateStatus::Unanswered => t.gate_status_open,
        GateStatus::NotApplicable => t.gate_status_na,
    }
}
