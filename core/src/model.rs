//! The article model: what the reader sees, in reading order, with every piece of text
//! traced back to the source line it came from.
//!
//! All references are `'static`: the Wasm app embeds a generated `static` of these types
//! (see `codegen`), and the native loader leaks its freshly validated copy.

/// A piece of one source line, shown as it stands (kicker, headline, headings…).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceText {
    /// 1-based line number in `data/article.txt`.
    pub line: u32,
    pub text: &'static str,
}

/// Where a block's text came from: `text[start..start + len]` is the whole of `line`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub line: u32,
    pub start: u32,
    pub len: u32,
}

/// What kind of block this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A section's opening statement (set apart on the page).
    Intro,
    /// A paragraph of body text.
    Paragraph,
    /// A photo caption; `credit_at` is the byte offset where its credit (…摄, …供图) starts.
    Figure { credit_at: u32 },
}

/// A facet membership with the reason it holds (the keyword or alias found, or a note).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag {
    /// Index into `Article::themes`, `Article::platforms` or `Article::projects`.
    pub value: u16,
    /// Why: the text that matched, or `""` when the data lists the block explicitly.
    pub why: &'static str,
}

/// One paragraph or one figure caption: the unit of filtering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// Stable id, rendered as `data-block`.
    pub id: &'static str,
    /// Index into `Article::sections`.
    pub section: u16,
    pub kind: BlockKind,
    /// The text as the reader sees it (source lines joined, nothing added).
    pub text: &'static str,
    /// The source lines that make up `text`, in order.
    pub pieces: &'static [Piece],
    /// Byte offsets in `text` where the source lacks a passage (shown as a marker).
    pub gaps: &'static [u32],
    pub themes: &'static [Tag],
    pub platforms: &'static [Tag],
    pub projects: &'static [Tag],
}

/// One of the article's three spirits, each the theme of one section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeKind {
    Spirit,
    Topic,
}

/// A theme the reader can filter by: a spirit (敢/干/赶) or a topic (营商环境…).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Canonical name, used in the URL (`?theme=`).
    pub name: &'static str,
    pub kind: ThemeKind,
    /// Our English name.
    pub en: &'static str,
    /// Our one-line definition, Chinese and English.
    pub definition: &'static str,
    pub definition_en: &'static str,
}

/// How the article groups its platforms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlatformGroup {
    pub id: &'static str,
    pub name: &'static str,
    pub en: &'static str,
}

/// A place, service or app the article names that a reader filters by as a platform
/// (金义湖, 自贸试验区, 中欧班列, 卡点通, …): only some are platforms in the article's words,
/// and `kind` says what each is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Platform {
    /// Canonical name, used in the URL (`?platform=`).
    pub name: &'static str,
    pub en: &'static str,
    /// What it is, our words from the article's (`"主平台"`, `"特色平台"`, `"陆港"`,
    /// `"班列"`, `"应用"`), Chinese and English (`"main platform"`, `"app"`).
    pub kind: &'static str,
    pub kind_en: &'static str,
    /// Index into `Article::platform_groups`.
    pub group: u16,
    /// Other names it goes by in the text.
    pub aliases: &'static [&'static str],
    /// Index of the platform this one is part of (金义湖科技创新策源地 → 金义湖).
    pub part_of: Option<u16>,
    /// The name in pinyin with tone marks, one syllable per character, separated by
    /// spaces (`"jīn yì hú"`), for display. Each character's first (commonest) reading.
    pub pinyin: &'static str,
    /// Every sentence of the article that names the platform, an alias or one of its
    /// parts, in reading order, no duplicates.
    pub facts: &'static [Fact],
}

/// A sentence of the article about something, quoted verbatim from one block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fact {
    /// Index into `Article::blocks`.
    pub block: u16,
    /// Verbatim substring of the block's text, with its final punctuation (`。！？；`
    /// and any closing quote after it). Never crosses a missing passage or a credit.
    pub sentence: &'static str,
}

/// What a key figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FigureKind {
    /// A growth rate or share (`8.1%`).
    Rate,
    /// A span of time (`180天`, `10个月`).
    Duration,
    /// A number of things (`227列`, `40多家`).
    Count,
    /// A sum of money (`10亿`).
    Amount,
}

/// A number the article states, with our label for it (`data/figures.toml`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KeyFigure {
    /// Index into `Article::blocks`: the block that states it.
    pub block: u16,
    /// Verbatim from the block's text (`"8.1%"`, `"227列"`, `"40多家"`).
    pub text: &'static str,
    /// Our label, Chinese and English.
    pub label: &'static str,
    pub label_en: &'static str,
    /// Our English rendering of `text` (`"180 days"`, `"more than 40 companies"`).
    pub text_en: &'static str,
    /// The number (`40` for `40多家`, `100` for `上百人`).
    pub value: f64,
    /// `"%"`, `"天"`, `"个月"`, `"列"`, `"家"`, `"条"`, `"位"`, `"个"`, `"人"`, `"亿"`.
    pub unit: &'static str,
    pub kind: FigureKind,
    /// What the figure is compared with: figures sharing this (non-empty) name measure
    /// the same thing in the same unit, and only they get bars. `""`: a number alone.
    pub compare: &'static str,
}

