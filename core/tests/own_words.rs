//! Issue 17: our own words (facets.toml, figures.toml, the interface table), checked
//! against the source. What a platform is (`kind`), group names that call nothing a
//! platform or a node that the article does not, English that says what the Chinese
//! says, and Chinese punctuation in the Chinese interface's composed lines.

mod common;
use common::{article, source};
use jinyi_core::explain::{active_filters, chosen_values, Words};
use jinyi_core::model::Facet;
use jinyi_core::query::Selection;
use jinyi_core::text::Lang;

fn platform(name: &str) -> &'static jinyi_core::model::Platform {
    let a = article();
    &a.platforms[a.value_index(Facet::Platform, name).expect(name)]
}

#[test]
fn every_platform_says_what_it_is() {
    let a = article();
    let kinds: Vec<(&str, &str, &str, &str)> = a
        .platforms
        .iter()
        .map(|p| {
            (
                p.name,
                p.kind,
                p.kind_en,
                a.platform_groups[p.group as usize].id,
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("自贸试验区", "主平台", "main platform", "main"),
            ("金义湖", "主平台", "main platform", "main"),
            (
                "江岭高新智造区",
                "特色平台",
                "distinctive platform",
                "featured"
            ),
            ("东孝贸创区", "特色平台", "distinctive platform", "featured"),
            ("东涓未来区", "特色平台", "distinctive platform", "featured"),
            (
                "胡思零碳产业园",
                "特色平台",
                "distinctive platform",
                "featured"
            ),
            (
                "金磐产业飞地",
                "特色平台",
                "distinctive platform",
                "featured"
            ),
            ("金义中央大道", "大道", "avenue", "corridor"),
            ("义乌国际商贸城", "商贸城", "trade city", "corridor"),
            ("义乌国际陆港", "陆港", "inland port", "corridor"),
            ("金义综合保税区", "保税区", "bonded zone", "corridor"),
            ("华东联运新城", "新城", "new town", "corridor"),
            ("中欧班列", "班列", "freight train service", "rail"),
            ("金华南海铁路班列", "班列", "freight train service", "rail"),
            (
                "金义湖科技创新策源地",
                "策源地",
                "innovation hub",
                "carrier"
            ),
            ("浙江龙芯智慧产业园", "产业园", "industrial park", "carrier"),
            ("两公里彩妆产业带", "产业带", "industry belt", "carrier"),
            ("浙中建材市场", "市场", "market", "carrier"),
            ("卡点通", "应用", "app", "app"),
        ]
    );
    // Each Chinese kind is the article's word for the thing, or the end of its name.
    let text = source();
    for p in a.platforms {
        let article_says = match p.kind {
            "主平台" => "自贸试验区、金义湖两大主平台",
            "特色平台" => "金磐产业飞地五大特色平台",
            "应用" => "“卡点通”应用",
            _ => "",
        };
        assert!(
            p.name.ends_with(p.kind) || (!article_says.is_empty() && text.contains(article_says)),
            "{}: {}",
            p.name,
            p.kind
        );
    }
    // The generated article carries the kinds.
    let src = jinyi_core::codegen::article_source(a);
    assert!(src.contains("kind:\"应用\",kind_en:\"app\""));
}

#[test]
fn only_platforms_are_called_platforms_and_nothing_a_node() {
    let a = article();
    for g in a.platform_groups {
        let members: Vec<&str> = a
            .platforms
            .iter()
            .filter(|p| a.platform_groups[p.group as usize].id == g.id)
            .map(|p| p.kind_en)
            .collect();
        assert!(!members.is_empty(), "{}", g.id);
        let says_platform = g.name.contains("平台") || g.en.contains("platform");
        assert_eq!(
            says_platform,
            members.iter().all(|k| k.ends_with("platform")),
            "{}: {} / {}",
            g.id,
            g.name,
            g.en
        );
        assert!(
            !g.name.contains("节点") && !g.en.contains("node"),
            "{}",
            g.en
        );
    }
}

/// The English names and definitions the bilingual review corrected.
#[test]
fn english_says_what_the_chinese_says() {
    let a = article();
    assert_eq!(platform("自贸试验区").en, "Pilot Free Trade Zone");
    assert_eq!(platform("中欧班列").en, "China–Europe Railway Express");
    assert_eq!(platform("卡点通").en, "Kadiantong");
    let theme = |n: &str| &a.themes[a.value_index(Facet::Theme, n).expect(n)];
    let open = theme("开放枢纽");
    assert!(
        !open.definition_en.contains("bonded"),
        "{}",
        open.definition_en
    );
    assert!(!open.definition.contains("保税"), "{}", open.definition);
    assert!(theme("科技创新")
        .definition_en
        .contains("new quality productive forces"));
    // Every English word that quotes the article's 自贸试验区 puts "Pilot" first.
    for t in a.themes {
        for w in [t.en, t.definition_en] {
            assert!(!w.contains("Free Trade Pilot"), "{w}");
            assert!(!w.contains("-odd"), "{w}");
        }
    }
}

#[test]
fn composed_chinese_lines_use_chinese_punctuation() {
    let a = article();
    let mut sel = Selection {
        q: "班列".into(),
        ..Selection::default()
    };
    let lake = a.value_index(Facet::Platform, "金义湖").unwrap() as u16;
    sel.toggle(Facet::Platform, lake);
    assert_eq!(
        active_filters(a, &sel, &Words::of(Lang::Zh)),
        "金义湖 · 搜索：班列"
    );
    assert_eq!(
        active_filters(a, &sel, &Words::of(Lang::En)),
        "金义湖 (Jinyi Lake) · Search: 班列"
    );
    // A block the data lists by hand: 营商环境 holds do-4 by `include`.
    let mut sel = Selection::default();
    let env = a.value_index(Facet::Theme, "营商环境").unwrap() as u16;
    sel.toggle(Facet::Theme, env);
    let b = a.blocks.iter().position(|b| b.id == "do-4").unwrap();
    assert_eq!(
        chosen_values(a, b, &sel, &Words::of(Lang::Zh)),
        "营商环境（编者归类）"
    );
    assert_eq!(
        chosen_values(a, b, &sel, &Words::of(Lang::En)),
        "营商环境 (Business environment) (assigned by the editors)"
    );
}
