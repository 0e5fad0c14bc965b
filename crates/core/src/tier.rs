//! Gates, the tier suggestion, why the next tier is not reached, the plan to reach it, and the
//! advisory tracks (DOMAIN.md rules 6 and 7).
//!
//! The suggestion is a provisional self-assessment, never an official title: the shell says so
//! wherever it shows one. Tiers are validated to ascend in threshold and to require every gate of
//! the tier below, so "the highest tier whose conditions hold" is well defined.

use crate::answers::{Answers, GateAnswer};
use crate::ratio::Ratio;
use crate::scoring::{self, level_gain, rescaled_total, Score};
use crate::standard::{Rule, Standard, Tier};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GateStatus {
    Yes,
    No,
    Unsure,
    Unanswered,
    /// The gate does not apply to this profile; no tier requires it here.
    NotApplicable,
}

impl GateStatus {
    /// Counts as met: answered yes, or not applicable.
    pub fn met(self) -> bool {
        matches!(self, GateStatus::Yes | GateStatus::NotApplicable)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TierOutcome {
    /// A blocking gate is answered "no": no tier at all, only 先整改 with these gates as reasons.
    FixFirst { gates: Vec<usize> },
    /// The highest tier (index into [`Standard::tiers`]) whose conditions all hold.
    Tier(usize),
    /// Not even the first tier's conditions hold.
    BelowFirst,
}

/// One reason a tier is not reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shortfall {
    /// The rounded total is this many points below the threshold.
    Points { short: u32 },
    /// These gates (indices) are required and not answered "yes".
    GatesOpen(Vec<usize>),
    /// These parts (indices) are below the tier's minimum percentage.
    Guard { parts: Vec<usize>, percent: u32 },
}

/// Raise question `question` from level `from` to level `to` (`to` ≥ 4 needs an evidence note).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub question: usize,
    pub from: u8,
    pub to: u8,
    /// Points this step adds to the total, in tenths (display only).
    pub gain_tenths: u32,
}

impl Step {
    pub fn needs_evidence(&self) -> bool {
        self.to >= scoring::EVIDENCE_LEVEL
    }
}

/// The smallest set of one-level improvements (largest gain first, ties in questionnaire order)
/// that reaches `target`, and the gates still to close for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub target: usize,
    pub steps: Vec<Step>,
    pub gates: Vec<usize>,
    /// The rounded total once every step is taken.
    pub total_after: u32,
    /// False when even every question at level 5 cannot reach the target (for example when
    /// nothing applies to the chosen profile); the steps then go as far as they can.
    pub reachable: bool,
}

impl Plan {
    /// How many one-level improvements the plan contains.
    pub fn increments(&self) -> u32 {
        self.steps.iter().map(|s| u32::from(s.to - s.from)).sum()
    }
}

/// Everything the report shows, derived from (standard, answers).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    pub score: Score,
    pub gates: Vec<GateStatus>,
    pub outcome: TierOutcome,
    /// The tier the user is working towards, if there is one above.
    pub next: Option<usize>,
    /// Why `next` is not reached.
    pub shortfalls: Vec<Shortfall>,
    pub plan: Option<Plan>,
    /// Advisory tracks (indices) whose conditions hold.
    pub advisories: Vec<usize>,
    /// Profile questions (indices) not yet answered.
    pub missing_profile: Vec<usize>,
}

impl Assessment {
    /// The result written next to exported answers (never read back on import).
    pub fn summary(&self, s: &Standard) -> crate::answers::ResultSummary {
        crate::answers::ResultSummary {
            total: self.score.total,
            min: self.score.min,
            max: self.score.max,
            parts: crate::answers::by_key(
                s.parts
                    .iter()
                    .zip(&self.score.parts)
                    .map(|(p, ps)| (p.id.to_string(), f64::from(ps.achieved_tenths()) / 10.0))
                    .collect(),
            ),
            tier: match &self.outcome {
                TierOutcome::Tier(t) => s.tiers[*t].id.to_string(),
                TierOutcome::FixFirst { .. } => "fix_first".to_owned(),
                TierOutcome::BelowFirst => "below_first".to_owned(),
            },
            provisional: true,
        }
    }

    /// Gates (indices) that apply and are not yet answered.
    pub fn unanswered_gates(&self) -> Vec<usize> {
        self.gates.iter().enumerate().filter(|(_, g)| **g == GateStatus::Unanswered).map(|(i, _)| i).collect()
    }
}

pub fn gate_statuses(s: &Standard, a: &Answers) -> Vec<GateStatus> {
    s.gates
        .iter()
        .map(|g| {
            if g.applies_when.as_ref().is_some_and(|c| !c.holds(&a.profile)) {
                return GateStatus::NotApplicable;
            }
            match a.gates.get(&g.id) {
                Some(GateAnswer::Yes) => GateStatus::Yes,
                Some(GateAnswer::No) => GateStatus::No,
                Some(GateAnswer::Unsure) => GateStatus::Unsure,
                None => GateStatus::Unanswered,
            }
        })
        .collect()
}

