//! Render once (issue 8): the page the build wrote is the app's page. Without its Wasm it
//! shows what the running app shows; a shared link paints in its own state and language
//! from the first frame, also on a slow phone; and the page's own first-paint step
//! (site/js/apply.js) filters exactly as the core does.

use crate::harness::*;
use jinyi_core::filter::apply;
use jinyi_core::model::{Article, Facet};
use jinyi_core::query::parse;
use jinyi_core::search::SearchIndex;
use serde_json::{json, Value};

/// What a reader sees: blocks, headings, language, words, counts, facet buttons.
const SNAPSHOT: &str = "const visible = (e) => e.checkVisibility({ visibilityProperty: true });
    const shown = (css) => Array.from(document.querySelectorAll(css)).filter(visible);
    return {
        blocks: shown('[data-block]').map(e => e.dataset.block),
        headings: shown('[data-section] h2').map(e => e.textContent),
        lang: document.documentElement.lang,
        title: document.title,
        panel: document.getElementById('panel-title').innerText,
        placeholder: document.getElementById('search').placeholder,
        count: document.querySelector('[data-result-count]').dataset.resultCount,
        facets: Array.from(document.querySelectorAll('button[data-facet]')).map(b =>
            [b.dataset.facet, b.dataset.value, b.dataset.count, b.getAttribute('aria-pressed'), b.disabled]),
    };";

/// A browser whose requests for `.wasm` files fail: the page runs its own steps only.
async fn without_wasm() -> Browser {
    let b = Browser::start().await;
    b.cdp("Network.enable", json!({})).await;
    b.cdp("Network.setBlockedURLs", json!({ "urls": ["*.wasm"] }))
        .await;
    b
}

/// Chromium only: the Wasm request is blocked with CDP `Network.setBlockedURLs`.
#[tokio::test]
async fn without_its_wasm_the_page_shows_what_the_app_shows() {
    let app = Browser::start().await;
    let bare = without_wasm().await;
    for (query, filtered) in [
        ("", false),
        ("?lang=zh", false),
        ("?lang=en", false),
        (
            "?platform=%E9%87%91%E4%B9%89%E6%B9%96&theme=%E8%B5%B6",
            true,
        ),
        (
            "?lang=en&theme=%E5%B9%B2&project=%E6%B6%A6%E9%A9%AC%E5%85%89%E8%83%BD",
            true,
        ),
    ] {
        app.open(query).await;
        let running = app.js(SNAPSHOT, vec![]).await;
        bare.goto(&format!("{}{query}", bare.base)).await;
        bare.wait_for("html[data-fault]").await;
        let page = bare.js(SNAPSHOT, vec![]).await;
        for key in [
            "blocks",
            "headings",
            "lang",
            "title",
            "panel",
            "placeholder",
            "count",
        ] {
            assert_eq!(page[key], running[key], "{key} at {query:?}");
        }
        if !filtered {
            assert_eq!(
                page["facets"], running["facets"],
                "facet buttons at {query:?}"
            );
        }
        assert!(
            !page["blocks"].as_array().unwrap().is_empty(),
            "{query:?} shows blocks"
        );
    }
    app.finish().await;
    // The blocked module is an expected console error here.
    let _ = bare.client.clone().close().await;
}

/// Records, from document start, what every animation frame shows: the blocks (the
/// Chinese and our English) and the languages of the interface words on screen.
const FRAMES: &str = "window.__frames = [];
    const sample = () => {
        const visible = (e) => e.checkVisibility({ visibilityProperty: true });
        const shown = (css) => Array.from(document.querySelectorAll(css)).filter(visible);
        const ready = document.documentElement.hasAttribute('data-ready');
        window.__frames.push({
            blocks: shown('[data-block]').map(e => e.dataset.block).join(' '),
            english: shown('[data-block-en]').map(e => e.dataset.blockEn).join(' '),
            words: Array.from(new Set(shown('.zh, .en').map(e => e.classList.contains('zh') ? 'zh' : 'en'))).sort().join(' '),
            ready,
        });
        if (!ready || window.__frames.length < 5000) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);";

