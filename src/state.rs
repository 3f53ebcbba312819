//! The reader's state (selection, language, context view) and the one way to change it,
//! which also keeps the URL in step: a click adds a history entry, typing replaces the
//! entry its first keystroke added, Back/Forward restore a state without adding one.

use crate::data::ARTICLE;
use crate::text::Lang;
use crate::url;
use jinyi_core::filter::{apply, Outcome};
use jinyi_core::query::{parse, to_query, Ignored, Selection};
use jinyi_core::search::SearchIndex;
use leptos::prelude::*;
use std::sync::OnceLock;

/// The search index over the embedded article, built on first use.
pub fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::for_article(&ARTICLE))
}

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

#[derive(Clone, Copy)]
pub struct State {
    pub sel: RwSignal<Selection>,
    pub lang: RwSignal<Lang>,
    /// Whether `lang` is written to the URL (it was given or chosen).
    lang_in_url: StoredValue<bool>,
    pub context: RwSignal<bool>,
    pub ignored: RwSignal<IgnoredNotice>,
    pub outcome: Memo<Outcome>,
    typing: StoredValue<bool>,
}

impl State {
    /// Reads the state from the current URL.
    pub fn from_url(default_lang: Lang) -> State {
        let parsed = parse(&ARTICLE, &url::current_query());
        let url_lang = parsed.lang.as_deref().and_then(Lang::from_tag);
        let sel = RwSignal::new(parsed.selection);
        let mut entries = parsed.ignored;
        let mut total = parsed.ignored_count;
        if let (Some(tag), None) = (parsed.lang.as_deref(), url_lang) {
            entries.push(Ignored {
                key: "lang".into(),
                value: tag.chars().take(40).collect(),
            });
            total += 1;
        }
        State {
            sel,
            lang: RwSignal::new(url_lang.unwrap_or(default_lang)),
            lang_in_url: StoredValue::new(url_lang.is_some()),
            context: RwSignal::new(false),
            ignored: RwSignal::new(IgnoredNotice { entries, total }),
            outcome: Memo::new(move |_| sel.with(|s| apply(&ARTICLE, index(), s))),
            typing: StoredValue::new(false),
        }
    }

    fn write_url(&self, push: bool) {
        let lang = self
            .lang_in_url
            .get_value()
            .then(|| self.lang.get_untracked().tag());
        let lang = lang.map(|t| if t == "en" { "en" } else { "zh" });
        let query = self.sel.with_untracked(|s| to_query(&ARTICLE, s, lang));
        url::set_query(&query, push);
    }

    /// Changes the selection and records it in the URL.
    pub fn change(&self, how: Change, f: impl FnOnce(&mut Selection)) {
        #[cfg(feature = "fault-trigger")]
        crate::debug_panic("click");
        self.sel.update(f);
        let push = how == Change::Click || !self.typing.get_value();
        self.typing.set_value(how == Change::Typing);
        self.write_url(push);
    }

    /// Switches the interface language (the URL remembers it, without a history entry).
    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        self.lang_in_url.set_value(true);
        self.write_url(false);
    }

    /// Back/Forward: take the state from the URL, adding no history entry.
    pub fn restore_from_url(&self) {
        let parsed = parse(&ARTICLE, &url::current_query());
        self.typing.set_value(false);
        if let Some(lang) = parsed.lang.as_deref().and_then(Lang::from_tag) {
            self.lang.set(lang);
        }
        self.ignored.set(IgnoredNotice {
            entries: parsed.ignored,
            total: parsed.ignored_count,
        });
        self.sel.set(parsed.selection);
    }
}
