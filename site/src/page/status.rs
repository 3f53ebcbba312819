//! Above the results: the live count, a chip per possible filter (shown when chosen),
//! "clear all", the context switch, the notice for unrecognised link parts, the
//! "searching…" line for links with a search, and the print summary.

use super::words::{both, w};
use super::Ctx;
use jinyi_core::model::Facet;
use jinyi_core::query::MAX_IGNORED_KEPT;
use jinyi_core::quote::source_line;
use jinyi_core::text::{Lang, EN, ZH};
use leptos::prelude::*;

/// "显示 n / 31 段" in both languages, the number in `data-n` spans (which the page's
/// steps and the app keep equal to the result count). `with_total`: "n / 31".
pub fn count_words(cx: Ctx, with_total: bool) -> impl IntoView {
    let total = cx.article.blocks.len();
    let n = cx.outcome.count.to_string();
    let line = |t: &'static jinyi_core::text::Text, class: &'static str| {
        let of = if with_total {
            format!(" / {total} {}", t.results_unit)
        } else {
            format!(" {}", t.results_unit)
        };
        view! { <span class=class>{t.results_of} " " <b data-n="">{n.clone()}</b> {of}</span> }
    };
    view! { {line(&ZH, "zh")} {line(&EN, "en")} }
}

/// The live result count (`data-result-count`), announced politely.
fn result_count(cx: Ctx) -> impl IntoView {
    view! {
        <p class="result-count" role="status" aria-live="polite" data-result-count=cx.outcome.count.to_string()>
            {count_words(cx, true)}
        </p>
        <p class="searching" data-searching="">{w(|t| t.searching)}</p>
    }
}

/// The remove button of a chip: "×", named for screen readers in both languages.
fn remove_button(what: AnyView) -> impl IntoView {
    view! {
        <button type="button" data-chip-remove="">
            <span class="vh">{w(|t| t.remove)} " " {what}</span>
            <span aria-hidden="true">"×"</span>
        </button>
    }
}

/// Every chip the reader could need, hidden until its filter is chosen, plus the search's.
fn chips(cx: Ctx) -> impl IntoView {
    let a = cx.article;
    let values = Facet::ALL
        .iter()
        .flat_map(|&f| (0..a.facet_len(f)).map(move |v| (f, v)))
        .map(|(f, v)| {
            let name = a.value_name(f, v);
            view! {
                <li class="chip" data-chip="" data-chip-facet=f.key() data-chip-value=name hidden>
                    <span lang="zh-CN" class="chip-name">{name}</span>
                    <span class="en chip-en" lang="en">{a.value_en(f, v)}</span>
                    {remove_button(view! { <span lang="zh-CN">{name}</span> }.into_any())}
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="chips">
            {values}
            <li class="chip chip-q" data-chip="" data-chip-facet="q" hidden>
                <span>{w(|t| t.search)} ": " <span data-chip-q=""></span></span>
                {remove_button(w(|t| t.search).into_any())}
            </li>
        </ul>
        <button type="button" class="clear-all" data-clear-all="" hidden>{w(|t| t.clear_all)}</button>
    }
}

/// The status line above the results, and the line that says when the search shows
/// the paragraphs holding all of its terms rather than the whole query.
pub fn status(cx: Ctx) -> impl IntoView {
    view! {
        <div class="status">
            {result_count(cx)}
            {chips(cx)}
            <button type="button" class="clear-all" data-export="">{w(|t| t.export)}</button>
            <p class="copied" role="status" data-copied="" hidden>{w(|t| t.copied)}</p>
            <label class="context-toggle">
                <input type="checkbox" data-context-toggle="" />
                {w(|t| t.in_context)}
            </label>
        </div>
        <div class="notice" data-target-notice="" role="status" hidden>
            <span>{w(|t| t.target_hidden)}</span>
            <button type="button" class="clear-all" data-show-target="">{w(|t| t.show_target)}</button>
        </div>
        <p class="search-note" data-search-note="" role="status" hidden>
            {w(|t| t.all_terms)} " " <span data-search-terms="" lang="zh-CN"></span>
        </p>
    }
}

/// Link parts that were not applied: slots for the first few, filled in by the app.
pub fn ignored_notice() -> impl IntoView {
    let slots = (0..=MAX_IGNORED_KEPT)
        .map(|_| view! { <li hidden><code></code></li> })
        .collect_view();
    view! {
        <div class="notice" data-notice="" role="status" hidden>
            <span>{w(|t| t.ignored)}</span>
            <ul>{slots}</ul>
            <button type="button" class="dismiss" data-dismiss="" aria-label="OK">"×"</button>
        </div>
    }
}

/// For print: the active filters in words.
pub fn print_filters() -> impl IntoView {
    view! {
        <p class="print-only print-filters">
            {w(|t| t.active_filters)} " " <span data-print-filters="">{both(ZH.no_filters, EN.no_filters)}</span>
        </p>
    }
}

/// For the empty state: the facet values a term of a search that found nothing names
/// (the app writes them, and marks their buttons in the panel with `data-suggested`).
pub fn suggestions() -> impl IntoView {
    view! {
        <p class="suggest" data-suggest="" hidden>
            {w(|t| t.try_filters)} " " <span data-suggest-list="" lang="zh-CN"></span>
        </p>
    }
}

/// The article map: a link per block in reading order, grouped by section, marked
/// `data-hit` when the filters keep it; each names its section and first words.
pub fn minimap(cx: Ctx) -> impl IntoView {
    let a = cx.article;
    let sections = a
        .sections
        .iter()
        .map(|sec| {
            let heading = sec.heading.map_or(ZH.lead, |h| h.text);
            let links = a
                .section_blocks_of(sec)
                .iter()
                .map(|b| {
                    let start: String = b.text.chars().take(10).collect();
                    let title = format!("{heading}：{start}…");
                    view! { <li><a href=format!("#{}", b.id) data-map=b.id data-hit="" title=title></a></li> }
                })
                .collect_view();
            view! { <li><ol>{links}</ol></li> }
        })
        .collect_view();
    view! {
        <nav class="minimap" data-minimap="" aria-label=ZH.minimap data-en-aria-label=EN.minimap>
            <ol>{sections}</ol>
        </nav>
    }
}

/// Where a quotation goes when the clipboard cannot take it, and where an export is
/// offered: the text selected for copying by hand, and a download link. It carries the
/// source line of a quotation in both languages (`{url}` stands for the link), which
/// the page's share step (site/js/share.js) puts under what it copies.
pub fn copy_dialog(cx: Ctx) -> impl IntoView {
    let a = cx.article;
    view! {
        <dialog
            class="copy-dialog"
            data-copy-dialog=""
            aria-labelledby="copy-title"
            data-source-zh=source_line(a, "{url}", Lang::Zh)
            data-source-en=source_line(a, "{url}", Lang::En)
            data-excerpts-zh=ZH.excerpts
            data-excerpts-en=EN.excerpts
        >
            <p id="copy-title">
                <span data-copy-why="">{w(|t| t.copy_by_hand)}</span>
                <span data-export-why="">{w(|t| t.export)}</span>
            </p>
            <textarea readonly rows="10" data-copy-text="" aria-labelledby="copy-title"></textarea>
            <p>
                <a data-download="" hidden>{w(|t| t.download)}</a>
                " "
                <button type="button" class="clear-all" data-copy-close="">{w(|t| t.close)}</button>
            </p>
        </dialog>
    }
}
