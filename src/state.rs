//! The reader's state (selection, how to read, language, context view, drawer) and the one way to
//! change it, which also says how the URL follows: a click adds a history entry, typing
//! replaces the entry its first keystroke added, Back/Forward restore a state without
//! adding one. Pure: the caller writes the URL (`url.rs`).

use jinyi_core::model::Article;
use jinyi_core::query::{parse, to_query_shown, Ignored, Read, Selection, Shown};
use jinyi_core::text::Lang;

/// How a change came about, which decides how history records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Click,
    Typing,
}

/// URL entries that were not applied: the kept ones and the total.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IgnoredNotice {
    pub entries: Vec<Ignored>,
    pub total: usize,
}

/// A URL to write: the query, and whether it adds a history entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlWrite {
    pub query: String,
    pub push: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    pub sel: Selection,
    pub lang: Lang,
    /// Whether `lang` is written to the URL (it was given or chosen).
    lang_in_url: bool,
    /// How to read, when the link gave it or the reader chose it (then the URL keeps
    /// it); else the default for the language (`read()`).
    read: Option<Read>,
    pub context: bool,
    pub ignored: IgnoredNotice,
    pub drawer: bool,
    /// The block the address's `#fragment` names, if any (a paragraph link).
    pub target: Option<usize>,
    typing: bool,
}

