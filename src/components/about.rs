//! "About these standards": where every indicator and condition comes from, tagged confirmed or
//! our design, with the disclaimer. Reachable from the start page and the report.

use brand_core::standard::{Source, Tag};
use brand_core::{Lang, Standard};
use yew::prelude::*;

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
                <h3>{ s.title.get(lang) }</h3>
                <p>{ s.disclaimer.get(lang) }</p>
                <h4>{ t.about_general }</h4>
                { view_sources(&s.sources, lang) }
                <h4>{ t.about_indicators }</h4>
                <dl class="bsc-about__list">
                    for ind in s.indicators.iter() {
                        <div key={ind.id.to_string()}>
                            <dt>{ format!("{} {} · {} {}", ind.id, ind.title.get(lang), ind.points, t.points) }</dt>
                            <dd>{ view_sources(&ind.sources, lang) }</dd>
                        </div>
                    }
                </dl>
                <h4>{ t.about_gates }</h4>
                <dl class="bsc-about__list">
                    for g in s.gates.iter() {
                        <div key={g.id.to_string()}>
                            <dt>{ format!("{} {}", g.id, g.text.get(lang)) }</dt>
                            <dd>{ view_sources(&g.sources, lang) }</dd>
                        </div>
                    }
                </dl>
            }
            <div class="bsc-actions">
                <button type="button" class="bsc-button" onclick={on_action.reform(move |_| Action::Go(back.clone()))}>{ t.about_back }</button>
            </div>
        </section>
    }
}

fn view_sources(sources: &[Source], lang: Lang) -> Html {
    let t = catalog(lang);
    html! {
        <ul class="bsc-sources-list">
            for (i, src) in sources.iter().enumerate() {
                <li key={i}>
                    <span class={classes!("bsc-tag", tag_class(src.tag))}>{ tag_text(src.tag, t) }</span>
                    { " " }{ src.cite_for(lang).to_owned() }
                    if let Some(note) = &src.note {
                        { " — " }{ note.get(lang) }
                    }
                    if let Some(url) = &src.url {
                        <span class="bsc-url">{ format!(" ({url})") }</span>
                    }
                </li>
            }
        </ul>
    }
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

fn tag_class(tag: Tag) -> &'static str {
    match tag {
        Tag::C => "bsc-tag--c",
        Tag::D => "bsc-tag--d",
        _ => "bsc-tag--other",
    }
}
