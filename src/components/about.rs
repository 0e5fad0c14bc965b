//! "About these standards": where every indicator and condition comes from, tagged confirmed or
//! our design, with the disclaimer. Reachable from the start page and the report.

use brand_core::standard::{Source, Tag};
use brand_core::{Lang, Standard};
use yew::prelude::*;

use crate::components::button::button;
use crate::components::markup::Markup;
use crate::i18n::catalog;
use crate::state::{Action, Dispatch, Screen};

pub fn view_about(s: Option<&Standard>, lang: Lang, back: &Screen, on_action: &Dispatch) -> Html {
    let t = catalog(lang);
    let back = back.clone();
    html! {
        <section class="bsc-about" aria-labelledby="bsc-h">
            <h2 id="bsc-h" tabindex="-1" data-focus="">{ t.about_title }</h2>
            <p>{ t.about_intro }</p>
            <p>{ t.weights_ours }</p>
            <p>{ t.not_official }</p>
            <p class="bsc-hint">{ t.about_tags }</p>
            if let Some(s) = s {
                { standard_sources(s, lang) }
            }
            <div class="bsc-actions">
                { button("bsc-button", t.about_back, on_action.reform(move |_| Action::Go(back.clone()))) }
            </div>
        </section>
    }
}

/// Where a standard's indicators and gates come from, as markup text (see `markup`).
fn standard_sources(s: &Standard, lang: Lang) -> Html {
    let t = catalog(lang);
    let mut m = Markup::new();
    m.el("h3", s.title.get(lang)).el("p", s.disclaimer.get(lang)).el("h4", t.about_general);
    sources_markup(&mut m, &s.sources, lang);
    m.el("h4", t.about_indicators).raw("<dl class=\"bsc-about__list\">");
    for ind in s.indicators.iter() {
        m.raw("<div>")
            .el("dt", &format!("{} {} · {} {}", ind.id, ind.title.get(lang), ind.points, t.points))
            .raw("<dd>");
        sources_markup(&mut m, &ind.sources, lang);
        m.raw("</dd></div>");
    }
    m.raw("</dl>").el("h4", t.about_gates).raw("<dl class=\"bsc-about__list\">");
    for g in s.gates.iter() {
        m.raw("<div>").el("dt", &format!("{} {}", g.id, g.text.get(lang))).raw("<dd>");
        sources_markup(&mut m, &g.sources, lang);
        m.raw("</dd></div>");
    }
    m.raw("</dl>");
    m.into_html()
}

fn sources_markup(m: &mut Markup, sources: &[Source], lang: Lang) {
    let t = catalog(lang);
    m.raw("<ul class=\"bsc-sources-list\">");
    for src in sources.iter() {
        m.raw("<li><span class=\"bsc-tag ").raw(tag_class(src.tag)).raw("\">").text(tag_text(src.tag, t));
        m.raw("</span> ").text(src.cite_for(lang));
        if let Some(note) = &src.note {
            m.text(" — ").text(note.get(lang));
        }
        if let Some(url) = &src.url {
            m.el("span class=\"bsc-url\"", &format!(" ({url})"));
        }
        m.raw("</li>");
    }
    m.raw("</ul>");
}

pub fn tag_text(tag: Tag, t: &crate::i18n::Catalog) -> &'static str {
    match tag {
        Tag::C => t.tag_c,
        Tag::M => t.tag_m,
        Tag::I => t.tag_i,
        Tag::D => t.tag_d,
        Tag::NF => t.tag_nf,
    }
}

pub fn tag_class(tag: Tag) -> &'static str {
    match tag {
        Tag::C => "bsc-tag--c",
        Tag::D => "bsc-tag--d",
        _ => "bsc-tag--other",
    }
}
