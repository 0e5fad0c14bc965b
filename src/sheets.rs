//! The spreadsheet for the team: the workbook description `xlsx.rs` hands to the lazily loaded
//! writer (web/xlsx.js), as JSON. Four sheets, one row per item, for every programme listed and
//! not already held: the action plans, the checklists, the conditions, and the scores.
//! Everything comes from the core's results; only the words are added here.

use brand_core::dossier::{action_plan, checklist, Day, ItemKind};
use brand_core::json::quote;
use brand_core::programme::ProgrammeResult;
use brand_core::{Answers, Assessment, Lang, Standard};

use crate::components::dossier::{action_status_text, doc_status_text, issuer_text, period_text, proves_text};
use crate::components::programmes::{cites, condition_status, gap_text, question_line, status_text};
use crate::i18n::{catalog, tenths};

/// A cell: text, a number (its JSON text: no float formatting in the wasm), a day, or empty.
enum Cell {
    S(String),
    N(String),
    D(Day),
    Empty,
}

struct Sheet {
    name: &'static str,
    columns: Vec<u32>,
    header: Vec<&'static str>,
    rows: Vec<Vec<Cell>>,
}

fn s(text: impl Into<String>) -> Cell {
    Cell::S(text.into())
}

impl Sheet {
    fn write(&self, out: &mut String) {
        out.push_str("{\"name\":");
        out.push_str(&quote(self.name));
        out.push_str(",\"freeze\":1,\"columns\":[");
        out.push_str(&self.columns.iter().map(u32::to_string).collect::<Vec<_>>().join(","));
        out.push_str("],\"rows\":[[");
        let head: Vec<String> = self.header.iter().map(|h| format!("{{\"s\":{},\"b\":true}}", quote(h))).collect();
        out.push_str(&head.join(","));
        out.push(']');
        for row in &self.rows {
            out.push_str(",[");
            let cells: Vec<String> = row
                .iter()
                .map(|c| match c {
                    Cell::S(t) if t.is_empty() => "null".to_owned(),
                    Cell::S(t) => format!("{{\"s\":{}}}", quote(t)),
                    Cell::N(n) => format!("{{\"n\":{n}}}"),
                    Cell::D(d) => format!("{{\"d\":\"{d}\"}}"),
                    Cell::Empty => "null".to_owned(),
                })
                .collect();
            out.push_str(&cells.join(","));
            out.push(']');
        }
        out.push_str("]}");
    }
}

