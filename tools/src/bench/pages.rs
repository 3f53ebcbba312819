//! The two comparison pages, rendered from the core's data (not from `dist/`):
//! (b) the article as plain static HTML with no script, and (c) the same page plus the
//! hand-written baseline script `baseline.js`. Both link the app's own stylesheet and
//! use the app's markup (masthead, filter panel, sections with `<h2>`, blocks as
//! `<p data-block>` / `<figure data-block>`, credits, the missing-text marker), so the
//! browser lays out the same page. Each block also lists its facet values as
//! `data-theme` / `data-platform` / `data-project` (canonical names, space-separated)
//! for the baseline script to filter on. Everything is escaped.

use jinyi_core::filter;
use jinyi_core::highlight::{segments, Segment};
use jinyi_core::model::{Article, Block, BlockKind, Facet, ThemeKind};
use jinyi_core::query::Selection;
use jinyi_core::search::SearchIndex;
use std::fmt::Write;

/// Interface words (the app's Chinese strings, src/text.rs).
const APP_NAME: &str = "金义新区报道浏览器";
const FILTERS: &str = "筛选";
const SEARCH: &str = "搜索";
const SEARCH_PLACEHOLDER: &str = "搜索全文，如：金义湖、8.1%";
const SPIRITS: &str = "三种精神";
const TOPICS: &str = "主题";
const PLATFORMS: &str = "平台";
const PROJECTS: &str = "项目与企业";
const LEAD: &str = "导语";
const PHOTO: &str = "图片说明（图片未收录）";
const MISSING: &str = "〔原文此处缺失〕";
const MISSING_LONG: &str = "原文此处缺少一段文字，前后两部分并不相连。";
const OWN_WORDS: &str = "界面文字、英文名称和主题释义为本浏览器所加，并非原文。";

/// Escapes text for an HTML text node or a double-quoted attribute.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// What to render.
pub struct Page<'a> {
    pub title: &'a str,
    /// The app's stylesheet, relative to the page.
    pub css_href: &'a str,
    /// The baseline script, relative to the page; `None` for the static page.
    pub script_src: Option<&'a str>,
}

fn facet_names(a: &Article, b: &Block, f: Facet) -> String {
    let names: Vec<&str> = b
        .tags(f)
        .iter()
        .map(|t| a.value_name(f, t.value as usize))
        .collect();
    esc(&names.join(" "))
}

fn block_html(o: &mut String, a: &Article, b: &Block) {
    let mut body = String::new();
    for seg in segments(b, &[]) {
        match seg {
            Segment::Text { text, credit, .. } if credit => {
                let _ = write!(body, "<span class=\"credit\">{}</span>", esc(text));
            }
            Segment::Text { text, .. } => body.push_str(&esc(text)),
            Segment::Missing => {
                let _ = write!(
                    body,
                    "<span class=\"missing\" data-missing=\"\" role=\"note\" title=\"{}\">{}</span>",
                    esc(MISSING_LONG),
                    esc(MISSING)
                );
            }
        }
    }
    let attrs = format!(
        "data-block=\"{}\" data-match=\"1\" data-theme=\"{}\" data-platform=\"{}\" data-project=\"{}\"",
        esc(b.id),
        facet_names(a, b, Facet::Theme),
        facet_names(a, b, Facet::Platform),
        facet_names(a, b, Facet::Project),
    );
    o.push_str("<div class=\"block-row\">");
    match b.kind {
        BlockKind::Figure { .. } => {
            let _ = write!(
                o,
                "<figure class=\"block figure\" {attrs}><span class=\"photo-label\" aria-hidden=\"true\">{}</span><figcaption lang=\"zh-CN\">{body}</figcaption></figure>",
                esc(PHOTO)
            );
        }
        BlockKind::Intro => {
            let _ = write!(
                o,
                "<p class=\"block intro\" lang=\"zh-CN\" {attrs}>{body}</p>"
            );
        }
        BlockKind::Paragraph => {
            let _ = write!(o, "<p class=\"block\" lang=\"zh-CN\" {attrs}>{body}</p>");
        }
    }
    o.push_str("</div>\n");
}

fn facet_button(o: &mut String, a: &Article, f: Facet, v: usize, count: usize) {
    let name = esc(a.value_name(f, v));
    let _ = write!(
        o,
        "<button type=\"button\" class=\"facet\" data-facet=\"{}\" data-value=\"{name}\" aria-pressed=\"false\" data-count=\"{count}\"{}><span class=\"facet-name\" lang=\"zh-CN\">{name}</span><span class=\"facet-en\" lang=\"en\">{}</span><span class=\"facet-count\">{count}</span></button>",
        f.key(),
        if count == 0 { " disabled" } else { "" },
        esc(a.value_en(f, v)),
    );
}

