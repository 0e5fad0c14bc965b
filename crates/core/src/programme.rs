//! Programmes: the hard conditions of each programme a user really applies to, evaluated from the
//! profile, the typed facts, the answers and the assessment year; the programme's status; the
//! crosswalk of the score over the programmes' dimensions; and the plan per programme (spec §2,
//! ARCHITECTURE.md "Programmes, facts and conditions").
//!
//! Everything is exact: facts are [`Decimal`]s (hundredths), levels are integers, shares are
//! fractions. The year is the caller's (the core has no clock). Results name inputs and tests by
//! index and carry structured gaps, never text; the shell and the CLI word them.

use crate::answers::{Answers, FactValue, GateAnswer};
use crate::decimal::Decimal;
use crate::ids::OptionId;
use crate::ratio::Ratio;
use crate::scoring::{scaled_tenths, score_states, QuestionState, Score};
use crate::standard::{FactKind, Op, ProgrammeCondition, QuestionKind, Standard, Test};
use crate::tier::{greedy_steps, Step};

/// A test's result, and the status of a condition before applicability.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TestStatus {
    Met,
    NotMet,
    /// The input was never given, given as 不确定, or unanswered (or the comparison depends on
    /// what a year fact cannot say: Y − F equal to the years needed).
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConditionStatus {
    Met,
    NotMet,
    Unknown,
    /// The condition's `applies_when` does not hold (no profile chosen: it does not hold).
    NotApplicable,
}

impl ConditionStatus {
    /// The status as the CLI's JSON and the shell's markup spell it.
    pub fn id(self) -> &'static str {
        match self {
            ConditionStatus::Met => "met",
            ConditionStatus::NotMet => "not_met",
            ConditionStatus::Unknown => "unknown",
            ConditionStatus::NotApplicable => "not_applicable",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgrammeStatus {
    /// Every condition met or not applicable, and the score at or above the rung's line.
    Ready,
    /// No condition not met, but something is still open (a condition unknown, or the score).
    Open,
    /// A condition is not met.
    NotEligible,
}

impl ProgrammeStatus {
    /// The status as the CLI's JSON and the shell's markup spell it.
    pub fn id(self) -> &'static str {
        match self {
            ProgrammeStatus::Ready => "ready",
            ProgrammeStatus::Open => "open",
            ProgrammeStatus::NotEligible => "not_eligible",
        }
    }
}

/// An input a test reads (indices into the standard's `facts`, `gates`, `questions`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    Fact(usize),
    Gate(usize),
    Question(usize),
}

/// What one test read and what it needs: the structured gap when it is not met.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TestDetail {
    /// A choice fact: the option given (None: not given) and the options that meet it.
    Choice { fact: usize, given: Option<OptionId>, any_of: Vec<OptionId> },
    /// A number or year fact compared with `value`: given (None: not given) `op` `value`.
    Compare { fact: usize, given: Option<Decimal>, op: Op, value: Decimal },
    /// A year fact F against the year Y: Y − F > `years` met, < `years` not met, = `years`
    /// unknown (it depends on the month: `boundary`).
    Years { fact: usize, given: Option<u16>, years: u16, year: u16, boundary: bool },
    /// A gate and its answer (None: unanswered).
    Gate { gate: usize, answer: Option<GateAnswer> },
    /// A question: how it stands (its level counted after the evidence rule, or unanswered, N/A,
    /// excluded by profile) and the levels the test needs.
    Question { question: usize, state: QuestionState, met_from: Option<u8>, not_met_below: Option<u8> },
    /// The titles fact: given or not, and which of the listed titles are held.
    Titles { fact: usize, given: bool, held: Vec<usize> },
}

