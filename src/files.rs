//! Files in and out: downloading a text as a file, reading a chosen file as text, and fetching a
//! file of the site as text.

use wasm_bindgen::JsCast;

/// The largest file import will read; anything bigger is refused before it is read.
pub const MAX_IMPORT_MB: u32 = 5;
pub const MAX_IMPORT_BYTES: f64 = MAX_IMPORT_MB as f64 * 1024.0 * 1024.0;

/// Offers `text` as a download named `name`. Returns false if the browser refused.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).is_ok_and(|blob| download_blob(name, &blob))
}

/// Saves `blob` under `name` through a temporary link.
pub fn download_blob(name: &str, blob: &web_sys::Blob) -> bool {
    (|| -> Option<()> {
        let url = web_sys::Url::create_object_url_with_blob(blob).ok()?;
        let document = crate::window()?.document()?;
        let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(name);
        a.set_hidden(true);
        document.body()?.append_child(&a).ok()?;
        a.click();
        a.remove();
        web_sys::Url::revoke_object_url(&url).ok()?;
        Some(())
    })()
    .is_some()
}

pub enum ReadError {
    TooLarge,
    Failed,
}

/// Reads a file as text, refusing files over [`MAX_IMPORT_BYTES`] without reading them.
pub async fn read_text(file: web_sys::File) -> Result<String, ReadError> {
    if file.size() > MAX_IMPORT_BYTES {
        return Err(ReadError::TooLarge);
    }
    let value = wasm_bindgen_futures::JsFuture::from(file.text()).await.map_err(|_| ReadError::Failed)?;
    value.as_string().ok_or(ReadError::Failed)
}

/// Today's date as (year, month, day) from the browser's clock, for the report. The build-time
/// render of the start page (which shows no date) has no clock: (0, 0, 0).
pub fn today() -> (u32, u32, u32) {
    if !cfg!(target_arch = "wasm32") {
        return (0, 0, 0);
    }
    let d = js_sys::Date::new_0();
    (d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// The widget's style sheet as text, read back from the page for the downloaded report, so the
/// wasm carries no second copy of the CSS. Only sheets with the widget's `.bsc` rules are taken
/// (a host page's own are not); sheets of other origins refuse to be read and are skipped.
pub fn page_css() -> String {
    let mut out = String::new();
    let Some(doc) = crate::window().and_then(|w| w.document()) else {
        return out;
    };
    let sheets = doc.style_sheets();
    for i in 0..sheets.length() {
        let Some(Ok(sheet)) = sheets.item(i).map(|s| s.dyn_into::<web_sys::CssStyleSheet>()) else {
            continue;
        };
        let Ok(rules) = sheet.css_rules() else {
            continue;
        };
        let text: Vec<String> = (0..rules.length()).filter_map(|j| rules.item(j)).map(|r| r.css_text()).collect();
        if text.iter().any(|t| t.contains(".bsc")) {
            out.push_str(&text.join("\n"));
            out.push('\n');
        }
    }
    out
}

/// The markup of the page's first element matching `selector` (the report's article, for the
/// downloaded document); `None` when there is none.
pub fn outer_html(selector: &str) -> Option<String> {
    let doc = crate::window()?.document()?;
    Some(doc.query_selector(selector).ok()??.outer_html())
}

/// The body of a successful GET of `url` (a file of the site: a standard, the embed allow-list),
/// as text; `None` when it cannot be fetched, the server says no, or it was redirected to
/// another origin.
pub async fn fetch_text(url: &str) -> Option<String> {
    let w = crate::window()?;
    let resp: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(w.fetch_with_str(url)).await.ok()?.dyn_into().ok()?;
    // A same-origin URL that redirects elsewhere must not bring another site's file in (when no
    // CSP stops it): the response's final URL has to be on this page's origin too.
    let origin = w.location().origin().ok()?;
    if !resp.ok() || web_sys::Url::new(&resp.url()).ok()?.origin() != origin {
        return None;
    }
    wasm_bindgen_futures::JsFuture::from(resp.text().ok()?).await.ok()?.as_string()
}

/// Copies the text of `field` to the clipboard the way every browser with a selection allows
/// (`execCommand("copy")`, which in-app browsers keep while they often lack the async Clipboard
/// API); the text stays selected either way, so the user can copy it by hand. `false` when the
/// browser refused.
pub fn copy_from(field: &web_sys::HtmlInputElement) -> bool {
    field.focus().ok();
    field.select();
    let Some(doc) = crate::window().and_then(|w| w.document()) else { return false };
    doc.dyn_ref::<web_sys::HtmlDocument>().is_some_and(|d| d.exec_command("copy").unwrap_or(false))
}
