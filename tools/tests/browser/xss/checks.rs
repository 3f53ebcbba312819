//! One page state as the checks see it, the browser session that reads it, and the
//! checks themselves.

use std::collections::BTreeMap;

use fantoccini::key::Key;
use serde_json::{json, Value};

use crate::harness::*;

const HOOKS: &str = r#"(() => {
  const w = window;
  w.__xssDialogs = [];
  w.__cspViolations = [];
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    w[name] = function (...args) {
      w.__xssDialogs.push(name + '(' + args.map(String).join(',') + ')');
      return name === 'confirm' ? false : null;
    };
  }
  const csp = (e) => w.__cspViolations.push(
    e.violatedDirective + ' blocked ' + (e.blockedURI || '?') + ' ' + (e.sample || ''));
  document.addEventListener('securitypolicyviolation', csp, true);
})();"#;

/// Waits for the app (`data-ready`) and two frames, then reads everything the checks
/// need in one round trip.
const COLLECT: &str = r#"
const done = arguments[arguments.length - 1];
const started = performance.now();
const collect = () => {
  const root = document.documentElement;
  const tags = {};
  const onAttrs = [];
  const scriptUrls = [];
  const urlAttrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc',
                    'poster', 'background', 'dynsrc', 'lowsrc', 'to', 'values', 'from'];
  for (const e of document.querySelectorAll('*')) {
    const t = e.tagName.toLowerCase();
    tags[t] = (tags[t] || 0) + 1;
    for (const a of e.attributes) {
      const n = a.name.toLowerCase();
      if (n.startsWith('on')) onAttrs.push(t + '[' + a.name + ']');
      const v = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (urlAttrs.includes(n) &&
          (v.startsWith('javascript:') || v.startsWith('vbscript:') || v.startsWith('data:text'))) {
        scriptUrls.push(t + '[' + a.name + '=' + a.value + ']');
      }
    }
  }
  const textOnly = (e) => e.childElementCount === 0 && !e.innerHTML.includes('<');
  const search = document.querySelector('#search');
  return {
    ready: root.hasAttribute('data-ready'),
    fault: root.getAttribute('data-fault'),
    hooked: Array.isArray(window.__xssDialogs),
    dialogs: window.__xssDialogs || [],
    csp: window.__cspViolations || [],
    xss: window.__xss === undefined ? null : String(window.__xss),
    title: document.title,
    lang: root.getAttribute('lang'),
    tags, onAttrs, scriptUrls,
    notices: Array.from(document.querySelectorAll('[data-notice] code'))
      .map(c => ({ text: c.textContent, textOnly: textOnly(c) })),
    chips: Array.from(document.querySelectorAll('[data-chip]')).map(c => ({
      text: c.textContent,
      // The innermost spans hold the words (ours, and the reader's search as text).
      textOnly: Array.from(c.querySelectorAll('span')).filter(s => !s.querySelector('span')).every(textOnly),
    })),
    search: search ? search.value : null,
  };
};
(function wait() {
  if (document.documentElement.hasAttribute('data-ready')) {
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(collect()), 0)));
  } else if (performance.now() - started > 15000) {
    done(collect());
  } else {
    setTimeout(wait, 10);
  }
})();
"#;

/// What one page state looks like, as far as the checks are concerned.
#[derive(Debug)]
pub(super) struct Page {
    raw: Value,
    /// Element count per tag name, the title and the root's `lang`: what must equal a
    /// harmless reference state.
    shape: (BTreeMap<String, u64>, String, String),
}