impl State {
    /// The state of a page opened at `query`, for a browser preferring `browser` languages.
    pub fn from_query<'a>(
        a: &Article,
        query: &str,
        browser: impl IntoIterator<Item = &'a str>,
    ) -> State {
        let parsed = parse(a, query);
        let url_lang = parsed.lang.as_deref().and_then(Lang::from_tag);
        let mut ignored = IgnoredNotice {
            entries: parsed.ignored,
            total: parsed.ignored_count,
        };
        let read = parsed.read.as_deref().and_then(Read::from_tag);
        for (key, given, known) in [
            ("lang", parsed.lang.as_deref(), url_lang.is_some()),
            ("read", parsed.read.as_deref(), read.is_some()),
        ] {
            if let (Some(tag), false) = (given, known) {
                ignored.entries.push(Ignored {
                    key: key.into(),
                    value: tag.chars().take(40).collect(),
                });
                ignored.total += 1;
            }
        }
        State {
            sel: parsed.selection,
            lang: Lang::choose(parsed.lang.as_deref(), browser),
            lang_in_url: url_lang.is_some(),
            read,
            context: parsed.context,
            ignored,
            drawer: false,
            target: None,
            typing: false,
        }
    }

    /// Reads the block a paragraph link names (`#surpass-3`; anything else names none).
    pub fn set_target(&mut self, a: &Article, hash: &str) {
        let id = hash.strip_prefix('#').unwrap_or(hash);
        self.target = a.blocks.iter().position(|b| b.id == id);
    }

    /// How the article is read: as given or chosen, else the language's default
    /// (Chinese for the Chinese interface, both for the English one).
    pub fn read(&self) -> Read {
        self.read
            .unwrap_or_else(|| Read::default_for(self.lang == Lang::En))
    }

    /// The URL of a change of view (language, way of reading, context): written over
    /// the current history entry.
    fn replacing(&self, a: &Article) -> UrlWrite {
        UrlWrite {
            query: self.query(a),
            push: false,
        }
    }

    /// The query string this state writes.
    fn query(&self, a: &Article) -> String {
        let lang = self.lang_in_url.then(|| self.lang.code());
        let shown = Shown {
            context: self.context,
            read: self.read,
            lang,
        };
        to_query_shown(a, &self.sel, shown)
    }

    /// Changes the selection; returns the URL to write.
    pub fn change(&mut self, a: &Article, how: Change, f: impl FnOnce(&mut Selection)) -> UrlWrite {
        f(&mut self.sel);
        let push = how == Change::Click || !self.typing;
        self.typing = how == Change::Typing;
        UrlWrite {
            query: self.query(a),
            push,
        }
    }

    /// Switches the interface language (the URL remembers it, without a history entry).
    pub fn set_lang(&mut self, a: &Article, lang: Lang) -> UrlWrite {
        self.lang = lang;
        self.lang_in_url = true;
        self.replacing(a)
    }

    /// Shows the whole article in context, or the matches only (the URL remembers it,
    /// without a history entry, like the way of reading).
    pub fn set_context(&mut self, a: &Article, on: bool) -> UrlWrite {
        self.context = on;
        self.replacing(a)
    }

    /// Chooses how to read (the URL remembers it, without a history entry, like the
    /// language: Back and Forward keep it).
    pub fn set_read(&mut self, a: &Article, read: Read) -> UrlWrite {
        self.read = Some(read);
        self.replacing(a)
    }

    /// Back/Forward: the state of `query`, adding no history entry.
    pub fn restore(&mut self, a: &Article, query: &str) {
        let parsed = parse(a, query);
        self.typing = false;
        if let Some(lang) = parsed.lang.as_deref().and_then(Lang::from_tag) {
            self.lang = lang;
        }
        if let Some(read) = parsed.read.as_deref().and_then(Read::from_tag) {
            self.read = Some(read);
        }
        self.ignored = IgnoredNotice {
            entries: parsed.ignored,
            total: parsed.ignored_count,
        };
        self.sel = parsed.selection;
        self.context = parsed.context;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::ARTICLE;
    use jinyi_core::model::Facet;

    #[test]
    fn clicks_push_typing_replaces_after_its_first_keystroke() {
        let mut s = State::from_query(&ARTICLE, "", ["zh-CN"]);
        let w = s.change(&ARTICLE, Change::Typing, |s| s.q = "金".into());
        assert!(w.push, "the first keystroke adds an entry");
        let w = s.change(&ARTICLE, Change::Typing, |s| s.q = "金义".into());
        assert!(!w.push);
        assert_eq!(w.query, "?q=%E9%87%91%E4%B9%89");
        let w = s.change(&ARTICLE, Change::Click, |s| s.toggle(Facet::Theme, 0));
        assert!(w.push);
    }

    #[test]
    fn language_from_link_then_browser_and_an_unknown_one_is_reported() {
        assert_eq!(
            State::from_query(&ARTICLE, "?lang=en", ["zh"]).lang,
            Lang::En
        );
        assert_eq!(
            State::from_query(&ARTICLE, "", ["fr", "en-GB"]).lang,
            Lang::En
        );
        assert_eq!(State::from_query(&ARTICLE, "", ["fr"]).lang, Lang::Zh);
        let s = State::from_query(&ARTICLE, "?lang=fr", ["en"]);
        assert_eq!(s.lang, Lang::En);
        assert_eq!(s.ignored.total, 1);
        assert_eq!(s.ignored.entries[0].key, "lang");
    }

    #[test]
    fn reading_follows_the_language_until_given_or_chosen() {
        let s = State::from_query(&ARTICLE, "", ["zh"]);
        assert_eq!(s.read(), Read::Zh);
        let mut s = State::from_query(&ARTICLE, "?lang=en", ["zh"]);
        assert_eq!(s.read(), Read::Both);
        let w = s.set_read(&ARTICLE, Read::En);
        assert_eq!(w.query, "?read=en&lang=en");
        assert!(!w.push);
        let s = State::from_query(&ARTICLE, "?read=BOTH&theme=%E5%B9%B2", ["zh"]);
        assert_eq!(s.read(), Read::Both);
        let s = State::from_query(&ARTICLE, "?read=fr", ["zh"]);
        assert_eq!((s.read(), s.ignored.total), (Read::Zh, 1));
        assert_eq!(s.ignored.entries[0].key, "read");
        // Back/Forward to an address without `read` keeps the reader's choice.
        let mut s = State::from_query(&ARTICLE, "?read=en", ["zh"]);
        s.restore(&ARTICLE, "?theme=%E5%B9%B2");
        assert_eq!(s.read(), Read::En);
    }

    #[test]
    fn context_is_shareable() {
        let mut s = State::from_query(&ARTICLE, "?theme=%E5%B9%B2&context=1", ["zh"]);
        assert!(s.context);
        let w = s.set_context(&ARTICLE, false);
        assert_eq!(w.query, "?theme=%E5%B9%B2");
        let w = s.set_context(&ARTICLE, true);
        assert_eq!(w.query, "?theme=%E5%B9%B2&context=1");
        s.restore(&ARTICLE, "?theme=%E5%B9%B2");
        assert!(!s.context);
        let s = State::from_query(&ARTICLE, "?context=yes", ["zh"]);
        assert_eq!((s.context, s.ignored.total), (false, 1));
    }

    #[test]
    fn a_chosen_language_stays_in_the_url() {
        let mut s = State::from_query(&ARTICLE, "?theme=%E5%B9%B2", ["zh"]);
        let w = s.set_lang(&ARTICLE, Lang::En);
        assert_eq!(w.query, "?theme=%E5%B9%B2&lang=en");
        assert!(!w.push);
    }
}