// `value` is always finite (the loader rejects NaN and infinities), so equality is an
// equivalence and the article stays `Eq`.
impl Eq for KeyFigure {}

/// A project or company the article names (润马光能, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Project {
    /// Canonical name, used in the URL (`?project=`).
    pub name: &'static str,
    pub en: &'static str,
    pub aliases: &'static [&'static str],
}

/// A run of blocks under one heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    pub id: &'static str,
    /// The section heading from the source (none for the lead).
    pub heading: Option<SourceText>,
    /// Indexes into `Article::themes` of the spirits its blocks belong to.
    pub spirits: &'static [u16],
    /// Our English name for the section.
    pub en: &'static str,
    /// `Article::blocks[first..first + len]`.
    pub first: u16,
    pub len: u16,
}

/// The kicker, headline and byline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Masthead {
    pub kicker: SourceText,
    pub headline: SourceText,
    pub byline: SourceText,
}

/// The whole article, in reading order, with its facets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Article {
    pub masthead: Masthead,
    /// The series banner (学义乌发展经验 / 打造国际枢纽城), shown before the first spirit.
    pub banner: &'static [SourceText],
    /// Index of the section the banner stands before.
    pub banner_before: u16,
    pub sections: &'static [Section],
    pub blocks: &'static [Block],
    pub themes: &'static [Theme],
    pub platform_groups: &'static [PlatformGroup],
    pub platforms: &'static [Platform],
    pub projects: &'static [Project],
    /// Every toneless reading of every character the article uses (all readings of a
    /// polyphone), for pinyin search; computed at build time.
    pub pinyin: PinyinTable,
    /// The key figures the article states, in reading order (`data/figures.toml`).
    pub figures: &'static [KeyFigure],
    /// Our English for everything above that the reader sees (`data/translation.toml`).
    pub translation: Translation,
}

/// Our English translation of the article (`data/translation.toml`), in the article's
/// order: `banner`, `headings` and `blocks` run parallel to `Article::banner`,
/// `Article::sections` and `Article::blocks`. All empty when the article was loaded
/// without its translation (`loader::load`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Translation {
    pub kicker: &'static str,
    pub headline: &'static str,
    pub byline: &'static str,
    /// One per line of `Article::banner`.
    pub banner: &'static [&'static str],
    /// One per section: the English of its heading, `""` for a section without one.
    pub headings: &'static [&'static str],
    /// One per block, in the same order.
    pub blocks: &'static [BlockEn],
}

/// The English of one block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BlockEn {
    /// The block's text in English; for a figure, the caption without its credit.
    pub text: &'static str,
    /// A figure's credit in English (`"Photo: Hu Ganchang"`); `""` for other blocks.
    pub credit: &'static str,
    /// Byte offsets in `text` where the source lacks a passage, one per `Block::gaps`
    /// and in the same order (the data file's `[…]` marker stands there, taken out of
    /// `text` as the Chinese marker is).
    pub gaps: &'static [u32],
}

/// Every toneless reading of every character with a reading that the article uses,
/// in one string grouped by reading: each syllable (lowercase ASCII letters, `ü`
/// written `v`), in alphabetical order, followed by the characters that can be read so,
/// in code point order (`"an安按案…chang厂场长…zhang掌长…"`). A polyphone stands after
/// each of its readings (长 after `chang` and `zhang`). Characters are never ASCII, so
/// the letters of a syllable and the characters after it need no separator: 3.8 kB
/// of generated source for this article (2.3 kB brotli), where the earlier `(char,
/// &str)` slice of one reading per character took 9.4 kB (2.6 kB). `search` turns it
/// into lookups once per index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PinyinTable(pub &'static str);

impl PinyinTable {
    /// Each syllable with the characters read so (both non-empty), in table order.
    /// A syllable without characters, or characters before the first syllable, are
    /// skipped.
    pub fn entries(self) -> impl Iterator<Item = (&'static str, &'static str)> {
        let mut rest = self.0;
        std::iter::from_fn(move || loop {
            if rest.is_empty() {
                return None;
            }
            let letters = rest.find(|c: char| !c.is_ascii()).unwrap_or(rest.len());
            let (syllable, after) = rest.split_at(letters);
            let chars = after.find(|c: char| c.is_ascii()).unwrap_or(after.len());
            let (chars, after) = after.split_at(chars);
            rest = after;
            if !syllable.is_empty() && !chars.is_empty() {
                return Some((syllable, chars));
            }
        })
    }

