//! The page: masthead, filter panel and results, wired to one shared `State`.

use crate::data::ARTICLE;
use crate::filters::FilterPanel;
use crate::results::{ArticleView, Chips, IgnoredNotice, ResultCount};
use crate::state::State;
use crate::text::Lang;
use leptos::prelude::*;

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
    let t = move || st.lang.get().text();
    let m = &ARTICLE.masthead;
    view! {
        <a class="skip" href="#results">{move || t().skip}</a>
        <header class="masthead">
            <div class="topbar">
                <span class="app-name">{move || t().app_name}</span>
                <button
                    type="button"
                    class="lang-switch"
                    title=move || t().language
                    data-lang-switch=""
                    on:click=move |_| {
                        st.set_lang(if st.lang.get_untracked() == Lang::Zh { Lang::En } else { Lang::Zh })
                    }
                >
                    {move || t().other_lang}
                </button>
            </div>
            <div lang="zh-CN">
                <p class="kicker">{m.kicker.text}</p>
                <h1>{m.headline.text}</h1>
                <p class="byline">{m.byline.text}</p>
            </div>
        </header>
        <div class="layout">
            <aside class="panel" aria-labelledby="panel-title">
                <h2 id="panel-title" class="panel-title">{move || t().filters}</h2>
                <FilterPanel />
            </aside>
            <main id="results" tabindex="-1">
                <div class="status">
                    <ResultCount />
                    <Chips />
                    <label class="context-toggle">
                        <input
                            type="checkbox"
                            data-context-toggle=""
                            prop:checked=move || st.context.get()
                            on:change=move |ev| st.context.set(event_target_checked(&ev))
                        />
                        {move || t().in_context}
                    </label>
                </div>
                <IgnoredNotice />
                <article class="article">
                    <ArticleView />
                </article>
            </main>
        </div>
        <footer class="footer">
            <p>{move || t().own_words}</p>
        </footer>
    }
}
