//! One block as the reader sees it: its text cut into plain, highlighted and credit runs
//! (by the core's `highlight`), with a marker where the source lacks text. Everything
//! is rendered as text nodes: no markup is ever built from strings.

use crate::data::ARTICLE;
use crate::state::State;
use crate::text::{Lang, Text};
use jinyi_core::highlight::{segments, Segment};
use jinyi_core::model::{BlockKind, Facet};
use leptos::prelude::*;
use std::ops::Range;

fn runs(block: usize, hits: &[Range<usize>], t: &'static Text) -> impl IntoView {
    segments(&ARTICLE.blocks[block], hits)
        .into_iter()
        .map(|seg| match seg {
            Segment::Text { text, mark, credit } => {
                let inner = if mark {
                    view! { <mark>{text}</mark> }.into_any()
                } else {
                    text.into_any()
                };
                if credit {
                    view! { <span class="credit">{inner}</span> }.into_any()
                } else {
                    inner
                }
            }
            Segment::Missing => view! {
                <span class="missing" data-missing="" role="note" title=t.missing_long>
                    {t.missing}
                </span>
            }
            .into_any(),
        })
        .collect_view()
}

/// Why a block matches the active facet values, for the small "matched:" line.
fn reasons(block: usize, t: &'static Text) -> impl IntoView {
    let st = expect_context::<State>();
    move || {
        let b = &ARTICLE.blocks[block];
        let why: Vec<String> = st.sel.with(|s| {
            Facet::ALL
                .iter()
                .flat_map(|&f| {
                    b.tags(f)
                        .iter()
                        .filter(move |tag| s.is_chosen(f, tag.value))
                        .map(move |tag| {
                            let name = ARTICLE.value_name(f, tag.value as usize);
                            match tag.why {
                                "" => format!("{name} ({})", t.chosen_by_editor),
                                w if w == name => name.to_string(),
                                w => format!("{name} ← {w}"),
                            }
                        })
                })
                .collect()
        });
        (!why.is_empty()).then(|| {
            view! {
                <p class="why">
                    <span>{t.why}</span>
                    {why.join(" · ")}
                </p>
            }
        })
    }
}

/// A paragraph or figure caption with `data-block`, marked as matching or not.
#[component]
pub fn BlockView(
    block: usize,
    matched: bool,
    hits: Vec<Range<usize>>,
    lang: Lang,
) -> impl IntoView {
    let t = lang.text();
    let b = &ARTICLE.blocks[block];
    let data_match = if matched { "1" } else { "0" };
    let body = runs(block, &hits, t);
    let element = match b.kind {
        BlockKind::Figure { .. } => view! {
            <figure class="block figure" data-block=b.id data-match=data_match>
                <span class="photo-label" aria-hidden="true">{t.photo}</span>
                <figcaption lang="zh-CN">{body}</figcaption>
            </figure>
        }
        .into_any(),
        BlockKind::Intro | BlockKind::Paragraph => {
            let class = if b.kind == BlockKind::Intro {
                "block intro"
            } else {
                "block"
            };
            view! {
                <p class=class lang="zh-CN" data-block=b.id data-match=data_match>
                    {body}
                </p>
            }
            .into_any()
        }
    };
    view! {
        <div class="block-row">
            {element}
            {matched.then(|| reasons(block, t))}
        </div>
    }
}
