//! The assessments kept on this device for one questionnaire (issue 15): which slot each is in,
//! and the line the start page shows for it (name, date, organisation, progress, programmes).
//! Pure: `storage` hands over each slot's text, these read it with the core.

use std::rc::Rc;

use brand_core::answers::AnswersFile;
use brand_core::programme::{programmes, ProgrammeStatus};
use brand_core::{About, Answers, Standard};

/// One assessment's place among its questionnaire's: the empty slot is the one a questionnaire's
/// answers always had (saves from before there were several stay where they are), any other is a
/// short token made when the assessment was started (`storage::new_slot`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Slot(pub Rc<str>);

impl Slot {
    pub fn first() -> Slot {
        Slot::default()
    }
}

/// What the start page says about a saved assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub about: About,
    /// Questions with a response, of those its profile asks (`Score::responded` / `asked`).
    pub responded: usize,
    pub asked: usize,
    /// How many of the questionnaire's programmes (not already held) have each status, in
    /// [`ProgrammeStatus`] order: ready, open, not eligible.
    pub programmes: [usize; 3],
    /// It was combined from a team's files (how many respondents).
    pub respondents: usize,
}

impl Summary {
    pub fn of(st: &Standard, answers: &Answers, year: u16) -> Summary {
        let score = brand_core::score(st, answers);
        let mut counts = [0; 3];
        for r in programmes(st, answers, &score, year).iter().filter(|r| !r.held) {
            counts[match r.status {
                ProgrammeStatus::Ready => 0,
                ProgrammeStatus::Open => 1,
                ProgrammeStatus::NotEligible => 2,
            }] += 1;
        }
        Summary {
            about: answers.about.clone(),
            responded: score.responded(),
            asked: score.asked(),
            programmes: counts,
            respondents: answers.team.respondents.len(),
        }
    }
}

/// A saved assessment as listed.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    pub slot: Slot,
    /// `Err`: its text cannot be read (kept as it is, offered for download, never overwritten).
    pub summary: Result<Summary, Rc<str>>,
}

impl Saved {
    /// Reads one slot's text for `st` (an answers file of another questionnaire cannot be in its
    /// slots; one that is, is listed as unreadable rather than read against the wrong questions).
    pub fn read(st: &Standard, slot: Slot, raw: &str, year: u16) -> Saved {
        let summary = match AnswersFile::parse(raw) {
            Ok(file) if file.standard.id == st.id => Ok(Summary::of(st, &file.into_answers(st).0, year)),
            _ => Err(Rc::from(raw)),
        };
        Saved { slot, summary }
    }

    /// The listing order: the newest date first, then names in code-point order, undated last, the
    /// slot deciding ties (so the order never depends on the order storage enumerates keys).
    fn before(&self, other: &Saved) -> bool {
        // Readable before unreadable, dated before undated, newer before older.
        let key = |s: &Saved| match &s.summary {
            Ok(x) => (0u8, x.about.date.map(std::cmp::Reverse), x.about.name.clone()),
            Err(_) => (1, None, String::new()),
        };
        let (a, b) = (key(self), key(other));
        (a.0, a.1.is_none(), a.1, &a.2, &self.slot.0) < (b.0, b.1.is_none(), b.1, &b.2, &other.slot.0)
    }
}

/// Every slot's line, in listing order (an insertion sort: a device holds tens, not thousands,
/// and std's sort would add kilobytes to the wasm).
pub fn list(st: &Standard, slots: Vec<(Slot, String)>, year: u16) -> Vec<Saved> {
    let mut out: Vec<Saved> = Vec::with_capacity(slots.len());
    for (slot, raw) in slots {
        let item = Saved::read(st, slot, &raw, year);
        let at = out.iter().position(|x| item.before(x)).unwrap_or(out.len());
        out.insert(at, item);
    }
    out
}
