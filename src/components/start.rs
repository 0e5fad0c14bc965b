//! The start page: what the tool does, the choice of questionnaire and language, the profile,
//! and begin / continue / start over.

use brand_core::{Answers, Lang};
use yew::prelude::*;

use crate::commands;
use crate::components::button::button;
use crate::components::markup::Markup;
use crate::components::profile::view_profile;
use crate::components::saved::view_saved;
use crate::i18n::{catalog, fill, LANGUAGES};
use crate::standards::BUILTIN;
use crate::state::{Action, Deleted, Dispatch, Saved, Screen, SharedStandard, Slot, Source, Step};

/// A plain function's arguments, not a component's properties: a component compiles Yew's
/// lifecycle once more (measured: about 2.2 KB of wasm, 0.7 KB brotli, each).
pub struct StartProps {
    pub standard: Option<SharedStandard>,
    /// Where the open standard came from, and the open assessment's slot.
    pub source: Option<Source>,
    pub slot: Slot,
    /// The questionnaire's other saved assessments, and those deleted since it opened.
    pub saved: Vec<Saved>,
    pub deleted: Vec<Deleted>,
    /// The list's rename under way and failed undo (`Session::renaming`, `restore_failed`).
    pub renaming: Option<Slot>,
    pub restore_failed: Option<Slot>,
    /// The assessment year and today (a new assessment's date).
    pub year: u16,
    pub today: Option<brand_core::dossier::Day>,
    pub answers: Answers,
    /// Answers already saved per built-in standard, in `BUILTIN` order.
    pub saved_counts: Vec<usize>,
    pub on_action: Dispatch,
    /// A standard being fetched: shown as chosen until it opens (or fails to).
    pub opening: Option<Source>,
    pub on_import: Callback<web_sys::File>,
}

