//! The page is a Leptos app in every engine: the Wasm hydrates the page its components
//! rendered at build time (`html[data-hydrated]`, set by the hydrated app itself), with
//! no fault and no console error, whatever the address asks for first — nothing, the
//! English interface, a shared link's filters, a search, a paragraph link — and from
//! there a filter click and a keystroke update the counts, the blocks and the marks as
//! the core computes them.

use crate::harness::*;

use jinyi_core::filter::apply;
use jinyi_core::query::parse;
use jinyi_core::search::SearchIndex;
use serde_json::{json, Value};
use std::sync::OnceLock;

in_every_engine!(hydrates_from_every_kind_of_address_and_then_follows_the_reader);

fn index() -> &'static SearchIndex {
    static I: OnceLock<SearchIndex> = OnceLock::new();
    I.get_or_init(|| SearchIndex::for_article(article()))
}

/// What the page shows, read from its public markup: the blocks shown, the count, the
/// facet values pressed and the texts in `<mark>`.
async fn shown(b: &Browser) -> Value {
    b.js(
        "const all = (css) => Array.from(document.querySelectorAll(css));
         return {
             blocks: all('[data-block]').filter(e => !e.parentElement.hidden).map(e => e.dataset.block),
             count: Number(document.querySelector('[data-result-count]').dataset.resultCount),
             pressed: all('button[aria-pressed=\"true\"][data-facet]').map(e => e.dataset.facet + ':' + e.dataset.value).sort(),
             marks: all('[data-block] mark').filter(m => !m.closest('.block-row').hidden).length,
             hydrated: document.documentElement.hasAttribute('data-hydrated'),
             fault: document.documentElement.getAttribute('data-fault'),
         };",
        vec![],
    )
    .await
}

/// The same, as the core computes it for `query`.
fn expected(query: &str) -> Value {
    let a = article();
    let sel = parse(a, query).selection;
    let o = apply(a, index(), &sel);
    let blocks: Vec<&str> = (0..a.blocks.len())
        .filter(|&i| o.matched[i])
        .map(|i| a.blocks[i].id)
        .collect();
    let pressed = chosen_names(a, &sel);
    let marks = o
        .hits
        .iter()
        .zip(&o.matched)
        .filter(|(h, &m)| m && !h.is_empty())
        .count();
    json!({ "blocks": blocks, "count": o.count, "pressed": pressed, "marks": marks })
}

/// The page agrees with the core on `query`: blocks, count and pressed values exactly;
/// marks in every block with hits (a hit may be cut in several marks).
async fn agrees(b: &Browser, engine: Engine, query: &str) {
    let got = shown(b).await;
    let want = expected(query);
    assert_eq!(
        got["hydrated"],
        json!(true),
        "[{engine}] {query}: not hydrated"
    );
    assert_eq!(got["fault"], Value::Null, "[{engine}] {query}: fault");
    for key in ["blocks", "count", "pressed"] {
        assert_eq!(got[key], want[key], "[{engine}] {query}: {key}");
    }
    let (marks, with_hits) = (
        got["marks"].as_u64().unwrap(),
        want["marks"].as_u64().unwrap(),
    );
    assert!(
        marks >= with_hits && (marks == 0) == (with_hits == 0),
        "[{engine}] {query}: {marks} marks for {with_hits} blocks with hits"
    );
    b.assert_sections_consistent().await;
}

async fn hydrates_from_every_kind_of_address_and_then_follows_the_reader(engine: Engine) {
    let b = Browser::start_in(engine).await;
    let a = article();
    // A block the platform filter leaves out, for the paragraph link.
    let jinyi_lake = "?platform=%E9%87%91%E4%B9%89%E6%B9%96";
    let left_out = {
        let sel = parse(a, jinyi_lake).selection;
        let o = apply(a, index(), &sel);
        a.blocks[o.matched.iter().position(|m| !m).expect("a block left out")].id
    };
    let addresses = [
        ("", String::new()),
        ("?lang=en", String::new()),
        (jinyi_lake, String::new()),
        ("?q=%E4%BA%BA%E6%89%8D", String::new()),
        (jinyi_lake, format!("#{left_out}")),
    ];
    for (query, hash) in &addresses {
        b.open(&format!("{query}{hash}")).await;
        b.wait_for("html[data-hydrated]").await;
        agrees(&b, engine, query).await;
        if query.contains("lang=en") {
            assert_eq!(b.attr("html", "data-ui").await.as_deref(), Some("en"));
            assert_eq!(
                b.attr("#search", "placeholder").await,
                b.attr("#search", "data-en-placeholder").await,
                "[{engine}] the English placeholder"
            );
        }
        if !hash.is_empty() {
            let notice = b.visible_texts("[data-target-notice]").await;
            assert_eq!(
                notice.len(),
                1,
                "[{engine}] the paragraph link's notice: {notice:?}"
            );
        }
    }

    // From the last address (金义湖 chosen): filter clicks, then a keystroke.
    b.click_facet("platform", "金义湖").await;
    b.click_facet("theme", "人才").await;
    let now = b.current_url().await;
    let query = format!("?{}", now.query().unwrap_or_default());
    agrees(&b, engine, &query).await;
    b.type_search("金义").await;
    let now = b.current_url().await;
    let query = format!("?{}", now.query().unwrap_or_default());
    assert!(
        query.contains("q="),
        "[{engine}] the search is in the address: {query}"
    );
    agrees(&b, engine, &query).await;
    b.finish().await;
}

/// The release Wasm carries the article: every block's text, byte for byte (the app
/// renders and searches from its own copy, never from the page's text).
#[test]
fn the_release_wasm_holds_every_block_text() {
    let wasm = std::fs::read_dir(dist_dir())
        .expect("dist/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "wasm"))
        .expect("a .wasm in dist/");
    let bytes = std::fs::read(&wasm).expect("read the .wasm");
    let holds = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    let missing: Vec<&str> = article()
        .blocks
        .iter()
        .filter(|b| !holds(b.text.as_bytes()))
        .map(|b| b.id)
        .collect();
    assert!(
        missing.is_empty(),
        "{} lacks the text of {missing:?}",
        wasm.display()
    );
    assert!(holds(article().masthead.headline.text.as_bytes()));
}
