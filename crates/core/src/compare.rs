//! Two results side by side: last year's and this year's, or two clients' (issue 15).
//!
//! [`compare`] takes each side's standard and answers — the two standards may be different
//! versions of one questionnaire — and reports the change of the total, the tier, every part,
//! indicator and programme, and every question whose answer changed. Questions are matched by id,
//! an earlier version's id carried through the later standard's declared migration; nothing else
//! is matched, so a question that exists on one side only is listed as such, never paired with a
//! look-alike. The rules are in ARCHITECTURE.md ("Comparing and combining").

use crate::answers::{Answers, AnswersFile, ImportIssue, Response};
use crate::ids::{IndicatorId, PartId, ProgrammeId, QuestionId, TierId};
use crate::programme::{programmes, ProgrammeStatus};
use crate::standard::Standard;
use crate::tier::{assess, TierOutcome};

/// One side of a comparison.
#[derive(Clone, Copy)]
pub struct Side<'a> {
    pub standard: &'a Standard,
    pub answers: &'a Answers,
}

/// Where a side stands on the tier ladder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reached {
    /// A blocking gate is answered no: 先整改.
    FixFirst,
    Tier(TierId),
    BelowFirst,
}

/// A part's or indicator's achieved points (tenths) out of its applicable points, on one side;
/// `None` where that side's standard does not have it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Points {
    pub tenths: u32,
    pub of: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row<Id> {
    pub id: Id,
    pub before: Option<Points>,
    pub after: Option<Points>,
}

impl<Id> Row<Id> {
    /// Both sides have it and it is the same.
    pub fn unchanged(&self) -> bool {
        self.before == self.after
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammeRow {
    pub id: ProgrammeId,
    pub before: Option<ProgrammeStatus>,
    pub after: Option<ProgrammeStatus>,
}

/// A question both sides have whose response differs (a level, N/A or none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerChange {
    /// The question's id in the later (`after`) standard, and its index there.
    pub question: QuestionId,
    pub index: usize,
    pub before: Option<Response>,
    pub after: Option<Response>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub total: (u32, u32),
    pub reached: (Reached, Reached),
    /// The parts of `after`'s standard in its order, then any only `before`'s has.
    pub parts: Vec<Row<PartId>>,
    pub indicators: Vec<Row<IndicatorId>>,
    pub programmes: Vec<ProgrammeRow>,
    /// In the order of `after`'s questions.
    pub answers: Vec<AnswerChange>,
    /// Questions both sides have (after matching by id and migration).
    pub common: usize,
    /// Questions (their ids as that side has them) the other side does not have, in order.
    pub only_before: Vec<String>,
    pub only_after: Vec<String>,
}

impl Comparison {
    /// The share of all questions (either side) that both have, in whole percent, rounded down;
    /// 100 when neither side has any.
    pub fn common_percent(&self) -> u32 {
        let all = self.common + self.only_before.len() + self.only_after.len();
        (self.common * 100).checked_div(all).map_or(100, |p| u32::try_from(p).unwrap_or(100))
    }

