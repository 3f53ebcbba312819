//! Our English translation (`data/translation.toml`) is faithful where a machine can
//! check: every number a Chinese piece writes in digits is in its English and no other
//! number is, every platform and project a block names is there by its English name
//! (facets.toml) with the Chinese in brackets at the first mention, and recurring terms
//! and slogans read the same everywhere. Each exception is listed with its reason.

mod common;
use common::{article, english_pieces as pieces};
use jinyi_core::model::Facet;

// ---------- faithful: numbers ----------

/// A Chinese number the English writes otherwise than the rule: (block, Chinese,
/// English, why).
const NUMBER_EXCEPTIONS: &[(&str, &str, &str, &str)] = &[(
    "dare-1",
    "90后",
    "1990s",
    "90后 names a generation: those born in the 1990s",
)];

/// Numbers in the English that the Chinese writes without digits: (block, number, why).
const ADDED_NUMBERS: &[(&str, &str, &str)] = &[
    ("do-2", "1", "“一号改革工程”: the “No. 1 Reform Project”"),
    (
        "do-5",
        "100",
        "超亿元项目: projects worth over 100 million yuan (亿 without a digit)",
    ),
    ("do-7", "1", "三个“一号工程”: the three “No. 1 Projects”"),
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `digits` (a decimal like "1.2") times 10^`power`, written in English: "12,000",
/// "1 billion", "300 million".
fn times_ten_to(digits: &str, power: u32) -> String {
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let n: u128 = format!("{int}{frac}").parse().unwrap();
    let v = n * 10u128.pow(power) / 10u128.pow(frac.len() as u32);
    for (unit, name) in [(1_000_000_000u128, "billion"), (1_000_000, "million")] {
        if v >= unit {
            let whole = v / unit;
            let rest = format!("{:0w$}", v % unit, w = unit.ilog10() as usize);
            let rest = rest.trim_end_matches('0');
            let dot = if rest.is_empty() { "" } else { "." };
            return format!("{whole}{dot}{rest} {name}");
        }
    }
    let s = v.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Every number `zh` writes in digits, with what the English must say for it.
fn numbers_in(zh: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = zh;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let tail = &rest[start..];
        let len = tail
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(tail.len());
        let (num, after) = tail.split_at(len);
        let num = num.trim_end_matches('.');
        // "1—5月": a range of months.
        let range_to_month = after
            .strip_prefix(['—', '–', '-', '~'])
            .map(|r| {
                r.trim_start_matches(|c: char| c.is_ascii_digit())
                    .starts_with('月')
            })
            .unwrap_or(false);
        let next = after.chars().next();
        let (zh_form, en) = match next {
            Some('%') => (format!("{num}%"), format!("{num}%")),
            Some('万') => (format!("{num}万"), times_ten_to(num, 4)),
            Some('亿') => (format!("{num}亿"), times_ten_to(num, 8)),
            Some('月') => (
                format!("{num}月"),
                MONTHS[num.parse::<usize>().unwrap() - 1].into(),
            ),
            _ if range_to_month => (num.into(), MONTHS[num.parse::<usize>().unwrap() - 1].into()),
            Some('后') => (format!("{num}后"), format!("{num}后")),
            _ => (num.into(), num.into()),
        };
        out.push((zh_form, en));
        rest = after;
    }
    out
}

/// The numbers written in digits in `en` ("227", "44.5", "12,000"), without a final "."
/// or ",".
fn digit_runs(en: &str) -> Vec<&str> {
    en.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map(|r| r.trim_matches(['.', ',']))
        .filter(|r| r.chars().any(|c| c.is_ascii_digit()))
        .collect()
}

#[test]
fn numbers_are_converted_as_the_rule_says() {
    assert_eq!(times_ten_to("10", 8), "1 billion");
    assert_eq!(times_ten_to("1.2", 4), "12,000");
    assert_eq!(times_ten_to("3", 8), "300 million");
    assert_eq!(times_ten_to("2.5", 9), "2.5 billion");
    let got =
        numbers_in("今年1—5月，共发送227列，同比增加44.5%，产值超10亿，订单排到9月份，用了10个月");
    let want = [
        ("1", "January"),
        ("5月", "May"),
        ("227", "227"),
        ("44.5%", "44.5%"),
        ("10亿", "1 billion"),
        ("9月", "September"),
        ("10", "10"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn every_number_of_the_chinese_is_in_the_english() {
    for (place, zh, en) in pieces() {
        let runs = digit_runs(&en);
        let mut expected_runs: Vec<String> = Vec::new();
        for (zh_form, mut want) in numbers_in(zh) {
            if let Some(x) = NUMBER_EXCEPTIONS
                .iter()
                .find(|x| x.0 == place && x.1 == zh_form)
            {
                want = x.2.to_string();
            }
            let found = if want.ends_with('%') {
                runs.iter()
                    .any(|r| en.contains(&format!("{r}%")) && format!("{r}%") == want)
            } else if want
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            {
                runs.contains(&want.as_str())
            } else {
                en.contains(&want)
            };
            assert!(found, "{place}: {zh_form} should read {want:?} in: {en}");
            expected_runs.extend(digit_runs(&want).iter().map(|r| r.to_string()));
        }
        // Nothing the other way round: no number the Chinese does not give.
        for r in runs {
            let added = ADDED_NUMBERS.iter().any(|x| x.0 == place && x.1 == r);
            assert!(
                expected_runs.iter().any(|e| e == r) || added,
                "{place}: {r} is in the English but not in the Chinese"
            );
        }
    }
    // Every exception is still needed.
    for (block, zh_form, ..) in NUMBER_EXCEPTIONS {
        let b = article().blocks.iter().find(|b| b.id == *block).unwrap();
        assert!(
            b.text.contains(zh_form),
            "stale exception {block} {zh_form}"
        );
    }
}

// ---------- faithful: names ----------

/// The English name the translation must use for a facet value.
fn english_name(facet: Facet, v: usize) -> &'static str {
    article().value_en(facet, v)
}

#[test]
fn platforms_and_projects_go_by_their_english_names() {
    let a = article();
    for facet in [Facet::Platform, Facet::Project] {
        for v in 0..a.facet_len(facet) {
            let name = a.value_name(facet, v);
            let names: Vec<&str> = std::iter::once(name)
                .chain(a.value_aliases(facet, v).iter().copied())
                .collect();
            let en_name = english_name(facet, v);
            let mut first = true;
            for (b, en) in a.blocks.iter().zip(a.translation.blocks) {
                let zh = b.caption_and_credit().0;
                let named = names.iter().any(|n| zh.contains(n));
                assert_eq!(
                    en.text.contains(en_name),
                    named,
                    "{}: {name} is {en_name:?} in English, in both or neither: {}",
                    b.id,
                    en.text
                );
                if named && first {
                    first = false;
                    // The first mention gives the Chinese as the text writes it.
                    let bracketed = en.text.split('(').skip(1).filter_map(|p| p.split_once(')'));
                    let bracketed: Vec<&str> = bracketed.map(|p| p.0).collect();
                    assert!(
                        bracketed
                            .iter()
                            .any(|p| zh.contains(p) && names.iter().any(|n| p.contains(n))),
                        "{}: first mention of {name}: no (…{name}…) in {}",
                        b.id,
                        en.text
                    );
                }
            }
            assert!(!first, "{name} is named nowhere");
        }
    }
}

/// Terms and slogans rendered the same way wherever the Chinese has them: (Chinese,
/// English), the English matched without regard to case.
const GLOSSARY: &[(&str, &str)] = &[
    ("金义新区", "Jinyi New Area"),
    ("义乌发展经验", "Yiwu development experience"),
    ("“敢”为人先", "“Dare” to go first"),
    ("“干”字当头", "“Do” comes first"),
    ("“赶”超跨越", "“Catch up”, surpass and leap ahead"),
    ("“赶”超发展", "development that “catches up” and surpasses"),
    ("‘干’的精神", "spirit of ‘Do’"),
    ("‘敢’的精神", "spirit of ‘Dare’"),
    (
        "打造增长极、建设新中心",
        "build a growth pole, build a new centre",
    ),
    ("新质生产力", "new quality productive forces"),
    ("自贸试验区", "Pilot Free Trade Zone"),
    ("中欧班列", "China–Europe Railway Express"),
    ("营商环境", "business environment"),
    ("党员干部", "Party member"),
    ("一号", "No. 1"),
    ("主战场", "main battlefield"),
    ("主力军", "main force"),
    ("三大突破", "three major breakthroughs"),
    ("现代都市区", "modern metropolitan area"),
    ("金义一体", "Jinhua–Yiwu integrat"),
    ("金东区", "Jindong District"),
    ("一季度", "first quarter"),
];

#[test]
fn terms_and_slogans_read_the_same_everywhere() {
    let mut used = vec![false; GLOSSARY.len()];
    for (place, zh, en) in pieces() {
        let en_lower = en.to_lowercase();
        for (k, (term, english)) in GLOSSARY.iter().enumerate() {
            if zh.contains(term) {
                used[k] = true;
                assert!(
                    en_lower.contains(&english.to_lowercase()),
                    "{place}: {term} should read {english:?} in: {en}"
                );
            }
        }
    }
    for (k, u) in used.iter().enumerate() {
        assert!(u, "{} is in no piece of the article", GLOSSARY[k].0);
    }
}
