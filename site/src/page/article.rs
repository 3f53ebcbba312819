//! The article: the empty state, the series banner, and the sections with their blocks in
//! reading order. A block's text is cut into plain, credit and missing-passage runs by the
//! core (`highlight::segments`); the app later wraps search matches in `<mark>`.
//! Each block lists its facet values (`data-theme`, `data-platform`, `data-project`,
//! canonical names separated by spaces) for the page's first-paint step.

use super::words::w;
use super::Ctx;
use jinyi_core::highlight::{segments, Segment};
use jinyi_core::model::{Block, BlockKind, Facet};
use jinyi_core::text::{EN, ZH};
use leptos::prelude::*;

/// The block's text runs (no highlights: the default state has no search).
fn runs(b: &'static Block) -> impl IntoView {
    segments(b, &[])
        .into_iter()
        .map(|seg| match seg {
            Segment::Text {
                text, credit: true, ..
            } => view! { <span class="credit">{text}</span> }.into_any(),
            Segment::Text { text, .. } => text.into_any(),
            Segment::Missing => view! {
                <span
                    class="missing"
                    data-missing=""
                    role="note"
                    title=ZH.missing_long
                    data-en-title=EN.missing_long
                >
                    {w(|t| t.missing)}
                </span>
            }
            .into_any(),
        })
        .collect_view()
}

/// The canonical names of a block's values in one facet, separated by spaces.
fn names(cx: Ctx, b: &Block, f: Facet) -> String {
    let names: Vec<&str> = b
        .tags(f)
        .iter()
        .map(|t| cx.article.value_name(f, t.value as usize))
        .collect();
    names.join(" ")
}

/// A paragraph or caption (`data-block`, `data-match`), its link (`data-permalink`, a
/// real link that works without the app, which also copies it) and its citation button
/// (`data-cite`), then the lines that say why it matched (empty and hidden until a filter
/// or search explains it). A block takes focus when a link leads to it
/// (`tabindex="-1"`: not a tab stop).
fn block(cx: Ctx, i: usize) -> impl IntoView {
    let b = &cx.article.blocks[i];
    let (theme, platform, project) = (
        names(cx, b, Facet::Theme),
        names(cx, b, Facet::Platform),
        names(cx, b, Facet::Project),
    );
    // The attributes a paragraph and a caption share.
    let common = view! {
        <{..}
            id=b.id
            tabindex="-1"
            lang="zh-CN"
            data-block=b.id
            data-match="1"
            data-theme=theme
            data-platform=platform
            data-project=project
        />
    };
    let element = match b.kind {
        BlockKind::Figure { .. } => view! {
            <figure class="block figure" {..common}>
                <span class="photo-label" aria-hidden="true">{w(|t| t.photo)}</span>
                <figcaption>{runs(b)}</figcaption>
            </figure>
        }
        .into_any(),
        BlockKind::Intro | BlockKind::Paragraph => view! {
            <p class=if b.kind == BlockKind::Intro { "block intro" } else { "block" } {..common}>
                {runs(b)}
            </p>
        }
        .into_any(),
    };
    view! {
        <div class="block-row">
            {element}
            <p class="block-tools">
                <a class="permalink" href=format!("#{}", b.id) data-permalink=b.id aria-label=ZH.permalink data-en-aria-label=EN.permalink>"#"</a>
                <button type="button" class="cite" data-cite=b.id aria-label=ZH.cite data-en-aria-label=EN.cite>"❝"</button>
            </p>
            <p class="why" data-why="" hidden><span>{w(|t| t.why)}</span><span data-why-text=""></span></p>
            <p class="why via" data-via="" hidden></p>
        </div>
    }
}

/// One section: its heading with the count of matching blocks, then its blocks.
fn section(cx: Ctx, index: usize) -> impl IntoView {
    let sec = &cx.article.sections[index];
    let count = cx.outcome.section_counts[index].to_string();
    let heading = match sec.heading {
        Some(h) => view! { <span lang="zh-CN">{h.text}</span> }.into_any(),
        None => view! { <span class="section-lead">{w(|t| t.lead)}</span> }.into_any(),
    };
    let blocks = (sec.first as usize..(sec.first + sec.len) as usize)
        .map(|i| block(cx, i))
        .collect_view();
    view! {
        <section
            class="section"
            data-section=sec.id
            data-section-count=cx.outcome.section_counts[index].to_string()
            aria-labelledby=format!("section-{}", sec.id)
        >
            <h2 id=format!("section-{}", sec.id)>{heading} <span class="section-count">{count}</span></h2>
            {blocks}
        </section>
    }
}

/// The empty state, the banner and the sections.
pub fn article(cx: Ctx) -> impl IntoView {
    let a = cx.article;
    let sections = (0..a.sections.len())
        .map(|i| {
            let banner = (i == a.banner_before as usize).then(|| {
                let lines = a
                    .banner
                    .iter()
                    .map(|b| view! { <p>{b.text}</p> })
                    .collect_view();
                view! { <div class="banner" lang="zh-CN" data-banner="">{lines}</div> }
            });
            view! { {banner} {section(cx, i)} }
        })
        .collect_view();
    view! {
        <div class="empty" data-empty="" role="status" hidden>
            <p><strong>{w(|t| t.empty_title)}</strong></p>
            <p>{w(|t| t.empty_hint)}</p>
            {super::status::suggestions()}
            <button type="button" data-clear-all="">{w(|t| t.clear_all)}</button>
        </div>
        {sections}
    }
}