    /// Nothing changed: the same totals, tier, parts, indicators, programme statuses and answers,
    /// and every question on both sides.
    pub fn is_unchanged(&self) -> bool {
        self.total.0 == self.total.1
            && self.reached.0 == self.reached.1
            && self.parts.iter().all(Row::unchanged)
            && self.indicators.iter().all(Row::unchanged)
            && self.programmes.iter().all(|p| p.before == p.after)
            && self.answers.is_empty()
            && self.only_before.is_empty()
            && self.only_after.is_empty()
    }
}

fn reached(s: &Standard, outcome: &TierOutcome) -> Reached {
    match outcome {
        TierOutcome::FixFirst { .. } => Reached::FixFirst,
        TierOutcome::Tier(t) => Reached::Tier(s.tiers[*t].id.clone()),
        TierOutcome::BelowFirst => Reached::BelowFirst,
    }
}

/// Rows for items keyed by id: `after`'s in order, then `before`'s that `after` lacks.
fn rows<Id: Clone + PartialEq>(before: &[(Id, Points)], after: &[(Id, Points)]) -> Vec<Row<Id>> {
    let find = |list: &[(Id, Points)], id: &Id| list.iter().find(|(i, _)| i == id).map(|(_, p)| *p);
    let mut out: Vec<Row<Id>> =
        after.iter().map(|(id, p)| Row { id: id.clone(), before: find(before, id), after: Some(*p) }).collect();
    for (id, p) in before {
        if find(after, id).is_none() {
            out.push(Row { id: id.clone(), before: Some(*p), after: None });
        }
    }
    out
}

/// Compares two results. `year` is the assessment year the programme conditions are read for
/// (one year for both sides, so a change is the answers' and not the calendar's).
pub fn compare(before: Side<'_>, after: Side<'_>, year: u16) -> Comparison {
    let (sa, sb) = (before.standard, after.standard);
    let (aa, ab) = (assess(sa, before.answers), assess(sb, after.answers));
    let parts = |s: &Standard, a: &crate::tier::Assessment| -> Vec<(PartId, Points)> {
        s.parts
            .iter()
            .zip(&a.score.parts)
            .map(|(p, ps)| (p.id.clone(), Points { tenths: ps.achieved_tenths(), of: ps.applicable_points }))
            .collect()
    };
    let indicators = |s: &Standard, a: &crate::tier::Assessment| -> Vec<(IndicatorId, Points)> {
        s.indicators
            .iter()
            .zip(&a.score.indicators)
            .map(|(i, is)| {
                let of = if is.applicable { is.points } else { 0 };
                (i.id.clone(), Points { tenths: is.achieved_tenths(), of })
            })
            .collect()
    };
    let (pa, pb) = (programmes(sa, before.answers, &aa.score, year), programmes(sb, after.answers, &ab.score, year));
    let status = |s: &Standard, list: &[crate::programme::ProgrammeResult], id: &ProgrammeId| {
        list.iter().find(|r| s.programmes[r.programme].id == *id).map(|r| r.status)
    };
    let mut programme_rows: Vec<ProgrammeRow> = pb
        .iter()
        .map(|r| {
            let id = sb.programmes[r.programme].id.clone();
            ProgrammeRow { before: status(sa, &pa, &id), after: Some(r.status), id }
        })
        .collect();
    for r in &pa {
        let id = &sa.programmes[r.programme].id;
        if status(sb, &pb, id).is_none() {
            programme_rows.push(ProgrammeRow { id: id.clone(), before: Some(r.status), after: None });
        }
    }

    // Match questions: a `before` id, carried through `after`'s migration from `before`'s
    // version when the versions differ, names an `after` question or nothing.
    let migration = (sa.id == sb.id && sa.version != sb.version)
        .then(|| sb.migrations.iter().find(|m| m.from == sa.version))
        .flatten();
    let mut matched = vec![None; sb.questions.len()];
    let mut only_before = Vec::new();
    for (i, q) in sa.questions.iter().enumerate() {
        let id = match migration.and_then(|m| m.questions.get(&q.id.0)) {
            Some(Some(new)) => Some(QuestionId(new.clone())),
            Some(None) => None,
            None => Some(q.id.clone()),
        };
        match id.and_then(|id| sb.question_index(&id)).filter(|&j| matched[j].is_none()) {
            Some(j) => matched[j] = Some(i),
            None => only_before.push(q.id.0.clone()),
        }
    }
    let response = |a: &Answers, id: &QuestionId| a.answer(id).and_then(|x| x.response);
    let mut answers = Vec::new();
    let mut only_after = Vec::new();
    let mut common = 0;
    for (j, q) in sb.questions.iter().enumerate() {
        match matched[j] {
            None => only_after.push(q.id.0.clone()),
            Some(i) => {
                common += 1;
                let (rb, ra) = (response(before.answers, &sa.questions[i].id), response(after.answers, &q.id));
                if rb != ra {
                    answers.push(AnswerChange { question: q.id.clone(), index: j, before: rb, after: ra });
                }
            }
        }
    }
    Comparison {
        total: (aa.score.total, ab.score.total),
        reached: (reached(sa, &aa.outcome), reached(sb, &ab.outcome)),
        parts: rows(&parts(sa, &aa), &parts(sb, &ab)),
        indicators: rows(&indicators(sa, &aa), &indicators(sb, &ab)),
        programmes: programme_rows,
        answers,
        common,
        only_before,
        only_after,
    }
}

/// Compares two answers files when only one version of their standard is at hand (the app ships
/// the current version of each questionnaire): each file is read against `standard`, and the
/// question entries of a file that do not fit it (unknown, or changed by the version's migration)
/// are listed as that side's own questions, beside the questions of `standard`, which both
/// sides are read against and so have in common. Also returns what reading each file reported.
pub fn compare_files(
    standard: &Standard,
    before: AnswersFile,
    after: AnswersFile,
    year: u16,
) -> (Comparison, Vec<ImportIssue>, Vec<ImportIssue>) {
    let (ab, ib) = before.into_answers(standard);
    let (aa, ia) = after.into_answers(standard);
    let side = |a| Side { standard, answers: a };
    let mut c = compare(side(&ab), side(&aa), year);
    let dropped = |issues: &[ImportIssue]| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for i in issues {
            let id = match i {
                ImportIssue::UnknownQuestion(q) => q,
                ImportIssue::Changed { item: crate::import::ChangedItem::Question, id } => id,
                _ => continue,
            };
            if !out.contains(id) {
                out.push(id.clone());
            }
        }
        out
    };
    c.only_before = dropped(&ib);
    c.only_after = dropped(&ia);
    (c, ib, ia)
}
