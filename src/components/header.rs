//! The widget's header: the app's name and the open questionnaire's title (unless the host hides
//! them), the save state, and the language switch.

use yew::prelude::*;

use brand_core::Lang;

use crate::components::button::button;
use crate::i18n::{catalog, other};
use crate::state::{Action, Dispatch, SaveState, Screen};

/// What the header shows. A plain function's arguments, not a component's properties: the header
/// renders with the app, and a component would compile Yew's lifecycle once more for it.
pub struct Header<'a> {
    /// The host shows its own header: keep only the tools.
    pub hide: bool,
    pub title: Option<&'a str>,
    /// The save state, when a questionnaire is open.
    pub save: Option<SaveState>,
    /// Saving waits for the user (another tab's change, or an original held in the slot).
    pub paused: bool,
    /// The page is the widget's own (not in a host's iframe): the app's name is the page's `h1`.
    /// Embedded, it stays a paragraph so the host's outline keeps its own top heading.
    pub standalone: bool,
    /// A questionnaire is open: links to the start page and the review from every screen.
    pub open: bool,
    pub on_action: &'a Dispatch,
}

pub fn view_header(p: &Header, lang: Lang) -> Html {
    let t = catalog(lang);
    html! {
        <header class={if p.hide { "bsc-header bsc-header--bare" } else { "bsc-header" }}>
            if !p.hide {
                <div>
                    if p.standalone {
                        <h1 class="bsc-header__app">{ t.app_title }</h1>
                    } else {
                        <p class="bsc-header__app">{ t.app_title }</p>
                    }
                    <p class="bsc-header__title">{ p.title.unwrap_or_default() }</p>
                </div>
            }
            <div class="bsc-header__tools">
                if p.open {
                    <nav class="bsc-header__nav" aria-label={t.header_nav}>
                        { button("bsc-link", t.nav_start, p.on_action.reform(|_| Action::Go(Screen::Start))) }
                        { button("bsc-link", t.nav_review, p.on_action.reform(|_| Action::Go(Screen::Review))) }
                    </nav>
                }
                if let Some(save) = p.save {
                    <span class={if save == SaveState::Failed || p.paused { "bsc-saved is-failed" } else { "bsc-saved" }} role="status">
                        { if p.paused { t.save_paused } else { match save { SaveState::Saved => t.saved, SaveState::Failed => t.save_failed, SaveState::Idle => "" } } }
                    </span>
                }
                <button type="button" class="bsc-button bsc-button--quiet" lang={other(lang).code()}
                    aria-label={t.switch_lang_label} onclick={{ let d = p.on_action.clone(); Callback::from(move |_| crate::commands::set_lang(other(lang), &d)) }}>
                    { t.switch_lang }
                </button>
            </div>
        </header>
    }
}