/// Why `tier` does not hold; empty when it does.
fn shortfalls(tier: &Tier, score: &Score, gates: &[GateStatus]) -> Vec<Shortfall> {
    let mut out = Vec::new();
    if score.total < tier.threshold {
        out.push(Shortfall::Points { short: tier.threshold - score.total });
    }
    let open: Vec<usize> = tier.gates.iter().copied().filter(|&g| !gates[g].met()).collect();
    if !open.is_empty() {
        out.push(Shortfall::GatesOpen(open));
    }
    if let Some(percent) = tier.min_part_percent {
        let parts: Vec<usize> =
            score.parts.iter().enumerate().filter(|(_, p)| !p.at_least_percent(percent)).map(|(i, _)| i).collect();
        if !parts.is_empty() {
            out.push(Shortfall::Guard { parts, percent });
        }
    }
    out
}

fn highest_tier(s: &Standard, score: &Score, gates: &[GateStatus]) -> Option<usize> {
    s.tiers.iter().rposition(|t| shortfalls(t, score, gates).is_empty())
}

/// Scores, checks gates, suggests a tier, explains the gap to the next one and plans it.
pub fn assess(s: &Standard, a: &Answers) -> Assessment {
    let score = scoring::score(s, a);
    let gates = gate_statuses(s, a);
    let failed_blocking: Vec<usize> =
        s.gates.iter().enumerate().filter(|(i, g)| g.blocking && gates[*i] == GateStatus::No).map(|(i, _)| i).collect();

    let (outcome, next) = if failed_blocking.is_empty() {
        match highest_tier(s, &score, &gates) {
            Some(t) => (TierOutcome::Tier(t), (t + 1 < s.tiers.len()).then_some(t + 1)),
            None => (TierOutcome::BelowFirst, Some(0)),
        }
    } else {
        // Fixing comes first; the target is what the answers would reach once the blocking gates
        // are closed, so the user sees what fixing buys.
        let mut fixed = gates.clone();
        for &g in &failed_blocking {
            fixed[g] = GateStatus::Yes;
        }
        let target = highest_tier(s, &score, &fixed).unwrap_or(0);
        (TierOutcome::FixFirst { gates: failed_blocking.clone() }, Some(target))
    };

    let mut shortfalls = next.map(|t| shortfalls(&s.tiers[t], &score, &gates)).unwrap_or_default();
    // Under "fix first" the failed blocking gates stand in the way of any tier, required or not.
    if !failed_blocking.is_empty() {
        match shortfalls.iter_mut().find_map(|f| match f {
            Shortfall::GatesOpen(g) => Some(g),
            _ => None,
        }) {
            Some(open) => {
                open.extend(failed_blocking.iter().filter(|g| !open.contains(g)).collect::<Vec<_>>());
                crate::sort::sort(open);
            }
            None => shortfalls.push(Shortfall::GatesOpen(failed_blocking.clone())),
        }
    }
    let plan = next.map(|t| plan(s, &score, &gates, t, &failed_blocking));
    let advisories = s
        .advisories
        .iter()
        .enumerate()
        .filter(|(_, adv)| adv.when.iter().all(|r| rule_holds(r, &score, &gates, a)))
        .map(|(i, _)| i)
        .collect();
    let missing_profile =
        s.profile.iter().enumerate().filter(|(_, p)| !a.profile.contains_key(&p.id)).map(|(i, _)| i).collect();
    Assessment { score, gates, outcome, next, shortfalls, plan, advisories, missing_profile }
}

fn rule_holds(r: &Rule, score: &Score, gates: &[GateStatus], a: &Answers) -> bool {
    match r {
        Rule::PartAtLeast { part, percent } => {
            let p = &score.parts[*part];
            p.applicable_points > 0 && p.at_least_percent(*percent)
        }
        Rule::TotalAtLeast(n) => score.total >= *n,
        Rule::GatePassed(g) => gates[*g] == GateStatus::Yes,
        Rule::Profile(c) => c.holds(&a.profile),
    }
}

/// A question that can still rise, with its per-level gain (unscaled points).
struct Candidate {
    question: usize,
    part: usize,
    level: u8,
    /// The lowest level a step on this question may end at (0: any).
    floor: u8,
    gain: Ratio,
}

