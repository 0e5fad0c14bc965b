//! The scored report as plain data (serialised for `--json`) and as text.

use std::fmt::Write;

use brand_core::answers::ImportIssue;
use brand_core::programme::{self, Gap, Input, TestDetail, TestStatus};
use brand_core::scoring::QuestionState;
use brand_core::standard::{Op, Source, Text};
use brand_core::tier::{Shortfall, TierOutcome};
use brand_core::{assess, Answers, ConditionStatus, Decimal, GateAnswer, Lang, ProgrammeStatus, Standard};
use serde::Serialize;
use serde_json::{json, Value};

/// Import issues the text report lists before it only counts the rest; `--json` lists all.
const SHOWN_ISSUES: usize = 20;

#[derive(Serialize)]
pub struct Report {
    pub standard: brand_core::StandardRef,
    pub provisional: bool,
    pub total: u32,
    pub min: u32,
    pub max: u32,
    pub out_of: u32,
    pub complete: bool,
    pub parts: Vec<Line>,
    pub indicators: Vec<Line>,
    /// "tier", "fix_first" or "below_first".
    pub outcome: &'static str,
    pub tier: Option<Named>,
    pub fix_first: Vec<Named>,
    pub next: Option<Named>,
    pub shortfalls: Vec<String>,
    pub plan: Option<PlanOut>,
    pub advisories: Vec<Named>,
    pub evidence_missing: Vec<String>,
    pub unanswered: Vec<String>,
    pub gates_unanswered: Vec<String>,
    pub import_issues: Vec<String>,
    pub disclaimer: String,
    /// The assessment year Y the conditions were evaluated for.
    pub year: u16,
    /// Every programme whose `applies_when` holds, in file order.
    pub programmes: Vec<ProgrammeOut>,
    pub crosswalk: Vec<DimensionOut>,
}

#[derive(Serialize)]
pub struct Bilingual {
    pub zh: String,
    pub en: String,
}

impl From<&Text> for Bilingual {
    fn from(t: &Text) -> Bilingual {
        Bilingual { zh: t.zh.clone(), en: t.en.clone() }
    }
}

#[derive(Serialize)]
pub struct SourceOut {
    pub cite: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cite_en: Option<String>,
    pub tag: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

fn sources(list: &[Source]) -> Vec<SourceOut> {
    list.iter()
        .map(|s| SourceOut {
            cite: s.cite.clone(),
            cite_en: s.cite_en.clone(),
            tag: format!("{:?}", s.tag),
            url: s.url.clone(),
        })
        .collect()
}

#[derive(Serialize)]
pub struct ProgrammeOut {
    pub id: String,
    pub title: Bilingual,
    /// "ready", "open" or "not_eligible".
    pub status: &'static str,
    pub held: bool,
    pub score_ok: bool,
    pub if_unsure_confirmed: Option<&'static str>,
    pub sources: Vec<SourceOut>,
    pub conditions: Vec<ConditionOut>,
    /// For the text report only.
    #[serde(skip)]
    pub name: String,
}

#[derive(Serialize)]
pub struct ConditionOut {
    pub id: String,
    /// "met", "not_met", "unknown" or "not_applicable".
    pub status: &'static str,
    /// `{"fact": id}`, `{"gate": id}` or `{"question": id}`.
    pub decided_by: Vec<Value>,
    pub contradiction: bool,
    /// `{"contradiction": {"met": [...], "not_met": [...]}}` or `{"tests": [...]}`; null when met
    /// or not applicable.
    pub gap: Option<Value>,
    pub sources: Vec<SourceOut>,
    #[serde(skip)]
    pub text: String,
    #[serde(skip)]
    pub unsure: bool,
}

#[derive(Serialize)]
pub struct DimensionOut {
    pub id: String,
    pub name: Bilingual,
    /// Points of its indicators that did not drop out (0: nothing applies).
    pub applicable_points: u32,
    /// Achieved points of those indicators, one decimal.
    pub achieved: f64,
    /// achieved ÷ applicable exactly, or null when nothing applies.
    pub share: Option<Value>,
    /// The share in percent, one decimal, rounded half up; null when nothing applies.
    pub percent: Option<f64>,
}

pub fn programme_status(s: ProgrammeStatus) -> &'static str {
    s.id()
}

