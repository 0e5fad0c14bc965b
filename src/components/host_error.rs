//! Shown instead of the screens when the host's own standard file cannot be used: that it could
//! not be read, or every problem with its JSON path.

use brand_core::Lang;
use yew::prelude::*;

use crate::i18n::{catalog, fill, problem_text};
use crate::state::OpenError;

pub fn view_host_error(e: &OpenError, url: &str, lang: Lang) -> Html {
    let t = catalog(lang);
    html! {
        <section class="bsc-about" role="alert" aria-labelledby="bsc-h">
            <h2 id="bsc-h" tabindex="-1" data-focus="">{ t.custom_broken_title }</h2>
            if let OpenError::Invalid(problems) = e {
                <p>{ fill(t.custom_broken_intro, &[("url", url)]) }</p>
                <ul class="bsc-list bsc-problems">
                    for (i, p) in problems.iter().enumerate() {
                        <li key={i}><code>{ p.path.clone() }</code>{ " " }{ problem_text(&p.kind, lang) }</li>
                    }
                </ul>
            } else {
                <p>{ fill(t.custom_unreadable, &[("url", url)]) }</p>
            }
        </section>
    }
}
