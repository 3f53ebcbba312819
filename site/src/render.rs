//! The page rendered to HTML by the app's own components (`jinyi_explorer::App`, Leptos
//! `ssr`) in the state the build shows: the whole article, nothing chosen. The HTML keeps
//! Leptos's hydration markers (`<!>` comments): the browser app hydrates exactly this.

use hydration_context::SsrSharedContext;
use jinyi_core::model::Article;
use jinyi_explorer::reader::Reader;
use jinyi_explorer::{App, Head};
use leptos::prelude::*;
use std::sync::Arc;

/// The rendered page: what goes into `<head>` and into the app's container in `<body>`.
pub struct Rendered {
    /// `<title>` (both languages: the Chinese as its text, the English in `data-en`)
    /// and the description.
    pub head: String,
    pub body: String,
}

/// Renders the page of `article` (the app's own, `jinyi_explorer::data::ARTICLE`, for the
/// site; another for the bench's scaled pages) in the build's state.
pub fn render(article: &'static Article) -> Rendered {
    // As Leptos's server integrations render: inside a root owner with a shared context.
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    owner.with(|| {
        let reader = Reader::built(article);
        Rendered {
            head: view! { <Head reader /> }.to_html(),
            body: view! { <App reader /> }.to_html(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_has_every_block_and_keeps_the_hydration_markers() {
        let page = render(&jinyi_explorer::data::ARTICLE);
        let blocks = page.body.matches(" data-block=\"").count();
        assert_eq!(blocks, jinyi_explorer::data::ARTICLE.blocks.len());
        assert!(page.body.contains("<!>"), "no hydration markers");
        assert!(page.head.starts_with("<title"));
    }
}