fn condition_status(s: ConditionStatus) -> &'static str {
    s.id()
}

fn input(s: &Standard, i: &Input) -> Value {
    match i {
        Input::Fact(f) => json!({ "fact": s.facts[*f].id.as_str() }),
        Input::Gate(g) => json!({ "gate": s.gates[*g].id.as_str() }),
        Input::Question(q) => json!({ "question": s.questions[*q].id.as_str() }),
    }
}

/// An exact decimal as a JSON number (a whole one as an integer; formatting only, nothing decided).
fn number(d: Decimal) -> Value {
    match d.whole() {
        Some(i) => json!(i),
        None => json!(d.hundredths() as f64 / 100.0),
    }
}

fn gate_answer(a: Option<GateAnswer>) -> Value {
    match a {
        Some(GateAnswer::Yes) => json!("yes"),
        Some(GateAnswer::No) => json!("no"),
        Some(GateAnswer::Unsure) => json!("unsure"),
        None => Value::Null,
    }
}

fn test_detail(s: &Standard, status: TestStatus, d: &TestDetail) -> Value {
    let status = match status {
        TestStatus::Met => "met",
        TestStatus::NotMet => "not_met",
        TestStatus::Unknown => "unknown",
    };
    let op = |op: &Op| match op {
        Op::Ge => "ge",
        Op::Gt => "gt",
        Op::Le => "le",
        Op::Lt => "lt",
    };
    match d {
        TestDetail::Choice { fact, given, any_of } => json!({ "fact": s.facts[*fact].id.as_str(), "status": status,
            "given": given.as_ref().map(|o| o.as_str()), "any_of": any_of.iter().map(|o| o.as_str()).collect::<Vec<_>>() }),
        TestDetail::Compare { fact, given, op: o, value } => {
            json!({ "fact": s.facts[*fact].id.as_str(), "status": status,
            "given": given.map(number), "op": op(o), "value": number(*value) })
        }
        TestDetail::Years { fact, given, years, year, boundary } => json!({ "fact": s.facts[*fact].id.as_str(),
            "status": status, "given": given, "years_at_least": years, "year": year, "boundary": boundary }),
        TestDetail::Gate { gate, answer } => {
            json!({ "gate": s.gates[*gate].id.as_str(), "status": status, "answer": gate_answer(*answer) })
        }
        TestDetail::Question { question, state, met_from, not_met_below } => {
            let (st, counted) = match state {
                QuestionState::Answered { counted, .. } => ("answered", Some(*counted)),
                QuestionState::Unanswered => ("unanswered", None),
                QuestionState::NotApplicable => ("not_applicable", None),
                QuestionState::Excluded => ("excluded", None),
            };
            json!({ "question": s.questions[*question].id.as_str(), "status": status, "state": st,
                "counted": counted, "met_from": met_from, "not_met_below": not_met_below })
        }
        TestDetail::Titles { fact, given, held } => json!({ "fact": s.facts[*fact].id.as_str(), "status": status,
            "given": given, "held": held.iter().map(|t| s.titles[*t].id.as_str()).collect::<Vec<_>>() }),
    }
}

