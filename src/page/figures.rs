//! Key figures: the article's numbers (growth rates, durations, counts, amounts), each
//! verbatim with our English rendering and our label, linked to the block that states
//! it. Only figures that measure the same thing in the same unit get bars, drawn against
//! each other (`core::chart`); the others are numbers. A row names its block
//! (`data-figure-block`) and a bar its comparison (`data-compare`): the app hides the
//! rows of blocks the filters leave out, and a bar whose comparison has only one row left
//! (`crate::view::FiguresView`).

use super::reader;
use super::words::{both, w};
use jinyi_core::chart::bar_percents;
use jinyi_core::model::FigureKind;
use jinyi_core::text::Text;
use leptos::prelude::*;

const KINDS: [FigureKind; 4] = [
    FigureKind::Rate,
    FigureKind::Duration,
    FigureKind::Count,
    FigureKind::Amount,
];

fn kind_title(kind: FigureKind) -> fn(&'static Text) -> &'static str {
    match kind {
        FigureKind::Rate => |t| t.rates,
        FigureKind::Duration => |t| t.durations,
        FigureKind::Count => |t| t.counts,
        FigureKind::Amount => |t| t.amounts,
    }
}

#[component]
pub fn KeyFigures() -> impl IntoView {
    let r = reader();
    let a = r.article;
    let shown = move |i: usize| r.with(|v| v.figures.shown[i]);
    let bars = bar_percents(a.figures);
    let groups = KINDS
        .iter()
        .map(|&kind| {
            let members: Vec<usize> = (0..a.figures.len())
                .filter(|&i| a.figures[i].kind == kind)
                .collect();
            let rows = members
                .iter()
                .map(|&i| {
                    let f = &a.figures[i];
                    let id = a.blocks[f.block as usize].id;
                    let bar = bars[i].map(|width| {
                        view! {
                            <svg
                                class="bar"
                                viewBox="0 0 100 8"
                                preserveAspectRatio="none"
                                aria-hidden="true"
                                data-compare=f.compare
                                display=move || (!r.with(|v| v.figures.bar[i])).then_some("none")
                            >
                                <rect width=format!("{width:.1}") height="8" rx="1.5" />
                            </svg>
                        }
                    });
                    view! {
                        <li class="figure-row" data-figure=f.text data-figure-block=id hidden=move || !shown(i)>
                            <a href=["#", id].concat() class="figure-link" on:click=move |_| r.figure.set(Some(i))>
                                <span class="figure-value" lang="zh-CN">{f.text}</span>
                                // Our English rendering, in English only and only when it
                                // says more than the verbatim value ("180 days", not "8.1%").
                                {(f.text_en != f.text).then(|| view! { <span class="en figure-en" lang="en">{f.text_en}</span> })}
                                <span class="figure-label">{both(f.label, f.label_en)}</span>
                            </a>
                            {bar}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section
                    class="figure-group"
                    data-figure-group=""
                    hidden=move || !members.iter().any(|&i| shown(i))
                >
                    <h3>{w(kind_title(kind))}</h3>
                    <ul>{rows}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <details class="key-figures" data-key-figures="">
            <summary id="figures">
                <h2 class="extras-title">{w(|t| t.figures_title)}</h2>
            </summary>
            <p class="guide-note">{w(|t| t.figures_note)}</p>
            <p class="figures-none" data-figures-none="" hidden=move || !r.with(|v| v.figures.none)>{w(|t| t.figures_none)}</p>
            <p class="figures-none" data-figures-nocompare="" hidden=move || !r.with(|v| v.figures.nocompare)>{w(|t| t.figures_nocompare)}</p>
            <div class="figure-groups">{groups}</div>
        </details>
    }
}
