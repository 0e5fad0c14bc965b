//! The language of the moment, provided once by `App` (a `ContextProvider<Lang>`) so components
//! deep in the tree need not be handed it.

use brand_core::Lang;
use yew::prelude::*;

/// The language the app renders in (zh-CN outside a provider).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or(Lang::Zh)
}
