//! The scored report as plain data (serialised for `--json`) and as text.

use std::fmt::Write;

use brand_core::answers::ImportIssue;
use brand_core::tier::{Shortfall, TierOutcome};
use brand_core::{assess, Answers, Lang, Standard};
use serde::Serialize;

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
    pub fn new(s: &Standard, a: &Answers, issues: &[ImportIssue], lang: Lang) -> Report {
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
        let _ = writeln!(o, "{}", self.disclaimer);
        o
    }
}
