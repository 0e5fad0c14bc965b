//! Markup without listeners written as text: one string the browser parses (Yew's raw HTML node)
//! instead of a tree of virtual nodes built by code. A table of a hundred rows is then a loop
//! that appends to a string, where `html!` compiles every element, attribute and child list into
//! its own allocation and reconciliation code (measured in ARCHITECTURE.md, "Speed and size").
//!
//! Only the tags and attributes written in this crate's source are markup: every text and every
//! attribute value that comes from a standard, an answer file or the user goes through
//! [`Markup::text`] or [`Markup::attr`], which escape it. Nothing here may carry a listener, an
//! inline style (a strict CSP blocks it) or a script.

use yew::{AttrValue, Html};

/// The opening tag of a screen's heading: the element the screen is labelled by (`bsc-h`) and the
/// one `hooks::focus` moves the focus to (`[data-focus]`). Closed by `</h2>`.
pub const SCREEN_HEADING: &str = "<h2 id=\"bsc-h\" tabindex=\"-1\" data-focus=\"\">";

#[derive(Default)]
pub struct Markup(String);

impl Markup {
    pub fn new() -> Self {
        Self::default()
    }

    /// Markup written in this crate (a tag with its literal attributes, a closing tag).
    pub fn raw(&mut self, s: &str) -> &mut Self {
        self.0.push_str(s);
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                '\'' => self.0.push_str("&#39;"),
                c => self.0.push(c),
            }
        }
        self
    }

    /// An attribute value, escaped, in double quotes: ` name="value"`.
    pub fn attr(&mut self, name: &str, value: &str) -> &mut Self {
        self.0.push(' ');
        self.0.push_str(name);
        self.0.push_str("=\"");
        self.text(value);
        self.0.push('"');
        self
    }

    /// `<open>text</name>`, where `open` is a tag with its literal attributes (`td class="x"`) and
    /// `name` its first word.
    pub fn el(&mut self, open: &str, text: &str) -> &mut Self {
        let name = open.split(' ').next().unwrap_or(open);
        self.0.push('<');
        self.0.push_str(open);
        self.0.push('>');
        self.text(text);
        self.0.push_str("</");
        self.0.push_str(name);
        self.0.push('>');
        self
    }

    pub fn into_html(self) -> Html {
        Html::from_html_unchecked(AttrValue::from(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::Markup;

    #[test]
    fn text_and_attributes_are_escaped_and_markup_is_not() {
        let mut m = Markup::new();
        m.raw("<p").attr("title", "a\"b<c>").raw(">").text("x & <script>'y'").raw("</p>");
        m.el("td class=\"n\"", "1 < 2");
        assert_eq!(
            m.0,
            "<p title=\"a&quot;b&lt;c&gt;\">x &amp; &lt;script&gt;&#39;y&#39;</p><td class=\"n\">1 &lt; 2</td>"
        );
    }
}