pub fn view_start(p: &StartProps, lang: Lang) -> Html {
    let t = catalog(lang);
    // The card shown as chosen: the one opening, else the open built-in one.
    let chosen = match (&p.opening, &p.source) {
        (Some(Source::Builtin(id)), _) | (None, Some(Source::Builtin(id))) => Some(*id),
        _ => None,
    };
    let on_start_over = {
        let (source, slot, st, dispatch) = (p.source.clone(), p.slot.clone(), p.standard.clone(), p.on_action.clone());
        Callback::from(move |_| {
            if let (Some(source), Some(st)) = (&source, &st) {
                if commands::start_over(source, &slot, st, lang) {
                    dispatch.emit(Action::Clear);
                }
            }
        })
    };
    let answered = p.answers.questions.values().filter(|a| a.response.is_some()).count();
    let profile = &p.answers.profile;
    let resume = p.standard.as_ref().map_or(Screen::Start, |st| crate::state::resume_screen(st, &p.answers));
    // One count everywhere: the open questionnaire's card counts as the wizard and the report do
    // (responses over the questions its profile asks, `Score::responded` / `asked`); a card not
    // open yet says how many answers are saved, without a total it cannot know for that profile.
    let open_count = p.standard.as_ref().map(|st| {
        let sc = brand_core::score(st, &p.answers);
        (st.id.clone(), sc.responded(), sc.asked())
    });
    let mut intro = Markup::new();
    intro.el("p class=\"bsc-lead\"", t.intro).raw("<ul class=\"bsc-facts\">").el("li", t.duration);
    intro.el("li", t.stays_local).raw("</ul>");
    html! {
        <section class="bsc-start" aria-labelledby="bsc-h">
            { intro.into_html() }
            <fieldset class="bsc-q bsc-langs">
                <legend class="bsc-q__text">{ t.language }</legend>
                <div class="bsc-choices">
                    for (l, label) in LANGUAGES {
                        <label key={label} lang={l.code()} class={if lang == l { "bsc-choice is-checked" } else { "bsc-choice" }}>
                            <input type="radio" name="bsc-lang" checked={lang == l}
                                onchange={{ let d = p.on_action.clone(); Callback::from(move |_| crate::commands::set_lang(l, &d)) }} />
                            { label }
                        </label>
                    }
                </div>
            </fieldset>
            <h2 id="bsc-h" tabindex="-1" data-focus="">{ t.choose_standard }</h2>
            <div class="bsc-cards">
                for (i, b) in BUILTIN.iter().enumerate() {
                    <label key={b.id} class={if chosen == Some(b.id) { "bsc-card is-checked" } else { "bsc-card" }}>
                        <input type="radio" name="bsc-standard" id={format!("bsc-standard-{}", b.id)}
                            checked={chosen == Some(b.id)}
                            onchange={{ let id = b.id; p.on_action.reform(move |_| Action::Open(Source::Builtin(id))) }} />
                        { card_text((b.title)(lang), &fill((b.describe)(lang), &[("n", &b.questions.to_string())])) }
                        if let Some((_, a, n)) = open_count.as_ref().filter(|(id, a, _)| id == b.id && *a > 0) {
                            <span class="bsc-card__saved">{ fill(t.answered, &[("a", &a.to_string()), ("n", &n.to_string())]) }</span>
                        } else if p.saved_counts.get(i).copied().unwrap_or(0) > 0 && open_count.as_ref().is_none_or(|(id, ..)| id != b.id) {
                            <span class="bsc-card__saved">{ fill(t.saved_answers, &[("a", &p.saved_counts[i].to_string())]) }</span>
                        }
                    </label>
                }
            </div>
            if let (Some(st), Some(source)) = (&p.standard, &p.source) {
                { view_saved(p, st, source, lang) }
            }
            if let Some(st) = &p.standard {
                if !st.profile.is_empty() {
                    { view_profile(st, profile, &p.on_action, lang) }
                }
                if profile.len() < st.profile.len() {
                    <p class="bsc-hint">{ t.profile_first }</p>
                }
                <div class="bsc-actions">
                    if answered > 0 {
                        // Continue where the work stands: the first step with an open question.
                        <button type="button" class="bsc-button" disabled={profile.len() < st.profile.len()}
                            onclick={{ let to = resume.clone(); p.on_action.reform(move |_| Action::Go(to.clone())) }}>
                            { match &resume {
                                Screen::Step(step) => fill(t.resume_at, &[("n", &(step.position(st) + 1).to_string())]),
                                _ => t.resume_review.to_owned(),
                            } }
                        </button>
                    } else {
                        <button type="button" class="bsc-button" disabled={profile.len() < st.profile.len()}
                            onclick={p.on_action.reform(|_| Action::Go(Screen::Step(Step::Indicator(0))))}>
                            { t.begin }
                        </button>
                    }
                    if answered > 0 || !profile.is_empty() {
                        { button("bsc-button bsc-button--quiet", t.start_over, on_start_over) }
                    }
                    <label class="bsc-button bsc-button--quiet bsc-file">
                        { t.import }
                        <input type="file" accept=".json,application/json" class="bsc-visually-hidden"
                            onchange={import_change(p.on_import.clone())} />
                    </label>
                </div>
                <div class="bsc-actions bsc-actions--more">
                    <button type="button" class="bsc-button bsc-button--quiet" data-testid="open-team"
                        onclick={p.on_action.reform(|_| Action::Go(Screen::Team))}>{ t.open_team }</button>
                    <button type="button" class="bsc-button bsc-button--quiet" data-testid="open-compare"
                        onclick={p.on_action.reform(|_| Action::Go(Screen::Compare))}>{ t.open_compare }</button>
                </div>
            }
            <p class="bsc-fine">
                { button("bsc-link", t.about, p.on_action.reform(|_| Action::Go(Screen::About { back: Box::new(Screen::Start) }))) }
            </p>
        </section>
    }
}

/// A questionnaire card's title and description (markup text: no listeners).
fn card_text(title: &str, desc: &str) -> Html {
    let mut m = Markup::new();
    m.el("span class=\"bsc-card__title\"", title).el("span class=\"bsc-card__desc\"", desc);
    m.into_html()
}

/// The change handler of a file input: passes the chosen file on and resets the input so the
/// same file can be chosen again.
pub fn import_change(cb: Callback<web_sys::File>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            cb.emit(file);
        }
        input.set_value("");
    })
}
