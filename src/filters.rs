//! The filter panel: the search box and a button per facet value (spirits, topics,
//! platforms by group, projects), each showing how many blocks it would give.

use crate::data::ARTICLE;
use crate::state::{Change, State};
use crate::text::Lang;
use jinyi_core::model::{Facet, ThemeKind};
use jinyi_core::search::MAX_QUERY_CHARS;
use leptos::prelude::*;

/// One facet value as a toggle button.
#[component]
fn FacetButton(facet: Facet, value: u16) -> impl IntoView {
    let st = expect_context::<State>();
    let name = ARTICLE.value_name(facet, value as usize);
    let en = ARTICLE.value_en(facet, value as usize);
    // Memos: a change elsewhere re-runs only these two comparisons, not the DOM updates.
    let count = Memo::new(move |_| {
        st.outcome
            .with(|o| o.facet_counts[facet as usize][value as usize])
    });
    let pressed = Memo::new(move |_| st.sel.with(|s| s.is_chosen(facet, value)));
    let count = move || count.get();
    let pressed = move || pressed.get();
    view! {
        <button
            type="button"
            class="facet"
            data-facet=facet.key()
            data-value=name
            aria-pressed=move || pressed().to_string()
            disabled=move || count() == 0 && !pressed()
            data-count=move || count().to_string()
            on:click=move |_| st.change(Change::Click, |s| s.toggle(facet, value))
        >
            <span class="facet-name" lang="zh-CN">{name}</span>
            <span class="facet-en" lang="en">{en}</span>
            <span class="facet-count">{count}</span>
        </button>
    }
}

/// A titled group of facet buttons; `defs` shows each theme's definition under it.
fn group(
    title: &'static str,
    lang: Lang,
    facet: Facet,
    values: Vec<u16>,
    defs: bool,
) -> impl IntoView {
    let items = values
        .into_iter()
        .map(|v| {
            let def = defs.then(|| {
                let t = &ARTICLE.themes[v as usize];
                let def = match lang {
                    Lang::Zh => t.definition,
                    Lang::En => t.definition_en,
                };
                view! { <span class="facet-def">{def}</span> }
            });
            view! {
                <li>
                    <FacetButton facet value=v />
                    {def}
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="facet-group">
            <legend>{title}</legend>
            <ul class=if defs { "facet-list with-defs" } else { "facet-list" }>{items}</ul>
        </fieldset>
    }
}

/// The search box. Escape clears it.
#[component]
fn SearchBox(lang: Lang) -> impl IntoView {
    let st = expect_context::<State>();
    let t = lang.text();
    let cut = Memo::new(move |_| st.sel.with(|s| s.q.chars().count() > MAX_QUERY_CHARS));
    view! {
        <div class="search">
            <label for="search">{t.search}</label>
            <input
                id="search"
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder=t.search_placeholder
                prop:value=move || st.sel.with(|s| s.q.clone())
                on:input=move |ev| {
                    let q = event_target_value(&ev);
                    st.change(Change::Typing, |s| s.q = q);
                }
                on:keydown=move |ev| {
                    if ev.key() == "Escape" && st.sel.with_untracked(|s| !s.q.is_empty()) {
                        ev.prevent_default();
                        st.change(Change::Click, |s| s.q.clear());
                    }
                }
            />
            {move || cut.get().then(|| view! { <p class="search-cut" role="status">{t.search_cut}</p> })}
        </div>
    }
}

/// The whole panel.
#[component]
pub fn FilterPanel(lang: Lang) -> impl IntoView {
    let t = lang.text();
    let themes = |kind: ThemeKind| -> Vec<u16> {
        (0..ARTICLE.themes.len() as u16)
            .filter(|&i| ARTICLE.themes[i as usize].kind == kind)
            .collect()
    };
    let platform_groups = ARTICLE
        .platform_groups
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            let values: Vec<u16> = (0..ARTICLE.platforms.len() as u16)
                .filter(|&p| ARTICLE.platforms[p as usize].group as usize == gi)
                .collect();
            let title = match lang {
                Lang::Zh => g.name,
                Lang::En => g.en,
            };
            group(title, lang, Facet::Platform, values, false)
        })
        .collect_view();
    let projects: Vec<u16> = (0..ARTICLE.projects.len() as u16).collect();
    view! {
        <SearchBox lang />
        {group(t.spirits, lang, Facet::Theme, themes(ThemeKind::Spirit), true)}
        {group(t.topics, lang, Facet::Theme, themes(ThemeKind::Topic), true)}
        <h2 class="panel-heading">{t.platforms}</h2>
        {platform_groups}
        {group(t.projects, lang, Facet::Project, projects, false)}
    }
}
