//! Shared by the core's integration tests and the fuzz targets (`fuzz/src/lib.rs`): the
//! project's real data, loaded once, and the pinyin rule stated on its own.

use jinyi_core::model::{Article, Block, BlockKind, Facet};
use jinyi_core::search::SearchIndex;
use std::path::PathBuf;
use std::sync::OnceLock;

pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data")
}

pub fn article() -> &'static Article {
    static A: OnceLock<Article> = OnceLock::new();
    A.get_or_init(|| jinyi_core::loader::load_dir(&data_dir()).unwrap_or_else(|e| panic!("{e}")))
}

#[allow(dead_code)]
pub fn source() -> String {
    std::fs::read_to_string(data_dir().join("article.txt")).unwrap()
}

/// Ids of the blocks for which `pred` holds, in reading order.
#[allow(dead_code)]
pub fn ids(pred: impl Fn(&jinyi_core::model::Block) -> bool) -> Vec<&'static str> {
    article()
        .blocks
        .iter()
        .filter(|b| pred(b))
        .map(|b| b.id)
        .collect()
}

// ---------- pinyin: an independent, brute-force statement of the matching rule ----------

/// Every reading of `c` in the article's table (empty when it has none).
#[allow(dead_code)]
pub fn readings(c: char) -> &'static [&'static str] {
    use std::collections::HashMap;
    static R: OnceLock<HashMap<char, Vec<&'static str>>> = OnceLock::new();
    let map = R.get_or_init(|| {
        let mut m: HashMap<char, Vec<&'static str>> = HashMap::new();
        for (py, chars) in article().pinyin.entries() {
            for c in chars.chars() {
                m.entry(c).or_default().push(py);
            }
        }
        m
    });
    map.get(&c).map_or(&[], Vec::as_slice)
}

/// Whether some choice of readings of `chars`, each whole or by its initial (first
/// letter, or `zh`/`ch`/`sh`), spells `letters` in order; one character alone only by
/// a whole reading. Written from the rule, independently of the search's matcher.
#[allow(dead_code)]
pub fn spells(chars: &[char], letters: &str) -> bool {
    let q = letters.as_bytes();
    if chars.is_empty() {
        return false;
    }
    // reach[k]: the characters so far can spell q[..k].
    let mut reach = vec![false; q.len() + 1];
    reach[0] = true;
    for &c in chars {
        let mut next = vec![false; q.len() + 1];
        for k in (0..q.len()).filter(|&k| reach[k]) {
            for r in readings(c) {
                let mut pieces = vec![*r];
                if chars.len() > 1 {
                    pieces.push(&r[..1]);
                    if ["zh", "ch", "sh"].iter().any(|i| r.starts_with(i)) {
                        pieces.push(&r[..2]);
                    }
                }
                for p in pieces {
                    if q[k..].starts_with(p.as_bytes()) {
                        next[k + p.len()] = true;
                    }
                }
            }
        }
        reach = next;
    }
    reach[q.len()]
}

/// The runs of characters with a reading a pinyin match may span in `b`: cut at
/// every character that is neither read nor stepped over, at gaps and at a credit.
#[allow(dead_code)]
pub fn pinyin_runs(b: &jinyi_core::model::Block) -> Vec<Vec<char>> {
    let credit_at = match b.kind {
        jinyi_core::model::BlockKind::Figure { credit_at } => Some(credit_at as usize),
        _ => None,
    };
    let mut runs = vec![Vec::new()];
    for (at, c) in b.text.char_indices() {
        if b.gaps.iter().any(|&g| g as usize == at) || credit_at == Some(at) {
            runs.push(Vec::new());
        }
        if !readings(c).is_empty() {
            runs.last_mut().unwrap().push(c);
        } else if !jinyi_core::search::steps_over(c) {
            runs.push(Vec::new());
        }
    }
    runs.retain(|r| !r.is_empty());
    runs
}

/// Brute force: whether some run of consecutive characters of `b` spells `letters`
/// (from every start, the rule of `spells` grown one character at a time).
#[allow(dead_code)]
pub fn pinyin_matches(b: &jinyi_core::model::Block, letters: &str) -> bool {
    let q = letters.as_bytes();
    let m = q.len();
    pinyin_runs(b).iter().any(|run| {
        (0..run.len()).any(|s| {
            // One character alone: a whole reading.
            if readings(run[s]).iter().any(|r| r.as_bytes() == q) {
                return true;
            }
            let mut reach = vec![false; m + 1];
            reach[0] = true;
            for (n, &c) in run[s..].iter().enumerate() {
                let mut next = vec![false; m + 1];
                for k in (0..m).filter(|&k| reach[k]) {
                    for r in readings(c) {
                        let two = ["zh", "ch", "sh"].iter().any(|i| r.starts_with(i));
                        for p in [*r, &r[..1], if two { &r[..2] } else { &r[..1] }] {
                            if q[k..].starts_with(p.as_bytes()) {
                                next[k + p.len()] = true;
                            }
                        }
                    }
                }
                reach = next;
                if n > 0 && reach[m] {
                    return true;
                }
                if !reach.iter().any(|&x| x) {
                    break;
                }
            }
            false
        })
    })
}

