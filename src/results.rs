//! The results side: the live result count, chips for active filters, notices, the
//! empty state, and the article's sections with their matching blocks.

use crate::block::BlockView;
use crate::data::ARTICLE;
use crate::state::{Change, State};
use crate::text::Lang;
use jinyi_core::model::Facet;
use leptos::prelude::*;

/// "Showing n / 31 blocks", announced politely to screen readers.
#[component]
pub fn ResultCount(lang: Lang) -> impl IntoView {
    let st = expect_context::<State>();
    let t = lang.text();
    let count = move || st.outcome.with(|o| o.count);
    let total = ARTICLE.blocks.len();
    view! {
        <p class="result-count" role="status" aria-live="polite" data-result-count=move || count().to_string()>
            {move || t.results(count(), total)}
        </p>
    }
}

/// A removable chip per active filter, plus "clear all".
#[component]
pub fn Chips(lang: Lang) -> impl IntoView {
    let st = expect_context::<State>();
    let t = lang.text();
    move || {
        let sel = st.sel.get();
        if sel.is_empty() {
            return None;
        }
        let mut chips: Vec<AnyView> = Vec::new();
        for f in Facet::ALL {
            for &v in sel.chosen(f) {
                let name = ARTICLE.value_name(f, v as usize);
                let label = format!("{} {name}", t.remove);
                chips.push(
                    view! {
                        <li class="chip" data-chip="">
                            <span lang="zh-CN">{name}</span>
                            <button
                                type="button"
                                aria-label=label
                                on:click=move |_| st.change(Change::Click, |s| s.toggle(f, v))
                            >
                                "×"
                            </button>
                        </li>
                    }
                    .into_any(),
                );
            }
        }
        let q = sel.q.trim().to_string();
        if !q.is_empty() {
            let label = format!("{} {}", t.remove, t.search);
            chips.push(
                view! {
                    <li class="chip chip-q" data-chip="">
                        <span>{format!("{}: {q}", t.search)}</span>
                        <button
                            type="button"
                            aria-label=label
                            on:click=move |_| st.change(Change::Click, |s| s.q.clear())
                        >
                            "×"
                        </button>
                    </li>
                }
                .into_any(),
            );
        }
        Some(view! {
            <ul class="chips">{chips}</ul>
            <button
                type="button"
                class="clear-all"
                data-clear-all=""
                on:click=move |_| st.change(Change::Click, |s| *s = Default::default())
            >
                {t.clear_all}
            </button>
        })
    }
}

/// Parts of the URL that were ignored, in a small dismissible notice.
#[component]
pub fn IgnoredNotice(lang: Lang) -> impl IntoView {
    let st = expect_context::<State>();
    let t = lang.text();
    move || {
        let n = st.ignored.get();
        if n.total == 0 {
            return None;
        }
        let mut items: Vec<String> = n
            .entries
            .iter()
            .map(|i| format!("{}={}", i.key, i.value))
            .collect();
        if n.total > n.entries.len() {
            items.push(format!("… (+{})", n.total - n.entries.len()));
        }
        Some(view! {
            <div class="notice" data-notice="" role="status">
                <span>{t.ignored}</span>
                <ul>{items.into_iter().map(|i| view! { <li><code>{i}</code></li> }).collect_view()}</ul>
                <button type="button" class="dismiss" aria-label="OK" on:click=move |_| st.ignored.set(Default::default())>
                    "×"
                </button>
            </div>
        })
    }
}

/// One section: its heading with a count, then its blocks, rendered once; a change of
/// state only toggles `hidden` and updates counts and highlights.
#[component]
fn SectionView(index: usize, lang: Lang) -> impl IntoView {
    let st = expect_context::<State>();
    let sec = &ARTICLE.sections[index];
    let count = move || st.outcome.with(|o| o.section_counts[index]);
    let visible = Memo::new(move |_| st.context.get() || count() > 0);
    let heading_id = format!("section-{}", sec.id);
    let blocks = (sec.first as usize..(sec.first + sec.len) as usize)
        .map(|b| view! { <BlockView block=b lang /> })
        .collect_view();
    view! {
        <section
            class="section"
            data-section=sec.id
            data-section-count=move || count().to_string()
            aria-labelledby=heading_id.clone()
            hidden=move || !visible.get()
        >
            <h2 id=heading_id.clone()>
                {match sec.heading {
                    Some(h) => view! { <span lang="zh-CN">{h.text}</span> }.into_any(),
                    None => view! { <span class="section-lead">{lang.text().lead}</span> }.into_any(),
                }}
                <span class="section-count">{count}</span>
            </h2>
            {blocks}
        </section>
    }
}

/// The article: banner (when nothing narrows it), sections, or the empty state.
#[component]
pub fn ArticleView(lang: Lang) -> impl IntoView {
    let st = expect_context::<State>();
    let t = lang.text();
    let banner = Memo::new(move |_| st.context.get() || st.sel.with(|s| s.is_empty()));
    let empty = Memo::new(move |_| !st.context.get() && st.outcome.with(|o| o.count == 0));
    let sections = (0..ARTICLE.sections.len())
        .map(|i| {
            let banner_here = (i == ARTICLE.banner_before as usize).then_some(move || {
                banner.get().then(|| {
                    view! {
                        <div class="banner" lang="zh-CN">
                            {ARTICLE.banner.iter().map(|b| view! { <p>{b.text}</p> }).collect_view()}
                        </div>
                    }
                })
            });
            view! {
                {banner_here}
                <SectionView index=i lang />
            }
        })
        .collect_view();
    view! {
        {move || empty.get().then(|| view! {
            <div class="empty" data-empty="" role="status">
                <p><strong>{t.empty_title}</strong></p>
                <p>{t.empty_hint}</p>
                <button type="button" on:click=move |_| st.change(Change::Click, |s| *s = Default::default())>
                    {t.clear_all}
                </button>
            </div>
        })}
        {sections}
    }
}
