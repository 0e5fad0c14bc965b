//! The comparison screen: two results of the open questionnaire — two files, or a file and the
//! current assessment — side by side: total, tier, programmes, parts, indicators that changed,
//! questions whose answer changed, and the questions the two have in common. The comparing is
//! the core's (`brand_core::compare`).

use brand_core::compare::{compare_files, Points, Reached};
use brand_core::{Lang, Standard};
use yew::prelude::*;

use crate::components::programmes::status_text;
use crate::components::team::{problem_text, response_text};
use crate::hooks::{files_change, Purpose};
use crate::i18n::{catalog, fill, tenths};
use crate::state::{Action, ComparePair, CompareSide, Dispatch, FileProblem, Screen, SharedStandard};

#[derive(Properties, PartialEq, Clone)]
pub struct CompareProps {
    pub standard: SharedStandard,
    pub pair: ComparePair,
    pub year: u16,
    pub on_action: Dispatch,
    pub on_files: Callback<(Purpose, Vec<web_sys::File>)>,
}

fn points(p: Option<Points>, lang: Lang) -> String {
    p.map_or_else(|| catalog(lang).compare_missing.to_owned(), |p| format!("{} / {}", tenths(p.tenths), p.of))
}

/// The change in tenths as "+1.5" / "−2.0" / "0".
fn delta(before: Option<Points>, after: Option<Points>) -> String {
    match (before, after) {
        (Some(b), Some(a)) if a.tenths >= b.tenths => {
            if a.tenths == b.tenths {
                "0".into()
            } else {
                format!("+{}", tenths(a.tenths - b.tenths))
            }
        }
        (Some(b), Some(a)) => format!("−{}", tenths(b.tenths - a.tenths)),
        _ => String::new(),
    }
}

fn reached_text(s: &Standard, r: &Reached, lang: Lang) -> String {
    let t = catalog(lang);
    match r {
        Reached::FixFirst => t.fix_first.to_owned(),
        Reached::BelowFirst => t.below_first.to_owned(),
        Reached::Tier(id) => s.tiers.iter().find(|x| x.id == *id).map_or(id.to_string(), |x| x.name.get(lang).to_owned()),
    }
}