impl TestDetail {
    pub fn input(&self) -> Input {
        match self {
            TestDetail::Choice { fact, .. }
            | TestDetail::Compare { fact, .. }
            | TestDetail::Years { fact, .. }
            | TestDetail::Titles { fact, .. } => Input::Fact(*fact),
            TestDetail::Gate { gate, .. } => Input::Gate(*gate),
            TestDetail::Question { question, .. } => Input::Question(*question),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestResult {
    pub status: TestStatus,
    pub detail: TestDetail,
}

/// Why a condition is not met (or not known to be).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gap {
    /// Some test is met and some is not: the answers disagree, the user must resolve it.
    Contradiction { met: Vec<Input>, not_met: Vec<Input> },
    /// The tests (indices into [`ConditionResult::tests`]) that do not meet the condition: the
    /// not-met ones when the condition is not met, every test when it is unknown.
    Tests(Vec<usize>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConditionResult {
    /// Index into the programme's `conditions`.
    pub condition: usize,
    pub status: ConditionStatus,
    /// The inputs of the tests whose result equals the status (for unknown: all inputs), each
    /// once, in test order; empty when not applicable.
    pub decided_by: Vec<Input>,
    pub contradiction: bool,
    /// Some gate input is answered 不确定.
    pub unsure: bool,
    /// Every test's result (empty when not applicable).
    pub tests: Vec<TestResult>,
    /// None when met or not applicable.
    pub gap: Option<Gap>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammeResult {
    /// Index into [`Standard::programmes`].
    pub programme: usize,
    pub status: ProgrammeStatus,
    /// Its `held_as` title is in the titles fact: shown as held, never suggested.
    pub held: bool,
    /// The rounded total reaches the rung tier's threshold (and its part guard).
    pub score_ok: bool,
    /// The status with every 不确定 gate answer read as yes; None when no condition has one.
    pub if_unsure_confirmed: Option<ProgrammeStatus>,
    pub conditions: Vec<ConditionResult>,
}

/// An exact non-negative fraction, reduced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fraction {
    pub num: u128,
    pub den: u128,
}

/// One crosswalk dimension: achieved ÷ applicable points of its indicators.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DimensionScore {
    /// Index into [`Standard::dimensions`].
    pub dimension: usize,
    /// The points of its indicators that did not drop out; 0: nothing applies (no share).
    pub applicable_points: u32,
    /// Achieved points of those indicators, in tenths (unscaled, as the indicators show them).
    pub achieved_tenths: u32,
    /// achieved ÷ applicable, exactly; None when nothing applies.
    pub share: Option<Fraction>,
    /// The share as a percentage in tenths, rounded half up (613 = 61.3 %); None when nothing applies.
    pub percent_tenths: Option<u32>,
}

/// "写明证据即可 +n 分": a level 4/5 answer without a visible note, and what writing it adds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceStep {
    pub question: usize,
    pub claimed: u8,
    pub counted: u8,
    /// Points of the total the note adds, in tenths.
    pub gain_tenths: u32,
}

/// A practice step: the tier plan's one-level increments, `long_term` for outcome measures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PracticeStep {
    pub step: Step,
    /// The question's kind is `result`: an outcome that takes time to move.
    pub long_term: bool,
}

/// The plan for one programme: evidence first, then the conditions, then practice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammePlan {
    /// Index into [`Standard::programmes`].
    pub programme: usize,
    /// Every evidence-capped answer, in questionnaire order.
    pub evidence: Vec<EvidenceStep>,
    /// Every condition neither met nor not applicable, in file order, with its gap.
    pub conditions: Vec<ConditionResult>,
    /// Greedy one-level increments (largest gain first, ties in questionnaire order) from where
    /// the evidence steps and the closed conditions leave the answers, to the rung's line; no step
    /// ends below its question's floor (the highest `not_met_below` the programme's applicable
    /// conditions read it with), so no step makes a condition's test not met.
    pub practice: Vec<PracticeStep>,
    /// The rounded total once every step is taken and every open condition closed.
    pub total_after: u32,
    /// False when no completion reaches the rung's line (and guard).
    pub reachable: bool,
}

/// The titles held (indices into [`Standard::titles`]), from the titles fact.
pub fn held_titles(s: &Standard, a: &Answers) -> Vec<usize> {
    let Some(f) = s.titles_fact() else { return Vec::new() };
    match a.facts.get(&s.facts[f].id) {
        Some(FactValue::Titles(ids)) => {
            s.titles.iter().enumerate().filter(|(_, t)| ids.contains(&t.id)).map(|(i, _)| i).collect()
        }
        _ => Vec::new(),
    }
}

