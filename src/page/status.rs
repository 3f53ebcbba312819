//! Above the results: the live count, a chip per possible filter (shown when chosen),
//! "clear all", the context switch, the notices (a paragraph link the filters leave
//! out, a search that found only its terms, link parts not applied), the "searching…"
//! line for links with a search, the print summary, the article map and the copy dialog.

use super::reader;
use super::words::{both, w};
use crate::view::num;
use jinyi_core::model::Facet;
use jinyi_core::query::MAX_IGNORED_KEPT;
use jinyi_core::quote::{source_line, Quoted};
use jinyi_core::text::{Lang, Text, EN, ZH};
use leptos::prelude::*;

/// "显示 n 段" / "Showing n paragraphs" in both languages, the number in `data-n` spans.
/// `with_total`: "n / 31".
pub fn count_words(with_total: bool) -> impl IntoView {
    let r = reader();
    let total = r.article.blocks.len();
    let line = move |t: &'static Text, class: &'static str| {
        let of = if with_total {
            [" / ", &num(total), " "].concat()
        } else {
            " ".to_string()
        };
        // "1 paragraph", "2 paragraphs"; after "n / 31" the unit follows the 31. The
        // first-paint step sets a `data-unit` from `data-one`/`data-many`.
        let unit = move || {
            if with_total {
                t.results_unit
            } else {
                t.paragraphs(r.count.get())
            }
        };
        view! {
            <span class=class>
                {t.results_of} " " <b data-n="">{move || num(r.count.get())}</b> {of}
                <span
                    data-unit=(!with_total).then_some("")
                    data-one=t.result_unit
                    data-many=t.results_unit
                >
                    {unit}
                </span>
            </span>
        }
    };
    view! { {line(&ZH, "zh")} {line(&EN, "en")} }
}

/// The remove button of a chip: "×", named for screen readers in both languages.
fn remove_button(what: impl IntoView + 'static, remove: impl Fn() + 'static) -> impl IntoView {
    let r = reader();
    view! {
        <button
            type="button"
            data-chip-remove=""
            on:click=move |_| {
                remove();
                r.focus_results();
            }
        >
            <span class="vh">{w(|t| t.remove)} " " {what}</span>
            <span aria-hidden="true">"×"</span>
        </button>
    }
}

/// Every chip the reader could need, hidden until its filter is chosen, plus the search's.
fn chips() -> impl IntoView {
    let r = reader();
    let a = r.article;
    let values = Facet::ALL
        .iter()
        .flat_map(|&f| (0..a.facet_len(f)).map(move |v| (f, v)))
        .map(|(f, v)| {
            let name = a.value_name(f, v);
            view! {
                <li
                    class="chip"
                    data-chip=""
                    data-chip-facet=f.key()
                    data-chip-value=name
                    hidden=move || !r.value(f, v).pressed
                >
                    <span lang="zh-CN" class="chip-name">{name}</span>
                    <span class="en chip-en" lang="en">{a.value_en(f, v)}</span>
                    {remove_button(view! { <span lang="zh-CN">{name}</span> }, move || r.toggle(f, v))}
                </li>
            }
        })
        .collect_view();
    let q = move || r.with(|v| v.q.clone());
    view! {
        <ul class="chips">
            {values}
            <li class="chip chip-q" data-chip="" data-chip-facet="q" hidden=move || q().is_empty()>
                <span>{w(|t| t.search_for)} <span data-chip-q="">{q}</span></span>
                {remove_button(w(|t| t.search), move || r.clear_query())}
            </li>
        </ul>
        <button
            type="button"
            class="clear-all"
            data-clear-all=""
            hidden=move || !r.with(|v| v.any)
            on:click=move |_| {
                r.clear_all();
                r.focus_results();
            }
        >
            {w(|t| t.clear_all)}
        </button>
    }
}