    /// Every reading of `c`, in alphabetical order; empty when it has none. A scan of
    /// the whole table (for tests and tools; the search builds its own lookup).
    pub fn readings(self, c: char) -> Vec<&'static str> {
        self.entries()
            .filter(|(_, chars)| chars.contains(c))
            .map(|(syllable, _)| syllable)
            .collect()
    }
}

/// The three facets a reader filters by; each is one URL key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Theme,
    Platform,
    Project,
}

impl Facet {
    pub const ALL: [Facet; 3] = [Facet::Theme, Facet::Platform, Facet::Project];

    /// The URL query key of this facet.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Theme => "theme",
            Facet::Platform => "platform",
            Facet::Project => "project",
        }
    }
}

impl Block {
    /// The tags of this block for one facet.
    pub fn tags(&self, facet: Facet) -> &'static [Tag] {
        match facet {
            Facet::Theme => self.themes,
            Facet::Platform => self.platforms,
            Facet::Project => self.projects,
        }
    }

    /// The caption and credit of a figure, or the whole text and `""` otherwise.
    pub fn caption_and_credit(&self) -> (&'static str, &'static str) {
        match self.kind {
            BlockKind::Figure { credit_at } => self.text.split_at(credit_at as usize),
            _ => (self.text, ""),
        }
    }
}

impl Article {
    /// The blocks of `section`.
    pub fn section_blocks_of(&self, s: &Section) -> &'static [Block] {
        &self.blocks[s.first as usize..(s.first + s.len) as usize]
    }

    /// The blocks of one section.
    pub fn section_blocks(&self, section: usize) -> &'static [Block] {
        let s = &self.sections[section];
        &self.blocks[s.first as usize..(s.first + s.len) as usize]
    }

    /// Number of values in a facet.
    pub fn facet_len(&self, facet: Facet) -> usize {
        match facet {
            Facet::Theme => self.themes.len(),
            Facet::Platform => self.platforms.len(),
            Facet::Project => self.projects.len(),
        }
    }

    /// Canonical (URL) name of a facet value.
    pub fn value_name(&self, facet: Facet, value: usize) -> &'static str {
        match facet {
            Facet::Theme => self.themes[value].name,
            Facet::Platform => self.platforms[value].name,
            Facet::Project => self.projects[value].name,
        }
    }

    /// English name of a facet value.
    pub fn value_en(&self, facet: Facet, value: usize) -> &'static str {
        match facet {
            Facet::Theme => self.themes[value].en,
            Facet::Platform => self.platforms[value].en,
            Facet::Project => self.projects[value].en,
        }
    }

    /// Index of a facet value by its canonical name.
    pub fn value_index(&self, facet: Facet, name: &str) -> Option<usize> {
        (0..self.facet_len(facet)).find(|&i| self.value_name(facet, i) == name)
    }

    /// Other names of a facet value (the text's; former canonical names among them).
    pub fn value_aliases(&self, facet: Facet, value: usize) -> &'static [&'static str] {
        match facet {
            Facet::Theme => &[],
            Facet::Platform => self.platforms[value].aliases,
            Facet::Project => self.projects[value].aliases,
        }
    }

    /// Index of a facet value by any of its names: the canonical one, else an alias
    /// (so a link made with a former name keeps working).
    pub fn value_named(&self, facet: Facet, name: &str) -> Option<usize> {
        self.value_index(facet, name).or_else(|| {
            (0..self.facet_len(facet)).find(|&i| self.value_aliases(facet, i).contains(&name))
        })
    }

    /// The “北斗七星” matrix: the platforms of the main and featured groups (at most
    /// seven, in data order), each with whether it is a main platform (a large star).
    pub fn seven_stars(&self) -> Vec<(usize, bool)> {
        self.platforms
            .iter()
            .enumerate()
            .filter_map(|(i, p)| match self.platform_groups[p.group as usize].id {
                "main" => Some((i, true)),
                "featured" => Some((i, false)),
                _ => None,
            })
            .take(7)
            .collect()
    }

    /// The English of block `block` (an index into `blocks`); `None` when the article
    /// was loaded without its translation.
    pub fn block_en(&self, block: usize) -> Option<&'static BlockEn> {
        self.translation.blocks.get(block)
    }

    /// Every source line the article shows, in reading order.
    pub fn lines_in_reading_order(&self) -> Vec<u32> {
        let m = &self.masthead;
        let mut out = vec![m.kicker.line, m.headline.line, m.byline.line];
        for (i, section) in self.sections.iter().enumerate() {
            if i == self.banner_before as usize {
                out.extend(self.banner.iter().map(|b| b.line));
            }
            out.extend(section.heading.map(|h| h.line));
            for block in self.section_blocks(i) {
                out.extend(block.pieces.iter().map(|p| p.line));
            }
        }
        out
    }
}
