//! A team's answers merged into one assessment (issue 15): each respondent exports their file, a
//! facilitator loads them all, sees per question who said what, and confirms or overrides the
//! proposed consensus. Pure and order-independent: respondents are put in name order first, so
//! the result does not depend on the order the files were loaded in. The rules are in
//! ARCHITECTURE.md ("Comparing and combining").

use crate::answers::{Answer, Answers, Level, Respondent, Response, Role, Team, MAX_NOTE_CHARS};
use crate::ids::QuestionId;
use crate::map::Map;
use crate::scoring::{score, Score};
use crate::standard::Standard;

/// One respondent's answers, read from their file against the standard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Submission {
    pub respondent: Respondent,
    pub answers: Answers,
}

impl Submission {
    /// The submission a file stands for: its respondent is the file's assessor (trimmed), else
    /// the file's name without a `.json` ending, with the file's role.
    pub fn of_file(file_name: &str, answers: Answers) -> Submission {
        let assessor = answers.about.assessor.trim();
        let name = if assessor.is_empty() {
            file_name.strip_suffix(".json").unwrap_or(file_name).to_owned()
        } else {
            assessor.to_owned()
        };
        Submission { respondent: Respondent { name, role: answers.about.role }, answers }
    }
}

/// Why a file was not taken into a batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A respondent of the same name (ignoring case and surrounding space) is already in, at
    /// this index of the batch.
    SameName { earlier: usize },
    /// The same answers (profile, questions, gates, facts) are already in: the same file twice.
    SameAnswers { earlier: usize },
}

/// A name as compared: trimmed, ASCII letters lower-cased (Chinese names have no case; full
/// Unicode case folding would bring its tables into the wasm for no gain here).
fn name_key(name: &str) -> String {
    name.trim().to_ascii_lowercase()
}

/// The answers that make a respondent's assessment, without who they are or what was combined.
fn same_answers(a: &Answers, b: &Answers) -> bool {
    a.profile == b.profile && a.questions == b.questions && a.gates == b.gates && a.facts == b.facts
}

/// Whether `new` may join `batch`.
pub fn admit(batch: &[Submission], new: &Submission) -> Result<(), Refusal> {
    let key = name_key(&new.respondent.name);
    if let Some(earlier) = batch.iter().position(|s| name_key(&s.respondent.name) == key) {
        return Err(Refusal::SameName { earlier });
    }
    if let Some(earlier) = batch.iter().position(|s| same_answers(&s.answers, &new.answers)) {
        return Err(Refusal::SameAnswers { earlier });
    }
    Ok(())
}

/// The facilitator's decision for a question, replacing the proposed consensus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Override {
    pub response: Option<Response>,
    /// Why; an override without a visible character of reason is not applied.
    pub reason: String,
}

/// What one respondent said for a question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vote {
    /// Index into [`Combined::respondents`].
    pub respondent: usize,
    pub response: Option<Response>,
    pub note: String,
}

/// One question across the team.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spread {
    /// Index into the standard's questions.
    pub question: usize,
    /// One per respondent, in respondent order.
    pub votes: Vec<Vote>,
    /// The rule's proposal (see [`consensus`]).
    pub consensus: Option<Response>,
    /// Every respondent gave the same response (a question nobody answered is agreed).
    pub agreed: bool,
    /// The facilitator's override, when one was applied.
    pub overridden: Option<Override>,
}

