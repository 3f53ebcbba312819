//! Interface words in both languages. The page carries each word twice, `<span class="zh">`
//! and `<span class="en">`, and the stylesheet shows the reader's (`:root[data-ui="en"]`),
//! so the interface is in the right language from the first frame, whichever script runs.
//! Attributes cannot be switched by CSS: they hold the Chinese form and carry the English
//! one as `data-en-<name>`; the page's language step (site/js/head.js) swaps them.

use jinyi_core::text::{Text, EN, ZH};
use leptos::prelude::*;

/// A word of the interface (`pick` chooses it from the text table) in both languages.
pub fn w(pick: impl Fn(&'static Text) -> &'static str) -> impl IntoView {
    both(pick(&ZH), pick(&EN))
}

/// A Chinese and an English form of the same thing, shown by interface language.
pub fn both(zh: &'static str, en: &'static str) -> impl IntoView {
    view! { <span class="zh">{zh}</span><span class="en">{en}</span> }
}
