//! Every interface string, in Chinese and English. These are the explorer's own words,
//! never the article's; the article's text stays Chinese in both interfaces. Shared by
//! the app and the build-time pre-render, so both show the same words.

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// From `?lang=` (`en`, `zh`, `zh-CN`…); `None` when unknown.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.to_ascii_lowercase();
        if tag == "en" || tag.starts_with("en-") {
            Some(Lang::En)
        } else if tag == "zh" || tag.starts_with("zh-") {
            Some(Lang::Zh)
        } else {
            None
        }
    }

    /// The interface language for a reader: the link's `lang` when known, else the first
    /// of the browser's languages that is, else Chinese.
    pub fn choose<'a>(link: Option<&str>, browser: impl IntoIterator<Item = &'a str>) -> Lang {
        link.and_then(Lang::from_tag)
            .or_else(|| browser.into_iter().find_map(Lang::from_tag))
            .unwrap_or(Lang::Zh)
    }

    /// The short code of `?lang=` and of the page's `data-ui` (`zh`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The BCP 47 tag for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn text(self) -> &'static Text {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

/// The interface strings of one language.
pub struct Text {
    pub app_name: &'static str,
    pub filters: &'static str,
    pub search: &'static str,
    /// `search` as the label of a search's words, its punctuation included
    /// (`搜索：班列`, `Search: trains`).
    pub search_for: &'static str,
    pub search_placeholder: &'static str,
    pub search_cut: &'static str,
    pub spirits: &'static str,
    pub topics: &'static str,
    /// After each panel group's title: its values combine with OR.
    pub any_of: &'static str,
    pub platforms: &'static str,
    pub projects: &'static str,
    pub results_of: &'static str,
    /// The unit after a number of paragraphs other than one (`paragraphs`); choose it
    /// with `Text::paragraphs`.
    pub results_unit: &'static str,
    /// `results_unit` for one (`paragraph`).
    pub result_unit: &'static str,
    pub clear_all: &'static str,
    pub remove: &'static str,
    pub in_context: &'static str,
    pub empty_title: &'static str,
    pub empty_hint: &'static str,
    pub ignored: &'static str,
    pub missing: &'static str,
    pub missing_long: &'static str,
    pub photo: &'static str,
    /// In a citation's source line, what a quoted photo caption is.
    pub cited_caption: &'static str,
    pub why: &'static str,
    /// Put after a value's name, its brackets included (`营商环境（编者归类）`).
    pub chosen_by_editor: &'static str,
    /// Between a value and the block's word that put it there (`人才——提到研发团队`).
    pub mentions: &'static str,
    pub own_words: &'static str,
    pub language: &'static str,
    pub other_lang: &'static str,
    pub skip: &'static str,
    pub skip_figures: &'static str,
    pub skip_guide: &'static str,
    pub skip_links: &'static str,
    pub lead: &'static str,
    pub searching: &'static str,
    pub description: &'static str,
    pub fault: &'static str,
    pub whole_article: &'static str,
    pub nojs: &'static str,
    pub dipper_caption: &'static str,
    pub part_of: &'static str,
    /// Before a number of paragraphs (`见于 3 段`, `Mentioned in 1 paragraph`).
    pub mentioned_in: &'static str,
    pub guide_title: &'static str,
    pub guide_note: &'static str,
    pub figures_title: &'static str,
    pub figures_note: &'static str,
    pub figures_none: &'static str,
    pub rates: &'static str,
    pub durations: &'static str,
    pub counts: &'static str,
    pub amounts: &'static str,
    pub figures_nocompare: &'static str,
    pub show_filters: &'static str,
    pub page_address: &'static str,
    pub close: &'static str,
    pub active_filters: &'static str,
    pub no_filters: &'static str,
    pub permalink: &'static str,
    pub cite: &'static str,
    pub copied: &'static str,
    pub copy_by_hand: &'static str,
    pub export: &'static str,
    pub download: &'static str,
    pub excerpts: &'static str,
    pub authors: &'static str,
    pub target_hidden: &'static str,
    pub show_target: &'static str,
    pub minimap: &'static str,
    /// The map's legend: a square of a matching paragraph, of another one, and how to
    /// move within the map by keyboard.
    pub map_hit: &'static str,
    pub map_other: &'static str,
    pub map_keys: &'static str,
    pub via_pinyin: &'static str,
    pub via_english: &'static str,
    pub via_label: &'static str,
    pub via_translation: &'static str,
    pub all_terms: &'static str,
    pub try_filters: &'static str,
    /// How to read the article: the label of the three choices, and the choices.
    pub read: &'static str,
    pub read_zh: &'static str,
    pub read_en: &'static str,
    pub read_both: &'static str,
    /// Shown wherever our English shows: whose translation it is.
    pub translation_note: &'static str,
    /// Before our English in a citation (`本页英译：…`, `Our translation: …`).
    pub translation_label: &'static str,
}