impl Spread {
    /// What the combined assessment holds for the question.
    pub fn result(&self) -> Option<Response> {
        self.overridden.as_ref().map_or(self.consensus, |o| o.response)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Combined {
    /// Every question of the standard, in order.
    pub spreads: Vec<Spread>,
    /// Profile questions, gates and facts (indices) on which respondents disagree: the profile
    /// takes the most chosen option, a gate reads 不确定 / unsure, a fact is left empty.
    pub profile_conflicts: Vec<usize>,
    pub gate_conflicts: Vec<usize>,
    pub fact_conflicts: Vec<usize>,
    /// The combined assessment: a normal one, whose `team` names the respondents (in name order)
    /// and the overrides.
    pub answers: Answers,
}

impl Combined {
    /// The respondents, in the order the votes are in.
    pub fn respondents(&self) -> &[Respondent] {
        &self.answers.team.respondents
    }

    /// Questions on which respondents disagree.
    pub fn conflicts(&self) -> usize {
        self.spreads.iter().filter(|s| !s.agreed).count()
    }
}

/// The proposed consensus of the responses given (respondents without one do not count): none
/// when nobody responded; N/A when more than half of those who responded said N/A and the
/// question allows it; otherwise the median of the levels given, the lower middle's and upper
/// middle's mean rounded down when their number is even.
pub fn consensus(responses: &[Response], na_allowed: bool) -> Option<Response> {
    // Counts per level: the k-th smallest level is read off them, with no sort.
    let mut counts = [0usize; 6];
    for r in responses {
        if let Response::Level(l) = r {
            counts[usize::from(l.get())] += 1;
        }
    }
    let m: usize = counts.iter().sum();
    let na = responses.len() - m;
    if na_allowed && na > m {
        return Some(Response::NotApplicable);
    }
    if m == 0 {
        return None;
    }
    // The k-th smallest (0-based) of the levels given.
    let kth = |k: usize| {
        let mut seen = 0;
        (0u8..=5).find(|&l| {
            seen += counts[usize::from(l)];
            seen > k
        })
    };
    let median = if m % 2 == 1 { kth(m / 2)? } else { (kth(m / 2 - 1)? + kth(m / 2)?) / 2 };
    Level::new(median).map(Response::Level)
}

/// The notes of a question gathered: with one respondent their note as it is; with several, each
/// non-empty note as "name: note" on its own line, in respondent order; cut to the note limit.
fn gather(respondents: &[Respondent], notes: &[&str]) -> String {
    let text = if notes.len() == 1 {
        notes[0].to_owned()
    } else {
        let mut lines = Vec::new();
        for (r, n) in respondents.iter().zip(notes) {
            if crate::visible::has_visible(n) {
                lines.push(format!("{}: {}", r.name.trim(), n.trim()));
            }
        }
        lines.join("\n")
    };
    crate::answers::clip_chars(text, MAX_NOTE_CHARS)
}

/// Entries every respondent who has one agrees on, and the keys of the others (each once, in the
/// order first met: only the facts' are reported, as sorted indices).
fn agreed<K: Ord + Clone, V: PartialEq + Clone>(maps: &[&Map<K, V>]) -> (Map<K, V>, Vec<K>) {
    let mut out = Map::new();
    let mut conflicts: Vec<K> = Vec::new();
    for (i, m) in maps.iter().enumerate() {
        for (k, v) in m.iter() {
            // Decided at the first map that has the key.
            if maps[..i].iter().any(|earlier| earlier.contains_key(k)) {
                continue;
            }
            if maps[i + 1..].iter().all(|later| later.get(k).is_none_or(|w| w == v)) {
                out.insert(k.clone(), v.clone());
            } else {
                conflicts.push(k.clone());
            }
        }
    }
    (out, conflicts)
}

/// Combines the submissions (names unique: see [`admit`]) with the facilitator's overrides.
pub fn combine(s: &Standard, submissions: &[Submission], overrides: &Map<QuestionId, Override>) -> Combined {
    let mut subs: Vec<&Submission> = submissions.iter().collect();
    crate::sort::sort_by(&mut subs, &|a, b| {
        (name_key(&a.respondent.name), &a.respondent) < (name_key(&b.respondent.name), &b.respondent)
    });
    let respondents: Vec<Respondent> = subs.iter().map(|x| x.respondent.clone()).collect();
    let mut answers = Answers::default();

    // Profile: the option most respondents chose, a tie going to the earlier option.
    let mut profile_conflicts = Vec::new();
    for (pi, pq) in s.profile.iter().enumerate() {
        let counts: Vec<usize> = pq
            .options
            .iter()
            .map(|o| subs.iter().filter(|x| x.answers.profile.get(&pq.id) == Some(&o.id)).count())
            .collect();
        let chosen = counts.iter().filter(|&&c| c > 0).count();
        if chosen > 1 {
            profile_conflicts.push(pi);
        }
        let best = counts.iter().copied().max().unwrap_or(0);
        if best > 0 {
            if let Some(i) = counts.iter().position(|&c| c == best) {
                answers.profile.insert(pq.id.clone(), pq.options[i].id.clone());
            }
        }
    }

    // Gates: what everyone who answered said, else unsure.
    let mut gate_conflicts = Vec::new();
    for (gi, g) in s.gates.iter().enumerate() {
        let given: Vec<_> = subs.iter().filter_map(|x| x.answers.gates.get(&g.id).copied()).collect();
        match given.first() {
            None => {}
            Some(first) if given.iter().all(|a| a == first) => answers.gates.insert(g.id.clone(), *first),
            Some(_) => {
                gate_conflicts.push(gi);
                answers.gates.insert(g.id.clone(), crate::answers::GateAnswer::Unsure);
            }
        }
    }

    let facts: Vec<_> = subs.iter().map(|x| &x.answers.facts).collect();
    let (f, fc) = agreed(&facts);
    answers.facts = f;
    let mut fact_conflicts: Vec<usize> = fc.iter().filter_map(|id| s.fact_index(id)).collect();
    crate::sort::sort(&mut fact_conflicts);
    let checklists: Vec<_> = subs.iter().map(|x| &x.answers.checklist).collect();
    answers.checklist = agreed(&checklists).0;
    let actions: Vec<_> = subs.iter().map(|x| &x.answers.actions).collect();
    answers.actions = agreed(&actions).0;
    let abouts: Vec<_> = subs.iter().map(|x| &x.answers.about).collect();
    if let Some(first) = abouts.first() {
        if abouts.iter().all(|a| a == first) {
            answers.about = (*first).clone();
        } else if abouts.iter().all(|a| a.organisation == first.organisation) {
            answers.about.organisation = first.organisation.clone();
        }
    }

    let mut spreads = Vec::with_capacity(s.questions.len());
    let mut team = Team { respondents, overrides: Map::new() };
    for (qi, q) in s.questions.iter().enumerate() {
        let votes: Vec<Vote> = subs
            .iter()
            .enumerate()
            .map(|(ri, x)| {
                let a = x.answers.answer(&q.id);
                Vote {
                    respondent: ri,
                    response: a.and_then(|a| a.response),
                    note: a.map(|a| a.note.clone()).unwrap_or_default(),
                }
            })
            .collect();
        let given: Vec<Response> = votes.iter().filter_map(|v| v.response).collect();
        let agreed = votes.windows(2).all(|w| w[0].response == w[1].response);
        let proposal = consensus(&given, q.na_allowed);
        let overridden = overrides
            .get(&q.id)
            .filter(|o| crate::visible::has_visible(&o.reason))
            .filter(|o| o.response != Some(Response::NotApplicable) || q.na_allowed)
            .cloned();
        let spread = Spread { question: qi, votes, consensus: proposal, agreed, overridden };
        let notes: Vec<&str> = spread.votes.iter().map(|v| v.note.as_str()).collect();
        let note = gather(&team.respondents, &notes);
        let response = spread.result();
        if response.is_some() || !note.is_empty() {
            answers.questions.insert(q.id.clone(), Answer { response, note });
        }
        if let Some(o) = &spread.overridden {
            team.overrides.insert(q.id.clone(), o.reason.clone());
        }
        spreads.push(spread);
    }
    answers.team = team;
    Combined { spreads, profile_conflicts, gate_conflicts, fact_conflicts, answers }
}

/// Leaders' and staff's answers, each combined on their own (no overrides) and scored, for the
/// leaders-vs-staff view; `None` unless both groups have someone.
pub fn by_role(s: &Standard, submissions: &[Submission]) -> Option<(Score, Score)> {
    let group = |role: Role| -> Vec<Submission> {
        submissions.iter().filter(|x| x.respondent.role == Some(role)).cloned().collect()
    };
    let (leaders, staff) = (group(Role::Leader), group(Role::Staff));
    if leaders.is_empty() || staff.is_empty() {
        return None;
    }
    let none = Map::new();
    Some((score(s, &combine(s, &leaders, &none).answers), score(s, &combine(s, &staff, &none).answers)))
}
