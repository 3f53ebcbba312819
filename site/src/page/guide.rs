//! The platform guide: the article's platforms as it organises them (the “北斗七星”
//! matrix of two main and five featured platforms, the corridor nodes, the parks and
//! carriers), each with its names, how many blocks mention it, and the sentences the
//! article says about it. A diagram (SVG) shows the seven stars. Choosing a platform,
//! in the diagram or a card, filters the article (the app; without it a card's link
//! opens the filtered page).

use super::words::{both, w};
use super::Ctx;
use jinyi_core::model::Facet;
use jinyi_core::query::{to_query, Selection};
use jinyi_core::text::{EN, ZH};
use leptos::prelude::*;

/// The seven stars at their places in the Big Dipper (viewBox -30 0 380 150), in the
/// order of `Article::seven_stars`.
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

/// The link that shows only platform `p`.
fn link_for(cx: Ctx, p: usize) -> String {
    let mut sel = Selection::default();
    sel.toggle(Facet::Platform, p as u16);
    to_query(cx.article, &sel, None)
}

fn dipper(cx: Ctx) -> impl IntoView {
    let a = cx.article;
    let seven = a.seven_stars();
    let lines = LINES
        .iter()
        .filter(|(s, e)| *s < seven.len() && *e < seven.len())
        .map(|&(s, e)| {
            let ((x1, y1), (x2, y2)) = (STARS[s], STARS[e]);
            view! { <line x1=x1 y1=y1 x2=x2 y2=y2 class="dipper-line" /> }
        })
        .collect_view();
    let stars = seven
        .iter()
        .zip(STARS)
        .map(|(&(p, main), (x, y))| {
            let plat = &a.platforms[p];
            // SVG has no HTML buttons: a focusable group with the button role.
            view! {
                <g
                    class="star"
                    data-star=plat.name
                    role="button"
                    tabindex="0"
                    aria-pressed="false"
                    aria-label=format!("{} {}", plat.name, plat.en)
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
            <svg
                viewBox="-30 0 380 150"
                role="group"
                aria-label=ZH.dipper_title
                data-en-aria-label=EN.dipper_title
                data-dipper=""
            >
                {lines}
                {stars}
            </svg>
            <figcaption>{w(|t| t.dipper_caption)}</figcaption>
        </figure>
    }
}

/// One platform's card.
fn card(cx: Ctx, p: usize) -> impl IntoView {
    let a = cx.article;
    let plat = &a.platforms[p];
    let n = cx.outcome.facet_counts[Facet::Platform as usize][p];
    let mentions = n.to_string();
    let unit = if n == 1 {
        w(|t| t.result_unit).into_any()
    } else {
        w(|t| t.results_unit).into_any()
    };
    let part_of = plat.part_of.map(|parent| {
        let parent = a.platforms[parent as usize].name;
        view! { " · " {w(|t| t.part_of)} " " <span lang="zh-CN">{parent}</span> }
    });
    let facts = plat
        .facts
        .iter()
        .map(|f| view! { <li>{f.sentence}</li> })
        .collect_view();
    view! {
        <li class="guide-card" data-guide=plat.name>
            <h4>
                <a href=link_for(cx, p) data-guide-link=plat.name>
                    <span lang="zh-CN">{plat.name}</span>
                </a>
            </h4>
            <p class="guide-names">
                <span class="pinyin" lang="zh-Latn">{plat.pinyin}</span>
                " · "
                <span lang="en">{plat.en}</span>
                <span class="own">{w(|t| t.our_translation)}</span>
            </p>
            <p class="guide-meta">{w(|t| t.mentioned_in)} " " {mentions} " " {unit} {part_of}</p>
            <ul class="facts" lang="zh-CN">{facts}</ul>
        </li>
    }
}

/// The guide: diagram, then the platforms by group.
pub fn platform_guide(cx: Ctx) -> impl IntoView {
    let a = cx.article;
    let groups = a
        .platform_groups
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            let cards = (0..a.platforms.len())
                .filter(|&p| a.platforms[p].group as usize == gi)
                .map(|p| card(cx, p))
                .collect_view();
            view! {
                <section class="guide-group">
                    <h3>{both(g.name, g.en)}</h3>
                    <ul class="guide-cards">{cards}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <details class="guide" data-guide-panel="">
            <summary>
                <h2 class="extras-title">{w(|t| t.guide_title)}</h2>
            </summary>
            <p class="guide-note">{w(|t| t.guide_note)}</p>
            {dipper(cx)}
            {groups}
        </details>
    }
}
