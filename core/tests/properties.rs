//! Invariants, checked on generated input: highlighting never changes the text, filters
//! never drop or duplicate a block, URL parsing never panics and is stable.

mod common;
use common::article;
use jinyi_core::filter::{apply, Group};
use jinyi_core::highlight::{segments, split, Segment};
use jinyi_core::model::Facet;
use jinyi_core::query::{parse, to_query, Selection};
use jinyi_core::search::{prepare, SearchIndex};
use proptest::prelude::*;

fn any_selection() -> impl Strategy<Value = Selection> {
    let a = article();
    let vals = |f: Facet| proptest::collection::btree_set(0..a.facet_len(f) as u16, 0..4);
    (
        vals(Facet::Theme),
        vals(Facet::Platform),
        vals(Facet::Project),
        prop_oneof![Just(String::new()), "[金义新区项目湖发展 ８.1%a-z]{0,4}"],
    )
        .prop_map(|(t, p, j, q)| Selection {
            values: [
                t.into_iter().collect(),
                p.into_iter().collect(),
                j.into_iter().collect(),
            ],
            q,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn highlighting_never_changes_the_text(block in 0..31usize, q in "[金义新区湖项目发展的，、 ]{1,3}") {
        let a = article();
        let idx = SearchIndex::new(a.blocks);
        let b = &a.blocks[block];
        let hits = idx.find(block, &prepare(&q));
        let pieces = split(b.text, &hits);
        prop_assert_eq!(pieces.iter().map(|p| p.0).collect::<String>(), b.text);
        let segs = segments(b, &hits);
        let text: String = segs.iter().map(|s| match s { Segment::Text { text, .. } => *text, Segment::Missing => "" }).collect();
        prop_assert_eq!(text, b.text);
        prop_assert_eq!(segs.iter().filter(|s| **s == Segment::Missing).count(), b.gaps.len());
    }

    #[test]
    fn split_is_lossless_for_any_ranges(text in "\\PC{0,40}", cuts in proptest::collection::vec(0usize..200, 0..8)) {
        // Turn arbitrary numbers into sorted, non-overlapping ranges on char boundaries.
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let mut pts: Vec<usize> = cuts.iter().map(|c| bounds[c % bounds.len()]).collect();
        pts.sort_unstable();
        let ranges: Vec<_> = pts.chunks(2).filter(|c| c.len() == 2).map(|c| c[0]..c[1]).collect();
        let pieces = split(&text, &ranges);
        prop_assert_eq!(pieces.iter().map(|p| p.0).collect::<String>(), text);
    }

    #[test]
    fn filters_never_drop_or_duplicate_a_block(sel in any_selection()) {
        let a = article();
        let idx = SearchIndex::new(a.blocks);
        let out = apply(a, &idx, &sel);
        prop_assert_eq!(out.matched.len(), a.blocks.len());
        prop_assert_eq!(out.section_counts.iter().sum::<usize>(), out.count);
        // Adding a value to a group never loses a block (OR); adding a group never gains
        // one (AND). Spirits and topics are separate groups of the theme facet.
        for f in Facet::ALL {
            for v in 0..a.facet_len(f) as u16 {
                if sel.is_chosen(f, v) { continue; }
                let mut more = sel.clone();
                more.toggle(f, v);
                let wider = apply(a, &idx, &more);
                let group = Group::of(a, f, v as usize);
                let group_empty = !sel.chosen(f).iter().any(|&c| Group::of(a, f, c as usize) == group);
                if group_empty {
                    prop_assert!(wider.matched.iter().zip(&out.matched).all(|(w, o)| !*w || *o));
                } else {
                    prop_assert!(wider.matched.iter().zip(&out.matched).all(|(w, o)| *w || !*o));
                }
            }
        }
    }

    #[test]
    fn url_state_is_stable(sel in any_selection()) {
        let a = article();
        let q = to_query(a, &sel, None);
        let back = parse(a, &q);
        prop_assert!(back.ignored.is_empty());
        prop_assert_eq!(&back.selection.values, &sel.values);
        prop_assert_eq!(to_query(a, &back.selection, None), q);
    }

    #[test]
    fn any_query_string_parses_without_panic(s in "\\PC{0,200}") {
        let a = article();
        let p = parse(a, &s);
        let again = parse(a, &to_query(a, &p.selection, None));
        prop_assert_eq!(again.selection.values, p.selection.values);
    }
}