/// Chromium only: a slow phone is emulated (CDP CPU and network throttling) and every
/// frame is recorded from the document's start (CDP `Page.addScriptToEvaluateOnNewDocument`).
#[tokio::test]
async fn shared_links_paint_in_their_own_state_from_the_first_frame() {
    let b = Browser::chromium_with(&["--lang=zh-CN", "--accept-lang=zh-CN,zh"]).await;
    b.cdp("Network.enable", json!({})).await;
    b.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
        .await;
    // A phone on a slow network: 4× slower CPU, 150 ms, 1.6 Mbit/s down.
    b.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 4 }))
        .await;
    b.cdp(
        "Network.emulateNetworkConditions",
        json!({ "offline": false, "latency": 150,
                "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8 }),
    )
    .await;
    b.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": FRAMES }),
    )
    .await;
    // With the way of reading each link asks for (the English interface: both).
    for (query, words, read) in [
        ("?platform=%E9%87%91%E4%B9%89%E6%B9%96", "zh", "zh"),
        (
            "?theme=%E5%B9%B2&project=%E6%B6%A6%E9%A9%AC%E5%85%89%E8%83%BD",
            "zh",
            "zh",
        ),
        (
            "?lang=en&platform=%E8%87%AA%E8%B4%B8%E8%AF%95%E9%AA%8C%E5%8C%BA",
            "en",
            "both",
        ),
        ("?q=%E9%87%91%E4%B9%89%E6%B9%96&lang=en", "en", "both"),
        (
            "?read=both&platform=%E9%87%91%E4%B9%89%E6%B9%96",
            "zh",
            "both",
        ),
        ("?theme=%E4%BA%BA%E6%89%8D&read=en&lang=en", "en", "en"),
    ] {
        let want = core_blocks(query).join(" ");
        b.open(query).await;
        b.wait_js(
            "three frames recorded after the app was ready",
            "return window.__frames.filter(f => f.ready).length >= 3;",
            vec![],
        )
        .await;
        let frames = b.js("return window.__frames;", vec![]).await;
        let frames = frames.as_array().expect("frames");
        assert!(frames.len() > 2, "{query}: {} frames", frames.len());
        let mut painted = 0;
        for (i, f) in frames.iter().enumerate() {
            let (zh, en) = (f["blocks"].as_str(), f["english"].as_str());
            let (zh, en) = (zh.unwrap_or_default(), en.unwrap_or_default());
            // The text read: the Chinese, or our English alone; both show the same blocks.
            let blocks = if read == "en" { en } else { zh };
            let other = match read {
                "zh" => en.is_empty(),
                "en" => zh.is_empty(),
                _ => en == zh,
            };
            assert!(
                other,
                "{query}: frame {i} reads [{zh}] and [{en}], not as {read}"
            );
            assert!(
                blocks.is_empty() || blocks == want,
                "{query}: frame {i} of {} shows [{blocks}], the link asks for [{want}]",
                frames.len()
            );
            painted += usize::from(!blocks.is_empty());
            let shown = f["words"].as_str().unwrap_or_default();
            assert!(
                shown.is_empty() || shown == words,
                "{query}: frame {i} shows interface words in [{shown}], not only {words}"
            );
        }
        assert!(painted > 0, "{query}: no frame showed the results");
    }
    b.finish().await;
}

/// A small deterministic generator (no dependency): xorshift64*.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A random link: up to three values per facet, sometimes padded with spaces, sometimes
/// by an alias, sometimes an unknown value, in any order.
fn random_query(a: &Article, rng: &mut Rng) -> String {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for f in Facet::ALL {
        for _ in 0..rng.below(4) {
            let v = rng.below(a.facet_len(f));
            let name = a.value_name(f, v).to_string();
            let aliases = a.value_aliases(f, v);
            let value = match rng.below(7) {
                0 => format!(" {name} "),
                1 => format!("{name}x"),
                2 if !aliases.is_empty() => aliases[rng.below(aliases.len())].to_string(),
                _ => name,
            };
            pairs.push((f.key().to_string(), value));
        }
    }
    for i in (1..pairs.len()).rev() {
        pairs.swap(i, rng.below(i + 1));
    }
    let q = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    format!("?{q}")
}

/// Chromium only: the Wasm request is blocked with CDP `Network.setBlockedURLs`.
#[tokio::test]
async fn the_first_paint_step_filters_as_the_core_does() {
    let a = article();
    let index = SearchIndex::for_article(a);
    let b = without_wasm().await;
    b.goto(&b.base).await;
    b.wait_for("html[data-fault]").await;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let queries: Vec<String> = (0..400).map(|_| random_query(a, &mut rng)).collect();
    let seen = b
        .js(
            "return arguments[0].map(q => {
                jx.apply(q);
                const n = (css, f) => Array.from(document.querySelectorAll(css)).map(f);
                return {
                    blocks: n('[data-block]', e => e.parentElement.hidden ? '' : e.dataset.block).filter(Boolean),
                    sections: n('[data-section]', s => s.hidden ? 0 : Number(s.dataset.sectionCount)),
                    count: Number(document.querySelector('[data-result-count]').dataset.resultCount),
                    pressed: n('button[data-facet][aria-pressed=\"true\"]', e => e.dataset.facet + ':' + e.dataset.value).sort(),
                    chips: n('[data-chip-value]', e => e.hidden ? '' : e.dataset.chipFacet + ':' + e.dataset.chipValue).filter(Boolean).sort(),
                    banner: !document.querySelector('[data-banner]').hidden,
                    empty: !document.querySelector('[data-empty]').hidden,
                };
            });",
            vec![json!(queries)],
        )
        .await;
    let seen = seen.as_array().expect("one result per query");
    assert_eq!(seen.len(), queries.len());
    let mut empty_states = 0;
    for (query, got) in queries.iter().zip(seen) {
        let sel = parse(a, query).selection;
        let o = apply(a, &index, &sel);
        let blocks: Vec<Value> = (0..a.blocks.len())
            .filter(|&i| o.matched[i])
            .map(|i| json!(a.blocks[i].id))
            .collect();
        assert_eq!(got["blocks"], json!(blocks), "blocks for {query}");
        assert_eq!(
            got["sections"],
            json!(o.section_counts),
            "sections for {query}"
        );
        assert_eq!(got["count"], json!(o.count), "count for {query}");
        let chosen = chosen_names(a, &sel);
        assert_eq!(got["pressed"], json!(chosen), "pressed for {query}");
        assert_eq!(got["chips"], json!(chosen), "chips for {query}");
        assert_eq!(got["banner"], json!(sel.is_empty()), "banner for {query}");
        assert_eq!(got["empty"], json!(o.count == 0), "empty state for {query}");
        empty_states += usize::from(o.count == 0);
    }
    // The sample reaches both outcomes.
    assert!(empty_states > 0 && empty_states < queries.len());
    let _ = b.client.clone().close().await;
}
