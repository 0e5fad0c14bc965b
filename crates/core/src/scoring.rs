//! Scoring: DOMAIN.md rules 1–5, exactly.
//!
//! 1. A question's share is its indicator's points ÷ the indicator's applicable questions.
//! 2. Level L earns share × L/5; L ≥ 4 with an empty evidence note counts as 3 (and is listed).
//! 3. N/A questions drop out of the split; an indicator whose questions all drop out drops out,
//!    and the total is rescaled to the standard's total points.
//! 4. Unanswered questions count 0; the range's max counts them as 5 with evidence.
//! 5. The total is rounded half up to an integer; part and indicator scores to one decimal.
//!
//! Questions whose `applies_when` does not hold for the profile are not part of the assessment
//! at all (they are neither asked nor counted).

use crate::answers::{Answers, Response};
use crate::ratio::Ratio;
use crate::standard::Standard;

/// How one question stands for scoring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionState {
    /// The question does not apply to this profile: not asked, not counted.
    Excluded,
    /// The user chose N/A (allowed for this question).
    NotApplicable,
    Unanswered,
    /// `claimed` is what the user chose; `counted` is after the evidence rule.
    Answered {
        claimed: u8,
        counted: u8,
    },
}

impl QuestionState {
    /// Counts toward its indicator's split (rule 1).
    pub fn in_split(self) -> bool {
        matches!(self, QuestionState::Unanswered | QuestionState::Answered { .. })
    }
    /// The level that scores now (unanswered = 0).
    pub fn counted(self) -> u8 {
        match self {
            QuestionState::Answered { counted, .. } => counted,
            _ => 0,
        }
    }
}

/// The level from which the evidence rule caps a level without a note (rule 2).
pub const EVIDENCE_LEVEL: u8 = 4;
/// What such a level counts as.
pub const CAPPED_LEVEL: u8 = 3;

