//! The article: the empty state, the series banner, and the sections with their blocks in
//! reading order, each with our English beside it (`lang="en"`, class `tr`; the stylesheet
//! shows the original, the English or both by the page's `data-read`). A block's text is
//! cut into plain, credit, missing-passage and search match runs by the core
//! (`highlight::segments`, `segments_en`), again whenever its matches change.
//! Each block lists its facet values (`data-theme`, `data-platform`, `data-project`,
//! canonical names separated by spaces) for the page's first-paint step.

use super::words::w;
use super::{reader, status};
use crate::reader::Reader;
use crate::view::num;
use jinyi_core::highlight::{segments, segments_en, Segment};
use jinyi_core::model::{Block, BlockKind, Facet};
use jinyi_core::search::merge_hits;
use jinyi_core::text::EN;
use leptos::either::{Either, EitherOf4};
use leptos::prelude::*;

/// A text's runs, search matches in `<mark>`.
fn runs(r: Reader, segs: Vec<Segment<'static>>) -> impl IntoView {
    segs.into_iter()
        .map(|seg| match seg {
            Segment::Text {
                text,
                mark: true,
                credit,
            } => EitherOf4::A(view! { <mark class:credit=credit>{text}</mark> }),
            Segment::Text {
                text, credit: true, ..
            } => EitherOf4::B(view! { <span class="credit">{text}</span> }),
            Segment::Text { text, .. } => EitherOf4::C(text),
            Segment::Missing => EitherOf4::D(view! {
                <span
                    class="missing"
                    data-missing=""
                    role="note"
                    title=move || r.t().missing_long
                    data-en-title=EN.missing_long
                >
                    {w(|t| t.missing)}
                </span>
            }),
        })
        .collect_view()
}

/// The canonical names of a block's values in one facet, separated by spaces.
fn names(r: Reader, b: &Block, f: Facet) -> String {
    let names: Vec<&str> = b
        .tags(f)
        .iter()
        .map(|t| r.article.value_name(f, t.value as usize))
        .collect();
    names.join(" ")
}

/// A paragraph or caption (`data-block`, `data-match`), its link (`data-permalink`, a
/// real link that works without the app, which also copies it) and its citation button
/// (`data-cite`; both handled by the page's share step); right under the text, the
/// lines that say why it matched (hidden until a filter or search explains it). A block
/// takes focus when a link leads to it (`tabindex="-1"`: not a tab stop).
fn block(i: usize) -> impl IntoView {
    let r = reader();
    let b = &r.article.blocks[i];
    let row = r.rows[i];
    // Its matches change only with the search (and the key figure followed to it):
    // its text is cut again only then.
    let hits = Memo::new(move |_| {
        let found = r.with(|v| v.outcome.hits[i].clone());
        let figure = r.figure.get().map(|f| &r.article.figures[f]);
        match figure.filter(|f| f.block as usize == i) {
            Some(f) => match b.text.find(f.text) {
                Some(at) => merge_hits(found, std::iter::once(at..at + f.text.len()).collect()),
                None => found,
            },
            None => found,
        }
    });
    let text = move || hits.with(|h| runs(r, segments(b, h)));
    let why = move || row.with(|x| x.why.clone());
    let via = move || row.with(|x| x.via.clone());
    // The attributes a paragraph and a caption share.
    let common = view! {
        <{..}
            id=b.id
            tabindex="-1"
            lang="zh-CN"
            data-block=b.id
            data-match=move || if row.with(|x| x.matched) { "1" } else { "0" }
            data-target=move || (r.marked.get() == Some(i)).then_some("")
            data-theme=names(r, b, Facet::Theme)
            data-platform=names(r, b, Facet::Platform)
            data-project=names(r, b, Facet::Project)
        />
    };
    let element = match b.kind {
        BlockKind::Figure { .. } => Either::Left(view! {
            <figure class="block figure" {..common}>
                <span class="photo-label" aria-hidden="true">{w(|t| t.photo)}</span>
                <figcaption>{text}</figcaption>
            </figure>
        }),
        BlockKind::Intro | BlockKind::Paragraph => Either::Right(view! {
            <p class=if b.kind == BlockKind::Intro { "block intro" } else { "block" } {..common}>
                {text}
            </p>
        }),
    };
    view! {
        <div class="block-row" hidden=move || !row.with(|x| x.shown)>
            {element}
            {english(r, i)}
            <p class="why" data-why="" hidden=move || why().is_empty()>
                <span class="why-label">{w(|t| t.why)}</span>
                <span class="reasons" data-why-text="">
                    {move || {
                        why()
                            .into_iter()
                            .map(|x| view! {
                                <span class="reason">
                                    {x.named}
                                    {x.joint}
                                    {(!x.word.is_empty()).then(|| view! { <mark>{x.word}</mark> })}
                                </span>
                            })
                            .collect_view()
                    }}
                </span>
            </p>
            <p class="why via" data-via="" hidden=move || via().is_empty()>{via}</p>
            <p class="block-tools">
                <a
                    class="permalink"
                    href=["#", b.id].concat()
                    data-permalink=b.id
                    aria-label=move || r.t().permalink
                    data-en-aria-label=EN.permalink
                >
                    "#"
                </a>
                <button
                    type="button"
                    class="cite"
                    data-cite=b.id
                    aria-label=move || r.t().cite
                    data-en-aria-label=EN.cite
                >
                    "❝"
                </button>
            </p>
        </div>
    }
}

