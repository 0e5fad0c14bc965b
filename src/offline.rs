//! The page side of offline support: hearing that a new version is ready (announced by the
//! service-worker client in the boot script), asking for it to be applied, and asking the browser
//! to keep our storage. The service worker itself is plain JavaScript (`web/sw.js`).

use wasm_bindgen::JsValue;

const READY_EVENT: &str = "bsc-update-ready";
const APPLY_EVENT: &str = "bsc-apply-update";

/// True when the boot script already announced an update before the widget was listening.
pub fn update_already_ready() -> bool {
    crate::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("__bscUpdateReady")).ok())
        .is_some_and(|v| v.is_truthy())
}

/// Calls `f` whenever an update becomes ready; dropping the returned guard stops listening.
pub fn on_update_ready(f: impl Fn() + 'static) -> crate::events::Listener {
    crate::events::listen(READY_EVENT, move |_| f())
}

/// Asks the waiting service worker to take over; the page reloads when it has.
pub fn apply_update() {
    if let (Some(w), Ok(ev)) = (crate::window(), web_sys::Event::new(APPLY_EVENT)) {
        w.dispatch_event(&ev).ok();
    }
}

/// True when the widget runs inside another site's page (an iframe), where browsers partition
/// or clear storage by the top-level site.
pub fn embedded() -> bool {
    crate::window().is_some_and(|w| match (w.top(), w.self_()) {
        (Ok(Some(top)), this) => !js_sys::Object::is(&top, &this),
        _ => true,
    })
}

/// Asks the browser to keep this site's storage (best effort; the answer does not matter here).
pub fn request_persistence() {
    if let Some(storage) = crate::window().map(|w| w.navigator().storage()) {
        if let Ok(p) = storage.persist() {
            wasm_bindgen_futures::spawn_local(async move {
                wasm_bindgen_futures::JsFuture::from(p).await.ok();
            });
        }
    }
}
