//! The filter panel: the search box and a button per facet value (spirits, topics,
//! platforms by group, projects), each with how many blocks it gives with the reader's
//! other choices.

use super::words::{both, w};
use super::{aria, reader};
use crate::view::num;
use jinyi_core::filter::Group;
use jinyi_core::model::{Facet, ThemeKind};
use jinyi_core::text::EN;
use leptos::prelude::*;

/// One facet value as a toggle button (`data-facet`, `data-value`, `data-count`,
/// `aria-pressed`: the public test markup; `data-group`: the panel group whose values
/// combine with OR; `data-also`: its aliases, space-separated, for the page's
/// first-paint step).
fn facet_button(facet: Facet, value: usize) -> impl IntoView {
    let r = reader();
    let a = r.article;
    let group = match Group::of(a, facet, value) {
        Group::Spirit => "spirit",
        Group::Topic => "topic",
        Group::Platform => "platform",
        Group::Project => "project",
    };
    let v = move || r.value(facet, value);
    let aliases = a.value_aliases(facet, value);
    let also = (!aliases.is_empty()).then(|| aliases.join(" "));
    view! {
        <button
            type="button"
            class="facet"
            data-facet=facet.key()
            data-group=group
            data-value=a.value_name(facet, value)
            data-also=also
            aria-pressed=move || aria(v().pressed)
            disabled=move || v().disabled
            data-count=move || num(v().count)
            data-suggested=move || v().suggested.then_some("")
            on:click=move |_| r.toggle(facet, value)
        >
            <span class="facet-name" lang="zh-CN">{a.value_name(facet, value)}</span>
            <span class="facet-en" lang="en">{a.value_en(facet, value)}</span>
            <span class="facet-count">{move || num(v().count)}</span>
        </button>
    }
}

/// "any of these": the values of a group combine with OR.
fn any_of() -> impl IntoView {
    view! { <span class="any-of">{w(|t| t.any_of)}</span> }
}

/// A titled group of facet buttons; themes show their definition under each button.
/// `any` says after the title that its values combine with OR (the platforms' groups
/// share one such note, on their heading).
fn group(
    title: impl IntoView + 'static,
    facet: Facet,
    values: Vec<usize>,
    any: bool,
) -> impl IntoView {
    let a = reader().article;
    let defs = facet == Facet::Theme;
    let items = values
        .into_iter()
        .map(|v| {
            let def = defs.then(|| {
                let t = &a.themes[v];
                view! { <span class="facet-def">{both(t.definition, t.definition_en)}</span> }
            });
            view! { <li>{facet_button(facet, v)}{def}</li> }
        })
        .collect_view();
    view! {
        <fieldset class="facet-group">
            <legend>{title}{any.then(any_of)}</legend>
            <ul class=if defs { "facet-list with-defs" } else { "facet-list" }>{items}</ul>
        </fieldset>
    }
}

/// The search box; the notice under it shows when a query is cut to the maximum length.
/// Escape clears a search.
fn search_box() -> impl IntoView {
    let r = reader();
    view! {
        <div class="search">
            <label for="search">{w(|t| t.search)}</label>
            <input
                id="search"
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder=move || r.t().search_placeholder
                data-en-placeholder=EN.search_placeholder
                node_ref=r.search
                prop:value=move || r.with(|v| v.typed.clone())
                on:input=move |e| r.type_query(event_target_value(&e))
                on:keydown=move |e| {
                    let typed = r.with_untracked(|v| !v.typed.is_empty());
                    if e.key() == "Escape" && typed {
                        e.prevent_default();
                        e.stop_propagation();
                        r.clear_query();
                    }
                }
            />
            <p class="search-cut" role="status" data-search-cut="" hidden=move || !r.with(|v| v.search_cut)>
                {w(|t| t.search_cut)}
            </p>
        </div>
    }
}

/// The whole panel's content.
#[component]
pub fn FilterPanel() -> impl IntoView {
    let a = reader().article;
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
            group(both(g.name, g.en), Facet::Platform, values, false)
        })
        .collect_view();
    view! {
        {search_box()}
        {group(w(|t| t.spirits), Facet::Theme, themes(ThemeKind::Spirit), true)}
        {group(w(|t| t.topics), Facet::Theme, themes(ThemeKind::Topic), true)}
        <h2 class="panel-heading">{w(|t| t.platforms)}{any_of()}</h2>
        {platform_groups}
        {group(w(|t| t.projects), Facet::Project, (0..a.projects.len()).collect(), true)}
    }
}
