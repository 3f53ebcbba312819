//! The platform guide: the article's platforms as it organises them (the “北斗七星”
//! matrix of two main and five distinctive platforms, the avenue and the places along
//! it, the freight trains, the parks and markets, the app), each with its names, what it
//! is, how many blocks mention it, and the sentences the article says about it (the
//! English names are ours; the guide's note says so once). A diagram (SVG) shows the seven stars. Choosing a platform,
//! in the diagram or a card, filters the article (the app; without it a card's link
//! opens the filtered page).

use super::words::{both, w};
use super::{aria, reader};
use crate::reader::Reader;
use crate::view::num;
use jinyi_core::model::Facet;
use jinyi_core::query::{to_query, Selection};
use jinyi_core::text::Text;
use leptos::prelude::*;

/// The seven stars at their places in the Big Dipper (viewBox 0 0 400 170), in the order
/// of `Article::seven_stars`: the bowl (two main platforms, then two featured), then
/// the handle.
const STARS: [(f32, f32); 7] = [
    (360.0, 30.0),
    (350.0, 125.0),
    (255.0, 140.0),
    (245.0, 62.0),
    (170.0, 46.0),
    (100.0, 38.0),
    (30.0, 82.0),
];
/// Bowl and handle, as pairs of star indexes.
const LINES: [(usize, usize); 7] = [(0, 1), (1, 2), (2, 3), (3, 0), (3, 4), (4, 5), (5, 6)];
/// A star's radius, and the radius it answers a click or tap within (a 24 px target at
/// the diagram's smallest width, 20rem).
const RADIUS: [f32; 2] = [13.0, 10.0];
const TARGET: f32 = 16.0;

/// The link that shows only platform `p`.
fn link_for(r: Reader, p: usize) -> String {
    let mut sel = Selection::default();
    sel.toggle(Facet::Platform, p as u16);
    to_query(r.article, &sel, None)
}

/// Whether platform `p` is chosen.
fn chosen(r: Reader, p: usize) -> bool {
    r.value(Facet::Platform, p).pressed
}

/// A pick in the guide: toggles the platform and brings the results into view. On a
/// narrow screen, where the count and chips do not stay in view, the guide closes and
/// the status line comes to the top, the first result under it.
fn pick(r: Reader, p: usize) {
    r.toggle(Facet::Platform, p);
    if crate::browser::narrow() {
        if let Some(guide) = crate::browser::element("guide-panel") {
            let _ = guide.remove_attribute("open");
        }
        r.reveal_status();
    } else {
        r.reveal();
    }
}

/// The seven-star diagram: numbered stars, and a legend of buttons that name them (the
/// legend is what keyboards and screen readers use; the stars answer a pointer).
fn dipper() -> impl IntoView {
    let r = reader();
    let a = r.article;
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
        .enumerate()
        .map(|(i, (&(p, main), (x, y)))| {
            let radius = RADIUS[usize::from(!main)];
            view! {
                <g class="star" class:chosen=move || chosen(r, p) data-star=a.platforms[p].name on:click=move |_| pick(r, p)>
                    <circle class="target" cx=x cy=y r=TARGET />
                    <circle cx=x cy=y r=radius />
                    <text x=x y=y + 4.5 text-anchor="middle">{num(i + 1)}</text>
                </g>
            }
        })
        .collect_view();
    let legend = seven
        .iter()
        .enumerate()
        .map(|(i, &(p, _))| {
            let plat = &a.platforms[p];
            view! {
                <li>
                    <button
                        type="button"
                        class="star-key"
                        class:chosen=move || chosen(r, p)
                        data-star=plat.name
                        aria-pressed=move || aria(chosen(r, p))
                        on:click=move |_| pick(r, p)
                    >
                        <span class="star-n" aria-hidden="true">{num(i + 1)}</span>
                        <span lang="zh-CN">{plat.name}</span>
                        <span class="en" lang="en">{plat.en}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <figure class="dipper">
            <svg viewBox="0 0 400 170" aria-hidden="true" data-dipper="">
                {lines}
                {stars}
            </svg>
            <ol class="dipper-legend">{legend}</ol>
            <figcaption>{w(|t| t.dipper_caption)}</figcaption>
            <p class="guide-count" aria-live="polite" data-guide-count="">{super::status::count_words(false)}</p>
        </figure>
    }
}

/// One platform's card.
fn card(p: usize) -> impl IntoView {
    let r = reader();
    let a = r.article;
    let plat = &a.platforms[p];
    // How many blocks mention it in the whole article (the rendered state's count).
    let n = r.with_untracked(|v| v.outcome.facet_counts[Facet::Platform as usize][p]);
    let mentions = num(n);
    let unit: fn(&'static Text) -> &'static str = if n == 1 {
        |t| t.result_unit
    } else {
        |t| t.results_unit
    };
    let unit = w(unit);
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
        <li class="guide-card" class:chosen=move || chosen(r, p) data-guide=plat.name>
            <h4>
                <a
                    href=link_for(r, p)
                    data-guide-link=plat.name
                    aria-current=move || chosen(r, p).then_some("true")
                    on:click=move |e| {
                        e.prevent_default();
                        pick(r, p);
                    }
                >
                    <span lang="zh-CN">{plat.name}</span>
                </a>
            </h4>
            <p class="guide-names">
                <span class="pinyin" lang="zh-Latn">{plat.pinyin}</span>
                " · "
                <span lang="en">{plat.en}</span>
            </p>
            <p class="guide-meta">
                <span class="guide-kind">{both(plat.kind, plat.kind_en)}</span>
                " · "
                {w(|t| t.mentioned_in)} " " {mentions} " " {unit} {part_of}
            </p>
            <ul class="facts" lang="zh-CN">{facts}</ul>
        </li>
    }
}

/// The guide: diagram, then the platforms by group.
#[component]
pub fn PlatformGuide() -> impl IntoView {
    let a = reader().article;
    let groups = a
        .platform_groups
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            let cards = (0..a.platforms.len())
                .filter(|&p| a.platforms[p].group as usize == gi)
                .map(card)
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
        <details class="guide" id="guide-panel" data-guide-panel="">
            <summary id="guide">
                <h2 class="extras-title">{w(|t| t.guide_title)}</h2>
            </summary>
            <p class="guide-note">{w(|t| t.guide_note)}</p>
            {dipper()}
            {groups}
        </details>
    }
}
