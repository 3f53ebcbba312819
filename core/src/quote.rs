//! Quoting the article: the source line under a quotation, ours, in the interface
//! language (the page's share step writes the quotation itself from the page's words;
//! the build puts this line, with `{url}` for the link, into the page).

use crate::model::Article;
use crate::text::Lang;

/// The source line of a quotation from the article at `url`: Chinese
/// `——叶梦婷 徐贤飞《…》，url`, English `— Ye Mengting, Xu Xianfei, “…”, url`.
pub fn source_line(article: &Article, url: &str, lang: Lang) -> String {
    let m = &article.masthead;
    match lang {
        Lang::Zh => ["——", m.byline.text, "《", m.headline.text, "》，", url].concat(),
        Lang::En => [
            "— ",
            lang.text().authors,
            ", “",
            m.headline.text,
            "”, ",
            url,
        ]
        .concat(),
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
            source_line(&a, "u#x", Lang::Zh),
            "——叶梦婷 徐贤飞《“敢”为人先》，u#x"
        );
        assert_eq!(
            source_line(&a, "u#x", Lang::En),
            "— Ye Mengting, Xu Xianfei, “「敢」为人先”, u#x".replace("「敢」", "“敢”")
        );
    }
}
