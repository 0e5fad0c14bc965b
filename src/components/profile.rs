//! The profile questions (sector, region type), answered before the questionnaire because they
//! decide which questions, bands and gates apply.

use brand_core::{Lang, OptionId, ProfileId};
use yew::prelude::*;

use crate::i18n::catalog;
use crate::state::{Action, Dispatch, SharedStandard};

/// The profile form: a plain function, not a component (a component's lifecycle is compiled
/// anew for each one, about 3.5 KB of wasm; this renders only as part of the start page).
pub fn view_profile(
    standard: &SharedStandard,
    chosen: &brand_core::map::Map<ProfileId, OptionId>,
    on_action: &Dispatch,
    lang: Lang,
) -> Html {
    html! {
        <section class="bsc-section" aria-labelledby="bsc-profile-h">
            <h2 id="bsc-profile-h">{ catalog(lang).profile_title }</h2>
            for pq in standard.profile.iter() {
                <fieldset class="bsc-q" key={pq.id.to_string()}>
                    <legend class="bsc-q__text">{ pq.text.get(lang) }</legend>
                    <div class="bsc-choices">
                        for opt in pq.options.iter() {
                            <label key={opt.id.to_string()}
                                class={if chosen.get(&pq.id) == Some(&opt.id) { "bsc-choice is-checked" } else { "bsc-choice" }}>
                                <input type="radio" name={format!("bsc-profile-{}", pq.id)}
                                    id={format!("bsc-profile-{}-{}", pq.id, opt.id)}
                                    checked={chosen.get(&pq.id) == Some(&opt.id)}
                                    onchange={{
                                        let (cb, pid, oid) = (on_action.clone(), pq.id.clone(), opt.id.clone());
                                        Callback::from(move |_| cb.emit(Action::SetProfile(pid.clone(), Some(oid.clone()))))
                                    }} />
                                { opt.label.get(lang) }
                            </label>
                        }
                    </div>
                </fieldset>
            }
        </section>
    }
}
