//! Window event listeners that stop when dropped, for the effects that need them.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A listener on `window`; dropping it removes the listener.
pub struct Listener {
    event: &'static str,
    closure: Option<Closure<dyn Fn(web_sys::Event)>>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        if let (Some(w), Some(c)) = (crate::window(), self.closure.take()) {
            w.remove_event_listener_with_callback(self.event, c.as_ref().unchecked_ref()).ok();
        }
    }
}

pub fn listen(event: &'static str, f: impl Fn(web_sys::Event) + 'static) -> Listener {
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(f);
    let added = crate::window()
        .is_some_and(|w| w.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref()).is_ok());
    Listener { event, closure: added.then_some(closure) }
}
