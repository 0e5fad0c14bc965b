//! What the host page asks for: `data-*` attributes on the host element, overridden by URL
//! parameters (`?lang=en&standard=sample`). Unknown values fall back to defaults with a console
//! warning, never an error on screen.

use brand_core::Lang;
use yew::Properties;

use crate::standards;

#[derive(Properties, Clone, PartialEq, Debug)]
pub struct AppProps {
    pub lang: Lang,
    pub standard: &'static str,
}

impl Default for AppProps {
    fn default() -> Self {
        AppProps { lang: Lang::Zh, standard: standards::DEFAULT }
    }
}

fn url_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name)
}

fn warn(msg: &str) {
    web_sys::console::warn_1(&msg.into());
}

/// Reads the configuration; the URL wins over the host element's attributes.
pub fn read(host: &web_sys::Element) -> AppProps {
    let mut props = AppProps::default();
    let lang = url_param("lang").or_else(|| host.get_attribute("data-lang"));
    if let Some(tag) = lang {
        match Lang::from_tag(&tag) {
            Some(l) => props.lang = l,
            None => warn(&format!("brand-self-check: unknown language \"{tag}\", using zh-CN")),
        }
    }
    let standard = url_param("standard").or_else(|| host.get_attribute("data-standard"));
    if let Some(id) = standard {
        match standards::builtin_id(&id) {
            Some(known) => props.standard = known,
            None => warn(&format!("brand-self-check: unknown standard \"{id}\", using {}", standards::DEFAULT)),
        }
    }
    props
}
