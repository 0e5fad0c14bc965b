//! What the host page asks for: `data-*` attributes on the host element, overridden by URL
//! parameters (`?lang=en&standard=regional`). The one place that reads the page's URL. Unknown values fall back to defaults with a
//! console warning, never an error on screen.

use brand_core::Lang;
use yew::Properties;

use crate::standards;

#[derive(Properties, Clone, PartialEq, Debug, Default)]
pub struct AppProps {
    /// The language the host asked for; otherwise the user's saved choice, otherwise zh-CN.
    #[prop_or_default]
    pub lang: Option<Lang>,
    /// A built-in standard to open at once; otherwise the user chooses on the start page.
    #[prop_or_default]
    pub standard: Option<&'static str>,
    /// An accent colour (`#rgb` or `#rrggbb`) for the host's branding.
    #[prop_or_default]
    pub theme: Option<String>,
    /// Hide the widget's own header (a portal page usually has one).
    #[prop_or_default]
    pub hide_header: bool,
    /// A standard file of the host's own, same origin only (`standard-url`).
    #[prop_or_default]
    pub standard_url: Option<String>,
    /// Running in a host's iframe, asked for by `embed.js`.
    #[prop_or_default]
    pub embed: Option<crate::embed::EmbedRequest>,
    /// Running inside an app's built-in browser (WeChat …), where downloads and printing fail.
    #[prop_or_default]
    pub in_app: Option<InApp>,
    /// A hand-over link's payload found in the URL fragment (already removed from the address bar).
    #[prop_or_default]
    pub handover: Option<String>,
    /// English was asked for (by the host or the saved choice) and could not be loaded: the app
    /// starts in Chinese and says why.
    #[prop_or_default]
    pub english_unavailable: bool,
}

impl AppProps {
    /// The language to start in, if any is asked for: the host's, else the user's saved choice
    /// (zh-CN when neither). `start` reads English first when this is English.
    pub fn start_lang(&self) -> Option<Lang> {
        self.lang.or_else(crate::storage::load_lang)
    }
}

/// An app's built-in browser, told by its user-agent token. Downloads and `print()` do not work
/// in WeChat's and are unreliable in the others, so the widget offers a hand-over link instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InApp {
    WeChat,
    WeCom,
    QQ,
    DingTalk,
    Feishu,
    Weibo,
    Alipay,
}

impl InApp {
    /// The app from a user-agent string, if it is one of the known in-app browsers.
    pub fn from_user_agent(ua: &str) -> Option<InApp> {
        // WeCom's UA also carries MicroMessenger: test it first. QQ's in-app browser says " QQ/"
        // (the standalone QQ Browser says "QQBrowser", a normal browser).
        const TOKENS: [(&str, InApp); 8] = [
            ("wxwork/", InApp::WeCom),
            ("MicroMessenger/", InApp::WeChat),
            (" QQ/", InApp::QQ),
            ("DingTalk/", InApp::DingTalk),
            ("Lark/", InApp::Feishu),
            ("Feishu", InApp::Feishu),
            ("Weibo", InApp::Weibo),
            ("AlipayClient/", InApp::Alipay),
        ];
        TOKENS.iter().find(|(t, _)| ua.contains(t)).map(|(_, app)| *app)
    }

    pub fn name(self, lang: Lang) -> &'static str {
        let zh = lang == Lang::Zh;
        match self {
            InApp::WeChat => {
                if zh {
                    "微信"
                } else {
                    "WeChat"
                }
            }
            InApp::WeCom => {
                if zh {
                    "企业微信"
                } else {
                    "WeCom"
                }
            }
            InApp::QQ => "QQ",
            InApp::DingTalk => {
                if zh {
                    "钉钉"
                } else {
                    "DingTalk"
                }
            }
            InApp::Feishu => {
                if zh {
                    "飞书"
                } else {
                    "Feishu"
                }
            }
            InApp::Weibo => {
                if zh {
                    "微博"
                } else {
                    "Weibo"
                }
            }
            InApp::Alipay => {
                if zh {
                    "支付宝"
                } else {
                    "Alipay"
                }
            }
        }
    }
}