#[component]
pub fn CompareScreen(p: &CompareProps) -> Html {
    let lang = crate::hooks::use_lang();
    let t = catalog(lang);
    let s: &Standard = &p.standard;
    let side = |i: usize| {
        let label = if i == 0 { t.compare_before } else { t.compare_after };
        let shown = match &p.pair.sides[i] {
            None => String::new(),
            Some(CompareSide::Current(_)) => t.compare_current.to_owned(),
            Some(CompareSide::File { name, file, skipped }) => {
                let mut text = fill(t.compare_file, &[("f", name), ("v", &file.standard.version)]);
                if *skipped > 0 {
                    text.push_str(" · ");
                    text.push_str(&fill(t.compare_skipped, &[("n", &skipped.to_string())]));
                }
                text
            }
        };
        html! {
            <div class="bsc-compare__side" data-testid={format!("compare-side-{i}")}>
                <h3>{ label }</h3>
                if !shown.is_empty() {
                    <p class="bsc-compare__file">{ shown }</p>
                }
                if let Some(line) = &p.pair.problems[i] {
                    if let Err(problem) = &line.outcome {
                        <p class="bsc-compare__problem" role="status">{ problem_text(&line.file, problem as &FileProblem, lang) }</p>
                    }
                }
                <div class="bsc-actions">
                    <label class="bsc-button bsc-button--quiet bsc-file">
                        { t.compare_load }
                        <input type="file" accept=".json,application/json" class="bsc-visually-hidden"
                            aria-label={format!("{label}: {}", t.compare_load)}
                            onchange={files_change(Purpose::Compare(i), p.on_files.clone())} />
                    </label>
                    <button type="button" class="bsc-button bsc-button--quiet"
                        onclick={p.on_action.reform(move |_| Action::CompareCurrent(i))}>{ t.compare_use_current }</button>
                </div>
            </div>
        }
    };
    let result = match &p.pair.sides {
        [Some(a), Some(b)] => {
            let (c, _, _) = compare_files(s, a.file().clone(), b.file().clone(), p.year);
            let all = c.common + c.only_before.len() + c.only_after.len();
            html! {
                <div class="bsc-compare__result" data-testid="compare-result">
                    if c.is_unchanged() {
                        <p><strong>{ t.compare_unchanged }</strong></p>
                    }
                    <table class="bsc-table">
                        <thead><tr><th scope="col"></th><th scope="col">{ t.compare_before }</th><th scope="col">{ t.compare_after }</th><th scope="col">{ t.compare_change }</th></tr></thead>
                        <tbody>
                            <tr>
                                <th scope="row">{ t.provisional }</th>
                                <td class="bsc-num">{ c.total.0 }</td><td class="bsc-num">{ c.total.1 }</td>
                                <td class="bsc-num">{ match c.total.1.cmp(&c.total.0) {
                                    std::cmp::Ordering::Greater => format!("+{}", c.total.1 - c.total.0),
                                    std::cmp::Ordering::Less => format!("−{}", c.total.0 - c.total.1),
                                    std::cmp::Ordering::Equal => "0".into(),
                                } }</td>
                            </tr>
                            <tr>
                                <th scope="row">{ t.compare_tier }</th>
                                <td>{ reached_text(s, &c.reached.0, lang) }</td><td>{ reached_text(s, &c.reached.1, lang) }</td><td></td>
                            </tr>
                        </tbody>
                    </table>
                    <h3>{ t.compare_programmes }</h3>
                    <table class="bsc-table" data-testid="compare-programmes">
                        <tbody>
                            for r in c.programmes.iter() {
                                <tr key={r.id.to_string()}>
                                    <th scope="row">{ s.programme_index(&r.id).map_or(r.id.to_string(), |i| s.programmes[i].title.get(lang).to_owned()) }</th>
                                    <td>{ r.before.map_or(t.compare_missing, |st| status_text(st, lang)) }</td>
                                    <td>{ r.after.map_or(t.compare_missing, |st| status_text(st, lang)) }</td>
                                </tr>
                            }
                        </tbody>
                    </table>
                    <h3>{ t.parts_title }</h3>
                    <table class="bsc-table" data-testid="compare-parts">
                        <tbody>
                            for r in c.parts.iter() {
                                <tr key={r.id.to_string()}>
                                    <th scope="row">{ s.parts.iter().find(|x| x.id == r.id).map_or(r.id.to_string(), |x| format!("{} {}", x.id, x.title.get(lang))) }</th>
                                    <td class="bsc-num">{ points(r.before, lang) }</td>
                                    <td class="bsc-num">{ points(r.after, lang) }</td>
                                    <td class="bsc-num">{ delta(r.before, r.after) }</td>
                                </tr>
                            }
                        </tbody>
                    </table>
                    <h3>{ t.indicators_title }</h3>
                    <table class="bsc-table" data-testid="compare-indicators">
                        <tbody>
                            for r in c.indicators.iter().filter(|r| !r.unchanged()) {
                                <tr key={r.id.to_string()}>
                                    <th scope="row">{ s.indicators.iter().find(|x| x.id == r.id).map_or(r.id.to_string(), |x| format!("{} {}", x.id, x.title.get(lang))) }</th>
                                    <td class="bsc-num">{ points(r.before, lang) }</td>
                                    <td class="bsc-num">{ points(r.after, lang) }</td>
                                    <td class="bsc-num">{ delta(r.before, r.after) }</td>
                                </tr>
                            }
                        </tbody>
                    </table>
                    <h3>{ fill(t.compare_answers, &[("n", &c.answers.len().to_string())]) }</h3>
                    if c.answers.is_empty() {
                        <p>{ t.compare_no_answers }</p>
                    } else {
                        <table class="bsc-table" data-testid="compare-answers">
                            <tbody>
                                for a in c.answers.iter() {
                                    <tr key={a.question.to_string()}>
                                        <th scope="row">{ format!("{} {}", a.question, s.questions[a.index].text.get(lang)) }</th>
                                        <td class="bsc-num">{ response_text(a.before, lang) }</td>
                                        <td class="bsc-num">{ response_text(a.after, lang) }</td>
                                    </tr>
                                }
                            </tbody>
                        </table>
                    }
                    <p data-testid="compare-common">{ fill(t.compare_common, &[("p", &c.common_percent().to_string()), ("c", &c.common.to_string()), ("n", &all.to_string())]) }</p>
                    if !c.only_before.is_empty() {
                        <p data-testid="compare-only-before">{ fill(t.compare_only_before, &[("l", &c.only_before.join(", "))]) }</p>
                    }
                    if !c.only_after.is_empty() {
                        <p data-testid="compare-only-after">{ fill(t.compare_only_after, &[("l", &c.only_after.join(", "))]) }</p>
                    }
                </div>
            }
        }
        _ => html! {},
    };
    html! {
        <section class="bsc-compare" aria-labelledby="bsc-h">
            <h2 id="bsc-h" tabindex="-1" data-focus="">{ t.compare_title }</h2>
            <p class="bsc-lead">{ t.compare_intro }</p>
            <div class="bsc-compare__sides">
                { side(0) }
                { side(1) }
            </div>
            { result }
            <div class="bsc-actions">
                <button type="button" class="bsc-button bsc-button--quiet" onclick={p.on_action.reform(|_| Action::Go(Screen::Start))}>{ t.back }</button>
            </div>
        </section>
    }
}
