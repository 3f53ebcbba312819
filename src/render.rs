//! Writes a view into the adopted page, touching only what differs from the view shown
//! before (`None`: write everything, as after a shared link's first paint).

use crate::data::article;
use crate::dom::{flag, num, set_attr, set_class, set_text, show};
use crate::marks;
use crate::page::Page;
use crate::view::View;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlButtonElement;

#[wasm_bindgen]
extern "C" {
    /// The page's language step (site/js/head.js): words, attributes, title.
    #[wasm_bindgen(js_namespace = jx, js_name = lang, catch)]
    fn page_lang(code: &str) -> Result<(), JsValue>;
}

/// Whether the part `f` of the view differs from the one shown (always without one).
fn differs<T: PartialEq + ?Sized>(
    prev: Option<&View>,
    next: &View,
    f: impl Fn(&View) -> &T,
) -> bool {
    prev.is_none_or(|p| f(p) != f(next))
}

pub fn render(page: &Page, prev: Option<&View>, next: &View) {
    if differs(prev, next, |v| &v.lang) {
        let _ = page_lang(next.lang.code());
    }
    rows(page, prev, next);
    for (i, (section, badge)) in page.sections.iter().enumerate() {
        let (shown, n) = next.sections[i];
        let before = prev.map(|p| p.sections[i]);
        if before.map(|b| b.0) != Some(shown) {
            show(section, shown);
        }
        if before.map(|b| b.1) != Some(n) {
            set_attr(section, "data-section-count", &num(n));
            set_text(badge, &num(n));
        }
    }
    for (f, values) in page.values.iter().enumerate() {
        for (i, v) in values.iter().enumerate() {
            let now = next.values[f][i];
            let before = prev.map(|p| p.values[f][i]);
            if before.map(|b| b.pressed) != Some(now.pressed) {
                let pressed = if now.pressed { "true" } else { "false" };
                set_attr(&v.button, "aria-pressed", pressed);
                show(&v.chip, now.pressed);
            }
            if before.map(|b| b.disabled) != Some(now.disabled) {
                v.button
                    .unchecked_ref::<HtmlButtonElement>()
                    .set_disabled(now.disabled);
            }
            if before.map(|b| b.suggested) != Some(now.suggested) {
                flag(&v.button, "data-suggested", now.suggested);
            }
            if before.map(|b| b.count) != Some(now.count) {
                let n = num(now.count);
                set_attr(&v.button, "data-count", &n);
                set_text(&v.count, &n);
            }
        }
    }
    if differs(prev, next, |v| &v.outcome.count) {
        let n = num(next.outcome.count);
        set_attr(&page.count, "data-result-count", &n);
        for el in &page.count_numbers {
            set_text(el, &n);
        }
    }
    if differs(prev, next, |v| &v.q) {
        show(&page.q_chip, !next.q.is_empty());
        set_text(&page.q_chip_text, &next.q);
    }
    if differs(prev, next, |v| &v.target_hidden) {
        show(&page.target_notice, next.target_hidden);
    }
    if differs(prev, next, |v| &v.terms) {
        show(&page.search_note, !next.terms.is_empty());
        set_text(&page.search_terms, &next.terms);
    }
    if differs(prev, next, |v| &v.suggestions) {
        show(&page.suggest, !next.suggestions.is_empty());
        set_text(&page.suggest_list, &next.suggestions);
    }
    if page.search.value() != next.typed {
        page.search.set_value(&next.typed);
    }
    if differs(prev, next, |v| &v.any) {
        show(&page.clear_all, next.any);
    }
    if differs(prev, next, |v| &v.banner) {
        show(&page.banner, next.banner);
    }
    if differs(prev, next, |v| &v.empty) {
        show(&page.empty, next.empty);
    }
    if differs(prev, next, |v| &v.search_cut) {
        show(&page.search_cut, next.search_cut);
    }
    if differs(prev, next, |v| &v.context) {
        page.context.set_checked(next.context);
    }
    if differs(prev, next, |v| &v.notice) {
        show(&page.notice, !next.notice.is_empty());
        for (i, (li, code)) in page.notice_slots.iter().enumerate() {
            let item = next.notice.get(i);
            show(li, item.is_some());
            set_text(code, item.map_or("", String::as_str));
        }
    }
    if differs(prev, next, |v| &v.print) {
        set_text(&page.print_filters, &next.print);
    }
    figures(page, prev, next);
    guide(page, prev, next);
    if differs(prev, next, |v| &v.chosen) {
        let chosen = page.chosen_count.clone();
        show(&chosen, next.chosen > 0);
        set_text(&chosen, &[" (", &num(next.chosen), ")"].concat());
    }
    if differs(prev, next, |v| &v.context) {
        flag(&page.article, "data-context", next.context);
    }
    if differs(prev, next, |v| &v.drawer) {
        set_class(&page.panel, "open", next.drawer);
        // Open, the drawer is a modal dialog over the page.
        if next.drawer {
            set_attr(&page.panel_box, "role", "dialog");
            set_attr(&page.panel_box, "aria-modal", "true");
        } else {
            let _ = page.panel_box.remove_attribute("role");
            let _ = page.panel_box.remove_attribute("aria-modal");
        }
        set_attr(
            &page.drawer_toggle,
            "aria-expanded",
            if next.drawer { "true" } else { "false" },
        );
        for el in page.covered.iter().chain([&page.drawer_toggle]) {
            flag(el, "inert", next.drawer);
        }
    }
}

