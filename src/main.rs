//! Entry point: mount the widget in a task of its own, after the one that instantiated the wasm,
//! so starting up is two shorter tasks instead of one long one.
fn main() {
    brand_self_check::start_soon();
}