fn programmes_out(s: &Standard, a: &Answers, score: &brand_core::Score, year: u16, lang: Lang) -> Vec<ProgrammeOut> {
    programme::programmes(s, a, score, year)
        .iter()
        .map(|r| {
            let p = &s.programmes[r.programme];
            ProgrammeOut {
                id: p.id.to_string(),
                title: (&p.title).into(),
                status: programme_status(r.status),
                held: r.held,
                score_ok: r.score_ok,
                if_unsure_confirmed: r.if_unsure_confirmed.map(programme_status),
                sources: sources(&p.sources),
                name: p.title.get(lang).to_owned(),
                conditions: r
                    .conditions
                    .iter()
                    .map(|c| {
                        let def = &p.conditions[c.condition];
                        let gap = c.gap.as_ref().map(|g| match g {
                            Gap::Contradiction { met, not_met } => json!({ "contradiction": {
                                "met": met.iter().map(|i| input(s, i)).collect::<Vec<_>>(),
                                "not_met": not_met.iter().map(|i| input(s, i)).collect::<Vec<_>>() } }),
                            Gap::Tests(ix) => json!({ "tests": ix.iter()
                                .map(|&i| test_detail(s, c.tests[i].status, &c.tests[i].detail)).collect::<Vec<_>>() }),
                        });
                        ConditionOut {
                            id: def.id.to_string(),
                            status: condition_status(c.status),
                            decided_by: c.decided_by.iter().map(|i| input(s, i)).collect(),
                            contradiction: c.contradiction,
                            gap,
                            sources: sources(&def.sources),
                            text: def.text.get(lang).to_owned(),
                            unsure: c.unsure,
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

#[derive(Serialize)]
pub struct Line {
    pub id: String,
    pub title: String,
    /// Achieved points, one decimal.
    pub achieved: f64,
    pub points: u32,
    pub applicable: bool,
}

#[derive(Serialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

#[derive(Serialize)]
pub struct PlanOut {
    pub target: String,
    pub steps: Vec<StepOut>,
    pub gates: Vec<String>,
    pub total_after: u32,
    pub reachable: bool,
}

#[derive(Serialize)]
pub struct StepOut {
    pub question: String,
    pub from: u8,
    pub to: u8,
    pub gain: f64,
    pub needs_evidence: bool,
}

fn tenths(t: u32) -> f64 {
    f64::from(t) / 10.0
}

impl Report {
    pub fn new(s: &Standard, a: &Answers, issues: &[ImportIssue], lang: Lang, year: u16) -> Report {
        let x = assess(s, a);
        let sc = &x.score;
        let tier_named = |t: usize| Named { id: s.tiers[t].id.to_string(), name: s.tiers[t].name.get(lang).to_owned() };
        let gate_named = |g: usize| Named { id: s.gates[g].id.to_string(), name: s.gates[g].text.get(lang).to_owned() };
        let gate_ids = |g: &[usize]| g.iter().map(|g| s.gates[*g].id.to_string()).collect::<Vec<_>>();
        let (outcome, tier, fix_first) = match &x.outcome {
            TierOutcome::Tier(t) => ("tier", Some(tier_named(*t)), Vec::new()),
            TierOutcome::BelowFirst => ("below_first", None, Vec::new()),
            TierOutcome::FixFirst { gates } => ("fix_first", None, gates.iter().map(|g| gate_named(*g)).collect()),
        };
        Report {
            standard: brand_core::StandardRef::of(s),
            provisional: true,
            total: sc.total,
            min: sc.min,
            max: sc.max,
            out_of: s.total_points,
            complete: sc.is_complete(),
            parts: s
                .parts
                .iter()
                .zip(&sc.parts)
                .map(|(p, ps)| Line {
                    id: p.id.to_string(),
                    title: p.title.get(lang).to_owned(),
                    achieved: tenths(ps.achieved_tenths()),
                    points: ps.applicable_points,
                    applicable: ps.applicable_points > 0,
                })
                .collect(),
            indicators: s
                .indicators
                .iter()
                .zip(&sc.indicators)
                .map(|(i, is)| Line {
                    id: i.id.to_string(),
                    title: i.title.get(lang).to_owned(),
                    achieved: tenths(is.achieved_tenths()),
                    points: i.points,
                    applicable: is.applicable,
                })
                .collect(),
            outcome,
            tier,
            fix_first,
            next: x.next.map(tier_named),
            shortfalls: x
                .shortfalls
                .iter()
                .map(|f| match f {
                    Shortfall::Points { short } => format!("points_short:{short}"),
                    Shortfall::GatesOpen(g) => format!("gates_open:{}", gate_ids(g).join(",")),
                    Shortfall::Guard { parts, percent } => format!(
                        "parts_below_{percent}%:{}",
                        parts.iter().map(|p| s.parts[*p].id.as_str()).collect::<Vec<_>>().join(",")
                    ),
                })
                .collect(),
            plan: x.plan.as_ref().map(|p| PlanOut {
                target: s.tiers[p.target].id.to_string(),
                steps: p
                    .steps
                    .iter()
                    .map(|st| StepOut {
                        question: s.questions[st.question].id.to_string(),
                        from: st.from,
                        to: st.to,
                        gain: tenths(st.gain_tenths),
                        needs_evidence: st.needs_evidence(),
                    })
                    .collect(),
                gates: gate_ids(&p.gates),
                total_after: p.total_after,
                reachable: p.reachable,
            }),
            advisories: x
                .advisories
                .iter()
                .map(|i| Named { id: s.advisories[*i].id.clone(), name: s.advisories[*i].title.get(lang).to_owned() })
                .collect(),
            evidence_missing: sc.evidence_capped.iter().map(|q| s.questions[*q].id.to_string()).collect(),
            unanswered: sc.unanswered.iter().map(|q| s.questions[*q].id.to_string()).collect(),
            gates_unanswered: gate_ids(&x.unanswered_gates()),
            import_issues: issues.iter().map(ToString::to_string).collect(),
            disclaimer: s.disclaimer.get(lang).to_owned(),
            year,
            programmes: programmes_out(s, a, sc, year, lang),
            crosswalk: programme::crosswalk(s, sc)
                .iter()
                .map(|d| DimensionOut {
                    id: s.dimensions[d.dimension].id.to_string(),
                    name: (&s.dimensions[d.dimension].name).into(),
                    applicable_points: d.applicable_points,
                    achieved: tenths(d.achieved_tenths),
                    share: d.share.map(|f| json!({ "num": f.num, "den": f.den })),
                    percent: d.percent_tenths.map(tenths),
                })
                .collect(),
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let l = |z: &'static str, e: &'static str| if zh { z } else { e };
        let mut o = String::new();
        let _ = writeln!(o, "{} {} ({})", self.standard.id, self.standard.version, self.standard.hash);
        let _ = writeln!(o, "{}: {} / {}", l("自评参考分", "Provisional score"), self.total, self.out_of);
        if !self.complete {
            let _ = writeln!(
                o,
                "{}: {}–{}",
                l("可能范围（尚有未答题目）", "Possible range (questions open)"),
                self.min,
                self.max
            );
        }
        for p in &self.parts {
            let _ = writeln!(o, "  {} {:<20} {:>6.1} / {}", p.id, p.title, p.achieved, p.points);
        }
        for i in &self.indicators {
            let na = if i.applicable { "" } else { l("（不适用）", " (n/a)") };
            let _ = writeln!(o, "    {:<4} {:<24} {:>6.1} / {}{na}", i.id, i.title, i.achieved, i.points);
        }
        match (self.outcome, &self.tier) {
            ("tier", Some(t)) => {
                let _ = writeln!(o, "{}: {} [{}]", l("参考等级", "Suggested tier"), t.name, t.id);
            }
            ("fix_first", _) => {
                let _ = writeln!(o, "{}", l("参考等级：先整改", "Suggested tier: fix first"));
                for g in &self.fix_first {
                    let _ = writeln!(o, "  {} {}", g.id, g.name);
                }
            }
            _ => {
                let _ = writeln!(o, "{}", l("参考等级：未达到第一个等级", "Suggested tier: below the first tier"));
            }
        }
        if let Some(n) = &self.next {
            let _ = writeln!(o, "{}: {} — {}", l("下一等级", "Next tier"), n.name, self.shortfalls.join("; "));
        }
        if let Some(p) = &self.plan {
            let _ = writeln!(
                o,
                "{} ({} {}{}):",
                l("提升计划", "Plan"),
                l("完成后", "total after"),
                p.total_after,
                if p.reachable { "" } else { l("，无法达到", ", not reachable") }
            );
            for g in &p.gates {
                let _ = writeln!(o, "  {} {g}", l("满足基本条件", "close gate"));
            }
            for s in &p.steps {
                let ev = if s.needs_evidence { l("（需写明证据）", " (needs evidence)") } else { "" };
                let _ = writeln!(o, "  {} {} → {} (+{:.1}){ev}", s.question, s.from, s.to, s.gain);
            }
        }
        for (title, list) in [
            (l("需补充证据", "Evidence missing"), &self.evidence_missing),
            (l("未答题目", "Unanswered"), &self.unanswered),
            (l("未答基本条件", "Gates unanswered"), &self.gates_unanswered),
        ] {
            if !list.is_empty() {
                let _ = writeln!(o, "{title}: {}", list.join(", "));
            }
        }
        // A file of thousands of unknown ids must not flood the terminal: the first few, a count.
        if !self.import_issues.is_empty() {
            let n = self.import_issues.len();
            let _ = writeln!(o, "{} ({n}):", l("导入问题", "Import issues"));
            for i in self.import_issues.iter().take(SHOWN_ISSUES) {
                let _ = writeln!(o, "  {i}");
            }
            if n > SHOWN_ISSUES {
                let more = n - SHOWN_ISSUES;
                let _ = writeln!(o, "  … {more} {}", l("条未列出（--json 列出全部）", "more (--json lists them all)"));
            }
        }
        for a in &self.advisories {
            let _ = writeln!(o, "{}: {}", l("建议路径", "Advisory"), a.name);
        }
        if !self.programmes.is_empty() {
            let _ = writeln!(o, "{} ({} {}):", l("申报项目", "Programmes"), l("评估年份", "year"), self.year);
        }
        for p in &self.programmes {
            let status = match p.status {
                // A title already held is never suggested again, whatever its conditions say.
                _ if p.held => l("已获得，不再建议申报", "already held; not suggested"),
                "ready" => l("可考虑申报", "consider applying"),
                "not_eligible" => l("暂不符合", "not eligible now"),
                _ => l("条件待定", "conditions open"),
            };
            let held = if p.held { l("（已获得）", " (held)") } else { "" };
            let score = if p.score_ok { "" } else { l("；自评分未达线", "; score below the line") };
            let _ = writeln!(o, "  [{}] {} {}{held} — {status}{score}", p.status, p.id, p.name);
            if let Some(c) = p.if_unsure_confirmed {
                let _ = writeln!(o, "    {}: {c}", l("“不确定”确认后", "once 不确定 is confirmed"));
            }
            for c in &p.conditions {
                let mark = if c.contradiction { l("（回答相互矛盾）", " (answers disagree)") } else { "" };
                let unsure = if c.unsure { l("（不确定）", " (not sure)") } else { "" };
                let _ = writeln!(o, "    {:<14} {} {}{mark}{unsure}", c.status, c.id, c.text);
            }
        }
        for d in &self.crosswalk {
            let name = if zh { &d.name.zh } else { &d.name.en };
            match d.percent {
                Some(p) => {
                    let _ = writeln!(o, "{}: {} {:.1}%", l("维度", "Dimension"), name, p);
                }
                None => {
                    let _ = writeln!(o, "{}: {} {}", l("维度", "Dimension"), name, l("不适用", "not applicable"));
                }
            }
        }
        let _ = writeln!(o, "{}", self.disclaimer);
        o
    }
}
