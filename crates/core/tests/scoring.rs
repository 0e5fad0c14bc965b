//! DOMAIN.md's scoring rules, one line per case, on the fixture standard in `common`.
//! Per level with everything applicable: A1 8⅓, A2 7.5, B1 23.75, B2 32.5 (services: B2 65).

mod common;
use common::{check, mini};

#[test]
fn rule_1_share_is_points_over_applicable_questions() {
    let s = mini();
    check(&s, "sector=mfg A1.1=1", "total=8 parts=8.3,0.0");
    check(&s, "sector=mfg B2.1=1", "total=33 parts=0.0,32.5");
    // B2.2 applies only to manufacturing, so for services B2.1 carries all of B2's 325 points.
    check(&s, "sector=svc B2.1=1", "total=65");
    // With no profile chosen, no condition holds: B2.2 is not asked.
    check(&s, "B2.1=1", "total=65 open=9");
}

#[test]
fn rule_2_evidence_rule() {
    let s = mini();
    check(&s, "sector=mfg A1.1=3", "total=25 capped=");
    check(&s, "sector=mfg A1.1=4", "total=25 capped=A1.1");
    check(&s, "sector=mfg A1.1=5", "total=25 capped=A1.1");
    check(&s, "sector=mfg A1.1=4e", "total=33 capped=");
    check(&s, "sector=mfg A1.1=5e", "total=42 capped=");
    check(&s, "sector=mfg A1.1=5 A1.1=note", "total=42 capped=");
    check(
        &s,
        "sector=mfg *=5 G*=yes",
        "total=600 tier=t2 capped=A1.1,A1.2,A1.3,A2.1,A2.2,B1.1,B1.2,B1.3,B1.4,B2.1,B2.2",
    );
}

/// A note is evidence only if it has a visible character (crates/core/src/visible.rs).
#[test]
fn rule_2_a_note_of_invisible_characters_is_no_evidence() {
    let s = mini();
    for invisible in [
        "20",
        "1F",
        "1C",
        "9,A,D",
        "7F",
        "85",
        "A0",
        "AD",
        "34F",
        "61C",
        "115F",
        "1160",
        "1680",
        "17B4",
        "180E",
        "2000",
        "200B",
        "200C",
        "200D",
        "200E",
        "202A",
        "202F",
        "2060",
        "2063",
        "206F",
        "2800",
        "3000",
        "3164",
        "E000",
        "FE0F",
        "FEFF",
        "FFA0",
        "FFF9",
        "FFFF",
        "1BCA0",
        "1D173",
        "E0001",
        "E0100",
        "F0000",
        "10FFFD",
        "200B,3000,20,1F,FEFF",
    ] {
        check(&s, &format!("sector=mfg A1.1=5 A1.1=note:{invisible}"), "total=25 capped=A1.1");
    }
    // One visible character is enough, whatever surrounds it.
    for visible in ["21", "200B,8BC1,200B", "2E", "FFFD", "301", "1F600", "3164,41", "E0FFF,30", "2801"] {
        check(&s, &format!("sector=mfg A1.1=5 A1.1=note:{visible}"), "total=42 capped=");
    }
}

#[test]
fn rule_3_not_applicable() {
    let s = mini();
    // A1.3 N/A: A1's 125 points split over two questions, 12.5 a level.
    check(&s, "sector=mfg A1.3=na A1.1=5e", "total=63 parts=62.5,0.0");
    // All of A2 N/A: A2 drops out and the total is rescaled: 125 / 925 × 1000 = 135.1.
    check(&s, "sector=mfg A2.*=na A1.*=5e", "total=135 range=135..1000 parts=125.0,0.0");
    check(&s, "sector=mfg A2.*=na *=5e", "total=1000");
    // N/A on a question that does not allow it counts as unanswered.
    check(&s, "sector=mfg B1.1=na", "total=0 open=11");
}

#[test]
fn rule_4_unanswered_and_range() {
    let s = mini();
    check(&s, "", "total=0 range=0..1000 open=10");
    check(&s, "sector=mfg A1.1=0", "range=0..958 open=10");
    // The capped answer stays capped in the maximum: 1000 − 41.7 + 25 = 983.3.
    check(&s, "sector=mfg A1.1=5", "range=25..983");
    check(&s, "sector=mfg *=5e", "range=1000..1000 open=0");
    check(&s, "sector=mfg A1.1=note", "total=0 open=11");
}

