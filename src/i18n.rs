//! Every user-visible string of the shell, in zh-CN (default) and English.
//!
//! One struct with a field per string and one constant per language: a string missing in either
//! language is a compile error, not a blank on screen. Texts that belong to a standard (questions,
//! levels, tiers) come from the standard file, which carries both languages itself.

use brand_core::Lang;

pub struct Catalog {
    pub app_title: &'static str,
    pub switch_lang: &'static str,
    pub switch_lang_label: &'static str,
    pub provisional: &'static str,
    pub out_of: &'static str,
    pub range: &'static str,
    pub answered: &'static str,
    pub weights_ours: &'static str,
    pub not_official: &'static str,
    pub stays_local: &'static str,
    pub profile_title: &'static str,
    pub gates_title: &'static str,
    pub gates_intro: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub unsure: &'static str,
    pub blocking: &'static str,
    pub not_applicable: &'static str,
    pub clear_answer: &'static str,
    pub evidence_label: &'static str,
    pub evidence_examples: &'static str,
    pub evidence_rule: &'static str,
    pub evidence_capped: &'static str,
    pub level_prefix: &'static str,
    pub practice_levels: [&'static str; 6],
    pub points: &'static str,
    pub suggested_tier: &'static str,
    pub fix_first: &'static str,
    pub fix_first_reason: &'static str,
    pub below_first: &'static str,
    pub top_tier: &'static str,
    pub next_tier: &'static str,
    pub points_short: &'static str,
    pub gates_open: &'static str,
    pub guard_failed: &'static str,
    pub plan_title: &'static str,
    pub plan_step: &'static str,
    pub plan_gate: &'static str,
    pub plan_unreachable: &'static str,
    pub profile_missing: &'static str,
    pub sources: &'static str,
    pub standard_broken: &'static str,
}

pub const ZH: Catalog = Catalog {
    app_title: "品牌自评",
    switch_lang: "English",
    switch_lang_label: "Switch to English",
    provisional: "自评参考分",
    out_of: "/ {n}",
    range: "尚有未答题目，最终得分可能在 {min}–{max} 之间",
    answered: "已答 {a} / {n} 题",
    weights_ours: "青岛市《企业品牌评价》《区域品牌评价》地方标准文本未能公开获取；本工具的指标分值和等级线是依据国家标准自行设计的。",
    not_official: "等级仅为自评参考，不是官方认定；正式称号只能通过政府的申报、评审、公示程序获得。",
    stays_local: "您填写的内容只保存在本设备上，不会上传。",
    profile_title: "基本情况",
    gates_title: "基本条件",
    gates_intro: "基本条件不计分，但决定可以建议哪些等级。",
    yes: "是",
    no: "否",
    unsure: "不确定",
    blocking: "否决项",
    not_applicable: "不适用",
    clear_answer: "清除选择",
    evidence_label: "证据（写明支撑文件名称）",
    evidence_examples: "可作为证据：",
    evidence_rule: "选择 4 级或 5 级时须写明证据，否则按 3 级计分。",
    evidence_capped: "未写明证据，本题按 3 级计分。",
    level_prefix: "{n} 级",
    practice_levels: ["未开展", "起步", "规范", "展开", "优化", "引领"],
    points: "分",
    suggested_tier: "参考等级",
    fix_first: "先整改",
    fix_first_reason: "以下否决项未满足，整改前不建议任何等级：",
    below_first: "尚未达到第一个等级",
    top_tier: "已达到最高参考等级。",
    next_tier: "下一等级：{tier}",
    points_short: "还差 {n} 分",
    gates_open: "待满足的基本条件：",
    guard_failed: "以下部分得分低于 {p}%：",
    plan_title: "提升计划",
    plan_step: "{q}：从 {from} 级提升到 {to} 级（+{gain} 分）",
    plan_gate: "满足基本条件：{g}",
    plan_unreachable: "按当前适用的题目无法达到该等级。",
    profile_missing: "请先选择基本情况，部分题目取决于它。",
    sources: "依据",
    standard_broken: "内置标准文件有误，无法加载：",
};

pub const EN: Catalog = Catalog {
    app_title: "Brand Self-Check",
    switch_lang: "中文",
    switch_lang_label: "切换到中文",
    provisional: "Provisional self-assessment score",
    out_of: "/ {n}",
    range: "Questions are still open: the final score can be anywhere from {min} to {max}",
    answered: "{a} of {n} questions answered",
    weights_ours: "The Qingdao local standards (enterprise and regional brand evaluation) were not publicly available; the points and thresholds here are our own design, grounded in national standards.",
    not_official: "Tiers are a self-assessment aid, not an official designation. Official titles come only from the government procedures: application, review and public notice.",
    stays_local: "What you enter stays on this device; nothing is uploaded.",
    profile_title: "Profile",
    gates_title: "Basic conditions",
    gates_intro: "Basic conditions earn no points, but decide which tiers can be suggested.",
    yes: "Yes",
    no: "No",
    unsure: "Not sure",
    blocking: "Veto item",
    not_applicable: "Not applicable",
    clear_answer: "Clear choice",
    evidence_label: "Evidence (name the supporting document)",
    evidence_examples: "Evidence could be: ",
    evidence_rule: "Levels 4 and 5 need evidence named here; without it they count as level 3.",
    evidence_capped: "No evidence named: this answer counts as level 3.",
    level_prefix: "Level {n}",
    practice_levels: ["Not started", "Starting", "Defined", "Deployed", "Optimised", "Leading"],
    points: "points",
    suggested_tier: "Suggested tier (provisional)",
    fix_first: "Fix first",
    fix_first_reason: "These veto items are not met; no tier is suggested until they are fixed:",
    below_first: "Below the first tier",
    top_tier: "This is the highest tier suggested here.",
    next_tier: "Next tier: {tier}",
    points_short: "{n} points short",
    gates_open: "Basic conditions still open:",
    guard_failed: "Parts below {p} %:",
    plan_title: "Plan to the next tier",
    plan_step: "{q}: from level {from} to level {to} (+{gain} points)",
    plan_gate: "Meet the basic condition: {g}",
    plan_unreachable: "This tier cannot be reached with the questions that apply.",
    profile_missing: "Choose your profile first; some questions depend on it.",
    sources: "Sources",
    standard_broken: "The built-in standard file is broken and cannot be loaded:",
};

pub fn catalog(lang: Lang) -> &'static Catalog {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// Fills `{name}` placeholders: `fill("还差 {n} 分", &[("n", "12")])`.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (k, v) in values {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// Tenths as a decimal with one place: 1234 → "123.4".
pub fn tenths(t: u32) -> String {
    format!("{}.{}", t / 10, t % 10)
}