/// Every programme whose `applies_when` holds, in file order, evaluated for assessment year `year`.
/// `score` must be `scoring::score(s, a)`.
pub fn programmes(s: &Standard, a: &Answers, score: &Score, year: u16) -> Vec<ProgrammeResult> {
    let mut out = Vec::new();
    for (i, p) in s.programmes.iter().enumerate() {
        if p.applies_when.as_ref().is_none_or(|c| c.holds(&a.profile)) {
            out.push(programme(s, a, score, year, i));
        }
    }
    out
}

/// One programme, listed or not. `index` is into [`Standard::programmes`] (from a result or
/// [`Standard::programme_index`]); it must be in range.
pub fn programme(s: &Standard, a: &Answers, score: &Score, year: u16, index: usize) -> ProgrammeResult {
    let p = &s.programmes[index];
    let conditions: Vec<ConditionResult> =
        p.conditions.iter().enumerate().map(|(ci, c)| condition(s, a, score, year, ci, c)).collect();
    let score_ok = score_ok(s, score, p.rung);
    let status = status_of(&conditions, score_ok);
    let if_unsure_confirmed = conditions.iter().any(|c| c.unsure).then(|| {
        let mut confirmed = a.clone();
        for v in confirmed.gates.values_mut() {
            if *v == GateAnswer::Unsure {
                *v = GateAnswer::Yes;
            }
        }
        let again: Vec<ConditionResult> =
            p.conditions.iter().enumerate().map(|(ci, c)| condition(s, &confirmed, score, year, ci, c)).collect();
        status_of(&again, score_ok)
    });
    let held = p.held_as.is_some_and(|t| held_titles(s, a).contains(&t));
    ProgrammeResult { programme: index, status, held, score_ok, if_unsure_confirmed, conditions }
}

fn status_of(conditions: &[ConditionResult], score_ok: bool) -> ProgrammeStatus {
    if conditions.iter().any(|c| c.status == ConditionStatus::NotMet) {
        ProgrammeStatus::NotEligible
    } else if score_ok
        && conditions.iter().all(|c| matches!(c.status, ConditionStatus::Met | ConditionStatus::NotApplicable))
    {
        ProgrammeStatus::Ready
    } else {
        ProgrammeStatus::Open
    }
}

/// The rounded total reaches tier `rung`'s threshold, and every part its guard if it has one.
fn score_ok(s: &Standard, score: &Score, rung: usize) -> bool {
    let tier = &s.tiers[rung];
    score.total >= tier.threshold
        && tier.min_part_percent.is_none_or(|p| score.parts.iter().all(|part| part.at_least_percent(p)))
}

fn condition(
    s: &Standard,
    a: &Answers,
    score: &Score,
    year: u16,
    index: usize,
    c: &ProgrammeCondition,
) -> ConditionResult {
    if c.applies_when.as_ref().is_some_and(|w| !w.holds(&a.profile)) {
        return ConditionResult {
            condition: index,
            status: ConditionStatus::NotApplicable,
            decided_by: Vec::new(),
            contradiction: false,
            unsure: false,
            tests: Vec::new(),
            gap: None,
        };
    }
    let tests: Vec<TestResult> = c.tests.iter().map(|t| test(s, a, score, year, t)).collect();
    let any = |st: TestStatus| tests.iter().any(|t| t.status == st);
    let inputs = |st: Option<TestStatus>| {
        let mut v: Vec<Input> = Vec::new();
        for t in &tests {
            let i = t.detail.input();
            if st.is_none_or(|st| t.status == st) && !v.contains(&i) {
                v.push(i);
            }
        }
        v
    };
    let contradiction = any(TestStatus::Met) && any(TestStatus::NotMet);
    let (status, decided_by, gap) = if contradiction {
        let gap = Gap::Contradiction { met: inputs(Some(TestStatus::Met)), not_met: inputs(Some(TestStatus::NotMet)) };
        (ConditionStatus::Unknown, inputs(None), Some(gap))
    } else if any(TestStatus::Met) {
        (ConditionStatus::Met, inputs(Some(TestStatus::Met)), None)
    } else if any(TestStatus::NotMet) {
        let not_met = (0..tests.len()).filter(|&i| tests[i].status == TestStatus::NotMet).collect();
        (ConditionStatus::NotMet, inputs(Some(TestStatus::NotMet)), Some(Gap::Tests(not_met)))
    } else {
        (ConditionStatus::Unknown, inputs(None), Some(Gap::Tests((0..tests.len()).collect())))
    };
    let unsure = tests.iter().any(|t| matches!(t.detail, TestDetail::Gate { answer: Some(GateAnswer::Unsure), .. }));
    ConditionResult { condition: index, status, decided_by, contradiction, unsure, tests, gap }
}