/// Blocks: shown or not, marked as a match, highlights, reasons.
fn rows(page: &Page, prev: Option<&View>, next: &View) {
    for (b, row) in page.rows.iter().enumerate() {
        let now = &next.rows[b];
        let before = prev.map(|p| &p.rows[b]);
        if before.map(|r| r.shown) != Some(now.shown) {
            show(&row.row, now.shown);
        }
        if before.map(|r| r.matched) != Some(now.matched) {
            set_attr(
                &row.block,
                "data-match",
                if now.matched { "1" } else { "0" },
            );
            flag(&row.map, "data-hit", now.matched);
        }
        let hits = &next.outcome.hits[b];
        if prev.is_none_or(|p| &p.outcome.hits[b] != hits)
            && !marks::show(&row.block, article().blocks[b].text, hits)
        {
            crate::fault("page", "a block of the page differs from the article");
        }
        if before.map(|r| &r.why) != Some(&now.why) {
            show(&row.why, !now.why.is_empty());
            set_text(&row.why_text, &now.why);
        }
        if before.map(|r| &r.via) != Some(&now.via) {
            show(&row.via, !now.via.is_empty());
            set_text(&row.via, &now.via);
        }
    }
}

/// Key figures follow the results: a row per figure of a shown block, and bars only
/// where two figures of one comparison are left to compare.
fn figures(page: &Page, prev: Option<&View>, next: &View) {
    let shown = |v: &View, i: usize| v.outcome.matched[page.figures[i].block];
    let changed = |i: usize| prev.is_none_or(|p| shown(p, i) != shown(next, i));
    if !(0..page.figures.len()).any(changed) {
        return;
    }
    let mut left: Vec<usize> = Vec::new();
    for (i, f) in page.figures.iter().enumerate() {
        show(&f.row, shown(next, i));
        if let (Some((_, c)), true) = (&f.bar, shown(next, i)) {
            left.resize(left.len().max(c + 1), 0);
            left[*c] += 1;
        }
    }
    for f in &page.figures {
        if let Some((bar, c)) = &f.bar {
            let on = left.get(*c).is_some_and(|&n| n >= 2);
            let _ = if on {
                bar.remove_attribute("display")
            } else {
                bar.set_attribute("display", "none")
            };
        }
    }
    for (group, members) in &page.figure_groups {
        show(group, members.iter().any(|&i| shown(next, i)));
    }
    let any = (0..page.figures.len()).any(|i| shown(next, i));
    show(&page.figures_none, !any);
    show(
        &page.figures_nocompare,
        any && !left.iter().any(|&n| n >= 2),
    );
}

/// The guide's stars and cards show which platforms are chosen.
fn guide(page: &Page, prev: Option<&View>, next: &View) {
    let platforms = jinyi_core::model::Facet::Platform as usize;
    let chosen = |v: &View, p: u16| v.values[platforms][p as usize].pressed;
    for (star, p) in &page.stars {
        if differs(prev, next, |v| &v.values[platforms][*p as usize].pressed) {
            let on = chosen(next, *p);
            set_class(star, "chosen", on);
            set_attr(star, "aria-pressed", if on { "true" } else { "false" });
        }
    }
    for (card, link, p) in &page.cards {
        if differs(prev, next, |v| &v.values[platforms][*p as usize].pressed) {
            let on = chosen(next, *p);
            set_class(card, "chosen", on);
            if on {
                set_attr(link, "aria-current", "true");
            } else {
                let _ = link.remove_attribute("aria-current");
            }
        }
    }
}
