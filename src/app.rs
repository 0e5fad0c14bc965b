//! The root component: loads the configured standard, holds the session reducer, derives the
//! assessment and lays out the page.

use std::rc::Rc;

use brand_core::{assess, Lang, Standard};
use yew::prelude::*;

use crate::components::gates::GateList;
use crate::components::profile::ProfileForm;
use crate::components::question_card::QuestionCard;
use crate::components::score_panel::view_score_panel;
use crate::config::AppProps;
use crate::i18n::catalog;
use crate::standards;
use crate::state::{Action, Session};

#[component]
pub fn App(props: &AppProps) -> Html {
    let loaded = use_memo(props.standard, |id| standards::load(id));
    match &*loaded {
        Ok(standard) => html! { <Workspace standard={standard.clone()} lang={props.lang} /> },
        Err(problems) => {
            let t = catalog(props.lang);
            html! {
                <div class="bsc" role="alert">
                    <p>{ t.standard_broken }</p>
                    <ul>
                        for (i, p) in problems.iter().enumerate() {
                            <li key={i}><code>{ p.path.clone() }</code>{ " " }{ p.kind.to_string() }</li>
                        }
                    </ul>
                </div>
            }
        }
    }
}

#[derive(Properties, Clone)]
pub struct WorkspaceProps {
    pub standard: Rc<Standard>,
    pub lang: Lang,
}

impl PartialEq for WorkspaceProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.standard, &o.standard) && self.lang == o.lang
    }
}

#[component]
pub fn Workspace(p: &WorkspaceProps) -> Html {
    let session = {
        let (standard, lang) = (p.standard.clone(), p.lang);
        use_reducer(move || Session::new(standard, lang))
    };
    let on_action = {
        let dispatcher = session.dispatcher();
        Callback::from(move |a: Action| dispatcher.dispatch(a))
    };
    let s = &session.standard;
    let lang = session.lang;
    let t = catalog(lang);
    let x = assess(s, &session.answers);
    let other = match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let switch = {
        let cb = on_action.clone();
        Callback::from(move |_| cb.emit(Action::SetLang(other)))
    };

    html! {
        <div class="bsc" lang={lang.code()}>
            <header class="bsc-header">
                <div>
                    <p class="bsc-header__app">{ t.app_title }</p>
                    <h1 class="bsc-header__title">{ s.title.get(lang) }</h1>
                </div>
                <button type="button" class="bsc-button bsc-button--quiet" onclick={switch}
                    lang={other.code()} aria-label={t.switch_lang_label}>{ t.switch_lang }</button>
            </header>
            <div class="bsc-notice">
                <p>{ s.disclaimer.get(lang) }</p>
                <p>{ t.weights_ours }</p>
                <p>{ t.stays_local }</p>
            </div>
            <div class="bsc-layout">
                <main class="bsc-main">
                    <ProfileForm standard={session.standard.clone()} chosen={session.answers.profile.clone()}
                        {lang} on_action={on_action.clone()} />
                    for (pi, part) in s.parts.iter().enumerate() {
                        <section class="bsc-section" key={part.id.to_string()} aria-labelledby={format!("bsc-part-{}", part.id)}>
                            <h2 id={format!("bsc-part-{}", part.id)}>
                                { part.id.as_str() }{ " " }{ part.title.get(lang) }
                                <span class="bsc-points">{ format!("{} {}", part.points, t.points) }</span>
                            </h2>
                            for ii in s.parts[pi].indicators.clone() {
                                <div class="bsc-indicator" key={s.indicators[ii].id.to_string()}>
                                    <h3>
                                        { s.indicators[ii].id.as_str() }{ " " }{ s.indicators[ii].title.get(lang) }
                                        <span class="bsc-points">{ format!("{} {}", s.indicators[ii].points, t.points) }</span>
                                    </h3>
                                    <p class="bsc-sources">
                                        { t.sources }{ ": " }
                                        { s.indicators[ii].sources.iter().map(|src| format!("{} [{:?}]", src.cite, src.tag)).collect::<Vec<_>>().join("; ") }
                                    </p>
                                    for qi in s.indicators[ii].questions.clone() {
                                        if x.score.states[qi] != brand_core::scoring::QuestionState::Excluded {
                                            <QuestionCard
                                                key={s.questions[qi].id.to_string()}
                                                standard={session.standard.clone()}
                                                index={qi}
                                                answer={session.answers.answer(&s.questions[qi].id).cloned()}
                                                band={s.questions[qi].bands.iter().position(|b| b.when.holds(&session.answers.profile))}
                                                capped={x.score.evidence_capped.contains(&qi)}
                                                {lang}
                                                on_action={on_action.clone()}
                                            />
                                        }
                                    }
                                </div>
                            }
                        </section>
                    }
                    <GateList standard={session.standard.clone()} statuses={x.gates.clone()} {lang}
                        on_action={on_action.clone()} />
                </main>
                { view_score_panel(s, &x, lang) }
            </div>
        </div>
    }
}
