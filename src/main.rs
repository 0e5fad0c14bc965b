//! Entry point: find the host element, read its configuration, mount the widget.
fn main() {
    brand_self_check::start();
}
