//! The root component: the session reducer, the effects as hooks (`src/hooks/`), the language
//! for the tree, and the switch between the screens. Nothing here talks to the browser itself.

use std::rc::Rc;

use brand_core::programme::{default_programme, programmes};
use brand_core::{assess, Lang};
use yew::prelude::*;

use crate::components::about::view_about;
use crate::components::compare::CompareProps;
use crate::components::header::{view_header, Header};
use crate::components::host_error::view_host_error;
use crate::components::import::view_import;
use crate::components::notices::{view_notices, Notices};
use crate::components::part::view_part;
use crate::components::programmes::Programmes;
use crate::components::report::ReportProps;
use crate::components::start::{view_start, StartProps};
use crate::components::team::TeamProps;
use crate::components::wizard::WizardProps;
use crate::config::AppProps;
use crate::hooks;
use crate::state::{Action, Dispatch, Load, Notice, Part, Screen, Session, Source};
use crate::{files, parts, storage};

#[component]
pub fn App(props: &AppProps) -> Html {
    let session = {
        let lang = props.start_lang().unwrap_or(Lang::Zh);
        use_reducer(move || Session::new(lang))
    };
    let dispatch = Dispatch(session.dispatcher());
    let root = use_node_ref();
    let lang = session.lang;
    let open = session.source.clone().zip(session.standard.clone());
    let open_slot = open.clone().map(|(source, st)| (source, session.slot.clone(), st));

    {
        // A hand-over link opens the questionnaire its answers belong to; otherwise the standard
        // the host asked for: its own file, else a built-in one.
        let first = props.handover.clone().map(Action::HandOver).or_else(|| {
            props.standard_url.clone().map(Source::Host).or(props.standard.map(Source::Builtin)).map(Action::Open)
        });
        let (dispatch, english_unavailable) = (dispatch.clone(), props.english_unavailable);
        use_effect_with((), move |_| {
            if english_unavailable {
                dispatch.emit(Action::Notify(Notice::EnglishUnavailable));
            }
            if let Some(action) = first {
                dispatch.emit(action);
            }
        });
    }
    hooks::use_open_standard(session.opening.clone(), dispatch.clone());
    hooks::use_autosave(
        open_slot.clone(),
        session.answers.clone(),
        session.save_due,
        session.may_save(),
        session.screen.clone(),
        dispatch.clone(),
    );
    hooks::use_other_tab(open_slot.clone(), dispatch.clone());
    hooks::use_update_prompt(dispatch.clone());
    let results_to = hooks::use_embed_reports(
        props.embed.clone(),
        session.standard.clone().map(|st| (st, session.answers.clone(), session.screen.clone())),
    );
    hooks::use_parts(session.screen.clone(), session.parts, dispatch.clone());
    // A split-off screen takes the focus when its code has arrived (`parts`).
    let part = Part::of(&session.screen);
    let load = part.map_or(Load::Ready, |p| session.parts[p as usize]);
    hooks::use_focus_on_screen(
        root.clone(),
        session.screen.clone(),
        session.pending.is_some(),
        session.target.clone(),
        load,
    );
    hooks::use_focus_on_list(
        root.clone(),
        session.screen == Screen::Start && session.standard.is_some() && session.source.is_some(),
        session.slot.clone(),
        session.renaming.clone(),
        session.deleted.len(),
    );
    {
        // Chinese because English could not be loaded is not the user's choice: not saved.
        let english_unavailable = props.english_unavailable;
        use_effect_with(lang, move |l| {
            if !(english_unavailable && *l == Lang::Zh) {
                storage::save_lang(*l);
            }
        });
    }
    // The first render is in the page with its handlers attached: `make bench` times this mark.
    use_effect_with((), |_| {
        if let Some(p) = crate::window().and_then(|w| w.performance()) {
            p.mark("bsc-interactive").ok();
        }
    });
    let on_import = hooks::use_import(open.clone(), session.answers.clone(), dispatch.clone());
    let on_files = hooks::use_read_files(dispatch.clone());
    let today = *use_memo((), |_| files::today());
    // The assessment year is the device's: founding years and "years operating" are read against it.
    let year = u16::try_from(today.0).unwrap_or(brand_core::MAX_YEAR);
    let day = brand_core::dossier::Day::new(year, today.1 as u8, today.2 as u8);
    hooks::use_saved_list(open_slot.clone(), session.listing, year, dispatch.clone());

    let x = session.standard.as_ref().map(|st| Rc::new(assess(st, &session.answers)));
    let progs = session.standard.as_ref().zip(x.as_ref()).map(|(st, x)| {
        let listed = programmes(st, &session.answers, &x.score, year);
        let picked = session
            .plan_for
            .as_ref()
            .and_then(|id| listed.iter().find(|r| !r.held && st.programmes[r.programme].id == *id))
            .map(|r| r.programme)
            .or_else(|| default_programme(st, &listed));
        Rc::new(Programmes { listed, picked, year, day })
    });
    let screen =
        match (&session.screen, &session.standard, &x, &progs, parts::assessment(), parts::team(), parts::compare()) {
            (Screen::Step(step), Some(st), Some(x), Some(progs), Some(views), _, _) => (views.step)(&WizardProps {
                standard: st.clone(),
                lang,
                answers: session.answers.clone(),
                assessment: x.clone(),
                step: *step,
                programmes: progs.clone(),
                drafts: session.fact_drafts.clone(),
                from_review: session.from_review,
                contents_open: session.contents_open,
                on_action: dispatch.clone(),
            }),
            (Screen::Review, Some(st), Some(x), Some(progs), Some(views), _, _) => {
                (views.review)(st, x, progs, lang, &dispatch)
            }
            (Screen::Report, Some(st), Some(x), Some(progs), Some(views), _, _) => (views.report)(&ReportProps {
                standard: st.clone(),
                lang,
                answers: session.answers.clone(),
                assessment: x.clone(),
                today,
                programmes: progs.clone(),
                in_app: props.in_app,
                exporting: session.exporting,
                handover_copied: session.handover_copied,
                on_action: dispatch.clone(),
                on_import: on_import.clone(),
            }),
            (Screen::About { back }, st, ..) => view_about(st.as_deref(), lang, back, &dispatch),
            (Screen::Team, Some(st), _, _, _, Some(view_team), _) => view_team(&TeamProps {
                standard: st.clone(),
                lang,
                team: session.team.clone(),
                has_answers: session.answers != Default::default(),
                only_conflicts: session.only_conflicts,
                on_action: dispatch.clone(),
                on_files: on_files.clone(),
            }),
            (Screen::Compare, Some(st), _, _, _, _, Some(view_compare)) => match &session.source {
                Some(source) => view_compare(
                    &CompareProps {
                        standard: st.clone(),
                        pair: session.compare.clone(),
                        year,
                        source: source.clone(),
                        slot: session.slot.clone(),
                        saved: session.saved.clone(),
                        on_action: dispatch.clone(),
                        on_files: on_files.clone(),
                    },
                    lang,
                ),
                None => Html::default(),
            },
            (
                Screen::Step(_) | Screen::Review | Screen::Report | Screen::Team | Screen::Compare,
                Some(_),
                _,
                _,
                _,
                _,
                _,
            ) => view_part(part.unwrap_or(Part::Assessment), load, lang, &dispatch),
            _ => view_start(
                &StartProps {
                    standard: session.standard.clone(),
                    source: session.source.clone(),
                    slot: session.slot.clone(),
                    saved: session.saved.clone(),
                    deleted: session.deleted.clone(),
                    renaming: session.renaming.clone(),
                    restore_failed: session.restore_failed.clone(),
                    year,
                    today: day,
                    answers: session.answers.clone(),
                    saved_counts: crate::standards::BUILTIN.iter().map(|b| storage::saved_count(b.id)).collect(),
                    opening: session.opening.as_ref().map(|o| o.source.clone()),
                    on_action: dispatch.clone(),
                    on_import,
                },
                lang,
            ),
        };
    html! {
        <div class="bsc" lang={lang.code()} ref={root}>
            { view_header(&Header { hide: props.hide_header, title: session.standard.as_ref().map(|s| s.title.get(lang)),
                save: session.standard.is_some().then_some(session.save), paused: session.conflict.is_some() || session.held,
                standalone: !crate::offline::embedded(), open: session.standard.is_some(),
                on_action: &dispatch }, lang) }
            { view_notices(&Notices { notices: &session.notices, conflict: session.conflict.as_ref(), results_to: results_to.as_deref(),
                in_app: props.in_app, update_ready: session.update_ready, standard_id: session.standard.as_ref().map(|s| s.id.as_str()),
                on_action: &dispatch }, lang) }
            if let Some(p) = &session.pending {
                { view_import(p, lang, &dispatch) }
            }
            <main class="bsc-body">
                if let Some(e) = &session.host_error {
                    { view_host_error(e, props.standard_url.as_deref().unwrap_or(""), lang) }
                } else {
                    { screen }
                }
            </main>
        </div>
    }
}
