//! The page the build rendered (site/), adopted: every element the app changes, found
//! once by its `data-*` hook and checked against the embedded article. If the page is
//! not the one this app was built with, adopting fails and the page keeps its text.

use crate::data::ARTICLE;
use crate::dom::{all, attr, find, find_doc};
use jinyi_core::model::Facet;
use jinyi_core::query::MAX_IGNORED_KEPT;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, Node};

/// One block: its row (hidden when it does not match), the block itself, and the lines
/// that say why it matched.
pub struct Row {
    pub row: Element,
    /// Its link in the article map.
    pub map: Element,
    pub block: Element,
    pub why: Element,
    pub why_text: Element,
    pub via: Element,
}

/// A facet value's button and its chip.
pub struct Value {
    pub button: Element,
    pub count: Element,
    pub chip: Element,
}

pub struct Figure {
    pub row: Element,
    pub block: usize,
    /// Its bar and the index of its comparison (figures with a bar only).
    pub bar: Option<(Element, usize)>,
}

pub struct Page {
    pub rows: Vec<Row>,
    /// Each section and its count badge.
    pub sections: Vec<(Element, Element)>,
    /// Per facet (`Facet as usize`), per value.
    pub values: [Vec<Value>; 3],
    pub q_chip: Element,
    pub q_chip_text: Element,
    pub clear_all: Element,
    pub count: Element,
    pub count_numbers: Vec<Element>,
    pub banner: Element,
    pub empty: Element,
    pub notice: Element,
    /// The notice's list items and their `<code>`.
    pub notice_slots: Vec<(Element, Element)>,
    pub search: HtmlInputElement,
    pub search_note: Element,
    pub target_notice: Element,
    pub search_terms: Element,
    pub suggest: Element,
    pub suggest_list: Element,
    pub search_cut: Element,
    pub context: HtmlInputElement,
    pub print_filters: Element,
    pub figures: Vec<Figure>,
    /// Each group of figures with the indexes of its figures.
    pub figure_groups: Vec<(Element, Vec<usize>)>,
    pub figures_none: Element,
    pub figures_nocompare: Element,
    /// Stars and guide cards with their platform.
    pub stars: Vec<(Element, u16)>,
    pub cards: Vec<(Element, Element, u16)>,
    pub drawer_toggle: Element,
    /// The status line (count and chips) and the article, for bringing results into view.
    pub status: Element,
    pub article: Element,
    pub print_url: Element,
    pub chosen_count: Element,
    pub panel: Element,
    /// The panel's box: the drawer's dialog on a phone.
    pub panel_box: Element,
    /// What the open drawer covers (made `inert`).
    pub covered: Vec<Element>,
}

/// A block's own text nodes, in order: not the photo label, not the missing-text marker.
pub fn text_nodes(block: &Element) -> Vec<Node> {
    fn walk(node: &Node, out: &mut Vec<Node>) {
        let mut child = node.first_child();
        while let Some(c) = child {
            match c.dyn_ref::<Element>() {
                Some(el) => {
                    let cls = el.class_list();
                    if !cls.contains("missing") && !cls.contains("photo-label") {
                        walk(&c, out);
                    }
                }
                None if c.node_type() == Node::TEXT_NODE => out.push(c.clone()),
                None => {}
            }
            child = c.next_sibling();
        }
    }
    let mut out = Vec::new();
    walk(block, &mut out);
    out
}

fn value_index(facet: Facet, name: Option<String>) -> Option<usize> {
    ARTICLE.value_index(facet, &name?)
}

/// Finds the page's elements. A missing one is noted and stood in for by a detached
/// element, so adopting runs straight through and fails once, at the end (which keeps
/// the Wasm small: no clean-up path per element).
#[derive(Default)]
struct Finder {
    missing: std::cell::Cell<bool>,
}

impl Finder {
    fn or_stand_in(&self, el: Option<Element>) -> Element {
        el.unwrap_or_else(|| {
            self.missing.set(true);
            crate::dom::document()
                .create_element("i")
                .expect("an element")
        })
    }

    /// The first element matching `css` under `at` (the document when `None`).
    fn one(&self, at: Option<&Element>, css: &str) -> Element {
        self.or_stand_in(match at {
            Some(el) => find(el, css),
            None => find_doc(css),
        })
    }

    /// A facet value's index from an attribute (0 when it names none, noted).
    fn value(&self, facet: Facet, el: &Element, name: &str) -> usize {
        value_index(facet, attr(el, name)).unwrap_or_else(|| {
            self.missing.set(true);
            0
        })
    }

    fn check(&self, ok: bool) {
        if !ok {
            self.missing.set(true);
        }
    }
}

impl Page {
    /// Every block's own text, as the page shows it, in reading order.
    pub fn texts(&self) -> Vec<String> {
        self.rows
            .iter()
            .map(|r| {
                text_nodes(&r.block)
                    .iter()
                    .filter_map(|n| n.text_content())
                    .collect()
            })
            .collect()
    }

