//! Cutting a block's text into what the UI renders: plain and highlighted runs, the
//! caption/credit boundary of a figure, and the markers where the source lacks text.
//! Cutting never changes the text: the runs concatenate back to it.

use crate::model::{Block, BlockEn, BlockKind};
use std::ops::Range;

/// One run of a block as rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Text from the source; `mark` if it is a search match, `credit` if it is a photo credit.
    Text {
        text: &'a str,
        mark: bool,
        credit: bool,
    },
    /// The source lacks a passage here.
    Missing,
}

/// Splits `text` into alternating unmarked/marked runs by `matches` (sorted,
/// non-overlapping byte ranges on char boundaries). Empty runs are left out.
pub fn split<'a>(text: &'a str, matches: &[Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::with_capacity(matches.len() * 2 + 1);
    let mut at = 0;
    for m in matches {
        let end = m.end.min(text.len());
        let start = m.start.max(at);
        if end <= start {
            continue;
        }
        if start > at {
            out.push((&text[at..start], false));
        }
        out.push((&text[start..end], true));
        at = end;
    }
    if at < text.len() {
        out.push((&text[at..], false));
    }
    out
}

/// The segments of a block, given its search matches.
pub fn segments(block: &Block, matches: &[Range<usize>]) -> Vec<Segment<'static>> {
    let credit_at = match block.kind {
        BlockKind::Figure { credit_at } => Some(credit_at as usize),
        _ => None,
    };
    cut(block.text, block.gaps, credit_at, matches)
}

/// The segments of our English for a block (its text; a figure's credit is apart),
/// given the search's matches in it.
pub fn segments_en(en: &BlockEn, matches: &[Range<usize>]) -> Vec<Segment<'static>> {
    cut(en.text, en.gaps, None, matches)
}

/// Cuts `text` by its matches, its gaps and the start of a credit.
fn cut(
    text: &'static str,
    gap_at: &'static [u32],
    credit_at: Option<usize>,
    matches: &[Range<usize>],
) -> Vec<Segment<'static>> {
    // Cut points where a run must end even inside a match.
    let mut cuts: Vec<usize> = gap_at.iter().map(|&g| g as usize).collect();
    cuts.extend(credit_at);
    cuts.sort_unstable();
    cuts.dedup();

    let mut out = Vec::new();
    let mut gaps = gap_at.iter().map(|&g| g as usize).peekable();
    for (run, mark) in split(text, matches) {
        let mut start = run.as_ptr() as usize - text.as_ptr() as usize;
        let end = start + run.len();
        loop {
            while gaps.peek() == Some(&start) {
                out.push(Segment::Missing);
                gaps.next();
            }
            let stop = cuts
                .iter()
                .copied()
                .find(|&c| c > start && c < end)
                .unwrap_or(end);
            out.push(Segment::Text {
                text: &text[start..stop],
                mark,
                credit: credit_at.is_some_and(|c| start >= c),
            });
            if stop == end {
                break;
            }
            start = stop;
        }
    }
    // A gap can only stand inside the text (validated), but never lose one.
    out.extend(gaps.map(|_| Segment::Missing));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Piece;

    fn block(text: &'static str, kind: BlockKind, gaps: &'static [u32]) -> Block {
        Block {
            id: "t",
            section: 0,
            kind,
            text,
            pieces: &[] as &[Piece],
            gaps,
            themes: &[],
            platforms: &[],
            projects: &[],
        }
    }

    fn joined(segs: &[Segment]) -> String {
        segs.iter()
            .map(|s| match s {
                Segment::Text { text, .. } => *text,
                Segment::Missing => "",
            })
            .collect()
    }

    #[test]
    fn split_marks_matches() {
        let t = "金义湖科技创新策源地和金义湖";
        let m = vec![0..9, 33..42];
        assert_eq!(
            split(t, &m),
            vec![
                ("金义湖", true),
                ("科技创新策源地和", false),
                ("金义湖", true)
            ]
        );
    }

    #[test]
    fn figure_credit_is_its_own_run_even_inside_a_match() {
        let b = block(
            "生产开足马力。 时补法 摄",
            BlockKind::Figure { credit_at: 22 },
            &[],
        );
        // "力。 时补" spans the caption/credit boundary.
        let credit_spanning = 15..28;
        let segs = segments(&b, std::slice::from_ref(&credit_spanning));
        assert_eq!(joined(&segs), b.text);
        assert!(segs.contains(&Segment::Text {
            text: "时补",
            mark: true,
            credit: true
        }));
        assert!(segs.contains(&Segment::Text {
            text: "力。 ",
            mark: true,
            credit: false
        }));
    }

    #[test]
    fn gaps_become_markers_in_place() {
        let b = block("通过“全速推进一批、“两公里", BlockKind::Paragraph, &[30]);
        let segs = segments(&b, &[]);
        assert_eq!(segs.len(), 3);
        assert_eq!(segs[1], Segment::Missing);
        assert_eq!(joined(&segs), b.text);
    }
}