fn met_if(holds: bool) -> TestStatus {
    if holds {
        TestStatus::Met
    } else {
        TestStatus::NotMet
    }
}

/// One test. An input never given, given as 不确定 or unanswered reads unknown; so does a fact
/// value of another kind than its fact (only the shell's own code could make one).
fn test(s: &Standard, a: &Answers, score: &Score, year: u16, t: &Test) -> TestResult {
    let fact_value = |f: usize| a.facts.get(&s.facts[f].id);
    let (status, detail) = match t {
        Test::FactAnyOf { fact, any_of } => {
            let given = match fact_value(*fact) {
                Some(FactValue::Choice(o)) => Some(o.clone()),
                _ => None,
            };
            let status = given.as_ref().map_or(TestStatus::Unknown, |o| met_if(any_of.contains(o)));
            (status, TestDetail::Choice { fact: *fact, given, any_of: any_of.clone() })
        }
        Test::FactCompare { fact, op, value } => {
            let given = match (fact_value(*fact), &s.facts[*fact].kind) {
                (Some(FactValue::Number(d)), FactKind::Number { .. }) => Some(*d),
                (Some(FactValue::Year(y)), FactKind::Year) => Some(Decimal::from_int(i64::from(*y))),
                _ => None,
            };
            let status = given.map_or(TestStatus::Unknown, |g| {
                met_if(match op {
                    Op::Ge => g >= *value,
                    Op::Gt => g > *value,
                    Op::Le => g <= *value,
                    Op::Lt => g < *value,
                })
            });
            (status, TestDetail::Compare { fact: *fact, given, op: *op, value: *value })
        }
        Test::YearsAtLeast { fact, years } => {
            let given = match fact_value(*fact) {
                Some(FactValue::Year(y)) => Some(*y),
                _ => None,
            };
            let (status, boundary) = match given {
                None => (TestStatus::Unknown, false),
                Some(f) if f > year => (TestStatus::NotMet, false),
                Some(f) => {
                    let age = i32::from(year) - i32::from(f);
                    let n = i32::from(*years);
                    if age > n {
                        (TestStatus::Met, false)
                    } else if age < n {
                        (TestStatus::NotMet, false)
                    } else {
                        (TestStatus::Unknown, true)
                    }
                }
            };
            (status, TestDetail::Years { fact: *fact, given, years: *years, year, boundary })
        }
        Test::Gate { gate } => {
            let answer = a.gates.get(&s.gates[*gate].id).copied();
            let status = match answer {
                Some(GateAnswer::Yes) => TestStatus::Met,
                Some(GateAnswer::No) => TestStatus::NotMet,
                Some(GateAnswer::Unsure) | None => TestStatus::Unknown,
            };
            (status, TestDetail::Gate { gate: *gate, answer })
        }
        Test::Question { question, met_from, not_met_below } => {
            let state = score.states[*question];
            let status = match state {
                QuestionState::Answered { counted, .. } => {
                    if met_from.is_some_and(|m| counted >= m) {
                        TestStatus::Met
                    } else if not_met_below.is_some_and(|n| counted < n) {
                        TestStatus::NotMet
                    } else {
                        TestStatus::Unknown
                    }
                }
                _ => TestStatus::Unknown,
            };
            (
                status,
                TestDetail::Question { question: *question, state, met_from: *met_from, not_met_below: *not_met_below },
            )
        }
        Test::TitlesNoneOf { fact, titles } => {
            let given = matches!(fact_value(*fact), Some(FactValue::Titles(_)));
            let all_held = held_titles(s, a);
            let held: Vec<usize> = titles.iter().copied().filter(|t| all_held.contains(t)).collect();
            let status = if given { met_if(held.is_empty()) } else { TestStatus::Unknown };
            (status, TestDetail::Titles { fact: *fact, given, held })
        }
    };
    TestResult { status, detail }
}

