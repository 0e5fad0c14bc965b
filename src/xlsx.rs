//! The spreadsheet (.xlsx) export: [`write`] turns a workbook description into an .xlsx `Blob`.
//!
//! The writer is JavaScript (`web/xlsx.js` with write-excel-file), bundled by
//! `scripts/postbuild.mjs` into `lazy-xlsx-<hash>.js` and named in the page by
//! `<meta name="bsc-xlsx" content="./lazy-xlsx-….js">`. It is loaded here on the first export only
//! — one `<script>` added next to that `meta`, whatever the number of calls — so a first visit
//! never downloads it; the service worker keeps it once fetched, so exports work offline after one
//! online. The `src` is relative like every URL of the site, so it resolves at any sub-path and
//! in the embed iframe, and `script-src 'self'` admits it.
//!
//! The description is JSON text (the caller builds it):
//! `{"sheets": [{"name": "行动计划", "columns": [8, 40], "freeze": 1, "rows": [[{"s": "序号", "b": true}, …], …]}]}`.
//! A cell is `{"s": text}`, `{"n": number}`, `{"d": "YYYY-MM-DD"}` (shown as yyyy-mm-dd) or `null`;
//! `"b": true` is bold. `columns` are widths in characters, `freeze` the number of top rows kept
//! visible (both optional); text wraps in columns 30 or more wide and where it has a line break;
//! sheet names are made valid by the writer (31 characters, none of `[]:*?/\`, unique).

use std::cell::RefCell;

use js_sys::{Object, Promise};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why no spreadsheet came out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XlsxError {
    /// The writer could not be loaded: offline before the first export, a deploy that replaced it
    /// while this page was open, or a page without the `bsc-xlsx` name. The next call tries again.
    Unavailable,
    /// The writer refused the description or failed: its message, in English (for the console;
    /// a description built by the app is never refused).
    Failed(String),
}

#[wasm_bindgen]
extern "C" {
    /// `BrandSelfCheckXlsx.write` of `web/xlsx.js`: a promise of the Blob. Throws (a
    /// ReferenceError) when the script has not defined it.
    #[wasm_bindgen(js_namespace = BrandSelfCheckXlsx, js_name = write, catch)]
    fn write_js(workbook_json: &str) -> Result<Promise, JsValue>;
}

thread_local! {
    /// The writer's script, loading or loaded; `None` before the first call and after a failure.
    static SCRIPT: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// The .xlsx file for `workbook_json` (the description above), loading the writer on first use.
/// Concurrent calls share one load.
pub async fn write(workbook_json: &str) -> Result<web_sys::Blob, XlsxError> {
    load().await?;
    let written = write_js(workbook_json).map_err(|_| XlsxError::Unavailable)?;
    // web/xlsx.js resolves with a Blob and rejects with a message, always.
    match JsFuture::from(written).await {
        Ok(blob) => Ok(blob.unchecked_into()),
        Err(message) => Err(XlsxError::Failed(message.as_string().unwrap_or_default())),
    }
}

/// Waits for the writer's script, adding it to the page if no earlier call has.
async fn load() -> Result<(), XlsxError> {
    let script = SCRIPT.with(|s| s.borrow_mut().get_or_insert_with(add_script).clone());
    if JsFuture::from(script.clone()).await.is_ok() {
        return Ok(());
    }
    // Forgotten, so the next export tries again (back online); unless a later call already has.
    // The failed element stays in <head>, inert: removing it cost 120 bytes of wasm (brotli).
    SCRIPT.with(|s| {
        let mut s = s.borrow_mut();
        if s.as_ref().is_some_and(|p| Object::is(p, &script)) {
            *s = None;
        }
    });
    Err(XlsxError::Unavailable)
}

/// Adds `<script src="./lazy-xlsx-….js">` next to the page's `bsc-xlsx` name: a promise settled
/// by its `load` or `error` (a failed fetch, offline or 404). Rejected at once when the page
/// names no writer (or in the native build, which has no page).
fn add_script() -> Promise {
    let added = (|| {
        let document = crate::window()?.document()?;
        let meta = document.query_selector("meta[name=bsc-xlsx]").ok()??;
        let src = meta.get_attribute("content")?;
        // A script element is an HTMLElement: it has the `onload` and `onerror` handlers.
        let script: web_sys::HtmlElement = document.create_element("script").ok()?.unchecked_into();
        script.set_attribute("src", &src).ok()?;
        let settled = Promise::new(&mut |resolve, reject| {
            script.set_onload(Some(&resolve));
            script.set_onerror(Some(&reject));
        });
        meta.parent_node()?.append_child(&script).ok()?;
        Some(settled)
    })();
    added.unwrap_or_else(|| Promise::reject(&JsValue::NULL))
}