#[test]
fn rule_5_rounding_half_up() {
    let s = mini();
    check(&s, "sector=mfg A2.1=1", "total=8 parts=7.5,0.0");
    check(&s, "sector=mfg A2.1=3", "total=23 parts=22.5,0.0");
    check(&s, "sector=mfg B1.1=2", "total=48 parts=0.0,47.5");
    check(&s, "sector=mfg A1.1=2", "total=17 parts=16.7,0.0");
}

#[test]
fn rule_6_tier_suggestion_and_reasons() {
    let s = mini();
    check(&s, "", "tier=t0 next=t1 short=points:350,gates:G1");
    check(&s, "sector=mfg *=5e G*=yes", "total=1000 tier=t4 next=- plan=-");
    check(&s, "sector=mfg B1.*=5e A1.1=3 G*=yes", "total=500 tier=t2 next=t3 short=points:150");
    check(&s, "sector=mfg B1.*=5e A2.1=3 G*=yes", "total=498 tier=t1 next=t2 short=points:2");
    // Gates: not sure is not yes; a gate that does not apply to the profile is not required.
    check(&s, "sector=mfg *=5e G1=unsure", "tier=t0 next=t1 short=gates:G1");
    check(&s, "sector=mfg *=5e G1=yes G2=yes", "tier=t2 next=t3 short=gates:G3");
    check(&s, "sector=svc *=5e G1=yes G2=yes", "tier=t4");
    // A blocking gate answered no: no tier, fix first, and the plan closes it.
    check(&s, "sector=mfg *=5e G1=no G2=yes G3=yes", "tier=fix:G1 next=t4 plan=-[G1]1000");
    // G2 is still open, so closing G1 would reach t1.
    check(&s, "sector=mfg *=5e G1=no", "tier=fix:G1 next=t1 plan=-[G1]1000");
    // The guard: 800 points but part A at 0 %.
    check(&s, "sector=mfg A*=0 B*=5e G*=yes", "total=800 tier=t3 next=t4 short=guard:A");
}

#[test]
fn rule_6_below_the_first_tier() {
    let mut v = common::mini_value();
    v["tiers"][0]["threshold"] = 100.into();
    v["tiers"][1]["threshold"] = 350.into();
    let s = brand_core::parse(&v.to_string()).expect("valid");
    check(&s, "sector=mfg A1.1=5e", "total=42 tier=below next=t0 short=points:58");
}

#[test]
fn rule_7_plan_to_the_next_tier() {
    let s = mini();
    // Largest gain first: B2 (32.5 a level) before B1 (23.75).
    check(&s, "sector=mfg G*=yes", "next=t1 plan=B2.1:0>5;B2.2:0>5;B1.1:0>2[]373");
    check(&s, "sector=mfg B1.*=5e A2.1=3 G*=yes", "plan=B2.1:0>1[]530");
    // Capped answers count from 3; reaching 4 and 5 needs evidence.
    check(&s, "sector=mfg *=5 G*=yes", "next=t3 plan=B2.1:3>5[]665");
    // Guard first (part A to 60 %, within part A), then the threshold.
    check(&s, "sector=mfg A*=0 B*=5e G*=yes", "plan=A1.1:0>5;A1.2:0>5;A1.3:0>5[]925");
    // Gates still to close are part of the plan.
    check(&s, "sector=mfg B1.*=5e A1.1=3 G1=yes", "tier=t1 next=t2 plan=-[G2]500");
}

#[test]
fn advisory_tracks() {
    let s = mini();
    check(&s, "sector=svc A*=4e B*=3e G2=yes", "total=640 adv=award,value");
    check(&s, "sector=mfg A*=3e B*=3e", "adv=mfg");
    check(&s, "", "adv=");
}

#[test]
fn progress_counts_responses_over_questions_asked() {
    let s = common::mini();
    let x = brand_core::assess(&s, &common::answers(&s, "sector=svc A1.1=3 A1.3=na B1.1=5"));
    // Services: B2.2 is not asked, so 10 questions; three responses (N/A counts as one).
    assert_eq!((x.score.responded(), x.score.asked()), (3, 10));
    assert_eq!(x.score.progress(s.part_questions(0)), (2, 5));
    assert_eq!(x.score.progress(s.part_questions(1)), (1, 5));
    assert_eq!(s.part_questions(1), 5..11);
}
