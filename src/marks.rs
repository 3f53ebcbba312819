//! Search highlights: the core's hits (byte ranges of a block's text) wrapped in
//! `<mark>` inside the block's own text nodes, which the build rendered; nothing else in
//! the block is rebuilt, so the missing-text marker and the credit stay as they were.

use crate::dom::document;
use crate::page::text_nodes;
use std::ops::Range;
use wasm_bindgen::JsCast;
use web_sys::{Element, Text};

/// UTF-16 length of `s` (DOM offsets count UTF-16 code units).
fn utf16_len(s: &str) -> u32 {
    s.chars().map(|c| c.len_utf16() as u32).sum()
}

/// Removes the block's marks, joining their text back into the text around them.
fn clear(block: &Element) {
    let marks = crate::dom::all(Some(block), "mark");
    if marks.is_empty() {
        return;
    }
    for m in &marks {
        if let Some(parent) = m.parent_node() {
            while let Some(child) = m.first_child() {
                let _ = parent.insert_before(&child, Some(m));
            }
            let _ = parent.remove_child(m);
        }
    }
    block.normalize();
}

/// Wraps `len` UTF-16 units of `node` from `at` in a `<mark>`; returns the text after it.
fn wrap(node: &Text, at: u32, len: u32) -> Option<Text> {
    let mid = node.split_text(at).ok()?;
    let after = mid.split_text(len).ok()?;
    let mark = document().create_element("mark").ok()?;
    let parent = mid.parent_node()?;
    parent.insert_before(&mark, Some(&mid)).ok()?;
    mark.append_child(&mid).ok()?;
    Some(after)
}

/// Shows `hits` (sorted, non-overlapping byte ranges of the block's text `text`) as
/// marks. Returns `false`, and marks nothing, if the block's text nodes are not `text`
/// (the page is not the one the app was built with).
pub fn show(block: &Element, text: &str, hits: &[Range<usize>]) -> bool {
    clear(block);
    if hits.is_empty() {
        return true;
    }
    let nodes = text_nodes(block);
    let texts: Vec<String> = nodes
        .iter()
        .map(|n| n.text_content().unwrap_or_default())
        .collect();
    if texts.concat() != text {
        return false;
    }
    let mut hits = hits.iter().peekable();
    let mut start = 0usize;
    for (node, text) in nodes.into_iter().zip(texts) {
        let end = start + text.len();
        let mut cur: Text = match node.dyn_into::<Text>() {
            Ok(t) => t,
            Err(_) => return true,
        };
        // Where `cur` starts, as a byte offset of the node's text.
        let mut cur_at = 0usize;
        while let Some(h) = hits.peek() {
            if h.start >= end {
                break;
            }
            let from = h.start.max(start) - start;
            let to = h.end.min(end) - start;
            if to > from && from >= cur_at {
                let at = utf16_len(&text[cur_at..from]);
                let len = utf16_len(&text[from..to]);
                match wrap(&cur, at, len) {
                    Some(after) => {
                        cur = after;
                        cur_at = to;
                    }
                    None => return true,
                }
            }
            if h.end <= end {
                hits.next();
            } else {
                break;
            }
        }
        start = end;
    }
    true
}
