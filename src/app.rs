//! The page: masthead, filter panel and results, wired to one shared `State`. The
//! interface language re-renders the page as a whole (it changes rarely), so every
//! interface string below is plain text rather than a reactive closure of its own.

use crate::data::ARTICLE;
use crate::figures::KeyFigures;
use crate::filters::FilterPanel;
use crate::guide::PlatformGuide;
use crate::results::{ArticleView, Chips, IgnoredNotice, ResultCount};
use crate::state::State;
use crate::text::{Lang, Text};
use jinyi_core::model::Facet;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// The reader's preferred language: the first of `navigator.languages` we have, else Chinese.
fn preferred_lang() -> Lang {
    let nav = window().navigator();
    nav.languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(nav.language())
        .find_map(|tag| Lang::from_tag(&tag))
        .unwrap_or(Lang::Zh)
}

/// For print: the active filters in words, at the top of the article.
fn filters_in_words(st: State, t: &'static Text) -> impl IntoView {
    move || {
        let words = st.sel.with(|s| {
            let mut w: Vec<String> = Facet::ALL
                .iter()
                .flat_map(|&f| {
                    s.chosen(f)
                        .iter()
                        .map(move |&v| ARTICLE.value_name(f, v as usize).to_string())
                })
                .collect();
            if !s.q.trim().is_empty() {
                w.push(format!("{}: {}", t.search, s.q.trim()));
            }
            w
        });
        let text = if words.is_empty() {
            t.no_filters.to_string()
        } else {
            words.join(" · ")
        };
        view! { <p class="print-only print-filters">{t.active_filters} " " {text}</p> }
    }
}

/// The whole page in one interface language.
#[component]
fn Page(lang: Lang) -> impl IntoView {
    let st = expect_context::<State>();
    let t = lang.text();
    let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
    let m = &ARTICLE.masthead;
    // On narrow screens the filters live in a drawer.
    let drawer = RwSignal::new(false);
    // Focus follows the drawer: into its search box when it opens, back to the toggle
    // when it closes; everything under it is `inert` meanwhile.
    let focus = |selector: &'static str| {
        request_animation_frame(move || {
            if let Some(el) = document().query_selector(selector).ok().flatten() {
                let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        })
    };
    let set_drawer = move |open: bool| {
        drawer.set(open);
        focus(if open { "#search" } else { ".drawer-toggle" });
    };
    let covered = move || drawer.get();
    let chosen = move || {
        st.sel.with(|s| {
            s.values.iter().map(Vec::len).sum::<usize>() + usize::from(!s.q.trim().is_empty())
        })
    };
    view! {
        <a class="skip" href="#results" inert=covered>{t.skip}</a>
        <header class="masthead" inert=covered>
            <div class="topbar">
                <span class="app-name">{t.app_name}</span>
                <button
                    type="button"
                    class="lang-switch"
                    title=t.language
                    data-lang-switch=""
                    on:click=move |_| st.set_lang(other)
                >
                    {t.other_lang}
                </button>
            </div>
            <div lang="zh-CN">
                <p class="kicker">{m.kicker.text}</p>
                <h1>{m.headline.text}</h1>
                <p class="byline">{m.byline.text}</p>
            </div>
        </header>
        <div class="layout">
            <button
                type="button"
                class="drawer-toggle"
                aria-controls="panel"
                aria-expanded=move || drawer.get().to_string()
                inert=covered
                on:click=move |_| set_drawer(!drawer.get_untracked())
            >
                {t.show_filters}
                {move || (chosen() > 0).then(|| format!(" ({})", chosen()))}
            </button>
            <aside
                id="panel"
                class="panel"
                class:open=move || drawer.get()
                aria-labelledby="panel-title"
                on:keydown=move |ev| {
                    if ev.key() == "Escape" && drawer.get_untracked() {
                        set_drawer(false);
                    }
                }
            >
                <div class="panel-head">
                    <h2 id="panel-title" class="panel-title">{t.filters}</h2>
                    <button type="button" class="drawer-close" on:click=move |_| set_drawer(false)>
                        {t.close}
                    </button>
                </div>
                <FilterPanel lang />
            </aside>
            <main id="results" tabindex="-1" inert=covered>
                <div class="status">
                    <ResultCount lang />
                    <Chips lang />
                    <label class="context-toggle">
                        <input
                            type="checkbox"
                            data-context-toggle=""
                            prop:checked=move || st.context.get()
                            on:change=move |ev| st.context.set(event_target_checked(&ev))
                        />
                        {t.in_context}
                    </label>
                </div>
                <IgnoredNotice lang />
                {filters_in_words(st, t)}
                <div class="extras">
                    <KeyFigures lang />
                    <PlatformGuide lang />
                </div>
                <article class="article">
                    <ArticleView lang />
                </article>
            </main>
        </div>
        <footer class="footer" inert=covered>
            <p>{t.own_words}</p>
        </footer>
    }
}

#[component]
pub fn App() -> impl IntoView {
    let st = State::from_url(preferred_lang());
    provide_context(st);
    let _ = window_event_listener(leptos::ev::popstate, move |_| st.restore_from_url());
    // The page's language follows the interface language.
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", st.lang.get().tag());
        }
    });
    move || view! { <Page lang=st.lang.get() /> }
}
