//! The page, written once as Leptos components: rendered to HTML at build time (the
//! whole article, nothing chosen, both interface languages' words) and hydrated in the
//! browser, where the same components take over the nodes they wrote and follow the
//! reader's state from then on. Views hold no domain logic: they read the `View` the
//! core computed (`crate::view`), words come from `core::text`, bars from `core::chart`.
//!
//! Hydration claims nodes by position and kind, so nothing here renders a node only in
//! some states: chips, notices and reasons are always there, hidden when unused.

mod article;
mod figures;
mod guide;
mod panel;
mod status;
mod words;

use crate::reader::Reader;
use jinyi_core::text::{EN, ZH};
use leptos::prelude::*;
use words::w;

/// The reader, from the context `App` provides.
pub(crate) fn reader() -> Reader {
    expect_context::<Reader>()
}

/// `"true"`/`"false"` for ARIA states.
pub(crate) fn aria(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}

/// The fault notice (shown by `html[data-fault]`; when a shared link's filters were
/// applied, with a link to the whole article) and the notice for readers without
/// JavaScript, which shows both languages (no script can choose one).
#[component]
fn Notices() -> impl IntoView {
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

#[component]
fn Masthead() -> impl IntoView {
    let r = reader();
    let m = &r.article.masthead;
    let tr = &r.article.translation;
    view! {
        <header class="masthead" inert=move || r.with(|v| v.drawer)>
            <div class="topbar">
                <span class="app-name">{w(|t| t.app_name)}</span>
                <button
                    type="button"
                    class="lang-switch"
                    data-lang-switch=""
                    title=move || r.t().language
                    data-en-title=EN.language
                    on:click=move |_| r.switch_lang()
                >
                    <span class="zh" lang="en">{ZH.other_lang}</span>
                    <span class="en" lang="zh-CN">{EN.other_lang}</span>
                </button>
            </div>
            <div class="title">
                <p class="kicker">{article::with_english(m.kicker.text, tr.kicker)}</p>
                <h1>{article::with_english(m.headline.text, tr.headline)}</h1>
                <p class="byline">{article::with_english(m.byline.text, tr.byline)}</p>
            </div>
            <ReadSwitch />
        </header>
    }
}

/// How to read the article: the Chinese original, our English, or both (`data-read-choice`,
/// pressed by the page's first-paint step before the app takes over); under it, whenever
/// the English shows, whose translation it is.
#[component]
fn ReadSwitch() -> impl IntoView {
    use jinyi_core::query::Read;
    let r = reader();
    if r.article.translation.blocks.is_empty() {
        return None;
    }
    let choice = move |read: Read, word: fn(&'static jinyi_core::text::Text) -> &'static str| {
        view! {
            <button
                type="button"
                data-read-choice=read.code()
                aria-pressed=move || aria(r.read.get() == read)
                on:click=move |_| r.set_read(read)
            >
                {w(word)}
            </button>
        }
    };
    Some(view! {
        <div class="read-switch" role="group" aria-labelledby="read-label" data-read-switch="">
            <span id="read-label">{w(|t| t.read)}</span>
            {choice(Read::Zh, |t| t.read_zh)}
            {choice(Read::En, |t| t.read_en)}
            {choice(Read::Both, |t| t.read_both)}
        </div>
        <p class="tr translation-note" data-translation-note="">{w(|t| t.translation_note)}</p>
    })
}

/// The filters: a drawer on a phone (a modal dialog when open), a column beside the
/// results on a wide screen.
#[component]
fn Panel() -> impl IntoView {
    let r = reader();
    let open = move || r.with(|v| v.drawer);
    let chosen = move || r.with(|v| v.chosen);
    view! {
        <button
            type="button"
            class="drawer-toggle"
            aria-controls="panel"
            aria-expanded=move || aria(open())
            data-drawer-toggle=""
            inert=open
            node_ref=r.drawer_toggle
            on:click=move |_| r.set_drawer(!r.drawer())
        >
            {w(|t| t.show_filters)}
            <span data-chosen-count="" hidden=move || chosen() == 0>
                <span class="zh">{move || ["（", &crate::view::num(chosen()), "）"].concat()}</span>
                <span class="en">{move || [" (", &crate::view::num(chosen()), ")"].concat()}</span>
            </span>
        </button>
        <aside id="panel" class="panel" class:open=open aria-labelledby="panel-title">
            // On a phone, open, this box is the drawer: a modal dialog (an <aside> cannot
            // take the role).
            <div
                class="panel-box"
                data-panel-box=""
                aria-labelledby="panel-title"
                role=move || open().then_some("dialog")
                aria-modal=move || open().then_some("true")
            >
                <div class="panel-head">
                    <h2 id="panel-title" class="panel-title">{w(|t| t.filters)}</h2>
                    <button type="button" class="drawer-close" data-drawer-close="" on:click=move |_| r.set_drawer(false)>
                        {w(|t| t.close)}
                    </button>
                </div>
                <panel::FilterPanel />
                <div class="drawer-foot">
                    <button type="button" class="drawer-done" data-drawer-close="" on:click=move |_| r.set_drawer(false)>
                        {status::count_words(false)}
                    </button>
                </div>
            </div>
        </aside>
    }
}

/// The whole page, in `reader`'s state.
#[component]
pub fn App(reader: Reader) -> impl IntoView {
    provide_context(reader);
    let r = reader;
    let covered = move || r.with(|v| v.drawer);
    // The document's language and title are outside the app (<html>, <head>): Leptos
    // has no means there, so the browser's own calls set them (`browser.rs`).
    Effect::new(move |_| {
        crate::browser::root_flag("data-read", Some(r.read.get().code()));
    });
    Effect::new(move |_| {
        let lang = r.lang.get();
        crate::browser::root_flag("lang", Some(lang.tag()));
        crate::browser::root_flag("data-ui", Some(lang.code()));
        crate::browser::set_title(&title(r, lang.text()));
    });
    // Effects run in the browser only, after hydration: the flag says the app took over.
    Effect::new(move |_| crate::browser::root_flag("data-hydrated", Some("1")));
    view! {
        <Notices />
        <nav class="skips" aria-label=move || r.t().skip_links data-en-aria-label=EN.skip_links inert=covered>
            <a class="skip" href="#results">{w(|t| t.skip)}</a>
            <a class="skip" href="#figures">{w(|t| t.skip_figures)}</a>
            <a class="skip" href="#guide">{w(|t| t.skip_guide)}</a>
        </nav>
        <Masthead />
        <div class="layout">
            <Panel />
            <main id="results" tabindex="-1" inert=covered node_ref=r.results>
                <status::Status />
                <status::Minimap />
                <status::IgnoredNotice />
                <status::PrintFilters />
                <p class="print-only print-url">
                    {w(|t| t.page_address)} " " <span data-print-url="">{move || r.href.get()}</span>
                </p>
                <div class="extras">
                    <figures::KeyFigures />
                    <guide::PlatformGuide />
                </div>
                <article class="article" data-context=move || r.with(|v| v.context).then_some("")>
                    <article::Article />
                </article>
            </main>
        </div>
        <status::CopyDialog />
        <footer class="footer" inert=covered>
            <p>{w(|t| t.own_words)}</p>
        </footer>
    }
}

/// The page's title in an interface language.
fn title(r: Reader, t: &'static jinyi_core::text::Text) -> String {
    [r.article.masthead.headline.text, " — ", t.app_name].concat()
}

/// What the build puts into `<head>`: the title (the Chinese as its text, both
/// languages in `data-zh`/`data-en` for the page's language step) and the description.
#[component]
pub fn Head(reader: Reader) -> impl IntoView {
    let title_zh = title(reader, &ZH);
    let title_en = title(reader, &EN);
    let description = [ZH.description, " ", EN.description].concat();
    view! {
        <title data-zh=title_zh.clone() data-en=title_en>{title_zh.clone()}</title>
        <meta name="description" content=description />
    }
}