/// The status line above the results (the count, announced politely), the notice for
/// a paragraph link the filters leave out, and the line that says when the search shows
/// the paragraphs holding all of its terms rather than the whole query.
#[component]
pub fn Status() -> impl IntoView {
    let r = reader();
    let count = move || r.count.get();
    let terms = move || r.with(|v| v.terms.clone());
    view! {
        <div class="status" node_ref=r.status>
            <p class="result-count" role="status" aria-live="polite" data-result-count=move || num(count())>
                {count_words(true)}
            </p>
            <p class="searching" data-searching="">{w(|t| t.searching)}</p>
            {chips()}
            <button type="button" class="clear-all" data-export="">{w(|t| t.export)}</button>
            <p class="copied" role="status" data-copied="" hidden>{w(|t| t.copied)}</p>
            <label class="context-toggle">
                <input
                    type="checkbox"
                    data-context-toggle=""
                    prop:checked=move || r.with(|v| v.context)
                    on:change=move |e| {
                        let on = event_target_checked(&e);
                        r.set_context(on);
                        // In the whole article, the first match is where reading starts.
                        if on {
                            r.reveal();
                        }
                    }
                />
                {w(|t| t.in_context)}
            </label>
        </div>
        <div class="notice" data-target-notice="" role="status" hidden=move || !r.with(|v| v.target_hidden)>
            <span>{w(|t| t.target_hidden)}</span>
            <button type="button" class="clear-all" data-show-target="" on:click=move |_| r.show_target()>
                {w(|t| t.show_target)}
            </button>
        </div>
        <p class="search-note" data-search-note="" role="status" hidden=move || terms().is_empty()>
            {w(|t| t.all_terms)} <span data-search-terms="" lang="zh-CN">{terms}</span>
        </p>
    }
}

