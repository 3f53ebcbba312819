//! Pins every facet value's blocks, as reviewed against the text. Changing a keyword,
//! alias or block in data/ changes this list: review the text again, then update it.

mod common;
use common::article;
use jinyi_core::model::Facet;

const REVIEWED: &str = "\
theme=敢: lead lead-photo dare-intro dare-1 dare-2 dare-3 dare-photo dare-4 dare-5 dare-6
theme=干: lead lead-photo do-intro do-1 do-2 do-3 do-4 do-photo do-5 do-6 do-7 do-8
theme=赶: lead lead-photo surpass-intro surpass-1 surpass-2 surpass-3 surpass-4 surpass-5 surpass-6 surpass-7 surpass-photo-1 surpass-photo-2 surpass-photo-3
theme=改革创新: dare-intro dare-2 dare-4 dare-6 do-2
theme=营商环境: do-2 do-3 do-4
theme=项目建设: do-1 do-4 do-5 do-6 do-8 surpass-1 surpass-2 surpass-4 surpass-5 surpass-photo-3
theme=平台建设: lead surpass-1 surpass-2 surpass-4
theme=产业发展: dare-1 surpass-1 surpass-2 surpass-4 surpass-5 surpass-6 surpass-7 surpass-photo-1
theme=人才: dare-1 do-6 surpass-2 surpass-3
theme=开放枢纽: lead dare-2 dare-3 do-7 surpass-2 surpass-photo-2
theme=科技创新: do-6 surpass-3 surpass-6 surpass-photo-1 surpass-photo-3
theme=干部作风: dare-intro dare-1 dare-2 dare-4 dare-6 do-intro do-8
theme=数字化: dare-1 do-1 surpass-6 surpass-photo-1
platform=自贸试验区: surpass-2
platform=金义湖: surpass-2 surpass-3 surpass-photo-3
platform=江岭高新智造区: surpass-2
platform=东孝贸创区: surpass-2
platform=东涓未来区: surpass-2
platform=胡思零碳产业园: do-5 surpass-2
platform=金磐产业飞地: surpass-2
platform=金义中央大道: lead
platform=义乌国际商贸城: lead
platform=义乌国际陆港: lead
platform=金义综合保税区: lead
platform=华东联运新城: lead
platform=中欧班列: surpass-photo-2
platform=金华南海铁路班列: surpass-photo-2
platform=金义湖科技创新策源地: surpass-3 surpass-photo-3
platform=浙江龙芯智慧产业园: surpass-photo-1
platform=两公里彩妆产业带: surpass-5
platform=浙中建材市场: do-8
platform=卡点通: do-1
project=润马光能: do-4 do-photo
project=华创新能源商用车: do-6
project=鑫泰特钢: do-8
";

fn membership() -> String {
    let a = article();
    let mut out = String::new();
    for f in Facet::ALL {
        for v in 0..a.facet_len(f) {
            let ids: Vec<&str> = a
                .blocks
                .iter()
                .filter(|b| b.tags(f).iter().any(|t| t.value as usize == v))
                .map(|b| b.id)
                .collect();
            out.push_str(&format!(
                "{}={}: {}\n",
                f.key(),
                a.value_name(f, v),
                ids.join(" ")
            ));
        }
    }
    out
}

#[test]
fn memberships_are_the_reviewed_ones() {
    assert_eq!(membership(), REVIEWED);
}

#[test]
fn every_tag_is_explained_and_unique() {
    let a = article();
    for b in a.blocks {
        for f in Facet::ALL {
            let tags = b.tags(f);
            for (i, t) in tags.iter().enumerate() {
                assert!(
                    tags[..i].iter().all(|u| u.value != t.value),
                    "{} repeats a {} tag",
                    b.id,
                    f.key()
                );
                // The reason is text of the block (a keyword, name or alias), the section
                // heading for a spirit, or empty for an explicit choice in the data.
                let heading = a.sections[b.section as usize]
                    .heading
                    .map_or("", |h| h.text);
                assert!(
                    t.why.is_empty() || b.text.contains(t.why) || t.why == heading,
                    "{}: {}",
                    b.id,
                    t.why
                );
            }
        }
    }
}

#[test]
fn a_platform_also_finds_the_blocks_of_its_parts() {
    let a = article();
    let lake = a.value_index(Facet::Platform, "金义湖").unwrap() as u16;
    let hub = a
        .value_index(Facet::Platform, "金义湖科技创新策源地")
        .unwrap() as u16;
    assert_eq!(a.platforms[hub as usize].part_of, Some(lake));
    for b in a.blocks {
        let has = |v| b.platforms.iter().any(|t| t.value == v);
        if has(hub) {
            assert!(has(lake), "{}", b.id);
        }
    }
}

#[test]
fn aliases_find_the_article_wording() {
    let a = article();
    let husi = a.value_index(Facet::Platform, "胡思零碳产业园").unwrap() as u16;
    let do5 = a.blocks.iter().find(|b| b.id == "do-5").unwrap();
    assert!(do5.text.contains("孝顺胡思零碳产业园"));
    assert!(do5.platforms.iter().any(|t| t.value == husi));
}