fn group(o: &mut String, a: &Article, title: &str, f: Facet, values: &[usize], counts: &[usize]) {
    let defs = f == Facet::Theme;
    let _ = write!(
        o,
        "<fieldset class=\"facet-group\"><legend lang=\"zh-CN\">{}</legend><ul class=\"{}\">",
        esc(title),
        if defs {
            "facet-list with-defs"
        } else {
            "facet-list"
        }
    );
    for &v in values {
        o.push_str("<li>");
        facet_button(o, a, f, v, counts[v]);
        if defs {
            let _ = write!(
                o,
                "<span class=\"facet-def\">{}</span>",
                esc(a.themes[v].definition)
            );
        }
        o.push_str("</li>");
    }
    o.push_str("</ul></fieldset>\n");
}

fn panel(o: &mut String, a: &Article, counts: &[Vec<usize>; 3]) {
    let _ = writeln!(
        o,
        "<aside class=\"panel\" aria-labelledby=\"panel-title\"><h2 id=\"panel-title\" class=\"panel-title\">{FILTERS}</h2>\
         <div class=\"search\"><label for=\"search\">{SEARCH}</label><input id=\"search\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\" placeholder=\"{}\"></div>",
        esc(SEARCH_PLACEHOLDER)
    );
    let themes = |kind: ThemeKind| -> Vec<usize> {
        (0..a.themes.len())
            .filter(|&i| a.themes[i].kind == kind)
            .collect()
    };
    let tc = &counts[Facet::Theme as usize];
    group(o, a, SPIRITS, Facet::Theme, &themes(ThemeKind::Spirit), tc);
    group(o, a, TOPICS, Facet::Theme, &themes(ThemeKind::Topic), tc);
    let _ = write!(o, "<h2 class=\"panel-heading\">{PLATFORMS}</h2>");
    for (gi, g) in a.platform_groups.iter().enumerate() {
        let values: Vec<usize> = (0..a.platforms.len())
            .filter(|&p| a.platforms[p].group as usize == gi)
            .collect();
        let pc = &counts[Facet::Platform as usize];
        group(o, a, g.name, Facet::Platform, &values, pc);
    }
    let projects: Vec<usize> = (0..a.projects.len()).collect();
    let jc = &counts[Facet::Project as usize];
    group(o, a, PROJECTS, Facet::Project, &projects, jc);
    o.push_str("</aside>\n");
}

/// The whole page.
pub fn render(a: &Article, page: &Page) -> String {
    let index = SearchIndex::new(a.blocks);
    let all = filter::apply(a, &index, &Selection::default());
    let mut o = String::with_capacity(a.blocks.len() * 1200 + 16 * 1024);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<title>{}</title>\n\
         <link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"{}\">\n",
        esc(page.title),
        esc(page.css_href)
    );
    if let Some(src) = page.script_src {
        let _ = writeln!(o, "<script src=\"{}\" defer></script>", esc(src));
    }
    let m = &a.masthead;
    let _ = write!(
        o,
        "</head>\n<body>\n<header class=\"masthead\"><div class=\"topbar\"><span class=\"app-name\">{APP_NAME}</span></div>\
         <div lang=\"zh-CN\"><p class=\"kicker\">{}</p><h1>{}</h1><p class=\"byline\">{}</p></div></header>\n<div class=\"layout\">\n",
        esc(m.kicker.text),
        esc(m.headline.text),
        esc(m.byline.text)
    );
    panel(&mut o, a, &all.facet_counts);
    let _ = write!(
        o,
        "<main id=\"results\" tabindex=\"-1\"><div class=\"status\"><p class=\"result-count\" role=\"status\" aria-live=\"polite\" data-result-count=\"{n}\">显示 {n} / {n} 段</p></div>\n<article class=\"article\">\n",
        n = a.blocks.len()
    );
    for (i, s) in a.sections.iter().enumerate() {
        if i == a.banner_before as usize {
            o.push_str("<div class=\"banner\" lang=\"zh-CN\" data-banner=\"\">");
            for b in a.banner {
                let _ = write!(o, "<p>{}</p>", esc(b.text));
            }
            o.push_str("</div>\n");
        }
        let heading = match s.heading {
            Some(h) => format!("<span lang=\"zh-CN\">{}</span>", esc(h.text)),
            None => format!("<span class=\"section-lead\">{LEAD}</span>"),
        };
        let _ = writeln!(
            o,
            "<section class=\"section\" data-section=\"{id}\" data-section-count=\"{n}\" aria-labelledby=\"section-{id}\">\
             <h2 id=\"section-{id}\">{heading}<span class=\"section-count\">{n}</span></h2>",
            id = esc(s.id),
            n = s.len
        );
        for b in a.section_blocks(i) {
            block_html(&mut o, a, b);
        }
        o.push_str("</section>\n");
    }
    let _ = write!(
        o,
        "</article></main>\n</div>\n<footer class=\"footer\"><p>{OWN_WORDS}</p></footer>\n</body>\n</html>\n"
    );
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc("<a href=\"x\">&</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
        );
    }
}