/// Link parts that were not applied: slots for the first few.
#[component]
pub fn IgnoredNotice() -> impl IntoView {
    let r = reader();
    let item = move |i: usize| r.with(|v| v.notice.get(i).cloned());
    let slots = (0..=MAX_IGNORED_KEPT)
        .map(|i| {
            view! {
                <li hidden=move || item(i).is_none()>
                    <code>{move || item(i).unwrap_or_default()}</code>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="notice" data-notice="" role="status" hidden=move || r.with(|v| v.notice.is_empty())>
            <span>{w(|t| t.ignored)}</span>
            <ul>{slots}</ul>
            <button type="button" class="dismiss" data-dismiss="" aria-label="OK" on:click=move |_| r.dismiss_notice()>
                "×"
            </button>
        </div>
    }
}

/// For print: the active filters in words (both languages' "none" when nothing is
/// chosen: the stylesheet shows the reader's).
#[component]
pub fn PrintFilters() -> impl IntoView {
    let r = reader();
    let words = move || {
        let (any, print) = r.with(|v| (v.any, v.print.clone()));
        if any {
            leptos::either::Either::Right(print)
        } else {
            leptos::either::Either::Left(both(ZH.no_filters, EN.no_filters))
        }
    };
    view! {
        <p class="print-only print-filters">
            {w(|t| t.active_filters)} <span data-print-filters="">{words}</span>
        </p>
    }
}

/// For the empty state: the facet values a term of a search that found nothing names
/// (their buttons in the panel are marked `data-suggested`).
pub fn suggestions() -> impl IntoView {
    let r = reader();
    let list = move || r.with(|v| v.suggestions.clone());
    view! {
        <p class="suggest" data-suggest="" hidden=move || list().is_empty()>
            {w(|t| t.try_filters)} <span data-suggest-list="" lang="zh-CN">{list}</span>
        </p>
    }
}

/// The article map: a link per block in reading order, grouped by section, marked
/// `data-hit` when the filters keep it; each names its section and first words. A
/// heading and a legend say what it is; it is one tab stop (the link last moved to),
/// and the arrow keys, Home and End move within it.
#[component]
pub fn Minimap() -> impl IntoView {
    let r = reader();
    let a = r.article;
    let last = a.blocks.len().saturating_sub(1);
    let current = RwSignal::new(0usize);
    let move_to = move |to: usize| {
        current.set(to);
        if let Some(el) = crate::browser::element(&["map-", a.blocks[to].id].concat()) {
            let _ = el.focus();
        }
    };
    let on_key = move |e: leptos::ev::KeyboardEvent| {
        let at = current.get_untracked();
        let to = match e.key().as_str() {
            "ArrowRight" | "ArrowDown" => (at + 1).min(last),
            "ArrowLeft" | "ArrowUp" => at.saturating_sub(1),
            "Home" => 0,
            "End" => last,
            _ => return,
        };
        e.prevent_default();
        move_to(to);
    };
    let sections = a
        .sections
        .iter()
        .map(|sec| {
            let heading = sec.heading.map_or(ZH.lead, |h| h.text);
            let links = (sec.first as usize..(sec.first + sec.len) as usize)
                .map(|b| {
                    let block = &a.blocks[b];
                    let start: String = block.text.chars().take(10).collect();
                    let title = [heading, "：", &start, "…"].concat();
                    let hit = move || r.rows[b].with(|row| row.matched).then_some("");
                    let stop = move || if current.get() == b { "0" } else { "-1" };
                    view! {
                        <li>
                            <a
                                href=["#", block.id].concat()
                                id=["map-", block.id].concat()
                                data-map=block.id
                                data-hit=hit
                                title=title
                                tabindex=stop
                                on:focus=move |_| current.set(b)
                            ></a>
                        </li>
                    }
                })
                .collect_view();
            view! { <li><ol>{links}</ol></li> }
        })
        .collect_view();
    view! {
        <nav class="minimap" data-minimap="" aria-labelledby="minimap-title" on:keydown=on_key>
            <h2 id="minimap-title" class="minimap-title">{w(|t| t.minimap)}</h2>
            <p class="minimap-legend" data-minimap-legend="">
                <span class="key hit" aria-hidden="true"></span>
                {w(|t| t.map_hit)}
                <span class="key" aria-hidden="true"></span>
                {w(|t| t.map_other)}
                <span class="map-keys">{w(|t| t.map_keys)}</span>
            </p>
            <ol>{sections}</ol>
        </nav>
    }
}

/// Where a quotation goes when the clipboard cannot take it, and where an export is
/// offered: the text selected for copying by hand, and a download link. It carries the
/// source line of a quotation in both languages (`{url}` stands for the link), which
/// the page's share step (site/js/share.js) puts under what it copies.
#[component]
pub fn CopyDialog() -> impl IntoView {
    let a = reader().article;
    view! {
        <dialog
            class="copy-dialog"
            data-copy-dialog=""
            aria-labelledby="copy-title"
            data-source-zh=source_line(a, "{url}", Lang::Zh, Quoted::Text)
            data-source-en=source_line(a, "{url}", Lang::En, Quoted::Text)
            data-caption-source-zh=source_line(a, "{url}", Lang::Zh, Quoted::Caption)
            data-caption-source-en=source_line(a, "{url}", Lang::En, Quoted::Caption)
            data-excerpts-zh=ZH.excerpts
            data-excerpts-en=EN.excerpts
            data-tr-label-zh=ZH.translation_label
            data-tr-label-en=EN.translation_label
            data-tr-note-zh=ZH.translation_note
            data-tr-note-en=EN.translation_note
        >
            <p id="copy-title">
                <span data-copy-why="">{w(|t| t.copy_by_hand)}</span>
                <span data-export-why="">{w(|t| t.export)}</span>
            </p>
            <textarea readonly rows="10" data-copy-text="" aria-labelledby="copy-title"></textarea>
            <p>
                // A real address until the share step sets the file's (a link without one
                // is not a link to crawlers).
                <a data-download="" href="./" hidden>{w(|t| t.download)}</a>
                " "
                <button type="button" class="clear-all" data-copy-close="">{w(|t| t.close)}</button>
            </p>
        </dialog>
    }
}
