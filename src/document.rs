//! The downloaded report as one self-contained HTML document: the report's markup (serialised
//! from the DOM, so already escaped), the widget's style sheet and a title. Pure string work,
//! tested natively: every piece is escaped for the context it goes into.

use brand_core::Lang;

/// Escapes text for an HTML text or attribute-value context.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Makes CSS text safe inside a `<style>` element: a `<` anywhere (for example `</style>` in a
/// `content` string of a rule a host page added) becomes the CSS escape `\3c `, which means the
/// same character to CSS but can never close the element or open a tag.
pub fn escape_css(css: &str) -> String {
    css.replace('<', "\\3c ")
}

/// The whole document.
pub fn report_document(lang: Lang, title: &str, css: &str, report_html: &str) -> String {
    format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" \
         content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{}</style></head><body><div \
         class=\"bsc bsc--standalone bsc--document\">{report_html}</div></body></html>",
        lang.code(),
        escape_html(title),
        escape_css(css),
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_style_rule_cannot_close_the_style_element() {
        let css = r#".bsc::after { content: "</style><script>alert(1)</script>"; }"#;
        let doc = report_document(Lang::En, "t", css, "<p>r</p>");
        assert_eq!(doc.matches("</style>").count(), 1, "{doc}");
        assert!(!doc.contains("<script"), "{doc}");
        assert!(doc.contains(r#"content: "\3c /style>\3c script>alert(1)\3c /script>""#));
    }

    #[test]
    fn the_title_is_escaped() {
        let doc = report_document(Lang::Zh, "A & B </title><script>", "", "");
        assert!(doc.contains("<title>A &amp; B &lt;/title&gt;&lt;script&gt;</title>"));
        assert!(doc.starts_with("<!doctype html><html lang=\"zh-CN\">"));
    }

    #[test]
    fn css_without_angle_brackets_is_unchanged() {
        let css = ".bsc{color:#123}\n@media print{.bsc a::after{content:\" (\" attr(href) \")\"}}";
        assert_eq!(escape_css(css), css);
    }
}
