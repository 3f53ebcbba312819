//! The page, written by Leptos components rendered to HTML at build time (`ssr`): the
//! one source of the explorer's markup. It shows the default state (the whole article,
//! nothing chosen) with both interface languages' words; in the browser the app adopts
//! this markup and updates it in place (`src/render.rs`), and never renders it again.
//!
//! Views hold no domain logic: counts come from the core's `filter::apply` on the empty
//! selection, bars from `core::chart`, words from `core::text`.

mod article;
mod figures;
mod guide;
mod panel;
mod status;
mod words;

use jinyi_core::filter::{apply, Outcome};
use jinyi_core::model::Article;
use jinyi_core::query::Selection;
use jinyi_core::search::SearchIndex;
use jinyi_core::text::{EN, ZH};
use leptos::prelude::*;
use words::w;

/// What every component renders from: the article and its default state.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub article: &'static Article,
    pub outcome: &'static Outcome,
}

/// The fault notice (shown by `html[data-fault]`; when a shared link's filters were
/// applied, with a link to the whole article) and the notice for readers without
/// JavaScript, which shows both languages (no script can choose one).
fn notices() -> impl IntoView {
    view! {
        <div id="fault-notice" class="fault-notice" role="alert">
            <p>{w(|t| t.fault)} " " <a class="to-whole" href="?" data-to-whole="">{w(|t| t.whole_article)}</a></p>
        </div>
        <noscript>
            <div class="fault-notice nojs">
                <p lang="zh-CN">{ZH.nojs}</p>
                <p lang="en">{EN.nojs}</p>
            </div>
        </noscript>
    }
}

fn masthead(cx: Ctx) -> impl IntoView {
    let m = &cx.article.masthead;
    view! {
        <header class="masthead">
            <div class="topbar">
                <span class="app-name">{w(|t| t.app_name)}</span>
                <button
                    type="button"
                    class="lang-switch"
                    data-lang-switch=""
                    title=ZH.language
                    data-en-title=EN.language
                >
                    <span class="zh" lang="en">{ZH.other_lang}</span>
                    <span class="en" lang="zh-CN">{EN.other_lang}</span>
                </button>
            </div>
            <div lang="zh-CN">
                <p class="kicker">{m.kicker.text}</p>
                <h1>{m.headline.text}</h1>
                <p class="byline">{m.byline.text}</p>
            </div>
        </header>
    }
}

fn page(cx: Ctx) -> impl IntoView {
    view! {
        {notices()}
        <nav class="skips" aria-label=ZH.skip_links data-en-aria-label=EN.skip_links>
            <a class="skip" href="#results">{w(|t| t.skip)}</a>
            <a class="skip" href="#figures">{w(|t| t.skip_figures)}</a>
            <a class="skip" href="#guide">{w(|t| t.skip_guide)}</a>
        </nav>
        {masthead(cx)}
        <div class="layout">
            <button type="button" class="drawer-toggle" aria-controls="panel" aria-expanded="false" data-drawer-toggle="">
                {w(|t| t.show_filters)}
                <span data-chosen-count="" hidden></span>
            </button>
            <aside id="panel" class="panel" aria-labelledby="panel-title">
                // On a phone, open, this box is the drawer: a modal dialog (the app sets
                // its role; an <aside> cannot take it).
                <div class="panel-box" data-panel-box="" aria-labelledby="panel-title">
                <div class="panel-head">
                    <h2 id="panel-title" class="panel-title">{w(|t| t.filters)}</h2>
                    <button type="button" class="drawer-close" data-drawer-close="">{w(|t| t.close)}</button>
                </div>
                {panel::filter_panel(cx)}
                <div class="drawer-foot">
                    <button type="button" class="drawer-done" data-drawer-close="">{status::count_words(cx, false)}</button>
                </div>
                </div>
            </aside>
            <main id="results" tabindex="-1">
                {status::status(cx)}
                {status::minimap(cx)}
                {status::ignored_notice()}
                {status::print_filters()}
                <p class="print-only print-url">{w(|t| t.page_address)} " " <span data-print-url=""></span></p>
                <div class="extras">
                    {figures::key_figures(cx)}
                    {guide::platform_guide(cx)}
                </div>
                <article class="article">{article::article(cx)}</article>
            </main>
        </div>
        {status::copy_dialog(cx)}
        <footer class="footer">
            <p>{w(|t| t.own_words)}</p>
        </footer>
    }
}

/// The rendered page: what goes into `<head>` and into `<body>`.
pub struct Rendered {
    /// `<title>` (both languages: the Chinese as its text, the English in `data-en`)
    /// and the description.
    pub head: String,
    pub body: String,
}

/// Renders the page for `article` in its default state.
pub fn render(article: Article) -> Rendered {
    let article: &'static Article = Box::leak(Box::new(article));
    let index = SearchIndex::for_article(article);
    let outcome: &'static Outcome =
        Box::leak(Box::new(apply(article, &index, &Selection::default())));
    let cx = Ctx { article, outcome };
    let headline = article.masthead.headline.text;
    let title_zh = format!("{headline} — {}", ZH.app_name);
    let title_en = format!("{headline} — {}", EN.app_name);
    let description = format!("{} {}", ZH.description, EN.description);
    let head = view! {
        <title data-zh=title_zh.clone() data-en=title_en>{title_zh.clone()}</title>
        <meta name="description" content=description />
    }
    .to_html();
    // tachys marks places for hydration with `<!>` comments; nothing hydrates this page.
    let body = page(cx).to_html().replace("<!>", "");
    Rendered { head, body }
}
