//! The profile questions (sector, region type), answered before the questionnaire because they
//! decide which questions, bands and gates apply.

use brand_core::OptionId;
use yew::prelude::*;

use crate::i18n::catalog;
use crate::state::{Action, Dispatch, SharedStandard};

#[derive(Properties, PartialEq, Clone)]
pub struct ProfileFormProps {
    pub standard: SharedStandard,
    pub chosen: brand_core::map::Map<brand_core::ProfileId, OptionId>,
    pub on_action: Dispatch,
}

#[component]
pub fn ProfileForm(p: &ProfileFormProps) -> Html {
    let lang = crate::hooks::use_lang();
    html! {
        <section class="bsc-section" aria-labelledby="bsc-profile-h">
            <h2 id="bsc-profile-h">{ catalog(lang).profile_title }</h2>
            for pq in p.standard.profile.iter() {
                <fieldset class="bsc-q" key={pq.id.to_string()}>
                    <legend class="bsc-q__text">{ pq.text.get(lang) }</legend>
                    <div class="bsc-choices">
                        for opt in pq.options.iter() {
                            <label key={opt.id.to_string()}
                                class={classes!("bsc-choice", (p.chosen.get(&pq.id) == Some(&opt.id)).then_some("is-checked"))}>
                                <input type="radio" name={format!("bsc-profile-{}", pq.id)}
                                    id={format!("bsc-profile-{}-{}", pq.id, opt.id)}
                                    checked={p.chosen.get(&pq.id) == Some(&opt.id)}
                                    onchange={{
                                        let (cb, pid, oid) = (p.on_action.clone(), pq.id.clone(), opt.id.clone());
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