/// The crosswalk: per dimension, achieved ÷ applicable points of its indicators.
pub fn crosswalk(s: &Standard, score: &Score) -> Vec<DimensionScore> {
    s.dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let (mut applicable, mut achieved) = (0u32, Ratio::ZERO);
            for &ix in &d.indicators {
                let ind = &score.indicators[ix];
                if ind.applicable {
                    applicable += ind.points;
                    achieved = achieved.add(ind.achieved);
                }
            }
            let share = (applicable > 0).then(|| achieved.div_int(u128::from(applicable)));
            DimensionScore {
                dimension: i,
                applicable_points: applicable,
                achieved_tenths: achieved.tenths(),
                share: share.map(|r| {
                    let (num, den) = r.parts();
                    Fraction { num, den }
                }),
                percent_tenths: share.map(|r| r.mul_int(1000).round_half_up().try_into().unwrap_or(u32::MAX)),
            }
        })
        .collect()
}

/// The programme a plan is for when the user has picked none: among the listed programmes that
/// are not held and not ready, the one on the lowest rung (ties: the first listed). Returns an
/// index into [`Standard::programmes`].
pub fn default_programme(s: &Standard, listed: &[ProgrammeResult]) -> Option<usize> {
    let mut best: Option<&ProgrammeResult> = None;
    for r in listed.iter().filter(|r| !r.held && r.status != ProgrammeStatus::Ready) {
        if best.is_none_or(|b| s.programmes[r.programme].rung < s.programmes[b.programme].rung) {
            best = Some(r);
        }
    }
    best.map(|r| r.programme)
}

/// The plan for programme `index` (into [`Standard::programmes`], in range): evidence steps,
/// condition steps, practice steps to the rung's line (see [`ProgrammePlan`]).
pub fn programme_plan(s: &Standard, a: &Answers, score: &Score, index: usize, year: u16) -> ProgrammePlan {
    let result = programme(s, a, score, year, index);
    let p = &s.programmes[index];
    let mut states = score.states.clone();
    let mut evidence = Vec::new();
    for &q in &score.evidence_capped {
        if let QuestionState::Answered { claimed, counted } = states[q] {
            let ind = &s.indicators[s.questions[q].indicator];
            let n = score.indicators[s.questions[q].indicator].questions;
            let gain = crate::scoring::level_gain(ind.points, n).mul_int(u128::from(claimed - counted));
            evidence.push(EvidenceStep {
                question: q,
                claimed,
                counted,
                gain_tenths: scaled_tenths(s.total_points, gain, score.applicable_points),
            });
            states[q] = QuestionState::Answered { claimed, counted: claimed };
        }
    }
    let conditions: Vec<ConditionResult> = result
        .conditions
        .iter()
        .filter(|c| !matches!(c.status, ConditionStatus::Met | ConditionStatus::NotApplicable))
        .cloned()
        .collect();
    // A question's floor: the highest `not_met_below` a test of a condition that applies reads it
    // with. A practice step ends at or above it, so no step turns a test not met (an unanswered
    // question a met condition also reads, raised below that level, would contradict it).
    let mut floor = vec![0u8; s.questions.len()];
    for c in result.conditions.iter().filter(|c| c.status != ConditionStatus::NotApplicable) {
        for t in &p.conditions[c.condition].tests {
            if let Test::Question { question, not_met_below: Some(n), .. } = t {
                floor[*question] = floor[*question].max(*n);
            }
        }
    }
    // Closing a condition sets each question input below its `met_from` to `met_from` (or its floor
    // if higher; with a note), so the practice steps start from there.
    for c in &conditions {
        for t in &p.conditions[c.condition].tests {
            if let Test::Question { question, met_from: Some(m), .. } = t {
                let to = (*m).max(floor[*question]);
                match states[*question] {
                    QuestionState::Excluded => {}
                    QuestionState::Answered { counted, .. } if counted >= to => {}
                    _ => states[*question] = QuestionState::Answered { claimed: to, counted: to },
                }
            }
        }
    }
    let closed = score_states(s, states);
    let (steps, total_after, reachable) = greedy_steps(s, &closed, &s.tiers[p.rung], &floor);
    let practice = steps
        .into_iter()
        .map(|step| PracticeStep { long_term: s.questions[step.question].kind == QuestionKind::Result, step })
        .collect();
    ProgrammePlan { programme: index, evidence, conditions, practice, total_after, reachable }
}
