//! Reading and using the page through its public test markup (`data-block`,
//! `data-result-count`, facet buttons, chips, `#search`, …), the same in every engine.

use fantoccini::Locator;
use serde_json::{json, Value};

use super::{Browser, FULL_ARTICLE_BLOCKS, JS_VISIBLE};

/// A facet button as rendered.
#[derive(Debug, Clone, PartialEq)]
pub struct Facet {
    pub facet: String,
    pub value: String,
    pub pressed: bool,
    pub disabled: bool,
    pub count: Option<usize>,
}

impl Facet {
    pub fn selector(&self) -> String {
        facet_selector(&self.facet, &self.value)
    }
}

pub fn facet_selector(facet: &str, value: &str) -> String {
    format!(r#"button[data-facet="{facet}"][data-value="{value}"]"#)
}

impl Browser {
    /// The decoded query pairs of the current URL, sorted.
    pub async fn query_pairs(&self) -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> = self
            .current_url()
            .await
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        pairs.sort();
        pairs
    }

    /// The `data-block` ids of all displayed blocks, in DOM order.
    pub async fn block_ids(&self) -> Vec<String> {
        let script = format!(
            "{JS_VISIBLE}
            return Array.from(document.querySelectorAll('[data-block]')).filter(visible)
                .map(e => e.getAttribute('data-block'));"
        );
        strings(self.js(&script, vec![]).await)
    }

    /// `(id, textContent)` of every displayed block, in DOM order.
    pub async fn block_texts(&self) -> Vec<(String, String)> {
        let script = format!(
            "{JS_VISIBLE}
            return Array.from(document.querySelectorAll('[data-block]')).filter(visible)
                .map(e => [e.getAttribute('data-block'), e.textContent]);"
        );
        let v = self.js(&script, vec![]).await;
        v.as_array()
            .expect("array")
            .iter()
            .map(|pair| {
                (
                    pair[0].as_str().unwrap_or_default().to_string(),
                    pair[1].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect()
    }

    /// The text the copy dialog holds (an export, or a quotation copied by hand).
    pub async fn copy_text(&self) -> String {
        let v = self
            .js(
                "return document.querySelector('[data-copy-text]').value;",
                vec![],
            )
            .await;
        v.as_str().unwrap_or_default().to_string()
    }

    /// The `data-result-count` attribute, parsed.
    pub async fn result_count(&self) -> usize {
        let v = self
            .js(
                "const e = document.querySelector('[data-result-count]');
                 return e ? e.getAttribute('data-result-count') : null;",
                vec![],
            )
            .await;
        let s = v.as_str().expect("a [data-result-count] element");
        s.trim()
            .parse()
            .unwrap_or_else(|_| panic!("data-result-count={s:?} is not a number"))
    }

    /// Scroll an element to the middle of the viewport and click it (a real WebDriver click).
    pub async fn click(&self, css: &str) {
        self.click_no_settle(css).await;
        self.settle().await;
    }

    /// As [`Browser::click`], without waiting for the page to settle after the click.
    /// Before clicking it waits until the element stops moving, as a reader's pointer
    /// would: the article's sections are laid out when they come near the viewport
    /// (`content-visibility: auto`), so scrolling to an element can move it for a frame.
    pub async fn click_no_settle(&self, css: &str) {
        let el = self.wait_for(css).await;
        let still = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const e = document.querySelector(arguments[0]);
                 e.scrollIntoView({block: 'center', inline: 'center'});
                 let last = '', same = 0, frames = 0;
                 const step = () => {
                     const r = e.getBoundingClientRect();
                     const now = [r.x, r.y, r.width, r.height, scrollX, scrollY].join();
                     same = now === last ? same + 1 : 0;
                     last = now;
                     if (same >= 2 || ++frames > 300) done(same >= 2);
                     else requestAnimationFrame(step);
                 };
                 requestAnimationFrame(step);",
                vec![json!(css)],
            )
            .await
            .unwrap_or_else(|e| panic!("[{}] scrolling to {css}: {e}", self.engine));
        assert_eq!(
            still,
            json!(true),
            "[{}] {css} kept moving for 300 frames after scrolling to it",
            self.engine
        );
        self.expect_click().await;
        el.click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
        self.wait_clicked(css).await;
    }

    /// Listens for the next click the page receives (see [`Browser::wait_clicked`]).
    async fn expect_click(&self) {
        self.js(
            "window.__jxClick = 'pending';
             addEventListener('click', () => { window.__jxClick = 'seen'; },
                              { capture: true, once: true });
             return true;",
            vec![],
        )
        .await;
    }

    /// Waits until the page has received the click (or was replaced by the document it
    /// opened). A driver may return from a click before the page has handled it; the
    /// app's handler runs in the click's own task, so once the page has seen the click,
    /// what the app made of it is in the page.
    async fn wait_clicked(&self, what: &str) {
        self.wait_js(
            &format!("the page to receive the click on {what}"),
            "return window.__jxClick !== 'pending';",
            vec![],
        )
        .await;
    }

    /// Click a facet button and wait for its `aria-pressed` to flip.
    pub async fn click_facet(&self, facet: &str, value: &str) {
        let sel = facet_selector(facet, value);
        self.wait_for(&sel).await;
        assert_eq!(
            self.attr(&sel, "disabled").await,
            None,
            "{sel} is disabled at {}",
            self.current_url().await
        );
        let before = self.attr(&sel, "aria-pressed").await;
        let want = if before.as_deref() == Some("true") {
            "false"
        } else {
            "true"
        };
        self.click_no_settle(&sel).await;
        self.wait_js(
            &format!("{sel} aria-pressed={want}"),
            "const e = document.querySelector(arguments[0]);
             return !!e && e.getAttribute('aria-pressed') === arguments[1];",
            vec![json!(sel), json!(want)],
        )
        .await;
        self.settle().await;
    }

    /// Type into the search box (appending to what is there), then wait until the page
    /// says it has the text ([`Browser::wait_search`]): a driver's return is no promise
    /// that the page has handled the keys.
    pub async fn type_search(&self, text: &str) {
        let input = self.wait_for("#search").await;
        let want = self.search_value().await.unwrap_or_default() + text;
        input
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("typing {text:?}: {e}"));
        self.wait_search(&want).await;
    }

    /// Waits until the search box holds `want` and the app has applied it: the search's
    /// chip names it, trimmed (hidden when that is empty). Not the address: where history
    /// is blocked the search applies without it. Then waits for the page to settle.
    pub async fn wait_search(&self, want: &str) {
        self.wait_js(
            &format!("the search box to hold {want:?} and the search chip to name it"),
            "const e = document.querySelector('#search');
             const chip = document.querySelector('[data-chip-facet=q]');
             const named = chip && chip.querySelector('[data-chip-q]');
             const q = arguments[0].trim();
             return !!e && e.value === arguments[0] && !!named
                 && chip.hidden === (q === '') && (q === '' || named.textContent === q);",
            vec![json!(want)],
        )
        .await;
        self.settle().await;
    }

    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.js(
            "const e = document.querySelector(arguments[0]);
             return e ? e.getAttribute(arguments[1]) : null;",
            vec![json!(css), json!(name)],
        )
        .await
        .as_str()
        .map(str::to_string)
    }

    /// The search box's current value.
    pub async fn search_value(&self) -> Option<String> {
        self.js(
            "const e = document.querySelector('#search'); return e ? e.value : null;",
            vec![],
        )
        .await
        .as_str()
        .map(str::to_string)
    }

    /// Click the remove button of the (first) chip whose text contains `text`.
    pub async fn remove_chip(&self, text: &str) {
        let chips = self
            .client
            .find_all(Locator::Css("[data-chip]"))
            .await
            .expect("find chips");
        for chip in chips {
            if chip.text().await.unwrap_or_default().contains(text) {
                let button = chip
                    .find(Locator::Css("button"))
                    .await
                    .unwrap_or_else(|e| panic!("chip {text:?} has no button: {e}"));
                self.expect_click().await;
                button
                    .click()
                    .await
                    .unwrap_or_else(|e| panic!("click chip {text:?}: {e}"));
                self.wait_clicked(&format!("the chip {text:?}")).await;
                self.settle().await;
                return;
            }
        }
        panic!("no chip names {text:?}");
    }

    /// All facet buttons, in DOM order.
    pub async fn facets(&self) -> Vec<Facet> {
        let v = self
            .js(
                "return Array.from(document.querySelectorAll('button[data-facet]')).map(b => ({
                    facet: b.getAttribute('data-facet'),
                    value: b.getAttribute('data-value'),
                    pressed: b.getAttribute('aria-pressed') === 'true',
                    disabled: b.hasAttribute('disabled'),
                    count: b.getAttribute('data-count'),
                 }));",
                vec![],
            )
            .await;
        v.as_array()
            .expect("array")
            .iter()
            .map(|f| Facet {
                facet: f["facet"].as_str().unwrap_or_default().to_string(),
                value: f["value"].as_str().unwrap_or_default().to_string(),
                pressed: f["pressed"].as_bool().unwrap_or(false),
                disabled: f["disabled"].as_bool().unwrap_or(false),
                count: f["count"].as_str().and_then(|c| c.trim().parse().ok()),
            })
            .collect()
    }

    pub async fn pressed(&self) -> Vec<(String, String)> {
        let mut p: Vec<_> = self
            .facets()
            .await
            .into_iter()
            .filter(|f| f.pressed)
            .map(|f| (f.facet, f.value))
            .collect();
        p.sort();
        p
    }

    /// Text of the displayed elements matching `css`: the rendered text (`innerText`;
    /// interface words come in both languages, one of them hidden), trimmed, since
    /// engines differ at a block's edges (WebKit ends `<h2>筛选</h2>` with a line break
    /// when a hidden `<span>` follows the word). A section `content-visibility` has not
    /// laid out yet has no `innerText` (WebKit): its text is then read from the nodes,
    /// without the other language's words, hidden elements and the text not read
    /// (`data-read`).
    pub async fn visible_texts(&self, css: &str) -> Vec<String> {
        let script = format!(
            "{JS_VISIBLE}
            const h = document.documentElement.dataset;
            const other = h.ui === 'en' ? '.zh' : '.en';
            const unread = h.read === 'en' ? ', .orig' : h.read === 'both' ? '' : ', .tr';
            const nodes = (e) => {{
                const c = e.cloneNode(true);
                for (const x of c.querySelectorAll(`${{other}}, [hidden]${{unread}}`)) x.remove();
                return c.textContent.trim();
            }};
            return Array.from(document.querySelectorAll(arguments[0])).filter(visible)
                .map(e => e.innerText.trim() || nodes(e));"
        );
        strings(self.js(&script, vec![json!(css)]).await)
    }

    /// Check that each rendered section's `data-section-count` is the number of
    /// blocks it shows, that no empty section is shown, and that they add up to the
    /// result count.
    pub async fn assert_sections_consistent(&self) {
        let script = format!(
            "{JS_VISIBLE}
            return Array.from(document.querySelectorAll('[data-section]')).filter(visible).map(s => [
                s.getAttribute('data-section'),
                s.getAttribute('data-section-count'),
                Array.from(s.querySelectorAll('[data-block]')).filter(visible).length]);"
        );
        let v = self.js(&script, vec![]).await;
        let mut total = 0;
        for s in v.as_array().expect("array") {
            let id = s[0].as_str().unwrap_or_default();
            let count: usize = s[1]
                .as_str()
                .and_then(|c| c.trim().parse().ok())
                .unwrap_or_else(|| panic!("section {id}: bad data-section-count {}", s[1]));
            let shown = s[2].as_u64().unwrap_or_default() as usize;
            assert_eq!(
                count, shown,
                "section {id}: data-section-count vs blocks shown"
            );
            assert!(shown > 0, "section {id} is shown with no matching block");
            total += shown;
        }
        assert_eq!(
            total,
            self.result_count().await,
            "blocks in sections vs result count"
        );
    }
}

pub fn strings(v: Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("expected an array, got {v}"))
        .iter()
        .map(|s| s.as_str().unwrap_or_default().to_string())
        .collect()
}

/// Ids of the blocks whose text contains `needle`, in order.
pub fn containing(texts: &[(String, String)], needle: &str) -> Vec<String> {
    texts
        .iter()
        .filter(|(_, t)| t.contains(needle))
        .map(|(id, _)| id.clone())
        .collect()
}

pub fn ids_of(texts: &[(String, String)]) -> Vec<String> {
    texts.iter().map(|(id, _)| id.clone()).collect()
}

/// Open the unfiltered view and read every block's text (the oracle for the other checks).
pub async fn default_texts(b: &Browser) -> Vec<(String, String)> {
    b.open("").await;
    let texts = b.block_texts().await;
    assert_eq!(
        texts.len(),
        FULL_ARTICLE_BLOCKS,
        "blocks in the unfiltered view"
    );
    texts
}

pub fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v: Vec<_> = p
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    v.sort();
    v
}
