//! The reader's state as a URL query: `?theme=营商环境&platform=金义湖&project=…&q=项目`,
//! then whether the whole article shows in context (`context=1`), how to read it
//! (`read=zh|en|both`) and the interface language (`lang`).
//! Values are canonical Chinese names, repeated keys for several values; a value may
//! also be read by one of its aliases (a former canonical name among them) and is then
//! written back by its canonical name. Parsing never
//! fails: unknown keys and values are returned as `ignored` for the UI to mention.

use crate::model::{Article, Facet};

/// The keys the explorer reads; any other key is reported as ignored.
pub const KNOWN_KEYS: [&str; 7] = [
    "theme", "platform", "project", "q", "context", "read", "lang",
];

/// How the reader reads the article: the Chinese original, our English translation, or
/// both side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Read {
    Zh,
    En,
    Both,
}

impl Read {
    pub const ALL: [Read; 3] = [Read::Zh, Read::En, Read::Both];

    /// From `?read=` (`zh`, `en`, `both`, any case); `None` when unknown.
    pub fn from_tag(tag: &str) -> Option<Read> {
        Read::ALL
            .into_iter()
            .find(|r| r.code().eq_ignore_ascii_case(tag.trim()))
    }

    /// The value of `?read=` and of the page's `data-read`.
    pub fn code(self) -> &'static str {
        match self {
            Read::Zh => "zh",
            Read::En => "en",
            Read::Both => "both",
        }
    }

    /// The way to read when the reader has not chosen: the Chinese in the Chinese
    /// interface, both texts in the English one.
    pub fn default_for(english: bool) -> Read {
        if english {
            Read::Both
        } else {
            Read::Zh
        }
    }

    /// Whether the English shows.
    pub fn english(self) -> bool {
        self != Read::Zh
    }
}

/// How many ignored entries are kept for the notice (the rest are only counted).
pub const MAX_IGNORED_KEPT: usize = 8;
/// How many characters of an ignored value are kept for the notice.
pub const MAX_IGNORED_CHARS: usize = 40;

/// What the reader has chosen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Chosen value indexes per facet (`Facet as usize`), sorted, no duplicates.
    pub values: [Vec<u16>; 3],
    /// The search text as typed (not normalised).
    pub q: String,
}

impl Selection {
    pub fn chosen(&self, facet: Facet) -> &[u16] {
        &self.values[facet as usize]
    }

    pub fn is_chosen(&self, facet: Facet, value: u16) -> bool {
        self.chosen(facet).binary_search(&value).is_ok()
    }

    /// Adds or removes one facet value.
    pub fn toggle(&mut self, facet: Facet, value: u16) {
        let v = &mut self.values[facet as usize];
        match v.binary_search(&value) {
            Ok(i) => {
                v.remove(i);
            }
            Err(i) => v.insert(i, value),
        }
    }

    /// Nothing chosen and no search.
    pub fn is_empty(&self) -> bool {
        self.values.iter().all(Vec::is_empty) && self.q.trim().is_empty()
    }
}

/// An entry of the URL that was not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    pub key: String,
    /// The value, cut to `MAX_IGNORED_CHARS` characters (with `…` when cut).
    pub value: String,
}

/// The result of reading a URL query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub selection: Selection,
    /// The whole article in context, the rest dimmed (`?context=1`; `0` or nothing: the
    /// matches only).
    pub context: bool,
    /// How to read asked for (`?read=`, as written), if any.
    pub read: Option<String>,
    /// The interface language asked for (`?lang=`), if any.
    pub lang: Option<String>,
    /// Up to `MAX_IGNORED_KEPT` ignored entries, in URL order.
    pub ignored: Vec<Ignored>,
    /// How many entries were ignored in all.
    pub ignored_count: usize,
}

fn shorten(s: &str) -> String {
    match s.char_indices().nth(MAX_IGNORED_CHARS) {
        Some((at, _)) => [&s[..at], "…"].concat(),
        None => s.to_string(),
    }
}

/// Reads a query string (with or without the leading `?`).
pub fn parse(article: &Article, query: &str) -> Parsed {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut out = Parsed::default();
    let ignore = |out: &mut Parsed, key: &str, value: &str| {
        out.ignored_count += 1;
        if out.ignored.len() < MAX_IGNORED_KEPT {
            out.ignored.push(Ignored {
                key: shorten(key),
                value: shorten(value),
            });
        }
    };
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let value = value.trim();
        let facet = Facet::ALL.into_iter().find(|f| f.key() == key);
        match (facet, key.as_ref()) {
            (Some(facet), _) => match article.value_named(facet, value) {
                Some(i) => {
                    let v = &mut out.selection.values[facet as usize];
                    if let Err(pos) = v.binary_search(&(i as u16)) {
                        v.insert(pos, i as u16);
                    }
                }
                None => ignore(&mut out, &key, value),
            },
            (None, "q") => {
                if out.selection.q.is_empty() {
                    out.selection.q = value.to_string();
                } else if !value.is_empty() {
                    ignore(&mut out, &key, value);
                }
            }
            (None, "context") => match value {
                "1" => out.context = true,
                "0" | "" => {}
                _ => ignore(&mut out, &key, value),
            },
            (None, "lang" | "read") => {
                let slot = if key == "lang" {
                    &mut out.lang
                } else {
                    &mut out.read
                };
                if slot.is_none() {
                    if !value.is_empty() {
                        *slot = Some(value.to_string());
                    }
                } else if !value.is_empty() {
                    // Like a second `q`: not applied, so reported.
                    ignore(&mut out, &key, value);
                }
            }
            (None, _) => {
                if !(key.is_empty() && value.is_empty()) {
                    ignore(&mut out, &key, value);
                }
            }
        }
    }
    out
}

/// Writes a selection as a query string with the leading `?`, or `""` when empty.
/// `lang` is kept when given.
pub fn to_query(article: &Article, sel: &Selection, lang: Option<&str>) -> String {
    to_query_shown(
        article,
        sel,
        Shown {
            lang,
            ..Shown::default()
        },
    )
}

/// How the page shows a selection, written after it (`context=1&read=…&lang=…`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shown<'a> {
    pub context: bool,
    /// Kept when given (chosen or from the link).
    pub read: Option<Read>,
    pub lang: Option<&'a str>,
}

/// As `to_query`, with how the page shows the selection.
pub fn to_query_shown(article: &Article, sel: &Selection, shown: Shown) -> String {
    let Shown {
        context,
        read,
        lang,
    } = shown;
    let mut ser = form_urlencoded::Serializer::new(String::new());
    for facet in Facet::ALL {
        for &v in sel.chosen(facet) {
            ser.append_pair(facet.key(), article.value_name(facet, v as usize));
        }
    }
    let q = sel.q.trim();
    if !q.is_empty() {
        ser.append_pair("q", q);
    }
    if context {
        ser.append_pair("context", "1");
    }
    if let Some(read) = read {
        ser.append_pair("read", read.code());
    }
    if let Some(lang) = lang {
        ser.append_pair("lang", lang);
    }
    let s = ser.finish();
    if s.is_empty() {
        s
    } else {
        ["?", s.as_str()].concat()
    }
}