impl Page {
    fn strings(&self, key: &str) -> Vec<String> {
        self.raw[key]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|v| v.as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    fn texts(&self, key: &str) -> Vec<(String, bool)> {
        self.raw[key]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|v| {
                        (
                            v["text"].as_str().unwrap_or_default().to_string(),
                            v["textOnly"].as_bool().unwrap_or(false),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

pub(super) struct Session {
    pub(super) b: Browser,
    /// Console errors seen so far (to tell which payload caused a new one).
    console_seen: usize,
}

impl Session {
    pub(super) async fn start() -> Session {
        // Typing fires a history.replaceState per keystroke, far faster than a person
        // types: without this switch Chromium throttles them and logs about it.
        let b = Browser::chromium_with(&["--disable-ipc-flooding-protection"]).await;
        b.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": HOOKS }),
        )
        .await;
        Session { b, console_seen: 0 }
    }

    /// Open the site with one query parameter (percent-encoded as UTF-8).
    pub(super) async fn open(&mut self, key: &str, value: &str) -> (Page, Vec<String>) {
        let query = url::form_urlencoded::Serializer::new(String::new())
            .append_pair(key, value)
            .finish();
        let url = format!("{}?{query}", self.b.base);
        let mut problems = Vec::new();
        if let Err(e) = self.b.try_goto(&url).await {
            problems.push(format!("navigation failed: {e}"));
        }
        let page = self.read(&mut problems).await;
        (page, problems)
    }

    /// Read the page (waiting for the app) plus any dialog and new console errors.
    pub(super) async fn read(&mut self, problems: &mut Vec<String>) -> Page {
        if let Ok(text) = self.b.client.get_alert_text().await {
            problems.push(format!("a dialog opened: {text:?}"));
            let _ = self.b.client.dismiss_alert().await;
        }
        let raw = match self.b.client.execute_async(COLLECT, vec![]).await {
            Ok(v) => v,
            Err(e) => {
                problems.push(format!("reading the page failed: {e}"));
                if let Ok(text) = self.b.client.get_alert_text().await {
                    problems.push(format!("a dialog opened: {text:?}"));
                    let _ = self.b.client.dismiss_alert().await;
                }
                Value::Null
            }
        };
        let errors = self.b.console_errors().await;
        for e in &errors[self.console_seen.min(errors.len())..] {
            let what = if e.contains("Content Security Policy") {
                "CSP violation in the console"
            } else {
                "console error"
            };
            problems.push(format!("{what}: {e}"));
        }
        self.console_seen = errors.len();
        let tags = raw["tags"]
            .as_object()
            .map(|o| {
                o.iter()
                    .map(|(k, v)| (k.clone(), v.as_u64().unwrap_or(0)))
                    .collect()
            })
            .unwrap_or_default();
        let shape = (
            tags,
            raw["title"].as_str().unwrap_or_default().to_string(),
            raw["lang"].as_str().unwrap_or_default().to_string(),
        );
        Page { raw, shape }
    }

    /// Type into the search box (it must be empty before), then read the page.
    pub(super) async fn type_search(&mut self, text: &str) -> (Page, Vec<String>) {
        let mut problems = Vec::new();
        match self
            .b
            .client
            .find(fantoccini::Locator::Css("#search"))
            .await
        {
            Ok(input) => {
                if let Err(e) = input.send_keys(text).await {
                    problems.push(format!("typing failed: {e}"));
                } else if let Err(e) = self.holds(text).await {
                    problems.push(e);
                }
            }
            Err(e) => problems.push(format!("no #search: {e}")),
        }
        let page = self.read(&mut problems).await;
        (page, problems)
    }

    /// Escape clears the search (the app's own shortcut).
    pub(super) async fn clear_search(&mut self) {
        let input = self
            .b
            .client
            .find(fantoccini::Locator::Css("#search"))
            .await
            .expect("#search");
        input
            .send_keys(&Key::Escape.to_string())
            .await
            .expect("press Escape");
        // The next payload's check that the box holds exactly it says if this failed.
        let _ = self.holds("").await;
    }

    /// Waits until the search box holds `text` (the page has handled the keys).
    async fn holds(&self, text: &str) -> Result<(), String> {
        self.b
            .try_wait_js(
                &format!("the search box to hold {text:?}"),
                "const e = document.querySelector('#search'); return !!e && e.value === arguments[0];",
                vec![serde_json::json!(text)],
            )
            .await
    }
}

/// The checks that hold for every page state, harmless or not.
pub(super) fn safety(page: &Page, problems: &mut Vec<String>) {
    let r = &page.raw;
    if r.is_null() {
        return;
    }
    if r["ready"] != Value::Bool(true) {
        problems.push("the app did not start (no data-ready)".into());
    }
    if r["hooked"] != Value::Bool(true) {
        problems.push("the dialog/CSP hooks are not installed: the test would see nothing".into());
    }
    if let Some(f) = r["fault"].as_str() {
        problems.push(format!("the app panicked (data-fault={f})"));
    }
    for d in page.strings("dialogs") {
        problems.push(format!("script ran: {d}"));
    }
    if let Some(x) = r["xss"].as_str() {
        problems.push(format!("script ran: window.__xss = {x}"));
    }
    for v in page.strings("csp") {
        problems.push(format!("CSP violation: {v}"));
    }
    for a in page.strings("onAttrs") {
        problems.push(format!("event-handler attribute in the page: {a}"));
    }
    for u in page.strings("scriptUrls") {
        problems.push(format!("script URL in the page: {u}"));
    }
}

/// The payload as the app keeps it: trimmed (URL values are), at most `n` characters.
fn prefix(payload: &str, n: usize) -> String {
    payload.trim().chars().take(n).collect()
}

/// Compares a state with the harmless references: the same elements, title and lang.
pub(super) fn same_shape(page: &Page, refs: &[Page], problems: &mut Vec<String>) {
    if page.raw.is_null() || refs.iter().any(|r| r.shape == page.shape) {
        return;
    }
    let (tags, title, lang) = &page.shape;
    let (rtags, rtitle, rlang) = &refs[0].shape;
    let mut diff = Vec::new();
    for t in tags.keys().chain(rtags.keys()) {
        let (a, b) = (tags.get(t).copied(), rtags.get(t).copied());
        if a != b
            && !diff
                .iter()
                .any(|d: &String| d.starts_with(&format!("<{t}>")))
        {
            diff.push(format!(
                "<{t}> {} (harmless: {})",
                a.unwrap_or(0),
                b.unwrap_or(0)
            ));
        }
    }
    if title != rtitle {
        diff.push(format!("title {title:?} (harmless: {rtitle:?})"));
    }
    if lang != rlang {
        diff.push(format!("lang {lang:?} (harmless: {rlang:?})"));
    }
    problems.push(format!(
        "the page differs from a harmless value's: {}",
        diff.join(", ")
    ));
}

/// Where the payload must show up, and as text only.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Shown {
    /// In a `[data-notice] code` entry `key=value…` (an ignored URL part).
    Notice,
    /// In a notice if it is not taken as a language tag (`en-…`, `zh-…`).
    NoticeUnlessLanguage,
    /// In the search chip and the search box (trimmed, as read from the URL).
    Search,
    /// In the search chip and the search box, exactly as typed.
    Typed,
}

pub(super) fn shown_as_text(
    key: &str,
    payload: &str,
    shown: Shown,
    page: &Page,
    problems: &mut Vec<String>,
) {
    if page.raw.is_null() {
        return;
    }
    match shown {
        Shown::Notice | Shown::NoticeUnlessLanguage => {
            let want = format!("{key}={}", prefix(payload, 40));
            let notices = page.texts("notices");
            let hit = notices.iter().find(|(t, _)| t.starts_with(&want));
            match hit {
                Some((_, true)) => {}
                Some((t, false)) => problems.push(format!("notice entry {t:?} is not plain text")),
                None => {
                    let language = ["en", "zh"].iter().any(|l| {
                        let p = payload.trim().to_ascii_lowercase();
                        p == *l || p.starts_with(&format!("{l}-"))
                    });
                    if !(shown == Shown::NoticeUnlessLanguage && language) {
                        problems.push(format!("no notice entry {want:?}: {notices:?}"));
                    }
                }
            }
            for (t, plain) in &notices {
                if !plain {
                    problems.push(format!("notice entry {t:?} is not plain text"));
                }
            }
        }
        Shown::Search | Shown::Typed => {
            let want = payload.trim();
            let value = page.raw["search"].as_str().unwrap_or_default();
            let exact = if shown == Shown::Typed { payload } else { want };
            if value != exact {
                problems.push(format!("search box holds {value:?}"));
            }
            let chips = page.texts("chips");
            match chips.iter().find(|(t, _)| t.contains(want)) {
                Some((_, true)) => {}
                Some((t, false)) => problems.push(format!("search chip {t:?} is not plain text")),
                None => problems.push(format!("no search chip shows it: {chips:?}")),
            }
        }
    }
}