/// Checks pinyin hits in `text` (`cuts`: its gaps and credit, which no match spans): sorted, apart, on character
/// boundaries, covering only characters with a reading (never a quotation mark or
/// punctuation), and divisible into matches that each spell `letters`, where the hits
/// of one match have only characters a match steps over between them (and no cut).
#[allow(dead_code)]
pub fn check_pinyin_hits(
    text: &str,
    cuts: &[u32],
    hits: &[std::ops::Range<usize>],
    letters: &str,
) -> Result<(), String> {
    let mut prev = 0;
    for r in hits {
        if !(r.start >= prev && r.start < r.end && r.end <= text.len()) {
            return Err(format!("{r:?} out of order in {hits:?}"));
        }
        if !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
            return Err(format!("{r:?} splits a character"));
        }
        if let Some(c) = text[r.clone()].chars().find(|&c| readings(c).is_empty()) {
            return Err(format!("{r:?} highlights {c:?}"));
        }
        if cuts
            .iter()
            .any(|&g| r.start < g as usize && (g as usize) < r.end)
        {
            return Err(format!("{r:?} spans a gap or a credit"));
        }
        prev = r.end;
    }
    let chars = |r: &std::ops::Range<usize>| text[r.clone()].chars().collect::<Vec<char>>();
    // ok[j]: hits[..j] divide into matches.
    let mut ok = vec![false; hits.len() + 1];
    ok[0] = true;
    for j in 0..hits.len() {
        if !ok[j] {
            continue;
        }
        let mut spelt = Vec::new();
        for l in j..hits.len() {
            if l > j {
                let between = hits[l - 1].end..hits[l].start;
                let apart = !text[between.clone()]
                    .chars()
                    .all(jinyi_core::search::steps_over)
                    || cuts
                        .iter()
                        .any(|&g| between.start <= g as usize && g as usize <= between.end);
                if apart {
                    break;
                }
            }
            spelt.extend(chars(&hits[l]));
            if spells(&spelt, letters) {
                ok[l + 1] = true;
            }
        }
    }
    if ok[hits.len()] {
        Ok(())
    } else {
        Err(format!(
            "{:?} do not spell {letters}",
            hits.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>()
        ))
    }
}

/// Where no match may span in `b`: its gaps and the start of its credit.
#[allow(dead_code)]
pub fn cuts(b: &jinyi_core::model::Block) -> Vec<u32> {
    let mut c = b.gaps.to_vec();
    if let jinyi_core::model::BlockKind::Figure { credit_at } = b.kind {
        c.push(credit_at);
    }
    c
}

/// The search index the app builds for the real article, built once.
#[allow(dead_code)]
pub fn index() -> &'static SearchIndex {
    static I: OnceLock<SearchIndex> = OnceLock::new();
    I.get_or_init(|| SearchIndex::for_article(article()))
}

/// A platform's value index, by its name.
#[allow(dead_code)]
pub fn platform(name: &str) -> u16 {
    article().value_index(Facet::Platform, name).unwrap() as u16
}

/// A `'static` paragraph (or figure, with its credit's start): the model's types are
/// `'static`, like the embedded data.
#[allow(dead_code)]
pub fn leak_block(text: &str, gaps: &[u32], credit_at: Option<u32>) -> Block {
    Block {
        id: "synthetic",
        section: 0,
        kind: credit_at.map_or(BlockKind::Paragraph, |c| BlockKind::Figure { credit_at: c }),
        text: Box::leak(text.to_string().into_boxed_str()),
        pieces: &[],
        gaps: Box::leak(gaps.to_vec().into_boxed_slice()),
        themes: &[],
        platforms: &[],
        projects: &[],
    }
}

/// Every piece of the article the reader sees, as (place, Chinese, our English): the
/// masthead, the banner, the headings, then the blocks in reading order (a caption with
/// its credit, in both languages).
#[allow(dead_code)]
pub fn english_pieces() -> Vec<(String, &'static str, String)> {
    let a = article();
    let t = &a.translation;
    let m = &a.masthead;
    let mut out = vec![
        ("kicker".into(), m.kicker.text, t.kicker.to_string()),
        ("headline".into(), m.headline.text, t.headline.to_string()),
        ("byline".into(), m.byline.text, t.byline.to_string()),
    ];
    for (k, b) in a.banner.iter().enumerate() {
        out.push((format!("banner {k}"), b.text, t.banner[k].to_string()));
    }
    for (s, en) in a.sections.iter().zip(t.headings) {
        if let Some(h) = s.heading {
            out.push((format!("heading {}", s.id), h.text, en.to_string()));
        }
    }
    for (b, en) in a.blocks.iter().zip(t.blocks) {
        let english = [en.text, en.credit].join(" ");
        out.push((b.id.to_string(), b.text, english.trim_end().to_string()));
    }
    out
}