impl Text {
    /// The unit after `n` paragraphs: `result_unit` for one, else `results_unit`
    /// (`1 paragraph`, `3 paragraphs`; Chinese `段` either way).
    pub fn paragraphs(&self, n: usize) -> &'static str {
        if n == 1 {
            self.result_unit
        } else {
            self.results_unit
        }
    }
}

pub static ZH: Text = Text {
    app_name: "金义新区报道导览",
    filters: "筛选",
    search: "搜索",
    search_for: "搜索：",
    search_placeholder: "搜索全文，如：金义湖、8.1%",
    search_cut: "搜索词过长，只用了前 200 个字。",
    spirits: "三种精神",
    topics: "主题",
    any_of: "符合其一即可",
    platforms: "平台",
    projects: "项目与企业",
    results_of: "显示",
    results_unit: "段",
    result_unit: "段",
    clear_all: "清除全部",
    remove: "移除",
    in_context: "在全文中显示（其余变淡）",
    empty_title: "没有符合条件的段落。",
    empty_hint: "试试移除一个筛选条件，或换一个搜索词。",
    ignored: "链接中以下内容无法识别，已忽略：",
    missing: "〔原文此处缺失〕",
    missing_long: "原文此处缺少一段文字，前后两部分并不相连。",
    photo: "图片说明（图片未收录）",
    cited_caption: "图片说明",
    why: "匹配：",
    chosen_by_editor: "（编者归类）",
    mentions: "——提到",
    own_words:
        "界面文字、英文译文与英文名称、拼音、精神与主题的释义、关键数字说明和平台示意图为本页所加，并非原文。",
    language: "语言",
    other_lang: "English",
    skip: "跳到正文",
    skip_figures: "跳到关键数字",
    skip_guide: "跳到平台指南",
    skip_links: "快速跳转",
    lead: "导语",
    searching: "正在搜索……",
    description: "按主题、平台和项目筛选金义新区报道，或搜索全文。",
    fault: "筛选和搜索功能未能启动，全文仍可阅读。",
    whole_article: "显示全文",
    nojs: "筛选和搜索需要 JavaScript，全文仍可阅读。",
    dipper_caption:
        "“北斗七星”式平台矩阵：两大主平台（大星）与五大特色平台。示意图为本页所绘。",
    part_of: "属于",
    mentioned_in: "见于",
    guide_title: "平台指南",
    guide_note: "原文句子按阅读顺序列出；拼音、英文名称和类别为本页所加。选择一项即可筛选全文。",
    figures_title: "关键数字",
    figures_note: "数字引自原文，说明文字为本页所加；只有衡量同一事物、单位相同的数字才画成条形相互比较。图表随筛选变化。",
    figures_none: "当前结果中没有关键数字。",
    rates: "增速",
    durations: "用时",
    counts: "数量",
    amounts: "金额",
    figures_nocompare: "当前结果中没有可相互比较的数字，只列出数值。",
    show_filters: "筛选与搜索",
    page_address: "本页地址：",
    close: "关闭",
    active_filters: "当前筛选：",
    no_filters: "全文（未筛选）",
    permalink: "链接到本段",
    cite: "复制引文",
    copied: "已复制到剪贴板。",
    copy_by_hand: "剪贴板不可用，请手动复制下面的文字：",
    export: "导出为 Markdown",
    download: "下载文件",
    excerpts: "（摘录）",
    authors: "叶梦婷 徐贤飞",
    target_hidden: "链接所指的段落不在当前结果中。",
    show_target: "在全文中显示",
    minimap: "文章地图",
    map_hit: "符合筛选的段落",
    map_other: "其余段落",
    map_keys: "（方向键在段落间移动）",
    via_pinyin: "拼音匹配",
    via_english: "英文名称匹配",
    via_label: "英文说明匹配",
    via_translation: "本页英译匹配",
    all_terms: "没有完整匹配，显示同时含有这些词的段落：",
    try_filters: "试试筛选栏中标出的：",
    read: "阅读",
    read_zh: "中文原文",
    read_en: "英译",
    read_both: "中英对照",
    translation_note: "英文为本页所译，并非报纸原文。",
    translation_label: "本页英译：",
};

