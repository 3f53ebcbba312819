//! Renders the article as static HTML at build time, in the same markup the Leptos app
//! renders for its default (unfiltered, Chinese) view, so the page shows the whole
//! article before any script runs and the app's take-over does not move anything.
//! Everything is escaped: only text from the embedded data reaches the page.

use jinyi_core::highlight::{segments, Segment};
use jinyi_core::model::{Article, Block, BlockKind};
use jinyi_core::text::Text;
use std::fmt::Write;

/// Escapes text for an HTML text node or a double-quoted attribute.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn block_html(o: &mut String, b: &Block, w: &Text) {
    let mut body = String::new();
    for seg in segments(b, &[]) {
        match seg {
            Segment::Text { text, credit, .. } => {
                if credit {
                    let _ = write!(body, "<span class=\"credit\">{}</span>", escape(text));
                } else {
                    body.push_str(&escape(text));
                }
            }
            Segment::Missing => {
                let _ = write!(
                    body,
                    "<span class=\"missing\" data-missing=\"\" role=\"note\" title=\"{}\">{}</span>",
                    escape(w.missing_long),
                    escape(w.missing)
                );
            }
        }
    }
    o.push_str("<div class=\"block-row\">");
    match b.kind {
        BlockKind::Figure { .. } => {
            let _ = write!(
                o,
                "<figure class=\"block figure\" id=\"{id}\" data-block=\"{id}\" data-match=\"1\" lang=\"zh-CN\"><span class=\"photo-label\" aria-hidden=\"true\">{}</span><figcaption lang=\"zh-CN\">{body}</figcaption></figure>",
                escape(w.photo),
                id = escape(b.id),
            );
        }
        BlockKind::Intro | BlockKind::Paragraph => {
            let class = if b.kind == BlockKind::Intro {
                "block intro"
            } else {
                "block"
            };
            let _ = write!(
                o,
                "<p class=\"{class}\" id=\"{id}\" lang=\"zh-CN\" data-block=\"{id}\" data-match=\"1\">{body}</p>",
                id = escape(b.id)
            );
        }
    }
    o.push_str("</div>");
}

/// The article (banner, sections, blocks) as the app's `<article>` content.
pub fn article_html(a: &Article, w: &Text) -> String {
    let mut o = String::new();
    for (i, sec) in a.sections.iter().enumerate() {
        if i == a.banner_before as usize {
            o.push_str("<div class=\"banner\" lang=\"zh-CN\">");
            for line in a.banner {
                let _ = write!(o, "<p>{}</p>", escape(line.text));
            }
            o.push_str("</div>");
        }
        let id = escape(sec.id);
        let _ = write!(
            o,
            "<section class=\"section\" data-section=\"{id}\" data-section-count=\"{}\" aria-labelledby=\"section-{id}\"><h2 id=\"section-{id}\">",
            sec.len
        );
        match sec.heading {
            Some(h) => {
                let _ = write!(o, "<span lang=\"zh-CN\">{}</span>", escape(h.text));
            }
            None => {
                let _ = write!(o, "<span class=\"section-lead\">{}</span>", escape(w.lead));
            }
        }
        let _ = write!(o, "<span class=\"section-count\">{}</span></h2>", sec.len);
        for b in a.section_blocks(i) {
            block_html(&mut o, b, w);
        }
        o.push_str("</section>");
    }
    o
}

/// The whole page body content for `<div id="app">`: masthead, a panel placeholder,
/// the status line and the article, laid out like the app's first render.
pub fn page_html(a: &Article, w: &Text) -> String {
    let m = &a.masthead;
    let total = a.blocks.len();
    format!(
        concat!(
            "<a class=\"skip\" href=\"#results\">{skip}</a>",
            "<header class=\"masthead\"><div class=\"topbar\"><span class=\"app-name\">{app}</span>",
            "<button type=\"button\" class=\"lang-switch\" disabled>{switch}</button></div>",
            "<div lang=\"zh-CN\"><p class=\"kicker\">{kicker}</p><h1>{headline}</h1><p class=\"byline\">{byline}</p></div></header>",
            "<div class=\"layout\"><aside class=\"panel\" aria-labelledby=\"panel-title\">",
            "<h2 id=\"panel-title\" class=\"panel-title\">{filters}</h2><p class=\"panel-loading\">{loading}</p></aside>",
            "<main id=\"results\" tabindex=\"-1\"><div class=\"status\"><p class=\"result-count\" role=\"status\" aria-live=\"polite\">{count}</p></div>",
            "<div class=\"extras\"><details class=\"key-figures\"><summary><h2 class=\"extras-title\">{figures}</h2></summary></details>",
            "<details class=\"guide\"><summary><h2 class=\"extras-title\">{guide}</h2></summary></details></div>",
            "<article class=\"article\">{article}</article></main></div>",
            "<footer class=\"footer\"><p>{own}</p></footer>"
        ),
        skip = escape(w.skip),
        app = escape(w.app_name),
        switch = escape(w.other_lang),
        kicker = escape(m.kicker.text),
        headline = escape(m.headline.text),
        byline = escape(m.byline.text),
        filters = escape(w.filters),
        loading = escape(w.loading),
        count = escape(&w.results(total, total)),
        article = article_html(a, w),
        own = escape(w.own_words),
        figures = escape(w.figures_title),
        guide = escape(w.guide_title),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        jinyi_core::loader::load_dir(&dir).unwrap()
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<img src=x onerror='a'>&\""),
            "&lt;img src=x onerror=&#39;a&#39;&gt;&amp;&quot;"
        );
    }

    #[test]
    fn every_block_is_prerendered_once_in_reading_order() {
        let a = article();
        let html = page_html(&a, &jinyi_core::text::ZH);
        let mut at = 0;
        for b in a.blocks {
            let needle = format!("data-block=\"{}\"", b.id);
            assert_eq!(html.matches(&needle).count(), 1, "{}", b.id);
            let pos = html.find(&needle).unwrap();
            assert!(pos > at, "{} out of order", b.id);
            at = pos;
        }
        assert_eq!(html.matches("data-missing").count(), 1);
        assert!(html.contains("通过“全速推进一批、<span class=\"missing\""));
    }
}