/// `#rgb` or `#rrggbb`, nothing else (the value ends up in a CSS custom property).
pub fn valid_colour(c: &str) -> bool {
    let hex = c.strip_prefix('#').unwrap_or("");
    (hex.len() == 3 || hex.len() == 6) && hex.chars().all(|ch| ch.is_ascii_hexdigit())
}

fn url_param(name: &str) -> Option<String> {
    let search = crate::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

fn warn(msg: &str) {
    web_sys::console::warn_1(&msg.into());
}

/// Reads the configuration; the URL wins over the host element's attributes.
pub fn read(host: &web_sys::Element) -> AppProps {
    let mut props = AppProps::default();
    if let Some(tag) = url_param("lang").or_else(|| host.get_attribute("data-lang")) {
        match Lang::from_tag(&tag) {
            Some(l) => props.lang = Some(l),
            None => warn(&format!("brand-self-check: unknown language \"{tag}\", using the default")),
        }
    }
    if let Some(id) = url_param("standard").or_else(|| host.get_attribute("data-standard")) {
        match standards::builtin(&id) {
            Some(b) => props.standard = Some(b.id),
            None => warn(&format!("brand-self-check: unknown standard \"{id}\", showing the choice")),
        }
    }
    if let Some(c) = url_param("theme").or_else(|| host.get_attribute("data-theme")) {
        if valid_colour(&c) {
            props.theme = Some(c);
        } else {
            warn(&format!("brand-self-check: \"{c}\" is not a colour like #1f4e8c; using the default"));
        }
    }
    let header = url_param("header").or_else(|| host.get_attribute("data-header"));
    props.hide_header = matches!(header.as_deref(), Some("0" | "false" | "no"));
    if let Some(u) = url_param("standard-url").or_else(|| host.get_attribute("data-standard-url")) {
        match same_origin(&u) {
            Some(abs) => props.standard_url = Some(abs),
            None => warn(&format!("brand-self-check: standard-url \"{u}\" is not on this site's origin; ignored")),
        }
    }
    props.embed = crate::embed::request(url_param("embed"), url_param("parent"), url_param("results"));
    props.in_app =
        crate::window().and_then(|w| w.navigator().user_agent().ok()).and_then(|ua| InApp::from_user_agent(&ua));
    props.handover = take_handover();
    props
}

/// The absolute form of `u` if it resolves to this page's origin; other origins are refused so a
/// crafted link cannot make the widget load someone else's questionnaire.
fn same_origin(u: &str) -> Option<String> {
    let location = crate::window()?.location();
    let url = web_sys::Url::new_with_base(u, &location.href().ok()?).ok()?;
    (url.origin() == location.origin().ok()?).then(|| url.href())
}

/// The hand-over payload in the URL fragment (`#bsc1.…`), removed from the address bar at once so
/// the answers do not linger in it (or in a bookmark) and a reload does not offer them again.
fn take_handover() -> Option<String> {
    let w = crate::window()?;
    let hash = w.location().hash().ok()?;
    let payload = hash.strip_prefix('#')?;
    // `bsc` and a format number: an ordinary anchor (`#bsc-h`) is left alone.
    if !payload.strip_prefix("bsc").is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit())) {
        return None;
    }
    let location = w.location();
    let without = format!("{}{}", location.pathname().ok()?, location.search().ok()?);
    w.history().ok()?.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&without)).ok()?;
    Some(payload.to_owned())
}

/// This page's address without its fragment: the base of a hand-over link.
pub fn page_address() -> String {
    crate::window()
        .and_then(|w| w.location().href().ok())
        .map(|h| h.split('#').next().unwrap_or_default().to_owned())
        .unwrap_or_default()
}