fn plan(s: &Standard, score: &Score, gates: &[GateStatus], target: usize, failed_blocking: &[usize]) -> Plan {
    let tier = &s.tiers[target];
    let mut plan_gates: Vec<usize> = failed_blocking.to_vec();
    for &g in &tier.gates {
        if !gates[g].met() && !plan_gates.contains(&g) {
            plan_gates.push(g);
        }
    }
    crate::sort::sort(&mut plan_gates);
    let (steps, total_after, reachable) = greedy_steps(s, score, tier, &[]);
    Plan { target, steps, gates: plan_gates, total_after, reachable }
}

/// The greedy one-level increments from `score` to `tier`'s threshold and part guard (rule 7),
/// with the rounded total after them and whether that reaches the tier's line. Shared by the tier
/// plan and the programme plans (`programme.rs`).
///
/// `floor` (per question, in questionnaire order; missing entries are 0) is the lowest level a step
/// may end at: the first increment of a question below its floor goes straight to the floor (a
/// programme plan never proposes a level one of its conditions reads as not met). The tier plan
/// passes none.
pub(crate) fn greedy_steps(s: &Standard, score: &Score, tier: &Tier, floor: &[u8]) -> (Vec<Step>, u32, bool) {
    let mut candidates: Vec<Candidate> = Vec::new();
    for (ii, ind) in s.indicators.iter().enumerate() {
        let n = score.indicators[ii].questions;
        if n == 0 {
            continue;
        }
        let gain = level_gain(ind.points, n);
        for qi in ind.questions.clone() {
            let st = score.states[qi];
            if st.in_split() && st.counted() < 5 {
                let floor = floor.get(qi).copied().unwrap_or(0).min(5);
                candidates.push(Candidate { question: qi, part: ind.part, level: st.counted(), floor, gain });
            }
        }
    }
    // Largest gain first; ties in questionnaire order. Every level of a question gains the same,
    // so taking a question up to 5 before the next is the greedy order, and greedy by size is the
    // fewest increments that reach a sum.
    crate::sort::sort_by(&mut candidates, &|x, y| y.gain.cmp(&x.gain).then(x.question.cmp(&y.question)).is_lt());

    let mut achieved = score.achieved;
    let mut parts: Vec<Ratio> = score.parts.iter().map(|p| p.achieved).collect();
    let mut raised: Vec<(usize, u8, u8)> = Vec::new(); // (candidate index, from, to)
    let mut level: Vec<u8> = candidates.iter().map(|c| c.level).collect();

    let mut take = |ci: usize, achieved: &mut Ratio, parts: &mut Vec<Ratio>, level: &mut Vec<u8>| {
        let c = &candidates[ci];
        let from = level[ci];
        level[ci] = (from + 1).max(c.floor);
        let gain = c.gain.mul_int(u128::from(level[ci] - from));
        *achieved = achieved.add(gain);
        parts[c.part] = parts[c.part].add(gain);
        match raised.iter_mut().find(|r| r.0 == ci) {
            Some(r) => r.2 = level[ci],
            None => raised.push((ci, from, level[ci])),
        }
    };

    // First lift every part under the tier's guard, within that part.
    if let Some(percent) = tier.min_part_percent {
        for (pi, part) in score.parts.iter().enumerate() {
            let need = Ratio::int(u128::from(percent) * u128::from(part.applicable_points));
            for ci in 0..candidates.len() {
                if candidates[ci].part != pi {
                    continue;
                }
                while parts[pi].mul_int(100) < need && level[ci] < 5 {
                    take(ci, &mut achieved, &mut parts, &mut level);
                }
            }
        }
    }
    // Then the threshold, across the whole questionnaire.
    let reached = |achieved: Ratio| rescaled_total(s.total_points, achieved, score.applicable_points) >= tier.threshold;
    for ci in 0..candidates.len() {
        while !reached(achieved) && level[ci] < 5 {
            take(ci, &mut achieved, &mut parts, &mut level);
        }
    }

    let scale = |r: Ratio| scoring::scaled_tenths(s.total_points, r, score.applicable_points);
    let mut steps: Vec<Step> = raised
        .into_iter()
        .map(|(ci, from, to)| {
            let c = &candidates[ci];
            Step { question: c.question, from, to, gain_tenths: scale(c.gain.mul_int(u128::from(to - from))) }
        })
        .collect();
    // Unstable is enough: the question id breaks every tie.
    crate::sort::sort_by(&mut steps, &|a, b| {
        b.gain_tenths.cmp(&a.gain_tenths).then(a.question.cmp(&b.question)).is_lt()
    });
    let total_after = rescaled_total(s.total_points, achieved, score.applicable_points);
    let guard_ok = tier.min_part_percent.is_none_or(|percent| {
        score.parts.iter().zip(&parts).all(|(p, a)| {
            p.applicable_points == 0
                || a.mul_int(100) >= Ratio::int(u128::from(percent) * u128::from(p.applicable_points))
        })
    });
    (steps, total_after, total_after >= tier.threshold && guard_ok)
}
