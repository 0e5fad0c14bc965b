//! The one rule for "does this text show anything": used by the evidence rule (a note is evidence
//! only if it has a visible character, DOMAIN.md rule 2) and by the validator (a standard's text
//! is missing unless it has one).
//!
//! The rule is an explicit list of code-point ranges, [`INVISIBLE`], rather than Unicode
//! properties from a library: the Rust core, the CLI and the Python oracle (`tools/golden.py`
//! carries the same list) must agree whatever Unicode version their standard libraries know.
//! A character is *visible* unless it is in the list. The list holds:
//!
//! - every control character (Cc: U+0000–U+001F, U+007F–U+009F) and every White_Space character
//!   (U+0020, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000);
//! - the format characters and default-ignorables that draw nothing: soft hyphen U+00AD, combining
//!   grapheme joiner U+034F, Arabic letter mark U+061C, Khmer inherent vowels U+17B4–U+17B5,
//!   Mongolian variation selectors and vowel separator U+180B–U+180F, zero-width space / joiners
//!   and direction marks U+200B–U+200F, bidi embeddings U+202A–U+202E, word joiner, invisible
//!   operators and bidi isolates U+2060–U+206F, variation selectors U+FE00–U+FE0F, zero-width
//!   no-break space / BOM U+FEFF, interlinear annotation U+FFF9–U+FFFB, shorthand format controls
//!   U+1BCA0–U+1BCA3, musical format controls U+1D173–U+1D17A, tags and variation selectors
//!   supplement U+E0000–U+E0FFF;
//! - the fillers that render as blank: Hangul fillers U+115F, U+1160, U+3164, U+FFA0 and the
//!   braille blank U+2800;
//! - private use (U+E000–U+F8FF, U+F0000–U+10FFFF: no agreed glyph), the unassigned specials
//!   U+FFF0–U+FFF8 and the noncharacters U+FFFE, U+FFFF.
//!
//! Everything else counts as visible, including U+FFFD (it draws a replacement mark), combining
//! marks on their own and code points unassigned today (a list of those would depend on a
//! Unicode version, which is what this module avoids).

/// Inclusive ranges of code points that are not visible, ascending and disjoint.
pub const INVISIBLE: &[(u32, u32)] = &[
    (0x0000, 0x0020),
    (0x007F, 0x00A0),
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x1680, 0x1680),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x2000, 0x200F),
    (0x2028, 0x202F),
    (0x205F, 0x206F),
    (0x2800, 0x2800),
    (0x3000, 0x3000),
    (0x3164, 0x3164),
    (0xE000, 0xF8FF),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFFB),
    (0xFFFE, 0xFFFF),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
    (0xF0000, 0x10FFFF),
];

/// Whether `c` draws something: not in [`INVISIBLE`].
pub fn is_visible(c: char) -> bool {
    let c = u32::from(c);
    // The list is short and sorted; a binary search keeps a 1 MiB note linear.
    INVISIBLE
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_err()
}

/// Whether `s` has at least one visible character.
pub fn has_visible(s: &str) -> bool {
    s.chars().any(is_visible)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_and_disjoint() {
        for w in INVISIBLE.windows(2) {
            assert!(w[0].0 <= w[0].1 && w[0].1 < w[1].0, "{w:x?}");
        }
    }

    #[test]
    fn every_white_space_and_control_character_of_this_rust_is_invisible() {
        // Rust's own tables as a cross-check (not the rule: the rule is the list).
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if c.is_whitespace() || c.is_control() {
                assert!(!is_visible(c), "U+{:04X}", u32::from(c));
            }
        }
    }
}
