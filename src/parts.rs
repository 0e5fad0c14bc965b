//! The screens the first one does not need, as split points: the assessment's screens (the
//! wizard's steps, the review and the report), the team screen and the comparison. In the site's
//! build (the `split` feature, `index.html`), `scripts/postbuild.mjs` cuts each of them, with the
//! code only it uses, out of the wasm into files of their own (wasm-split-cli), which this module
//! fetches and instantiates against the main module's memory and function table the first time
//! they are asked for. What a split point returns is its screens' view functions, kept here once
//! loaded, so the views stay synchronous: `App` shows such a screen when its part is
//! `Load::Ready` in the session, else a line saying it is loading or could not be loaded (with a
//! retry). Without the feature (tests, the prerender) every part is in the module and "loads" at
//! once.

use std::cell::Cell;

use brand_core::{Assessment, Lang, Standard};
use yew::Html;

use crate::components::compare::{view_compare, CompareProps};
use crate::components::programmes::Programmes;
use crate::components::report::{view_report, ReportProps};
use crate::components::review::view_review;
use crate::components::team::{view_team, TeamProps};
use crate::components::wizard::{view_wizard, WizardProps};
use crate::state::{Dispatch, Part};

/// The assessment's screens: one part, as the user goes from one to the next.
#[derive(Clone, Copy)]
pub struct AssessmentViews {
    pub step: fn(&WizardProps) -> Html,
    pub review: fn(&Standard, &Assessment, &Programmes, Lang, &Dispatch) -> Html,
    pub report: fn(&ReportProps) -> Html,
}

pub type TeamView = fn(&TeamProps) -> Html;
pub type CompareView = fn(&CompareProps, Lang) -> Html;

const ASSESSMENT: AssessmentViews = AssessmentViews { step: view_wizard, review: view_review, report: view_report };

thread_local! {
    static ASSESSMENT_VIEWS: Cell<Option<AssessmentViews>> = const { Cell::new(None) };
    static TEAM: Cell<Option<TeamView>> = const { Cell::new(None) };
    static COMPARE: Cell<Option<CompareView>> = const { Cell::new(None) };
}

#[cfg(all(feature = "split", target_family = "wasm"))]
mod split {
    use super::*;
    use wasm_split_helpers::{wasm_split, SplitLoaderError};

    // `fallible`: a file that cannot be fetched is an `Err`, not an abort of the whole module.
    #[wasm_split(assessment, fallible)]
    pub fn assessment() -> Result<AssessmentViews, SplitLoaderError> {
        Ok(ASSESSMENT)
    }

    #[wasm_split(team, fallible)]
    pub fn team() -> Result<TeamView, SplitLoaderError> {
        Ok(view_team)
    }

    #[wasm_split(compare, fallible)]
    pub fn compare() -> Result<CompareView, SplitLoaderError> {
        Ok(view_compare)
    }
}

#[cfg(not(all(feature = "split", target_family = "wasm")))]
mod split {
    use super::*;

    pub async fn assessment() -> Result<AssessmentViews, ()> {
        Ok(ASSESSMENT)
    }

    pub async fn team() -> Result<TeamView, ()> {
        Ok(view_team)
    }

    pub async fn compare() -> Result<CompareView, ()> {
        Ok(view_compare)
    }
}

/// Fetches and instantiates a part (once; after a failure, again): whether it is now in the page.
pub async fn load(part: Part) -> bool {
    match part {
        Part::Assessment => split::assessment().await.map(|f| ASSESSMENT_VIEWS.with(|c| c.set(Some(f)))).is_ok(),
        Part::Team => split::team().await.map(|f| TEAM.with(|c| c.set(Some(f)))).is_ok(),
        Part::Compare => split::compare().await.map(|f| COMPARE.with(|c| c.set(Some(f)))).is_ok(),
    }
}

pub fn assessment() -> Option<AssessmentViews> {
    ASSESSMENT_VIEWS.with(Cell::get)
}

pub fn team() -> Option<TeamView> {
    TEAM.with(Cell::get)
}

pub fn compare() -> Option<CompareView> {
    COMPARE.with(Cell::get)
}