pub static EN: Text = Text {
    app_name: "Jinyi New Area report explorer",
    filters: "Filters",
    search: "Search",
    search_for: "Search: ",
    search_placeholder: "Search the text, e.g. 金义湖, 8.1%",
    search_cut: "Search text too long: only its first 200 characters are used.",
    spirits: "The three spirits",
    topics: "Topics",
    any_of: "any of these",
    platforms: "Platforms",
    projects: "Projects and companies",
    results_of: "Showing",
    results_unit: "paragraphs",
    result_unit: "paragraph",
    clear_all: "Clear all",
    remove: "Remove",
    in_context: "Show in the whole article (the rest dimmed)",
    empty_title: "No paragraph matches.",
    empty_hint: "Try removing a filter or searching for something else.",
    ignored: "These parts of the link were not recognised and are ignored:",
    missing: "[text missing from the source]",
    missing_long: "The source lacks a passage here: the parts before and after do not join.",
    photo: "Photo caption (photo not included)",
    cited_caption: "Photo caption, ",
    why: "Matched: ",
    chosen_by_editor: " (assigned by the editors)",
    mentions: " — mentions ",
    own_words: "Interface text, the English translation and English names, pinyin, the definitions of the spirits and topics, key-figure labels and the platform diagram are this explorer's own, not the article's.",
    language: "Language",
    other_lang: "中文",
    skip: "Skip to the article",
    skip_figures: "Skip to the key figures",
    skip_guide: "Skip to the platform guide",
    skip_links: "Skip links",
    lead: "Lead",
    searching: "Searching…",
    description: "Filter the Jinyi New Area report by theme, platform and project, or search its full text.",
    fault: "Filtering and search could not start; the whole article is still here to read.",
    whole_article: "Show the whole article",
    nojs: "Filtering and search need JavaScript; the whole article is still here to read.",
    dipper_caption: "The “Big Dipper” platform matrix: two main platforms (large stars) and five distinctive platforms. Diagram drawn by this explorer.",
    part_of: "part of",
    mentioned_in: "Mentioned in",
    guide_title: "Platform guide",
    guide_note: "Sentences are quoted from the article in reading order; pinyin, English names and kinds are ours. Choose one to filter the article.",
    figures_title: "Key figures",
    figures_note: "Figures quoted from the article; their English renderings and the labels are ours. Only figures that measure the same thing in the same unit are drawn as bars against each other. The chart follows the filters.",
    figures_none: "No key figure in the current results.",
    rates: "Growth rates",
    durations: "Durations",
    counts: "Counts",
    amounts: "Amounts",
    figures_nocompare: "No figures in these results measure the same thing, so none is drawn as a bar.",
    show_filters: "Filters and search",
    page_address: "This page:",
    close: "Close",
    active_filters: "Active filters: ",
    no_filters: "The whole article (no filter)",
    permalink: "Link to this paragraph",
    cite: "Copy as a citation",
    copied: "Copied to the clipboard.",
    copy_by_hand: "The clipboard is not available here: copy the text below by hand.",
    export: "Export as Markdown",
    download: "Download the file",
    excerpts: " (excerpts)",
    authors: "Ye Mengting, Xu Xianfei",
    target_hidden: "The paragraph this link points to is not in these results.",
    show_target: "Show it in the whole article",
    minimap: "Article map",
    map_hit: "paragraphs that match",
    map_other: "other paragraphs",
    map_keys: "(arrow keys move between paragraphs)",
    via_pinyin: "pinyin match",
    via_english: "English-name match",
    via_label: "English label match",
    via_translation: "match in our translation",
    all_terms: "No exact match; showing the paragraphs that contain all of: ",
    try_filters: "Try the filters marked in the panel: ",
    read: "Read",
    read_zh: "Chinese original",
    read_en: "English",
    read_both: "Both",
    translation_note: "The English is our translation, not the newspaper's.",
    translation_label: "Our translation: ",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_paragraph_is_singular_in_english() {
        assert_eq!(EN.paragraphs(1), "paragraph");
        assert_eq!(EN.paragraphs(0), "paragraphs");
        assert_eq!(EN.paragraphs(31), "paragraphs");
        assert_eq!(ZH.paragraphs(1), "段");
        assert_eq!(ZH.paragraphs(2), "段");
    }

    /// Chinese interface words use full-width punctuation, and never call the page a
    /// web browser (浏览器).
    #[test]
    fn chinese_words_are_punctuated_in_chinese() {
        let zh = [
            ZH.app_name,
            ZH.search_for,
            ZH.search_placeholder,
            ZH.search_cut,
            ZH.ignored,
            ZH.why,
            ZH.chosen_by_editor,
            ZH.own_words,
            ZH.description,
            ZH.dipper_caption,
            ZH.guide_note,
            ZH.figures_note,
            ZH.page_address,
            ZH.active_filters,
            ZH.copy_by_hand,
            ZH.excerpts,
            ZH.all_terms,
            ZH.try_filters,
            ZH.translation_note,
            ZH.translation_label,
        ];
        for w in zh {
            assert!(!w.contains("浏览器"), "{w}");
            assert!(!w.contains([',', ':', ';', '(', ')', '?', '!']), "{w}");
        }
    }
}
