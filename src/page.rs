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
    pub search_cut: Element,
    pub context: HtmlInputElement,
    pub print_filters: Element,
    pub figures: Vec<Figure>,
    /// Each group of figures with the indexes of its figures.
    pub figure_groups: Vec<(Element, Vec<usize>)>,
    pub figures_none: Element,
    /// Stars and guide cards with their platform.
    pub stars: Vec<(Element, u16)>,
    pub cards: Vec<(Element, Element, u16)>,
    pub drawer_toggle: Element,
    pub chosen_count: Element,
    pub panel: Element,
    /// What the open drawer covers (made `inert`).
    pub covered: Vec<Element>,
}

fn need(what: &'static str, el: Option<Element>) -> Result<Element, &'static str> {
    el.ok_or(what)
}

/// A block's own text nodes, in order: not the photo label, not the missing-text marker.
pub fn text_nodes(block: &Element) -> Vec<Node> {
    fn walk(node: &Node, out: &mut Vec<Node>) {
        let mut child = node.first_child();
        while let Some(c) = child {
            match c.dyn_ref::<Element>() {
                Some(el) => {
                    let cls = el.class_name();
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

fn input(el: Element, what: &'static str) -> Result<HtmlInputElement, &'static str> {
    el.dyn_into().map_err(|_| what)
}

fn value_index(facet: Facet, name: Option<String>) -> Option<usize> {
    ARTICLE.value_index(facet, &name?)
}

impl Page {
    /// The buttons and chips of one facet, by value index.
    fn facet_values(f: Facet) -> Result<Vec<Value>, &'static str> {
        let n = ARTICLE.facet_len(f);
        let mut buttons: Vec<Option<(Element, Element)>> = vec![None; n];
        let mut chips: Vec<Option<Element>> = vec![None; n];
        for button in all(None, &["button[data-facet=\"", f.key(), "\"]"].concat()) {
            let i = value_index(f, attr(&button, "data-value")).ok_or("unknown facet value")?;
            buttons[i] = Some((need("facet count", find(&button, ".facet-count"))?, button));
        }
        for chip in all(None, &["[data-chip-facet=\"", f.key(), "\"]"].concat()) {
            let i = value_index(f, attr(&chip, "data-chip-value")).ok_or("unknown chip")?;
            chips[i] = Some(chip);
        }
        buttons
            .into_iter()
            .zip(chips)
            .map(|(b, chip)| match (b, chip) {
                (Some((count, button)), Some(chip)) => Ok(Value {
                    button,
                    count,
                    chip,
                }),
                _ => Err("a facet value has no button or chip"),
            })
            .collect()
    }

    /// Finds the page's elements; `Err` names what is missing or different.
    pub fn adopt() -> Result<Page, &'static str> {
        let blocks = all(None, "[data-block]");
        if blocks.len() != ARTICLE.blocks.len() {
            return Err("the page's blocks are not the article's");
        }
        let mut rows = Vec::with_capacity(blocks.len());
        for (el, b) in blocks.into_iter().zip(ARTICLE.blocks) {
            let own: String = text_nodes(&el)
                .iter()
                .filter_map(|n| n.text_content())
                .collect();
            if attr(&el, "data-block").as_deref() != Some(b.id) || own != b.text {
                return Err("a block of the page differs from the article");
            }
            let row = need("block row", el.parent_element())?;
            let why = need("why line", find(&row, "[data-why]"))?;
            rows.push(Row {
                why_text: need("why text", find(&why, "[data-why-text]"))?,
                via: need("via line", find(&row, "[data-via]"))?,
                why,
                row,
                block: el,
            });
        }
        let sections = all(None, "[data-section]")
            .into_iter()
            .map(|s| Ok((need("section count", find(&s, ".section-count"))?, s)))
            .map(|r: Result<_, &'static str>| r.map(|(c, s)| (s, c)))
            .collect::<Result<Vec<_>, _>>()?;
        if sections.len() != ARTICLE.sections.len() {
            return Err("the page's sections are not the article's");
        }

        let values = Facet::ALL.map(|f| Self::facet_values(f));
        let [Ok(themes), Ok(platforms), Ok(projects)] = values else {
            return Err("a facet value has no button or chip");
        };

        let q_chip = need("search chip", find_doc("[data-chip-facet=\"q\"]"))?;
        let count = need("result count", find_doc("[data-result-count]"))?;
        let notice = need("notice", find_doc("[data-notice]"))?;
        let notice_slots = all(Some(&notice), "li")
            .into_iter()
            .map(|li| Ok((need("notice code", find(&li, "code"))?, li)))
            .map(|r: Result<_, &'static str>| r.map(|(c, li)| (li, c)))
            .collect::<Result<Vec<_>, _>>()?;
        if notice_slots.len() != MAX_IGNORED_KEPT + 1 {
            return Err("notice slots");
        }
        let figures = all(None, "[data-figure-block]")
            .into_iter()
            .map(|row| {
                let id = attr(&row, "data-figure-block").unwrap_or_default();
                let block = ARTICLE.blocks.iter().position(|b| b.id == id);
                block
                    .map(|block| Figure { row, block })
                    .ok_or("figure block")
            })
            .collect::<Result<Vec<_>, _>>()?;
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
        let platform = |el: &Element, name: &str| value_index(Facet::Platform, attr(el, name));
        let stars = all(None, "[data-star]")
            .into_iter()
            .map(|s| Ok((platform(&s, "data-star").ok_or("star")? as u16, s)))
            .map(|r: Result<_, &'static str>| r.map(|(p, s)| (s, p)))
            .collect::<Result<Vec<_>, _>>()?;
        let cards = all(None, "[data-guide]")
            .into_iter()
            .map(|card| {
                let p = platform(&card, "data-guide").ok_or("card")? as u16;
                Ok((card.clone(), need("card link", find(&card, "a"))?, p))
            })
            .collect::<Result<Vec<_>, &'static str>>()?;
        let covered = [".skip", ".masthead", "main", ".footer"]
            .iter()
            .filter_map(|css| find_doc(css))
            .collect();
        Ok(Page {
            rows,
            sections,
            values: [themes, platforms, projects],
            q_chip_text: need("search chip text", find(&q_chip, "[data-chip-q]"))?,
            q_chip,
            clear_all: need("clear all", find_doc(".clear-all"))?,
            count_numbers: all(Some(&count), ".n"),
            count,
            banner: need("banner", find_doc("[data-banner]"))?,
            empty: need("empty state", find_doc("[data-empty]"))?,
            notice,
            notice_slots,
            search: input(need("search box", find_doc("#search"))?, "search box")?,
            search_cut: need("search cut", find_doc("[data-search-cut]"))?,
            context: input(
                need("context", find_doc("[data-context-toggle]"))?,
                "context",
            )?,
            print_filters: need("print filters", find_doc("[data-print-filters]"))?,
            figures,
            figure_groups,
            figures_none: need("figures none", find_doc("[data-figures-none]"))?,
            stars,
            cards,
            drawer_toggle: need("drawer toggle", find_doc("[data-drawer-toggle]"))?,
            chosen_count: need("chosen count", find_doc("[data-chosen-count]"))?,
            panel: need("panel", find_doc("#panel"))?,
            covered,
        })
    }
}
