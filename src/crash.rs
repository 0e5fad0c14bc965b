//! What the user sees if the widget crashes (a Rust panic): a plain message in both languages,
//! a download link for every assessment saved on this device (each change was saved before the
//! crash), and a reload link. Built with plain DOM calls and links only, because after a panic
//! the WebAssembly instance cannot run event handlers any more.

/// The screen's words in both languages. They are here, not in the catalogs: the release build
/// reads its English catalog from a file when English is first wanted, and a crash must not wait
/// for a file.
const TEXT: [(&str, &str); 2] = [
    ("zh-CN", "出现了意外错误，本工具已停止运行。出错前的每一处修改都已保存在本设备上：可以下载保存的回答，或重新加载页面后继续。"),
    ("en", "Something went wrong and the tool stopped. Every change up to the error was saved on this device: you can download the saved answers, or reload the page and continue."),
];
const DOWNLOAD: &str = "下载保存的回答 / Download saved answers";
const RELOAD: &str = "重新加载 / Reload";

/// Installs the panic hook; called once before the app is rendered.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("brand-self-check crashed: {info}").into());
        if let Some(host) = crate::host_element() {
            show_in(&host);
        }
    }));
}

/// Replaces the host element's content with the crash message.
pub fn show_in(host: &web_sys::Element) -> Option<()> {
    let document = crate::window()?.document()?;
    let el = |tag: &str, class: &str, text: &str| -> Option<web_sys::Element> {
        let e = document.create_element(tag).ok()?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        e.set_text_content(Some(text));
        Some(e)
    };
    let root = el("div", "bsc bsc-crash", "")?;
    root.set_attribute("role", "alert").ok()?;
    for (lang, text) in TEXT {
        let p = el("p", "", text)?;
        p.set_attribute("lang", lang).ok()?;
        root.append_child(&p).ok()?;
    }
    let actions = el("div", "bsc-actions", "")?;
    for (id, json) in crate::storage::all_saved() {
        let a = el("a", "bsc-button", &format!("{DOWNLOAD} ({id})"))?;
        let href = format!("data:application/json;charset=utf-8,{}", String::from(js_sys::encode_uri_component(&json)));
        a.set_attribute("href", &href).ok()?;
        let name: String = id.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
        a.set_attribute("download", &format!("brand-self-check-{name}.json")).ok()?;
        actions.append_child(&a).ok()?;
    }
    let reload = el("a", "bsc-button bsc-button--quiet", RELOAD)?;
    // An empty href reloads the current address.
    reload.set_attribute("href", "").ok()?;
    actions.append_child(&reload).ok()?;
    root.append_child(&actions).ok()?;
    host.set_inner_html("");
    host.append_child(&root).ok()?;
    Some(())
}
