//! The harness of the browser tests: the in-process static server serving `dist/`
//! under a sub-path, a WebDriver server per test (own port, own profile, cleaned up on
//! drop, also when a test panics) for one of three [`Engine`]s, a fantoccini client,
//! console-error capture, and helpers that read the page through its public `data-*`
//! test markup.
//!
//! - `engine.rs`: the engines, their binaries and session capabilities;
//! - `driver.rs`: the driver process (and WebKit's Xvfb display), clean-up;
//! - `browser.rs`: a session: start, navigate, wait, scripts, console errors, finish;
//! - `page.rs`: reading and using the page (blocks, counts, facets, chips, search);
//! - `chromium.rs`: DevTools commands and the browser log, Chromium only.
//!
//! Environment: `DIST_DIR` (default `<workspace>/dist`) and the driver and browser
//! binaries listed in `engine.rs`.

mod browser;
mod chromium;
mod driver;
mod engine;
mod page;

use jinyi_core::model::Article;
use jinyi_core::query::Selection;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

pub use browser::Browser;
pub use driver::{scratch_dir, Scratch};
pub use engine::Engine;
pub use page::{containing, default_texts, facet_selector, ids_of, pairs, strings, Facet};

/// The article as the loader reads `data/`: the oracle the page must match.
pub fn article() -> &'static Article {
    static A: OnceLock<Article> = OnceLock::new();
    A.get_or_init(|| {
        jinyi_core::loader::load_dir(&workspace_dir().join("data")).expect("data/ loads")
    })
}

/// The ids of the blocks the core keeps for `query` (a URL query), in reading order:
/// what the page must show for it.
pub fn core_blocks(query: &str) -> Vec<String> {
    let a = article();
    let sel = jinyi_core::query::parse(a, query).selection;
    let out = jinyi_core::filter::apply(a, &jinyi_core::search::SearchIndex::for_article(a), &sel);
    (0..a.blocks.len())
        .filter(|&b| out.matched[b])
        .map(|b| a.blocks[b].id.to_string())
        .collect()
}

/// The values `sel` chooses, as `facet:name`, sorted (as the tests read pressed
/// buttons and chips from the page).
pub fn chosen_names(a: &Article, sel: &Selection) -> Vec<String> {
    let mut out: Vec<String> = jinyi_core::model::Facet::ALL
        .iter()
        .flat_map(|&f| {
            sel.chosen(f)
                .iter()
                .map(move |&v| format!("{}:{}", f.key(), a.value_name(f, v as usize)))
        })
        .collect();
    out.sort();
    out
}

/// Number of blocks (paragraphs and captions) in the whole article.
pub const FULL_ARTICLE_BLOCKS: usize = 31;
/// Every test but one serves the site from this sub-path.
pub const PREFIX: &str = "/sub/dir/";
/// Longest wait for the app or for a state change.
pub const TIMEOUT: Duration = Duration::from_secs(20);
/// A state counts as settled when this many consecutive polls agree.
pub const STABLE_POLLS: usize = 3;
pub const POLL: Duration = Duration::from_millis(100);

/// JS: is an element rendered (in the DOM, not `display:none`/`visibility:hidden`, not
/// inside a hidden ancestor)? `checkVisibility` where the engine has it, else layout boxes.
pub const JS_VISIBLE: &str = "const visible = (e) => e.checkVisibility \
    ? e.checkVisibility({ visibilityProperty: true }) \
    : !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);";

pub fn workspace_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tools/ has a parent")
        .to_path_buf()
}

/// The built site: `$DIST_DIR` or `<workspace>/dist`. Fails (never skips) when it is not built.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("DIST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_dir().join("dist"));
    assert!(
        dir.join("index.html").is_file(),
        "{} does not exist: the site is not built; run `make dist` first (or set DIST_DIR)",
        dir.join("index.html").display()
    );
    dir
}

/// The test-only `fault-trigger` build (`make dist-faults`).
pub fn faults_dir() -> PathBuf {
    workspace_dir().join("target/dist-faults")
}

/// A copy of `dist/` plus `frame.html`, which shows the explorer (`index.html?<query>`)
/// in an iframe with the given `sandbox` attribute.
pub fn framed_copy(sandbox: &str, query: &str) -> Scratch {
    let to = scratch_dir("framed");
    for entry in std::fs::read_dir(dist_dir()).expect("read dist/") {
        let p = entry.expect("a dist/ entry").path();
        std::fs::copy(&p, to.join(p.file_name().expect("a file name"))).expect("copy dist/");
    }
    std::fs::write(
        to.join("frame.html"),
        format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>frame</title></head><body>\
             <iframe title=\"explorer\" sandbox=\"{sandbox}\" width=\"1200\" height=\"800\" \
             src=\"index.html?{query}\"></iframe></body></html>"
        ),
    )
    .expect("write frame.html");
    to
}

/// Runs a reader journey, `async fn name(engine: Engine)`, in every engine: one test
/// per engine, `name::chromium`, `name::firefox`, `name::webkit`, so a failure names
/// its engine and `cargo test … -- firefox` runs one engine's share.
macro_rules! in_every_engine {
    ($($journey:ident),+ $(,)?) => {
        $(
            mod $journey {
                use $crate::harness::Engine;

                #[tokio::test]
                async fn chromium() {
                    super::$journey(Engine::Chromium).await;
                }

                #[tokio::test]
                async fn firefox() {
                    super::$journey(Engine::Firefox).await;
                }

                #[tokio::test]
                async fn webkit() {
                    super::$journey(Engine::WebKit).await;
                }
            }
        )+
    };
}
pub(crate) use in_every_engine;
