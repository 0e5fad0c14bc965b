//! Entry point: mount the widget in a task of its own, after the one that instantiated the wasm,
//! so starting up is two shorter tasks instead of one long one.

/// The allocator: talc in place of the standard library's dlmalloc, the same `GlobalAlloc`
/// contract in fewer bytes of wasm (single-threaded: this build has no atomics).
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    brand_self_check::start_soon();
}
