//! The browser tests of the built explorer: one test binary, one module per concern
//! (as mdBook's `tests/testsuite`), sharing one harness (`harness/`).
//!
//! Run them all with `cargo test -p jinyi-tools --test browser` after
//! `make dist dist-faults`, or one concern with a filter:
//! `cargo test -p jinyi-tools --test browser -- site::`; one engine's share of the
//! reader journeys with `-- firefox` (or `chromium`, `webkit`).
//!
//! | module | what |
//! |---|---|
//! | `explorer` | loading under a sub-path, filtering, search, counts, URL state, chips |
//! | `reader` | pinyin and English search, the interface language, guide, key figures |
//! | `site` | the one-file build, no JavaScript, faults, CSP, sandboxed frames |
//! | `first_paint` | the page before and without its Wasm, shared links' first frames |
//! | `hydration` | the app hydrates from every kind of address in every engine, then follows the reader |
//! | `usability` | results in sight, drawer count, chart comparisons, English, combined terms, focus |
//! | `trial` | the second reader trial: groups narrow, counts, punctuation, the guide, context marks |
//! | `quoting` | paragraph links, citations, Markdown export, the article map, the clipboard fallback |
//! | `a11y` | axe-core in every state, the keyboard path, the phone layout |
//! | `engines` | each session is the engine it names; its console errors are seen |
//! | `xss` | the injection corpus through every way in |
//! | `screenshots` | the README's screenshots |
//!
//! **Engines.** The reader journeys — open the page, pick a platform, type a search
//! with highlight, Back/Forward, a shared link, the English interface, the one-file
//! build from `file://` — run in Chromium, Firefox ESR and WebKitGTK, one test per
//! engine (`in_every_engine!`: `<journey>::chromium`, `::firefox`, `::webkit`). Every
//! other test runs in Chromium; those that need what only Chromium has (DevTools
//! commands, its console log, command-line switches) say so in their doc comment.
//!
//! What the other engines cannot do, and what the tests do instead:
//! - WebKitGTK's MiniBrowser has no headless mode: each WebKit session gets an Xvfb
//!   display of its own (`harness/driver.rs`), so no desktop is needed.
//! - Firefox and WebKit offer no WebDriver way to run a script before the page's own
//!   (Chromium: CDP `Page.addScriptToEvaluateOnNewDocument`): the one-file journey
//!   watches CSP violations there from the moment the app is ready (its doc says so).
//! - WebKit has no console log endpoint (and MiniBrowser writes no console messages in
//!   automation mode): its console errors are recorded from the moment each page is
//!   ready (`Browser::console_errors`). Firefox's come from its standard output.
//!   `engines.rs` checks, per engine, that logged, thrown and rejected errors are seen.
//!
//! **Waiting.** A test waits for a stated condition, never for a duration: `open`/`goto`/
//! `reload` wait for the new document (the old one gone, `readyState` complete, no error
//! page) and for `html[data-ready]`. An action waits until the page has handled it:
//! `type_search` for the box and the search chip (`wait_search`), `click` for the click to
//! reach the page, `click_facet` for `aria-pressed`, `back`/`forward` for a new address;
//! only then `settle()`. `wait_for(css)`, `wait_js(what, script)` and `frames(n)` cover
//! the rest (`harness/browser.rs`, `harness/page.rs`). Each gives up after `TIMEOUT`
//! with what it waited for and what the browser showed. `make test-stress` runs the suite
//! five times while stress-ng keeps every core busy.
//!
//! Each test starts its own server thread, driver process (own port) and browser
//! profile, so tests run in parallel. Expected block sets are derived from the text
//! the page itself shows in its unfiltered view (or from the core), not hard-coded.

mod harness;

mod a11y;
mod engines;
mod explorer;
mod first_paint;
mod hydration;
mod quoting;
mod reader;
mod reading;
mod screenshots;
mod site;
mod trial;
mod usability;
mod xss;
