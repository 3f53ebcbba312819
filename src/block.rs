//! One block as the reader sees it: its text cut into plain, highlighted and credit runs
//! (by the core's `highlight`), with a marker where the source lacks text. Everything
//! is rendered as text nodes: no markup is ever built from strings.

use crate::data::ARTICLE;
use crate::state::State;
use crate::text::{Lang, Text};
use jinyi_core::filter::Via;
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
    let b = &ARTICLE.blocks[block];
    let why = Memo::new(move |_| {
        st.sel.with(|s| {
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
                .collect::<Vec<String>>()
                .join(" · ")
        })
    });
    move || {
        why.with(|w| {
            (!w.is_empty()).then(|| {
                view! {
                    <p class="why">
                        <span>{t.why}</span>
                        {w.clone()}
                    </p>
                }
            })
        })
    }
}

/// Why the search matched beyond the characters typed: by pinyin or an English name.
fn search_reasons(block: usize, t: &'static Text) -> impl IntoView {
    let st = expect_context::<State>();
    let text = ARTICLE.blocks[block].text;
    let why = Memo::new(move |_| {
        st.outcome.with(|o| {
            o.via[block]
                .iter()
                .map(|v| match v {
                    Via::Pinyin(q) => {
                        let mut chars: Vec<&str> =
                            o.hits[block].iter().map(|r| &text[r.clone()]).collect();
                        chars.dedup();
                        format!("{} {q} → {}", t.via_pinyin, chars.join("、"))
                    }
                    Via::English { facet, value } => format!(
                        "{} {} → {}",
                        t.via_english,
                        ARTICLE.value_en(*facet, *value as usize),
                        ARTICLE.value_name(*facet, *value as usize)
                    ),
                })
                .collect::<Vec<String>>()
                .join(" · ")
        })
    });
    move || why.with(|w| (!w.is_empty()).then(|| view! { <p class="why via">{w.clone()}</p> }))
}

/// A paragraph or figure caption with `data-block`, rendered once and then only
/// updated: `hidden` when it does not match (unless the whole article is shown in
/// context), `data-match`, and its text runs when its search hits change.
#[component]
pub fn BlockView(block: usize, lang: Lang) -> impl IntoView {
    let st = expect_context::<State>();
    let t = lang.text();
    let b = &ARTICLE.blocks[block];
    let matched = Memo::new(move |_| st.outcome.with(|o| o.matched[block]));
    let hits = Memo::new(move |_| st.outcome.with(|o| o.hits[block].clone()));
    let hidden = move || !matched.get() && !st.context.get();
    let data_match = move || if matched.get() { "1" } else { "0" };
    let body = move || hits.with(|h| runs(block, h, t));
    let element = match b.kind {
        BlockKind::Figure { .. } => view! {
            <figure class="block figure" id=b.id lang="zh-CN" data-block=b.id data-match=data_match hidden=hidden>
                <span class="photo-label" aria-hidden="true" lang=lang.tag()>{t.photo}</span>
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
                <p class=class id=b.id lang="zh-CN" data-block=b.id data-match=data_match hidden=hidden>
                    {body}
                </p>
            }
            .into_any()
        }
    };
    view! {
        <div class="block-row" hidden=hidden>
            {element}
            {move || matched.get().then(|| view! { {reasons(block, t)} {search_reasons(block, t)} })}
        </div>
    }
}
