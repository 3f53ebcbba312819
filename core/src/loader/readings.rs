//! Build-time readings and quotations derived from the assembled article: every pinyin
//! reading of every character it uses (for search without a Chinese keyboard; all the
//! readings of a polyphone, so 长 is found as `chang` and `zhang`), each platform's
//! name in pinyin (for display), and the sentences that name each platform (its facts).

use super::{leak, leak_vec};
use crate::model::*;
use pinyin::{Pinyin, ToPinyin, ToPinyinMulti};
use std::collections::{BTreeMap, BTreeSet};

/// One reading without its tone, as lowercase ASCII (`ü` written `v`, `ê` as `e`), if
/// it is one.
fn plain_ascii(p: Pinyin) -> Option<String> {
    let ascii: String = p
        .plain()
        .chars()
        .map(|c| match c {
            'ü' => 'v',
            'ê' => 'e',
            _ => c.to_ascii_lowercase(),
        })
        .collect();
    (!ascii.is_empty() && ascii.bytes().all(|b| b.is_ascii_lowercase())).then_some(ascii)
}

/// Every toneless reading of `c` (all the readings of a polyphone the `pinyin` crate
/// lists, commonest first; tones merged, so 长 gives `zhang`, `chang`). Empty for an
/// ASCII character or one without a reading.
pub(super) fn all_toneless(c: char) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if c.is_ascii() {
        return out;
    }
    for py in c.to_pinyin_multi().into_iter().flatten() {
        if let Some(a) = plain_ascii(py) {
            if !out.contains(&a) {
                out.push(a);
            }
        }
    }
    out
}

/// Every reading of every distinct character in `texts`, as a `PinyinTable` string:
/// syllables in alphabetical order, each followed by its characters in code point order.
pub(super) fn table<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    let chars: BTreeSet<char> = texts.into_iter().flat_map(str::chars).collect();
    let mut by_syllable: BTreeMap<String, String> = BTreeMap::new();
    for c in chars {
        for py in all_toneless(c) {
            by_syllable.entry(py).or_default().push(c);
        }
    }
    by_syllable.into_iter().map(|(py, cs)| py + &cs).collect()
}

/// Every text of the article a reader can see or search: masthead, banner, headings,
/// blocks, and the names of the facet values (quoted from the article).
pub(super) fn article_texts(a: &Article) -> Vec<&'static str> {
    let m = &a.masthead;
    let mut out = vec![m.kicker.text, m.headline.text, m.byline.text];
    out.extend(a.banner.iter().map(|b| b.text));
    out.extend(a.sections.iter().filter_map(|s| s.heading.map(|h| h.text)));
    out.extend(a.blocks.iter().map(|b| b.text));
    out.extend(a.themes.iter().map(|t| t.name));
    for p in a.platforms {
        out.push(p.name);
        out.extend(p.aliases);
    }
    for p in a.projects {
        out.push(p.name);
        out.extend(p.aliases);
    }
    out
}

/// A name in pinyin with tone marks, one syllable per character, separated by spaces
/// (`金义湖` → `jīn yì hú`); a run of characters without a reading stays one word.
pub(super) fn with_tones(name: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut other = String::new();
    for c in name.chars() {
        match c.to_pinyin() {
            Some(p) => {
                if !other.is_empty() {
                    words.push(std::mem::take(&mut other));
                }
                words.push(p.with_tone().to_string());
            }
            None if c.is_whitespace() => {
                if !other.is_empty() {
                    words.push(std::mem::take(&mut other));
                }
            }
            None => other.push(c),
        }
    }
    if !other.is_empty() {
        words.push(other);
    }
    words.join(" ")
}

/// Ends a sentence: the character and any closing quotes or further enders after it
/// stay with it.
const ENDERS: [char; 4] = ['。', '！', '？', '；'];
const CLOSERS: [char; 6] = ['”', '’', '）', '」', '』', '》'];

/// Byte ranges of a block's sentences, in order: cut after `。！？；` (with the closing
/// quotes that follow), at every gap, at the start of a caption's credit, and at the end
/// of the text. Pieces of white space only are left out; nothing else is trimmed.
pub(super) fn sentences(b: &Block) -> Vec<std::ops::Range<usize>> {
    let t = b.text;
    let mut cuts: BTreeSet<usize> = b.gaps.iter().map(|&g| g as usize).collect();
    if let BlockKind::Figure { credit_at } = b.kind {
        cuts.insert(credit_at as usize);
    }
    let mut chars = t.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if ENDERS.contains(&c) {
            while chars
                .next_if(|&(_, n)| ENDERS.contains(&n) || CLOSERS.contains(&n))
                .is_some()
            {}
            cuts.insert(chars.peek().map_or(t.len(), |&(i, _)| i));
        }
    }
    cuts.insert(t.len());
    let mut out = Vec::new();
    let mut from = 0;
    for cut in cuts {
        if cut > from && !t[from..cut].trim().is_empty() {
            out.push(from..cut);
        }
        from = from.max(cut);
    }
    out
}

