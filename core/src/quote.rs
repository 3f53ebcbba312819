//! Quoting the article: the source line under a quotation, ours, in the interface
//! language (the page's share step writes the quotation itself from the page's words;
//! the build puts this line, with `{url}` for the link, into the page).

use crate::model::Article;
use crate::text::Lang;

/// What a quotation is: body text, or a photo caption (with its credit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quoted {
    Text,
    Caption,
}

/// The source line of a quotation from the article at `url` (a paragraph's stable
/// link): Chinese `——叶梦婷 徐贤飞《…》，url` (a caption: `…《…》图片说明，url`),
/// English `— Ye Mengting, Xu Xianfei, “…”, url` (a caption: `— Photo caption, …`).
/// In English the headline's own double quotation marks become single ones inside the
/// title's, as English nests them (`“‘敢’为人先 …”`, not `““敢”为人先 …”`).
pub fn source_line(article: &Article, url: &str, lang: Lang, quoted: Quoted) -> String {
    let m = &article.masthead;
    let what = match quoted {
        Quoted::Text => "",
        Quoted::Caption => lang.text().cited_caption,
    };
    match lang {
        Lang::Zh => [
            "——",
            m.byline.text,
            "《",
            m.headline.text,
            "》",
            what,
            "，",
            url,
        ]
        .concat(),
        Lang::En => {
            let title = m.headline.text.replace('“', "‘").replace('”', "’");
            ["— ", what, lang.text().authors, ", “", &title, "”, ", url].concat()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Masthead, SourceText};

    #[test]
    fn chinese_and_english_citation_styles() {
        let t = |text| SourceText { line: 1, text };
        let a = Article {
            masthead: Masthead {
                kicker: t(""),
                headline: t("“敢”为人先"),
                byline: t("叶梦婷 徐贤飞"),
            },
            banner: &[],
            banner_before: 0,
            sections: &[],
            blocks: &[],
            themes: &[],
            platform_groups: &[],
            platforms: &[],
            projects: &[],
            pinyin: crate::model::PinyinTable(""),
            figures: &[],
            translation: Default::default(),
        };
        assert_eq!(
            source_line(&a, "u#x", Lang::Zh, Quoted::Text),
            "——叶梦婷 徐贤飞《“敢”为人先》，u#x"
        );
        assert_eq!(
            source_line(&a, "u#x", Lang::Zh, Quoted::Caption),
            "——叶梦婷 徐贤飞《“敢”为人先》图片说明，u#x"
        );
        assert_eq!(
            source_line(&a, "u#x", Lang::En, Quoted::Text),
            "— Ye Mengting, Xu Xianfei, “‘敢’为人先”, u#x"
        );
        assert_eq!(
            source_line(&a, "u#x", Lang::En, Quoted::Caption),
            "— Photo caption, Ye Mengting, Xu Xianfei, “‘敢’为人先”, u#x"
        );
    }
}
