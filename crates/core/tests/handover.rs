//! The hand-over link codec (issue 13): every error told apart, one line per case; round trips
//! for any text; any cut or any single changed character refused.

mod common;
use brand_core::answers::AnswersFile;
use brand_core::handover::{decode, encode, HandoverError as E, MAX_HANDOVER_BYTES};
use proptest::prelude::*;

#[track_caller]
fn check(fragment: &str, want: Result<&str, E>) {
    assert_eq!(decode(fragment).as_deref().map_err(|e| *e), want, "\n  fragment: {fragment:?}");
}

#[test]
fn the_payload_is_fragment_safe_and_states_length_and_check() {
    // "abc": 3 bytes; SHA-256 ba7816bf8f01cfea…; base64url YWJj.
    assert_eq!(encode("abc"), "bsc1.3.ba7816bf8f01cfea.YWJj");
    assert_eq!(encode(""), "bsc1.0.e3b0c44298fc1c14.");
    let p = encode("{\"note\": \"证书 🙂\"}");
    assert!(p.bytes().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'_')), "{p}");
}

#[test]
fn every_error_is_its_own() {
    check("bsc1.3.ba7816bf8f01cfea.YWJj", Ok("abc"));
    check("#bsc1.3.ba7816bf8f01cfea.YWJj", Ok("abc"));
    check("bsc1.0.e3b0c44298fc1c14.", Ok(""));
    // Not ours.
    check("", Err(E::NotHandover));
    check("#top", Err(E::NotHandover));
    check("bsc", Err(E::NotHandover));
    check("bscx.3.ba7816bf8f01cfea.YWJj", Err(E::NotHandover));
    check("bsc01.3.ba7816bf8f01cfea.YWJj", Err(E::NotHandover));
    check("bsc1-3.ba7816bf8f01cfea.YWJj", Err(E::NotHandover));
    check("BSC1.3.ba7816bf8f01cfea.YWJj", Err(E::NotHandover));
    // Newer.
    check("bsc2.3.ba7816bf8f01cfea.YWJj", Err(E::NewerFormat { found: 2 }));
    check("bsc99999999999.3.x.y", Err(E::NewerFormat { found: u32::MAX }));
    // Cut off: in the data, in the header.
    check("bsc1.3.ba7816bf8f01cfea.YWJ", Err(E::CutOff { expected: 3, found: 2 }));
    check("bsc1.3.ba7816bf8f01cfea.Y", Err(E::CutOff { expected: 3, found: 0 }));
    check("bsc1.3.ba7816bf8f01cfea.", Err(E::CutOff { expected: 3, found: 0 }));
    check("bsc1.3.ba7816bf", Err(E::CutOff { expected: 3, found: 0 }));
    check("bsc1.", Err(E::CutOff { expected: 0, found: 0 }));
    // Damaged: a wrong check, a changed character, non-canonical forms, more than stated.
    check("bsc1.3.ba7816bf8f01cfeb.YWJj", Err(E::Damaged));
    check("bsc1.3.ba7816bf8f01cfea.YWJk", Err(E::Damaged));
    check("bsc1.3.BA7816BF8F01CFEA.YWJj", Err(E::Damaged));
    check("bsc1.3.ba7816bf8f01cfe.YWJj", Err(E::Damaged));
    check("bsc1.03.ba7816bf8f01cfea.YWJj", Err(E::Damaged));
    check("bsc1.+3.ba7816bf8f01cfea.YWJj", Err(E::Damaged));
    check("bsc1.2.ba7816bf8f01cfea.YWJj", Err(E::Damaged));
    check("bsc1.3.ba7816bf8f01cfea.YWJj=", Err(E::Damaged));
    check("bsc1.3.ba7816bf8f01cfea.YW+j", Err(E::Damaged));
    check("bsc1.3.ba7816bf8f01cfea.YWJj.", Err(E::Damaged));
    // "ab" is YWI; YWJ has the same first two bytes with a non-zero trailing bit.
    check(&encode("ab"), Ok("ab"));
    check(&encode("ab").replace("YWI", "YWJ"), Err(E::Damaged));
    // Not UTF-8, though the check matches (not something encode makes).
    check("bsc1.1.a8100ae6aa1940d0._w", Err(E::Damaged));
    // Too large: stated, or a fragment that could only be.
    check(
        &format!("bsc1.{}.ba7816bf8f01cfea.YWJj", MAX_HANDOVER_BYTES + 1),
        Err(E::TooLarge { bytes: MAX_HANDOVER_BYTES + 1, max: MAX_HANDOVER_BYTES }),
    );
    check(
        "bsc1.99999999999999999999999.ba7816bf8f01cfea.YWJj",
        Err(E::TooLarge { bytes: usize::MAX, max: MAX_HANDOVER_BYTES }),
    );
    let huge = "A".repeat(MAX_HANDOVER_BYTES * 2);
    assert!(matches!(decode(&format!("bsc1.1.ba7816bf8f01cfea.{huge}")), Err(E::TooLarge { .. })));
    // At the bound it still works.
    let big = "证".repeat(MAX_HANDOVER_BYTES / 3);
    assert_eq!(decode(&encode(&big)).as_deref(), Ok(big.as_str()));
}

#[test]
fn a_link_carries_an_answers_file_to_import() {
    let s = common::mini();
    let a = common::answers(&s, "sector=mfg A1.*=5e A2.1=na B1.1=2 G1=yes");
    let link = encode(&AnswersFile::new(&s, &a, None).to_compact_json());
    let json = decode(&link).expect("decodes");
    let (back, issues) = AnswersFile::parse(&json).expect("an answers file").into_answers(&s);
    assert_eq!((back, issues), (a, vec![]));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, .. ProptestConfig::default() })]

    #[test]
    fn any_text_round_trips(text in any::<String>(), cjk in "[一-龥🙂😀\\u{0}-\\u{7f}]{0,40}") {
        prop_assert_eq!(decode(&encode(&text)), Ok(text));
        prop_assert_eq!(decode(&encode(&cjk)), Ok(cjk));
    }

    #[test]
    fn any_cut_is_refused(text in any::<String>(), at in any::<prop::sample::Index>()) {
        let p = encode(&text);
        let cut = at.index(p.len());
        if p.is_char_boundary(cut) {
            prop_assert!(decode(&p[..cut]).is_err(), "{:?} decoded", &p[..cut]);
        }
    }

    #[test]
    fn any_single_changed_character_is_refused(
        text in any::<String>(),
        at in any::<prop::sample::Index>(),
        c in any::<char>(),
    ) {
        let p: Vec<char> = encode(&text).chars().collect();
        let i = at.index(p.len());
        prop_assume!(p[i] != c && !(i == 0 && c == '#'));
        let mut q = p.clone();
        q[i] = c;
        let q: String = q.into_iter().collect();
        prop_assert!(decode(&q).is_err(), "{:?} decoded", q);
    }

    /// The same, with the replacement drawn from the payload's own alphabet (the likely edit).
    #[test]
    fn any_changed_payload_character_is_refused(
        text in "[一-龥a-z0-9 {}\":,]{0,60}",
        at in any::<prop::sample::Index>(),
        c in "[A-Za-z0-9._-]",
    ) {
        let p: Vec<char> = encode(&text).chars().collect();
        let i = at.index(p.len());
        let c = c.chars().next().unwrap_or('A');
        prop_assume!(p[i] != c);
        let mut q = p.clone();
        q[i] = c;
        let q: String = q.into_iter().collect();
        prop_assert!(decode(&q).is_err(), "{:?} decoded", q);
    }
}
