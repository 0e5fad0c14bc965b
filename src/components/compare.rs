//! The comparison screen: two results of the open questionnaire — two files, or a file and the
//! current assessment — side by side: total, tier, programmes, parts, indicators that changed,
//! questions whose answer changed, and the questions the two have in common. The comparing is
//! the core's (`brand_core::compare`).

use brand_core::compare::{compare_files, Comparison, Points, Reached};
use brand_core::{Lang, Standard};
use yew::prelude::*;

use crate::components::button::button;
use crate::components::markup::{Markup, SCREEN_HEADING};
use crate::components::programmes::status_text;
use crate::components::select::select;
use crate::components::team::{problem_text, response_text};
use crate::hooks::{files_change, Purpose};
use crate::i18n::{catalog, fill, tenths};
use crate::state::{
    Action, ComparePair, CompareSide, Dispatch, FileProblem, Saved, Screen, SharedStandard, Slot, Source,
};
use crate::storage;

/// A plain function's arguments, not a component's properties: a component compiles Yew's
/// lifecycle once more (measured: about 2.2 KB of wasm, 0.7 KB brotli, each).
pub struct CompareProps {
    pub standard: SharedStandard,
    pub pair: ComparePair,
    /// Where the questionnaire came from, the open assessment's slot and the others saved: any
    /// saved one can be a side.
    pub source: Source,
    pub slot: Slot,
    pub saved: Vec<Saved>,
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

/// One table of the comparison: a row heading and up to three cells per row. The tables are data
/// for this one function rather than markup each (issue 16: view code as data), written as markup
/// text (no listeners in them; see `markup`).
fn table(m: &mut Markup, testid: &str, head: [&str; 3], rows: Vec<(String, [String; 3])>) {
    m.raw("<table class=\"bsc-table bsc-table--compare\"").attr("data-testid", testid).raw("><thead><tr><td></td>");
    for c in head {
        m.el("th scope=\"col\"", c);
    }
    m.raw("</tr></thead><tbody>");
    for (label, cells) in rows {
        m.raw("<tr>").el("th scope=\"row\"", &label);
        for c in cells {
            m.el("td class=\"bsc-num\"", &c);
        }
        m.raw("</tr>");
    }
    m.raw("</tbody></table>");
}

fn view_result(s: &Standard, c: &Comparison, lang: Lang) -> Html {
    let t = catalog(lang);
    let all = c.common + c.only_before.len() + c.only_after.len();
    let head = [t.compare_before, t.compare_after, t.compare_change];
    let total_delta = match c.total.1.cmp(&c.total.0) {
        std::cmp::Ordering::Greater => format!("+{}", c.total.1 - c.total.0),
        std::cmp::Ordering::Less => format!("−{}", c.total.0 - c.total.1),
        std::cmp::Ordering::Equal => "0".into(),
    };
    let summary = vec![
        (t.provisional.to_owned(), [c.total.0.to_string(), c.total.1.to_string(), total_delta]),
        (
            t.compare_tier.to_owned(),
            [reached_text(s, &c.reached.0, lang), reached_text(s, &c.reached.1, lang), String::new()],
        ),
    ];
    let status =
        |st: Option<brand_core::ProgrammeStatus>| st.map_or(t.compare_missing, |st| status_text(st, lang)).to_owned();
    let programmes = c
        .programmes
        .iter()
        .map(|r| {
            let name =
                s.programme_index(&r.id).map_or(r.id.to_string(), |i| s.programmes[i].title.get(lang).to_owned());
            let changed = if r.before == r.after { String::new() } else { t.compare_changed.to_owned() };
            (name, [status(r.before), status(r.after), changed])
        })
        .collect();
    let row = |label: String, before: Option<Points>, after: Option<Points>| {
        (label, [points(before, lang), points(after, lang), delta(before, after)])
    };
    let parts = c
        .parts
        .iter()
        .map(|r| {
            let name = s
                .parts
                .iter()
                .find(|x| x.id == r.id)
                .map_or(r.id.to_string(), |x| format!("{} {}", x.id, x.title.get(lang)));
            row(name, r.before, r.after)
        })
        .collect();
    let indicators: Vec<(String, [String; 3])> = c
        .indicators
        .iter()
        .filter(|r| !r.unchanged())
        .map(|r| {
            let name = s
                .indicators
                .iter()
                .find(|x| x.id == r.id)
                .map_or(r.id.to_string(), |x| format!("{} {}", x.id, x.title.get(lang)));
            row(name, r.before, r.after)
        })
        .collect();
    let answers = c
        .answers
        .iter()
        .map(|a| {
            let name = format!("{} {}", a.question, s.questions[a.index].text.get(lang));
            (name, [response_text(a.before, lang), response_text(a.after, lang), String::new()])
        })
        .collect();
    let mut m = Markup::new();
    m.raw("<div class=\"bsc-compare__result\" data-testid=\"compare-result\">");
    if c.is_unchanged() {
        m.raw("<p>").el("strong", t.compare_unchanged).raw("</p>");
    }
    table(&mut m, "compare-summary", head, summary);
    m.el("h3", t.compare_programmes);
    table(&mut m, "compare-programmes", head, programmes);
    m.el("h3", t.parts_title);
    table(&mut m, "compare-parts", head, parts);
    m.el("h3", &fill(t.compare_indicators, &[("n", &indicators.len().to_string())]));
    if indicators.is_empty() {
        m.el("p", t.compare_no_indicators);
    } else {
        table(&mut m, "compare-indicators", head, indicators);
    }
    m.el("h3", &fill(t.compare_answers, &[("n", &c.answers.len().to_string())]));
    if c.answers.is_empty() {
        m.el("p", t.compare_no_answers);
    } else {
        table(&mut m, "compare-answers", head, answers);
    }
    let common = fill(
        t.compare_common,
        &[("p", &c.common_percent().to_string()), ("c", &c.common.to_string()), ("n", &all.to_string())],
    );
    m.el("p data-testid=\"compare-common\"", &common);
    for (testid, text, list) in [
        ("compare-only-before", t.compare_only_before, &c.only_before),
        ("compare-only-after", t.compare_only_after, &c.only_after),
    ] {
        if !list.is_empty() {
            m.raw("<p").attr("data-testid", testid).raw(">").text(&fill(text, &[("l", &list.join(", "))])).raw("</p>");
        }
    }
    m.raw("</div>");
    m.into_html()
}

fn reached_text(s: &Standard, r: &Reached, lang: Lang) -> String {
    let t = catalog(lang);
    match r {
        Reached::FixFirst => t.fix_first.to_owned(),
        Reached::BelowFirst => t.below_first.to_owned(),
        Reached::Tier(id) => {
            s.tiers.iter().find(|x| x.id == *id).map_or(id.to_string(), |x| x.name.get(lang).to_owned())
        }
    }
}

pub fn view_compare(p: &CompareProps, lang: Lang) -> Html {
    let t = catalog(lang);
    let s: &Standard = &p.standard;
    // The other saved assessments, by slot token, each named as the start page names it.
    let names: Vec<(String, String)> = p
        .saved
        .iter()
        .filter(|x| x.slot != p.slot)
        .filter_map(|x| {
            let about = &x.summary.as_ref().ok()?.about;
            let mut name = match about.name.trim() {
                "" => t.saved_unnamed.to_owned(),
                n => n.to_owned(),
            };
            if let Some(d) = about.date {
                name.push_str(&format!(" · {d}"));
            }
            Some((x.slot.0.to_string(), name))
        })
        .collect();
    let mut options: Vec<(&str, &str)> = vec![("", t.compare_choose)];
    options.extend(names.iter().map(|(v, n)| (v.as_str(), n.as_str())));
    let side = |i: usize| {
        let pick = {
            let (d, source, st, names) = (p.on_action.clone(), p.source.clone(), p.standard.clone(), names.clone());
            Callback::from(move |token: String| {
                let Some((_, name)) = names.iter().find(|(v, _)| *v == token) else { return };
                let slot = Slot(std::rc::Rc::from(token.as_str()));
                let text = storage::read(&source, &st.id, &slot).ok_or(FileProblem::ReadFailed);
                d.emit(Action::CompareFile { side: i, name: name.clone(), text });
            })
        };
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
        // The side's heading and file: markup text (the refusal is a live region: kept as it is).
        let mut head = Markup::new();
        head.el("h3", label);
        if !shown.is_empty() {
            head.el("p class=\"bsc-compare__file\"", &shown);
        }
        html! {
            <div class="bsc-compare__side" data-testid={format!("compare-side-{i}")}>
                { head.into_html() }
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
                    { button("bsc-button bsc-button--quiet", t.compare_use_current, p.on_action.reform(move |_| Action::CompareCurrent(i))) }
                </div>
                if !names.is_empty() {
                    <label class="bsc-compare__saved">
                        <span>{ t.compare_saved }</span>
                        { select(format!("{label}: {}", t.compare_saved), &options, "", &pick, "compare-saved") }
                    </label>
                }
            </div>
        }
    };
    let result = match &p.pair.sides {
        [Some(a), Some(b)] => view_result(s, &compare_files(s, a.file().clone(), b.file().clone(), p.year).0, lang),
        _ => html! {},
    };
    let mut intro = Markup::new();
    intro.raw(SCREEN_HEADING).text(t.compare_title).raw("</h2>");
    intro.el("p class=\"bsc-lead\"", t.compare_intro);
    html! {
        <section class="bsc-compare" aria-labelledby="bsc-h">
            { intro.into_html() }
            <div class="bsc-compare__sides">
                { side(0) }
                { side(1) }
            </div>
            { result }
            <div class="bsc-actions">
                { button("bsc-button bsc-button--quiet", t.back, p.on_action.reform(|_| Action::Go(Screen::Start))) }
            </div>
        </section>
    }
}