/// Each question's state, in questionnaire order.
pub fn question_states(s: &Standard, a: &Answers) -> Vec<QuestionState> {
    s.questions
        .iter()
        .map(|q| {
            if q.applies_when.as_ref().is_some_and(|c| !c.holds(&a.profile)) {
                return QuestionState::Excluded;
            }
            let answer = a.answer(&q.id);
            match answer.and_then(|x| x.response) {
                None => QuestionState::Unanswered,
                // N/A where the question does not allow it cannot come from the app; an answer
                // like that is treated as unanswered rather than trusted.
                Some(Response::NotApplicable) if q.na_allowed => QuestionState::NotApplicable,
                Some(Response::NotApplicable) => QuestionState::Unanswered,
                Some(Response::Level(l)) => {
                    let claimed = l.get();
                    let evidenced = answer.is_some_and(|x| x.has_evidence());
                    let counted = if claimed >= EVIDENCE_LEVEL && !evidenced { CAPPED_LEVEL } else { claimed };
                    QuestionState::Answered { claimed, counted }
                }
            }
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorScore {
    /// False when every question is N/A or excluded: the indicator drops out (rule 3).
    pub applicable: bool,
    pub points: u32,
    /// Questions in the split (answered or open; not N/A, not excluded).
    pub questions: usize,
    pub(crate) achieved: Ratio,
}

impl IndicatorScore {
    /// Achieved points in tenths (rule 5), e.g. 367 for 36.7.
    pub fn achieved_tenths(&self) -> u32 {
        self.achieved.tenths()
    }
    /// Achieved share of the points, 0.0 to 1.0 (for bars and the radar; not for decisions).
    pub fn fraction(&self) -> f64 {
        if self.applicable && self.points > 0 {
            self.achieved.to_f64() / f64::from(self.points)
        } else {
            0.0
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartScore {
    /// The points of the part's indicators that did not drop out.
    pub applicable_points: u32,
    pub(crate) achieved: Ratio,
}

impl PartScore {
    pub fn achieved_tenths(&self) -> u32 {
        self.achieved.tenths()
    }
    pub fn fraction(&self) -> f64 {
        if self.applicable_points > 0 {
            self.achieved.to_f64() / f64::from(self.applicable_points)
        } else {
            0.0
        }
    }
    /// At least `percent` % of the applicable points, compared exactly. A part with nothing
    /// applicable has nothing to fall short of.
    pub fn at_least_percent(&self, percent: u32) -> bool {
        self.applicable_points == 0
            || self.achieved.mul_int(100) >= Ratio::int(u128::from(percent) * u128::from(self.applicable_points))
    }
}

/// The score of one assessment. Computed from (standard, answers) whenever shown; never stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Score {
    /// The provisional total out of the standard's total points, rounded half up (rule 5).
    pub total: u32,
    /// Lowest and highest totals still possible (rule 4). `min == max` when complete.
    pub min: u32,
    pub max: u32,
    /// The points of all indicators that did not drop out.
    pub applicable_points: u32,
    pub parts: Vec<PartScore>,
    pub indicators: Vec<IndicatorScore>,
    pub states: Vec<QuestionState>,
    /// Questions answered at level ≥ 4 without an evidence note, counted as 3.
    pub evidence_capped: Vec<usize>,
    /// Questions still open (in the split, not answered).
    pub unanswered: Vec<usize>,
    pub(crate) achieved: Ratio,
}

impl Score {
    pub fn is_complete(&self) -> bool {
        self.unanswered.is_empty()
    }
    /// (responses, questions asked) among the questions in `range`: a response is a level or N/A;
    /// a question is asked unless the profile excludes it.
    pub fn progress(&self, range: std::ops::Range<usize>) -> (usize, usize) {
        self.states[range].iter().fold((0, 0), |(r, n), st| match st {
            QuestionState::Excluded => (r, n),
            QuestionState::Unanswered => (r, n + 1),
            QuestionState::Answered { .. } | QuestionState::NotApplicable => (r + 1, n + 1),
        })
    }
    /// Questions that are part of the assessment (not excluded by the profile).
    pub fn asked(&self) -> usize {
        self.progress(0..self.states.len()).1
    }
    /// Asked questions that have a response (a level or N/A).
    pub fn responded(&self) -> usize {
        self.progress(0..self.states.len()).0
    }
}

/// Scores `answers` against `standard`.
pub fn score(s: &Standard, a: &Answers) -> Score {
    score_states(s, question_states(s, a))
}

/// The rescaled, rounded total for achieved points out of `applicable` (rules 3 and 5).
pub(crate) fn rescaled_total(total_points: u32, achieved: Ratio, applicable: u32) -> u32 {
    if applicable == 0 {
        return 0;
    }
    let t = achieved.mul_int(u128::from(total_points)).div_int(u128::from(applicable)).round_half_up();
    u32::try_from(t).unwrap_or(u32::MAX)
}

/// Unscaled points `r` as points of the total, in tenths (display only; 0 when nothing applies).
pub(crate) fn scaled_tenths(total_points: u32, r: Ratio, applicable: u32) -> u32 {
    if applicable == 0 {
        return 0;
    }
    r.mul_int(u128::from(total_points)).div_int(u128::from(applicable)).tenths()
}

/// One level's worth of points for a question of indicator `ind` (unscaled).
pub(crate) fn level_gain(points: u32, questions_in_split: usize) -> Ratio {
    Ratio::new(u128::from(points), 5 * questions_in_split as u128)
}

pub(crate) fn score_states(s: &Standard, states: Vec<QuestionState>) -> Score {
    let mut indicators = Vec::with_capacity(s.indicators.len());
    let mut parts: Vec<PartScore> =
        s.parts.iter().map(|_| PartScore { applicable_points: 0, achieved: Ratio::ZERO }).collect();
    let (mut achieved, mut best) = (Ratio::ZERO, Ratio::ZERO);
    let mut applicable_points = 0u32;
    let (mut evidence_capped, mut unanswered) = (Vec::new(), Vec::new());

    for ind in &s.indicators {
        let (mut n, mut sum, mut sum_max) = (0usize, 0u128, 0u128);
        for qi in ind.questions.clone() {
            match states[qi] {
                QuestionState::Answered { claimed, counted } => {
                    n += 1;
                    sum += u128::from(counted);
                    sum_max += u128::from(counted);
                    if counted < claimed {
                        evidence_capped.push(qi);
                    }
                }
                QuestionState::Unanswered => {
                    n += 1;
                    sum_max += 5;
                    unanswered.push(qi);
                }
                QuestionState::NotApplicable | QuestionState::Excluded => {}
            }
        }
        let applicable = n > 0;
        let (ind_achieved, ind_best) = if applicable {
            let gain = level_gain(ind.points, n);
            (gain.mul_int(sum), gain.mul_int(sum_max))
        } else {
            (Ratio::ZERO, Ratio::ZERO)
        };
        if applicable {
            applicable_points += ind.points;
            let part = &mut parts[ind.part];
            part.applicable_points += ind.points;
            part.achieved = part.achieved.add(ind_achieved);
            achieved = achieved.add(ind_achieved);
            best = best.add(ind_best);
        }
        indicators.push(IndicatorScore { applicable, points: ind.points, questions: n, achieved: ind_achieved });
    }
    crate::sort::sort(&mut evidence_capped);
    crate::sort::sort(&mut unanswered);
    let total = rescaled_total(s.total_points, achieved, applicable_points);
    Score {
        total,
        min: total,
        max: rescaled_total(s.total_points, best, applicable_points),
        applicable_points,
        parts,
        indicators,
        states,
        evidence_capped,
        unanswered,
        achieved,
    }
}
