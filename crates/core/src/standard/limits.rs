//! Every bound a standard must keep, checked by the validator so nothing after it can overflow or
//! grow without limit: points (exact fractions in `ratio.rs` are u128 and stay far from it with
//! these), how many of each thing, and how long texts may be.
//!
//! With at most [`MAX_TOTAL_POINTS`] points and [`MAX_QUESTIONS_PER_INDICATOR`] questions per
//! indicator, every share has a denominator dividing 5 × lcm(1..=24) < 2^35, so a sum of shares,
//! its cross-multiplied comparison (< 2^17 × 2^35 × 2^35) and its rescaling to the total
//! (< 2^17 × 2^17 × 2^70) all fit u128 with room to spare; a property test on random standards at
//! these extremes checks it.

/// A standard file larger than this is refused before it is read (shipped ones are ~100 KB).
pub const MAX_STANDARD_BYTES: usize = 8 * 1024 * 1024;
/// The most points a standard (and so any part, indicator or threshold) may have.
pub const MAX_TOTAL_POINTS: u32 = 100_000;
/// Questions per indicator are capped so that exact fractions stay small (see above).
pub const MAX_QUESTIONS_PER_INDICATOR: usize = 24;
/// Questions in the whole standard: what a page of step-by-step cards can reasonably hold.
pub const MAX_QUESTIONS: usize = 1000;
pub const MAX_PARTS: usize = 16;
pub const MAX_INDICATORS_PER_PART: usize = 50;
/// Indicators in the whole standard.
pub const MAX_INDICATORS: usize = 200;
pub const MAX_PROFILE_QUESTIONS: usize = 16;
/// Options of one profile question, and ids in one condition's `any_of`.
pub const MAX_OPTIONS: usize = 32;
/// Profile-specific level bands of one question.
pub const MAX_BANDS: usize = 8;
pub const MAX_GATES: usize = 64;
pub const MAX_TIERS: usize = 16;
pub const MAX_ADVISORIES: usize = 32;
/// Conditions in one advisory's `when`.
pub const MAX_RULES: usize = 16;
/// Sources of one indicator or gate, and of the standard.
pub const MAX_SOURCES: usize = 64;
/// Characters (not bytes) of one text in one language, of a source's `cite` and `url`: a long
/// help text is a few hundred; a text of megabytes is a mistake or an attack on the layout.
pub const MAX_TEXT_CHARS: usize = 4000;
/// Characters of the `version` string.
pub const MAX_VERSION_CHARS: usize = 64;
/// Typed profile facts.
pub const MAX_FACTS: usize = 16;
/// Titles that may be held (and ids in one `titles_none_of`).
pub const MAX_TITLES: usize = 32;
/// Crosswalk dimensions.
pub const MAX_DIMENSIONS: usize = 8;
pub const MAX_PROGRAMMES: usize = 32;
/// Application documents.
pub const MAX_DOCUMENTS: usize = 64;
/// What one document proves.
pub const MAX_PROOFS: usize = 16;
/// Hard conditions of one programme.
pub const MAX_CONDITIONS: usize = 32;
/// Tests of one condition.
pub const MAX_TESTS: usize = 4;
/// Migration tables (one per earlier version).
pub const MAX_MIGRATIONS: usize = 16;
/// Entries of one migration's `questions` or `gates` table.
pub const MAX_MIGRATION_ENTRIES: usize = 2 * MAX_QUESTIONS;
/// The largest `years_at_least`.
pub const MAX_YEARS_AT_LEAST: u32 = 200;