/// The workbook as the writer's JSON.
pub fn workbook(
    st: &Standard,
    a: &Answers,
    x: &Assessment,
    listed: &[ProgrammeResult],
    year: u16,
    today: Option<Day>,
    lang: Lang,
) -> String {
    let t = catalog(lang);
    let planned: Vec<&ProgrammeResult> = listed.iter().filter(|r| !r.held).collect();
    let mut actions = Sheet {
        name: t.xlsx_sheet_actions,
        columns: vec![24, 6, 14, 48, 14, 12, 10, 8, 36],
        header: vec![
            t.xlsx_programme,
            t.xlsx_no,
            t.xlsx_kind,
            t.action_item,
            t.action_owner,
            t.action_due,
            t.action_status,
            t.action_overdue,
            t.action_note,
        ],
        rows: Vec::new(),
    };
    let mut docs = Sheet {
        name: t.xlsx_sheet_checklist,
        columns: vec![24, 36, 12, 12, 44, 10, 30],
        header: vec![
            t.xlsx_programme,
            t.checklist_doc,
            t.checklist_issuer,
            t.checklist_period,
            t.checklist_proves,
            t.checklist_status,
            t.checklist_place,
        ],
        rows: Vec::new(),
    };
    let mut conds = Sheet {
        name: t.xlsx_sheet_conditions,
        columns: vec![24, 12, 50, 10, 44, 36],
        header: vec![t.xlsx_programme, t.xlsx_result, t.xlsx_condition, t.action_status, t.xlsx_gap, t.xlsx_source],
        rows: Vec::new(),
    };
    for r in &planned {
        let p = &st.programmes[r.programme];
        let name = p.title.get(lang);
        let plan = action_plan(st, a, &x.score, r.programme, year, today);
        for (n, item) in plan.items.iter().enumerate() {
            let (kind, what) = match &item.kind {
                ItemKind::Evidence(e) => (t.action_kind_evidence, question_line(st, e.question, lang)),
                ItemKind::Condition(c) => {
                    let text = p.conditions[c.condition].text.get(lang);
                    let gap = gap_text(st, c, lang);
                    let with_gap = match lang {
                        Lang::Zh => format!("{text}（{gap}）"),
                        Lang::En => format!("{text} ({gap})"),
                    };
                    (t.action_kind_condition, if gap.is_empty() { text.to_owned() } else { with_gap })
                }
                ItemKind::Document(d) => (t.action_kind_document, st.documents[*d].name.get(lang).to_owned()),
                ItemKind::Practice(pr) => {
                    (t.action_kind_practice, format!("{} → {}", question_line(st, pr.step.question, lang), pr.step.to))
                }
            };
            let rec = &item.action;
            actions.rows.push(vec![
                s(name),
                Cell::N((n + 1).to_string()),
                s(kind),
                s(what),
                s(rec.owner.clone()),
                rec.due.map_or(Cell::Empty, Cell::D),
                s(action_status_text(rec.status, t)),
                if item.overdue { s(t.action_overdue) } else { Cell::Empty },
                s(rec.note.clone()),
            ]);
        }
        let cl = checklist(st, a, r.programme);
        for (i, row) in cl.rows.iter().enumerate() {
            let d = &st.documents[row.document];
            docs.rows.push(vec![
                s(name),
                s(d.name.get(lang)),
                s(issuer_text(d.issuer, t)),
                s(period_text(d.period, t)),
                s(proves_text(st, &cl, i, lang)),
                s(doc_status_text(row.mark.status, t)),
                s(row.mark.place.clone()),
            ]);
        }
        for c in &r.conditions {
            let pc = &p.conditions[c.condition];
            conds.rows.push(vec![
                s(name),
                s(status_text(r.status, lang)),
                s(pc.text.get(lang)),
                s(condition_status(c.status, lang).0),
                s(gap_text(st, c, lang)),
                s(cites(&pc.sources, lang)),
            ]);
        }
    }
    let sc = &x.score;
    let mut scores = Sheet {
        name: t.xlsx_sheet_scores,
        columns: vec![50, 10, 10],
        header: vec![t.xlsx_part, t.xlsx_points, t.xlsx_achieved],
        rows: vec![vec![s(t.xlsx_total), Cell::N(st.total_points.to_string()), Cell::N(sc.total.to_string())]],
    };
    for (pi, part) in st.parts.iter().enumerate() {
        scores.rows.push(vec![
            s(format!("{} {}", part.id, part.title.get(lang))),
            Cell::N(sc.parts[pi].applicable_points.to_string()),
            tenths_cell(sc.parts[pi].achieved_tenths()),
        ]);
        for ii in part.indicators.clone() {
            let ind = &st.indicators[ii];
            scores.rows.push(vec![
                s(format!("    {} {}", ind.id, ind.title.get(lang))),
                Cell::N(ind.points.to_string()),
                tenths_cell(sc.indicators[ii].achieved_tenths()),
            ]);
        }
    }
    scores.rows.push(vec![Cell::Empty]);
    scores.rows.push(vec![s(t.xlsx_note)]);
    let mut out = String::from("{\"sheets\":[");
    for (i, sheet) in [actions, docs, conds, scores].iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        sheet.write(&mut out);
    }
    out.push_str("]}");
    out
}

/// Tenths as a number with one decimal: the same text the report shows.
fn tenths_cell(t: u32) -> Cell {
    Cell::N(tenths(t))
}