/// Our English of block `i` (`data-block-en`, `id` the block's with `-en`), its search
/// matches marked; a caption with its photo label and credit. Nothing when the article
/// was built without a translation.
fn english(r: Reader, i: usize) -> Option<impl IntoView> {
    let b = &r.article.blocks[i];
    let en = r.article.block_en(i)?;
    let hits = Memo::new(move |_| r.with(|v| v.outcome.hits_en[i].clone()));
    let text = move || hits.with(|h| runs(r, segments_en(en, h)));
    let figure = matches!(b.kind, BlockKind::Figure { .. });
    let class = match b.kind {
        BlockKind::Figure { .. } => "tr block-en caption-en",
        BlockKind::Intro => "tr block-en intro",
        BlockKind::Paragraph => "tr block-en",
    };
    Some(view! {
        <p class=class id=[b.id, "-en"].concat() tabindex="-1" lang="en" data-block-en=b.id>
            {figure.then(|| view! { <span class="photo-label" aria-hidden="true">{w(|t| t.photo)}</span> })}
            {text}
            {figure.then(|| view! { " " <span class="credit">{en.credit}</span> })}
        </p>
    })
}

/// A heading or line of the article and our English of it, each in its language.
pub(super) fn with_english(zh: &'static str, en: &'static str) -> impl IntoView {
    view! {
        <span class="orig" lang="zh-CN">{zh}</span>
        {(!en.is_empty()).then(|| view! { <span class="tr" lang="en">{en}</span> })}
    }
}

/// One section: its heading with the count of matching blocks, then its blocks.
fn section(index: usize) -> impl IntoView {
    let r = reader();
    let sec = &r.article.sections[index];
    let count = move || r.with(|v| v.sections[index]);
    let en = r
        .article
        .translation
        .headings
        .get(index)
        .copied()
        .unwrap_or("");
    let heading = match sec.heading {
        Some(h) => Either::Left(view! { <span class="heading">{with_english(h.text, en)}</span> }),
        None => Either::Right(view! { <span class="section-lead">{w(|t| t.lead)}</span> }),
    };
    let blocks = (sec.first as usize..(sec.first + sec.len) as usize)
        .map(block)
        .collect_view();
    view! {
        <section
            class="section"
            data-section=sec.id
            data-section-count=move || num(count().1)
            hidden=move || !count().0
            aria-labelledby=["section-", sec.id].concat()
        >
            <h2 id=["section-", sec.id].concat()>
                {heading} " " <span class="section-count">{move || num(count().1)}</span>
            </h2>
            {blocks}
        </section>
    }
}

/// The empty state, the banner and the sections.
#[component]
pub fn Article() -> impl IntoView {
    let r = reader();
    let a = r.article;
    let sections = (0..a.sections.len())
        .map(|i| {
            let banner = (i == a.banner_before as usize).then(|| {
                let lines = a
                    .banner
                    .iter()
                    .enumerate()
                    .map(|(k, b)| {
                        let en = a.translation.banner.get(k).copied().unwrap_or("");
                        view! { <p>{with_english(b.text, en)}</p> }
                    })
                    .collect_view();
                view! {
                    <div class="banner" data-banner="" hidden=move || !r.with(|v| v.banner)>
                        {lines}
                    </div>
                }
            });
            view! { {banner} {section(i)} }
        })
        .collect_view();
    view! {
        <div class="empty" data-empty="" role="status" hidden=move || !r.with(|v| v.empty)>
            <p><strong>{w(|t| t.empty_title)}</strong></p>
            <p>{w(|t| t.empty_hint)}</p>
            {status::suggestions()}
            <button
                type="button"
                data-clear-all=""
                on:click=move |_| {
                    r.clear_all();
                    r.focus_results();
                }
            >
                {w(|t| t.clear_all)}
            </button>
        </div>
        {sections}
    }
}
