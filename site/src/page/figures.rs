//! Key figures: the article's numbers (growth rates, durations, counts), each with our
//! label, a bar on its scale (`core::chart`) and a link to the block that states it.
//! A row names its block (`data-figure-block`): the app hides the rows of blocks the
//! filters leave out, so the chart follows the results.

use super::words::{both, w};
use super::Ctx;
use jinyi_core::chart::bar_percents;
use jinyi_core::model::FigureKind;
use jinyi_core::text::Text;
use leptos::prelude::*;

const KINDS: [FigureKind; 3] = [FigureKind::Rate, FigureKind::Duration, FigureKind::Count];

fn kind_title(kind: FigureKind) -> fn(&'static Text) -> &'static str {
    match kind {
        FigureKind::Rate => |t| t.rates,
        FigureKind::Duration => |t| t.durations,
        FigureKind::Count => |t| t.counts,
    }
}

pub fn key_figures(cx: Ctx) -> impl IntoView {
    let a = cx.article;
    let bars = bar_percents(a.figures);
    let groups = KINDS
        .iter()
        .map(|&kind| {
            let rows = (0..a.figures.len())
                .filter(|&i| a.figures[i].kind == kind)
                .map(|i| {
                    let f = &a.figures[i];
                    let id = a.blocks[f.block as usize].id;
                    view! {
                        <li class="figure-row" data-figure=f.text data-figure-block=id>
                            <a href=format!("#{id}") class="figure-link">
                                <span class="figure-value" lang="zh-CN">{f.text}</span>
                                <span class="figure-label">{both(f.label, f.label_en)}</span>
                            </a>
                            <svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                                <rect width=format!("{:.1}", bars[i]) height="8" rx="1.5" />
                            </svg>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="figure-group" data-figure-group="">
                    <h3>{w(kind_title(kind))}</h3>
                    <ul>{rows}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <details class="key-figures" data-key-figures="">
            <summary>
                <h2 class="extras-title">{w(|t| t.figures_title)}</h2>
            </summary>
            <p class="guide-note">{w(|t| t.figures_note)}</p>
            <p class="figures-none" data-figures-none="" hidden>{w(|t| t.figures_none)}</p>
            <div class="figure-groups">{groups}</div>
        </details>
    }
}
