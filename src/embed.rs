//! The widget's side of embedding in an iframe: the one place that uses `postMessage`.
//!
//! A host page using `embed.js` loads the widget with `?embed=1&parent=<host origin>` (and
//! `results=1` when it wants results). The widget talks to that origin only if the operator of the
//! widget's deployment lists it in `embed-origins.json` next to `index.html`; otherwise it works as
//! usual inside the iframe and sends nothing. Messages carry `source: "brand-self-check"`; every
//! message received is checked against the allowed parent origin and ignored otherwise.

use std::cell::RefCell;
use std::rc::Rc;

use brand_core::json;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// What the URL asked for when the widget runs inside a host's iframe.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedRequest {
    /// The host page's origin (scheme://host:port), as the URL claims it.
    pub parent: String,
    /// The host asked to receive the score and tier at the end.
    pub results: bool,
}

/// The embedding request read from the URL (`config.rs` reads it): `embed=1`, a well-formed
/// bare `parent` origin, and `results=1` when the host wants results.
pub fn request(embed: Option<String>, parent: Option<String>, results: Option<String>) -> Option<EmbedRequest> {
    if embed.as_deref() != Some("1") {
        return None;
    }
    let parent = parent?;
    // Only a bare origin is accepted: it must survive a round trip through the URL parser.
    let ok = web_sys::Url::new(&parent).is_ok_and(|u| u.origin() == parent)
        && (parent.starts_with("https://") || parent.starts_with("http://"));
    if !ok {
        web_sys::console::warn_1(&format!("brand-self-check: ignoring malformed parent origin \"{parent}\"").into());
        return None;
    }
    Some(EmbedRequest { parent, results: results.as_deref() == Some("1") })
}

/// Whether the page really is embedded by `origin`, as far as the browser tells: the direct
/// parent's origin from `location.ancestorOrigins` (Chromium, Safari), else the referrer's
/// origin when there is one. Neither available: `postMessage`'s target origin still keeps
/// results from any other page.
fn embedded_by(origin: &str) -> bool {
    let Some(w) = crate::window() else { return false };
    let location = w.location();
    let ancestors = js_sys::Reflect::get(&location, &JsValue::from_str("ancestorOrigins")).ok();
    if let Some(list) = ancestors.and_then(|a| a.dyn_into::<web_sys::DomStringList>().ok()) {
        return list.item(0).as_deref() == Some(origin);
    }
    let referrer = w.document().map(|d| d.referrer()).unwrap_or_default();
    match web_sys::Url::new(&referrer) {
        Ok(url) => url.origin() == origin,
        Err(_) => true,
    }
}

/// An open channel to an allowed parent.
#[derive(Clone)]
pub struct Channel {
    origin: String,
    _keep: Rc<RefCell<Vec<Box<dyn std::any::Any>>>>,
}

impl PartialEq for Channel {
    fn eq(&self, o: &Self) -> bool {
        self.origin == o.origin
    }
}

impl Channel {
    /// The host origin this channel talks to.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// Posts `{source, type, detail}` to the parent, at the allowed origin only. `detail` is a
    /// JSON object text (see [`detail`]).
    pub fn post(&self, kind: &str, detail: &str) {
        let msg = format!(r#"{{"source":"brand-self-check","type":{},"detail":{detail}}}"#, json::quote(kind));
        let Ok(value) = js_sys::JSON::parse(&msg) else {
            return;
        };
        if let Some(parent) = crate::window().and_then(|w| w.parent().ok().flatten()) {
            parent.post_message(&value, &self.origin).ok();
        }
    }
}

/// Loads the allow-list and, if it names the requested parent, opens the channel: height
/// reports via a ResizeObserver, and a reply to the host's `ping`. `on_open` receives it.
pub fn connect(req: EmbedRequest, on_open: impl Fn(Channel) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        let allowed = allowed_origins().await;
        if !allowed.iter().any(|o| o == &req.parent) {
            web_sys::console::warn_1(
                &format!("brand-self-check: {} is not in embed-origins.json; not sending it anything", req.parent)
                    .into(),
            );
            return;
        }
        if !embedded_by(&req.parent) {
            web_sys::console::warn_1(
                &format!("brand-self-check: this page is not embedded by {}; not sending it anything", req.parent)
                    .into(),
            );
            return;
        }
        let keep: Rc<RefCell<Vec<Box<dyn std::any::Any>>>> = Rc::default();
        let channel = Channel { origin: req.parent.clone(), _keep: keep.clone() };
        if let Some(observer) = watch_height(channel.clone()) {
            keep.borrow_mut().push(Box::new(observer));
        }
        let replier = channel.clone();
        let on_message = crate::events::listen("message", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else { return };
            if e.origin() != replier.origin {
                return; // only the allowed parent is heard
            }
            let kind = js_sys::Reflect::get(&e.data(), &JsValue::from_str("type")).ok().and_then(|v| v.as_string());
            if kind.as_deref() == Some("ping") {
                replier.post("ready", "{}");
            }
        });
        keep.borrow_mut().push(Box::new(on_message));
        channel.post("ready", "{}");
        on_open(channel);
    });
}

/// Reads `embed-origins.json` (`{"allowed_origins": ["https://portal.example.gov.cn"]}`);
/// missing or malformed means nobody is allowed.
async fn allowed_origins() -> Vec<String> {
    let text = crate::files::fetch_text("./embed-origins.json").await.unwrap_or_default();
    json::string_list(&text, "allowed_origins").unwrap_or_else(|| {
        web_sys::console::warn_1(&"brand-self-check: embed-origins.json is missing or not valid JSON".into());
        Vec::new()
    })
}

/// A value in a message's detail.
pub enum Field<'a> {
    Int(i64),
    Bool(bool),
    Text(&'a str),
}

/// A flat JSON object text for a message's detail, e.g. `{"score":650,"provisional":true}`.
pub fn detail(fields: &[(&str, Field)]) -> String {
    let mut out = String::from("{");
    for (i, (k, v)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&json::quote(k));
        out.push(':');
        match v {
            Field::Int(n) => out.push_str(&n.to_string()),
            Field::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Field::Text(t) => out.push_str(&json::quote(t)),
        }
    }
    out.push('}');
    out
}

/// Reports the document's height to the parent whenever it changes.
fn watch_height(channel: Channel) -> Option<(web_sys::ResizeObserver, Closure<dyn Fn()>)> {
    let document = crate::window()?.document()?;
    let html = document.document_element()?;
    let measured = html.clone();
    let last = Rc::new(RefCell::new(0));
    let callback = Closure::<dyn Fn()>::new(move || {
        let h = measured.get_bounding_client_rect().height().ceil() as i32;
        if h != *last.borrow() {
            *last.borrow_mut() = h;
            channel.post("resize", &detail(&[("height", Field::Int(i64::from(h)))]));
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&html);
    Some((observer, callback))
}
