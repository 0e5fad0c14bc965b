//! In place of a split-off screen (`crate::parts`) while its code is on its way, or when it could
//! not be loaded: a line saying so, and then a retry.

use brand_core::Lang;
use yew::prelude::*;

use crate::components::button::button;
use crate::i18n::catalog;
use crate::state::{Action, Dispatch, Load, Part};

pub fn view_part(part: Part, load: Load, lang: Lang, dispatch: &Dispatch) -> Html {
    let t = catalog(lang);
    if load == Load::Failed {
        html! {
            <div class="bsc-part" role="alert">
                <p tabindex="-1" data-focus="">{ t.part_failed }</p>
                { button("bsc-button", t.part_retry, dispatch.reform(move |_| Action::RetryPart(part))) }
            </div>
        }
    } else {
        html! { <p class="bsc-part" role="status">{ t.part_loading }</p> }
    }
}
