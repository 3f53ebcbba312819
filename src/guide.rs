//! The platform guide: the article's platforms as it organises them (the “北斗七星”
//! matrix of two main and five featured platforms, the corridor nodes, the parks and
//! carriers), each with its names, how many blocks mention it, and the sentences the
//! article says about it. A small diagram (SVG, drawn here) shows the seven stars;
//! choosing a platform, in the diagram or a card, filters the article.

use crate::data::ARTICLE;
use crate::state::{Change, State};
use crate::text::Lang;
use jinyi_core::model::Facet;
use jinyi_core::query::{to_query, Selection};
use leptos::prelude::*;

/// The seven stars of the “北斗七星” matrix, in the order of the platform data
/// (two main, then five featured), at their places in the Big Dipper (viewBox -30 0 380 150).
const STARS: [(f32, f32); 7] = [
    (300.0, 38.0),
    (292.0, 104.0),
    (214.0, 112.0),
    (206.0, 58.0),
    (146.0, 44.0),
    (88.0, 36.0),
    (26.0, 70.0),
];
/// Bowl and handle, as pairs of star indexes.
const LINES: [(usize, usize); 7] = [(0, 1), (1, 2), (2, 3), (3, 0), (3, 4), (4, 5), (5, 6)];

/// Blocks that mention platform `p` (its name, an alias or a part).
fn mentions(p: usize) -> usize {
    ARTICLE
        .blocks
        .iter()
        .filter(|b| b.platforms.iter().any(|t| t.value as usize == p))
        .count()
}

/// The link that shows only platform `p` (works without the app, e.g. opened in a new tab).
fn link_for(p: usize) -> String {
    let mut sel = Selection::default();
    sel.toggle(Facet::Platform, p as u16);
    let q = to_query(&ARTICLE, &sel, None);
    if q.is_empty() {
        "?".into()
    } else {
        q
    }
}

fn choose(st: State, p: usize) {
    st.change(Change::Click, |s| s.toggle(Facet::Platform, p as u16));
}

/// The seven-star diagram.
#[component]
fn Dipper(lang: Lang) -> impl IntoView {
    let st = expect_context::<State>();
    let t = lang.text();
    let seven: Vec<usize> = ARTICLE
        .platforms
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            let g = ARTICLE.platform_groups[p.group as usize].id;
            g == "main" || g == "featured"
        })
        .map(|(i, _)| i)
        .take(STARS.len())
        .collect();
    let lines = LINES
        .iter()
        .filter(|(a, b)| *a < seven.len() && *b < seven.len())
        .map(|&(a, b)| {
            let ((x1, y1), (x2, y2)) = (STARS[a], STARS[b]);
            view! { <line x1=x1 y1=y1 x2=x2 y2=y2 class="dipper-line" /> }
        })
        .collect_view();
    let stars = seven
        .iter()
        .enumerate()
        .map(|(i, &p)| {
            let (x, y) = STARS[i];
            let plat = &ARTICLE.platforms[p];
            let main = ARTICLE.platform_groups[plat.group as usize].id == "main";
            let chosen = move || st.sel.with(|s| s.is_chosen(Facet::Platform, p as u16));
            let label = format!("{} {}", plat.name, plat.en);
            // SVG has no HTML links or buttons: a focusable group with the button role.
            view! {
                <g
                    class="star"
                    class:chosen=chosen
                    role="button"
                    tabindex="0"
                    aria-pressed=move || chosen().to_string()
                    aria-label=label
                    on:click=move |_| choose(st, p)
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" || ev.key() == " " {
                            ev.prevent_default();
                            choose(st, p);
                        }
                    }
                >
                    <circle cx=x cy=y r=if main { 9.0 } else { 6.5 } />
                    <text x=x y=y + if main { 24.0 } else { 20.0 } text-anchor="middle" lang="zh-CN">
                        {plat.name}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="dipper">
            <svg viewBox="-30 0 380 150" role="group" aria-label=t.dipper_title data-dipper="">
                {lines}
                {stars}
            </svg>
            <figcaption>{t.dipper_caption}</figcaption>
        </figure>
    }
}

/// One platform's card.
fn card(p: usize, lang: Lang) -> impl IntoView {
    let st = expect_context::<State>();
    let t = lang.text();
    let plat = &ARTICLE.platforms[p];
    let chosen = move || st.sel.with(|s| s.is_chosen(Facet::Platform, p as u16));
    let part_of = plat
        .part_of
        .map(|parent| format!("{} {}", t.part_of, ARTICLE.platforms[parent as usize].name));
    view! {
        <li class="guide-card" class:chosen=chosen data-guide=plat.name>
            <h4>
                <a
                    href=link_for(p)
                    aria-current=move || chosen().then_some("true")
                    on:click=move |ev| {
                        ev.prevent_default();
                        choose(st, p);
                    }
                >
                    <span lang="zh-CN">{plat.name}</span>
                </a>
            </h4>
            <p class="guide-names">
                <span class="pinyin" lang="zh-Latn">{plat.pinyin}</span>
                " · "
                <span lang="en">{plat.en}</span>
                <span class="own">{t.our_translation}</span>
            </p>
            <p class="guide-meta">
                {format!("{} {} {}", t.mentioned_in, mentions(p), t.results_unit)}
                {part_of.map(|s| view! { <span>" · " {s}</span> })}
            </p>
            <ul class="facts" lang="zh-CN">
                {plat
                    .facts
                    .iter()
                    .map(|f| view! { <li>{f.sentence}</li> })
                    .collect_view()}
            </ul>
        </li>
    }
}

/// The guide: diagram, then the platforms by group.
#[component]
pub fn PlatformGuide(lang: Lang) -> impl IntoView {
    let t = lang.text();
    let groups = ARTICLE
        .platform_groups
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            let cards = (0..ARTICLE.platforms.len())
                .filter(|&p| ARTICLE.platforms[p].group as usize == gi)
                .map(|p| card(p, lang))
                .collect_view();
            let title = match lang {
                Lang::Zh => g.name,
                Lang::En => g.en,
            };
            view! {
                <section class="guide-group">
                    <h3>{title}</h3>
                    <ul class="guide-cards">{cards}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <details class="guide" data-guide-panel="">
            <summary>
                <h2 class="extras-title">{t.guide_title}</h2>
            </summary>
            <p class="guide-note">{t.guide_note}</p>
            <Dipper lang />
            {groups}
        </details>
    }
}
