//! The filter panel: the search box and a button per facet value (spirits, topics,
//! platforms by group, projects), each with how many blocks it gives in the default state.

use super::words::{both, w};
use super::Ctx;
use jinyi_core::model::{Facet, ThemeKind};
use jinyi_core::text::{EN, ZH};
use leptos::prelude::*;

/// One facet value as a toggle button (`data-facet`, `data-value`, `data-count`,
/// `aria-pressed`: the public test markup; `data-also`: its aliases, space-separated).
fn facet_button(cx: Ctx, facet: Facet, value: usize) -> impl IntoView {
    let a = cx.article;
    let count = cx.outcome.facet_counts[facet as usize][value];
    // Other names a link may use for the value (for the page's first-paint step).
    let aliases = a.value_aliases(facet, value);
    let also = (!aliases.is_empty()).then(|| aliases.join(" "));
    view! {
        <button
            type="button"
            class="facet"
            data-facet=facet.key()
            data-value=a.value_name(facet, value)
            data-also=also
            aria-pressed="false"
            disabled=count == 0
            data-count=count.to_string()
        >
            <span class="facet-name" lang="zh-CN">{a.value_name(facet, value)}</span>
            <span class="facet-en" lang="en">{a.value_en(facet, value)}</span>
            <span class="facet-count">{count.to_string()}</span>
        </button>
    }
}

/// A titled group of facet buttons; themes show their definition under each button.
fn group(cx: Ctx, title: AnyView, facet: Facet, values: Vec<usize>) -> impl IntoView {
    let defs = facet == Facet::Theme;
    let items = values
        .into_iter()
        .map(|v| {
            let def = defs.then(|| {
                let t = &cx.article.themes[v];
                view! { <span class="facet-def">{both(t.definition, t.definition_en)}</span> }
            });
            view! { <li>{facet_button(cx, facet, v)}{def}</li> }
        })
        .collect_view();
    view! {
        <fieldset class="facet-group">
            <legend>{title}</legend>
            <ul class=if defs { "facet-list with-defs" } else { "facet-list" }>{items}</ul>
        </fieldset>
    }
}

/// The search box; the notice under it shows when a query is cut to the maximum length.
fn search_box() -> impl IntoView {
    view! {
        <div class="search">
            <label for="search">{w(|t| t.search)}</label>
            <input
                id="search"
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder=ZH.search_placeholder
                data-en-placeholder=EN.search_placeholder
            />
            <p class="search-cut" role="status" data-search-cut="" hidden>{w(|t| t.search_cut)}</p>
        </div>
    }
}

/// The whole panel's content.
pub fn filter_panel(cx: Ctx) -> impl IntoView {
    let a = cx.article;
    let themes = |kind: ThemeKind| -> Vec<usize> {
        (0..a.themes.len())
            .filter(|&i| a.themes[i].kind == kind)
            .collect()
    };
    let platform_groups = a
        .platform_groups
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            let values = (0..a.platforms.len())
                .filter(|&p| a.platforms[p].group as usize == gi)
                .collect();
            group(cx, both(g.name, g.en).into_any(), Facet::Platform, values)
        })
        .collect_view();
    view! {
        {search_box()}
        {group(cx, w(|t| t.spirits).into_any(), Facet::Theme, themes(ThemeKind::Spirit))}
        {group(cx, w(|t| t.topics).into_any(), Facet::Theme, themes(ThemeKind::Topic))}
        <h2 class="panel-heading">{w(|t| t.platforms)}</h2>
        {platform_groups}
        {group(cx, w(|t| t.projects).into_any(), Facet::Project, (0..a.projects.len()).collect())}
    }
}