    /// Finds the page's elements: `None` when the page is not the one this app was built
    /// with (a block, a value or a control differs or is missing).
    pub fn adopt() -> Option<Page> {
        let f = Finder::default();
        let blocks = all(None, "[data-block]");
        f.check(blocks.len() == ARTICLE.blocks.len());
        let mut maps = all(None, "[data-map]").into_iter();
        let rows: Vec<Row> = blocks
            .into_iter()
            .zip(ARTICLE.blocks)
            .map(|(block, b)| {
                f.check(attr(&block, "data-block").as_deref() == Some(b.id));
                let row = f.or_stand_in(block.parent_element());
                let why = f.one(Some(&row), "[data-why]");
                let map = f.or_stand_in(maps.next());
                f.check(attr(&map, "data-map").as_deref() == Some(b.id));
                Row {
                    map,
                    why_text: f.one(Some(&why), "[data-why-text]"),
                    via: f.one(Some(&row), "[data-via]"),
                    why,
                    row,
                    block,
                }
            })
            .collect();
        let sections: Vec<(Element, Element)> = all(None, "[data-section]")
            .into_iter()
            .map(|s| (f.one(Some(&s), ".section-count"), s))
            .map(|(c, s)| (s, c))
            .collect();
        f.check(sections.len() == ARTICLE.sections.len());
        let values = Facet::ALL.map(|facet| {
            let key = facet.key();
            // By value index: the panel orders platforms by group, not by index.
            let mut buttons: Vec<Option<Element>> = vec![None; ARTICLE.facet_len(facet)];
            let mut chips = buttons.clone();
            for b in all(None, &["button[data-facet=\"", key, "\"]"].concat()) {
                let v = f.value(facet, &b, "data-value");
                buttons[v] = Some(b);
            }
            for c in all(None, &["[data-chip-facet=\"", key, "\"]"].concat()) {
                let v = f.value(facet, &c, "data-chip-value");
                chips[v] = Some(c);
            }
            buttons
                .into_iter()
                .zip(chips)
                .map(|(button, chip)| {
                    let button = f.or_stand_in(button);
                    Value {
                        count: f.one(Some(&button), ".facet-count"),
                        button,
                        chip: f.or_stand_in(chip),
                    }
                })
                .collect()
        });
        let q_chip = f.one(None, "[data-chip-facet=\"q\"]");
        let count = f.one(None, "[data-result-count]");
        let notice = f.one(None, "[data-notice]");
        let notice_slots: Vec<(Element, Element)> = all(Some(&notice), "li")
            .into_iter()
            .map(|li| (f.one(Some(&li), "code"), li))
            .map(|(c, li)| (li, c))
            .collect();
        f.check(notice_slots.len() == MAX_IGNORED_KEPT + 1);
        let mut comparisons: Vec<String> = Vec::new();
        let figures: Vec<Figure> = all(None, "[data-figure-block]")
            .into_iter()
            .map(|row| {
                let id = attr(&row, "data-figure-block").unwrap_or_default();
                let block = ARTICLE.blocks.iter().position(|b| b.id == id);
                f.check(block.is_some());
                let bar = find(&row, "[data-compare]").map(|bar| {
                    let name = attr(&bar, "data-compare").unwrap_or_default();
                    let at = comparisons.iter().position(|c| *c == name);
                    let at = at.unwrap_or_else(|| {
                        comparisons.push(name);
                        comparisons.len() - 1
                    });
                    (bar, at)
                });
                Figure {
                    row,
                    block: block.unwrap_or(0),
                    bar,
                }
            })
            .collect();
        let figure_groups = all(None, "[data-figure-group]")
            .into_iter()
            .map(|g| {
                let rows = all(Some(&g), "[data-figure-block]");
                let members = (0..figures.len())
                    .filter(|&i| rows.iter().any(|r| r == &figures[i].row))
                    .collect();
                (g, members)
            })
            .collect();
        let stars = all(None, "[data-star]")
            .into_iter()
            .map(|s| {
                let p = f.value(Facet::Platform, &s, "data-star") as u16;
                (s, p)
            })
            .collect();
        let cards = all(None, "[data-guide]")
            .into_iter()
            .map(|card| {
                let p = f.value(Facet::Platform, &card, "data-guide") as u16;
                (card.clone(), f.one(Some(&card), "a"), p)
            })
            .collect();
        let page = Page {
            rows,
            sections,
            values,
            q_chip_text: f.one(Some(&q_chip), "[data-chip-q]"),
            q_chip,
            clear_all: f.one(None, ".clear-all"),
            count_numbers: all(None, "[data-n]"),
            count,
            banner: f.one(None, "[data-banner]"),
            empty: f.one(None, "[data-empty]"),
            notice,
            notice_slots,
            search: f.one(None, "#search").unchecked_into(),
            search_note: f.one(None, "[data-search-note]"),
            target_notice: f.one(None, "[data-target-notice]"),
            search_terms: f.one(None, "[data-search-terms]"),
            suggest: f.one(None, "[data-suggest]"),
            suggest_list: f.one(None, "[data-suggest-list]"),
            search_cut: f.one(None, "[data-search-cut]"),
            context: f.one(None, "[data-context-toggle]").unchecked_into(),
            print_filters: f.one(None, "[data-print-filters]"),
            figures,
            figure_groups,
            figures_none: f.one(None, "[data-figures-none]"),
            figures_nocompare: f.one(None, "[data-figures-nocompare]"),
            stars,
            cards,
            drawer_toggle: f.one(None, "[data-drawer-toggle]"),
            status: f.one(None, ".status"),
            article: f.one(None, "article"),
            print_url: f.one(None, "[data-print-url]"),
            chosen_count: f.one(None, "[data-chosen-count]"),
            panel: f.one(None, "#panel"),
            panel_box: f.one(None, "[data-panel-box]"),
            covered: [".skips", ".masthead", "main", ".footer"]
                .iter()
                .map(|css| f.one(None, css))
                .collect(),
        };
        (!f.missing.get()).then_some(page)
    }
}