/// A sentence that names this many platforms or more is a list (`自贸试验区、金义湖两大
/// 主平台和…五大特色平台`): it says little of each, so a platform's card shows it only
/// when the article has nothing else to say of that platform.
const LIST: usize = 3;

/// Each platform's sentences: those naming it, an alias, or a platform that is part of
/// it (at any depth), in reading order, each sentence once; lists only when there is
/// nothing else (see [`LIST`]).
pub(super) fn facts(blocks: &[Block], platforms: &[Platform]) -> Vec<Vec<Fact>> {
    let named = |p: &Platform, sentence: &str| {
        std::iter::once(p.name)
            .chain(p.aliases.iter().copied())
            .any(|n| sentence.contains(n))
    };
    let is_list = |sentence: &str| platforms.iter().filter(|p| named(p, sentence)).count() >= LIST;
    all_facts(blocks, platforms)
        .into_iter()
        .map(|facts| {
            if facts.iter().all(|f| is_list(f.sentence)) {
                facts
            } else {
                facts.into_iter().filter(|f| !is_list(f.sentence)).collect()
            }
        })
        .collect()
}

fn all_facts(blocks: &[Block], platforms: &[Platform]) -> Vec<Vec<Fact>> {
    let split: Vec<Vec<std::ops::Range<usize>>> = blocks.iter().map(sentences).collect();
    (0..platforms.len())
        .map(|pi| {
            // This platform and every platform whose chain of `part_of` reaches it.
            let names: Vec<&str> = platforms
                .iter()
                .enumerate()
                .filter(|&(qi, _)| {
                    let mut at = Some(qi);
                    for _ in 0..=platforms.len() {
                        match at {
                            Some(x) if x == pi => return true,
                            Some(x) => at = platforms[x].part_of.map(usize::from),
                            None => return false,
                        }
                    }
                    false
                })
                .flat_map(|(_, q)| std::iter::once(q.name).chain(q.aliases.iter().copied()))
                .collect();
            let mut seen = BTreeSet::new();
            let mut out = Vec::new();
            for (bi, b) in blocks.iter().enumerate() {
                for r in &split[bi] {
                    let sentence = &b.text[r.clone()];
                    if names.iter().any(|n| sentence.contains(n)) && seen.insert(sentence) {
                        out.push(Fact {
                            block: bi as u16,
                            sentence,
                        });
                    }
                }
            }
            out
        })
        .collect()
}

/// Fills in `pinyin` (the article's table and each platform's name) and `facts`.
pub(super) fn add_readings(a: &mut Article) {
    a.pinyin = PinyinTable(leak(table(article_texts(a))));
    let facts = facts(a.blocks, a.platforms);
    let platforms: Vec<Platform> = a
        .platforms
        .iter()
        .zip(facts)
        .map(|(p, f)| Platform {
            pinyin: leak(with_tones(p.name)),
            facts: leak_vec(f),
            ..*p
        })
        .collect();
    a.platforms = leak_vec(platforms);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_are_toneless_ascii() {
        assert_eq!(all_toneless('金'), vec!["jin"]);
        assert_eq!(all_toneless('绿'), vec!["lv", "lu"]);
        assert!(all_toneless('a').is_empty());
        assert_eq!(with_tones("金义湖"), "jīn yì hú");
        assert_eq!(with_tones("G60科创走廊"), "G60 kē chuàng zǒu láng");
    }

    #[test]
    fn polyphones_keep_every_reading() {
        assert_eq!(all_toneless('长'), vec!["zhang", "chang"]);
        assert_eq!(all_toneless('都'), vec!["dou", "du"]);
        assert_eq!(all_toneless('金'), vec!["jin"]);
        assert!(all_toneless('a').is_empty() && all_toneless('，').is_empty());
    }

    #[test]
    fn the_table_is_grouped_by_syllable_and_sorted() {
        let t = table(["金义湖，金义新区 8.1% 长都"]);
        assert_eq!(t, "chang长dou都du都hu湖jin金ou区qu区xin新yi义zhang长");
        let t = PinyinTable(leak(t));
        assert_eq!(t.readings('长'), vec!["chang", "zhang"]);
        assert_eq!(t.readings('区'), vec!["ou", "qu"]);
        assert!(t.readings('，').is_empty());
        let syllables: Vec<&str> = t.entries().map(|(s, _)| s).collect();
        assert!(syllables.windows(2).all(|w| w[0] < w[1]));
    }
}
