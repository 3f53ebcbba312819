//! Key figures: the article's numbers (growth rates, durations, counts), each drawn as a
//! bar scaled within its kind and linked to the block it comes from. Only the figures
//! of blocks in the current results are shown, so the chart follows the filters.
//! Bars are SVG drawn here; labels are our words, the figures verbatim from the text.

use crate::data::ARTICLE;
use crate::state::State;
use crate::text::Lang;
use jinyi_core::model::FigureKind;
use leptos::prelude::*;

const KINDS: [FigureKind; 3] = [FigureKind::Rate, FigureKind::Duration, FigureKind::Count];

/// A figure's size for the bar: durations in days, the rest as they are.
fn magnitude(value: f64, unit: &str) -> f64 {
    match unit {
        "个月" | "月" => value * 30.0,
        "年" => value * 365.0,
        _ => value,
    }
}

#[component]
pub fn KeyFigures(lang: Lang) -> impl IntoView {
    let st = expect_context::<State>();
    let t = lang.text();
    // Which figures the results hold: the chart is rebuilt only when this set changes.
    let shown_all = Memo::new(move |_| {
        st.outcome.with(|o| {
            (0..ARTICLE.figures.len())
                .filter(|&i| o.matched[ARTICLE.figures[i].block as usize])
                .collect::<Vec<usize>>()
        })
    });
    let groups = move || {
        shown_all.with(|all| {
            KINDS
                .iter()
                .filter_map(|&kind| {
                    let shown: Vec<usize> = all
                        .iter()
                        .copied()
                        .filter(|&i| ARTICLE.figures[i].kind == kind)
                        .collect();
                    if shown.is_empty() {
                        return None;
                    }
                    // Bars compare like with like: within a kind, per unit (days for durations).
                    let unit_of = |i: usize| match kind {
                        FigureKind::Duration => "天",
                        _ => ARTICLE.figures[i].unit,
                    };
                    let max_for = |unit: &str| {
                        shown
                            .iter()
                            .filter(|&&j| unit_of(j) == unit)
                            .map(|&j| magnitude(ARTICLE.figures[j].value, ARTICLE.figures[j].unit))
                            .fold(f64::MIN_POSITIVE, f64::max)
                    };
                    let rows = shown
                        .iter()
                        .copied()
                        .map(|i| {
                            let f = &ARTICLE.figures[i];
                            let b = &ARTICLE.blocks[f.block as usize];
                            let width = (magnitude(f.value, f.unit) / max_for(unit_of(i)) * 100.0).max(2.0);
                            let label = match lang {
                                Lang::Zh => f.label,
                                Lang::En => f.label_en,
                            };
                            view! {
                                <li class="figure-row" data-figure=f.text>
                                    <a href=format!("#{}", b.id) class="figure-link">
                                        <span class="figure-value" lang="zh-CN">{f.text}</span>
                                        <span class="figure-label">{label}</span>
                                    </a>
                                    <svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                                        <rect width=width height="8" rx="1.5" />
                                    </svg>
                                </li>
                            }
                        })
                        .collect_view();
                    let title = match kind {
                        FigureKind::Rate => t.rates,
                        FigureKind::Duration => t.durations,
                        FigureKind::Count => t.counts,
                    };
                    Some(view! {
                        <section class="figure-group">
                            <h3>{title}</h3>
                            <ul>{rows}</ul>
                        </section>
                    })
                })
                .collect_view()
        })
    };
    let any = move || shown_all.with(|all| !all.is_empty());
    view! {
        <details class="key-figures" data-key-figures="">
            <summary>
                <h2 class="extras-title">{t.figures_title}</h2>
            </summary>
            <p class="guide-note">{t.figures_note}</p>
            {move || (!any()).then(|| view! { <p class="figures-none">{t.figures_none}</p> })}
            <div class="figure-groups">{groups}</div>
        </details>
    }
}
