//! Window event listeners and timers that stop when dropped: the one place that adds listeners
//! to `window` or `document` (storage, update, message and page-hide events) or sets timers.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A listener on `window` (or `document`); dropping it removes the listener.
pub struct Listener {
    event: &'static str,
    on_document: bool,
    closure: Option<Closure<dyn Fn(web_sys::Event)>>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let Some(c) = self.closure.take() else { return };
        if let Some(target) = target(self.on_document) {
            target.remove_event_listener_with_callback(self.event, c.as_ref().unchecked_ref()).ok();
        }
    }
}

fn target(on_document: bool) -> Option<web_sys::EventTarget> {
    let w = crate::window()?;
    if on_document {
        w.document().map(Into::into)
    } else {
        Some(w.into())
    }
}

fn add(event: &'static str, on_document: bool, f: impl Fn(web_sys::Event) + 'static) -> Listener {
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(f);
    let added = target(on_document)
        .is_some_and(|t| t.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref()).is_ok());
    Listener { event, on_document, closure: added.then_some(closure) }
}

/// Listens for `event` on `window`.
pub fn listen(event: &'static str, f: impl Fn(web_sys::Event) + 'static) -> Listener {
    add(event, false, f)
}

/// Calls `f` when the page is hidden or left (tab switched, closed, reloaded, app backgrounded
/// on a phone): the last moment work that must not be lost can still be done synchronously.
pub fn on_page_hidden(f: impl Fn() + 'static) -> (Listener, Listener) {
    let f = std::rc::Rc::new(f);
    let g = f.clone();
    let hidden = add("visibilitychange", true, move |_| {
        if crate::window().and_then(|w| w.document()).is_some_and(|d| d.hidden()) {
            g()
        }
    });
    (hidden, listen("pagehide", move |_| f()))
}

/// A one-shot timer; dropping it before it fires cancels it.
pub struct Timer {
    id: Option<i32>,
    _closure: Closure<dyn FnMut()>,
}

impl Timer {
    pub fn once(ms: i32, f: impl FnOnce() + 'static) -> Timer {
        let mut f = Some(f);
        let closure = Closure::<dyn FnMut()>::new(move || {
            if let Some(f) = f.take() {
                f()
            }
        });
        let id = crate::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(closure.as_ref().unchecked_ref(), ms).ok()
        });
        Timer { id, _closure: closure }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let (Some(w), Some(id)) = (crate::window(), self.id) {
            w.clear_timeout_with_handle(id);
        }
    }
}

/// Runs `f` in a task of its own, after the current one; `false` when no timer could be set.
pub fn next_task(f: impl FnOnce() + 'static) -> bool {
    let later = Closure::once_into_js(f);
    crate::window().is_some_and(|w| w.set_timeout_with_callback(later.unchecked_ref()).is_ok())
}
