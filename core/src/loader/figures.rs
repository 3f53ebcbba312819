//! `figures.toml`: the key figures the article states, each quoted verbatim from one
//! block, with our label, its number, unit and kind.

use super::{check_text, did_you_mean, err, leak, parse_toml, LoadError, FIGURES_FILE};
use crate::model::*;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FiguresFile {
    #[serde(default)]
    figure: Vec<FigureDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FigureDef {
    block: String,
    text: String,
    text_en: String,
    label: String,
    label_en: String,
    value: f64,
    unit: String,
    kind: KindDef,
    #[serde(default)]
    compare: Option<String>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum KindDef {
    Rate,
    Duration,
    Count,
    Amount,
}

/// The first number written with ASCII digits in `text` (`"1—5月"` → 1, `"44.5%"` → 44.5).
fn first_number(text: &str) -> Option<f64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let rest = &text[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    rest[..end].trim_end_matches('.').parse().ok()
}

/// Where `needle` stands in block `b` without crossing a gap or the credit (the
/// caption's own words only); `None` when it does not.
fn position_in(b: &Block, needle: &str) -> Option<usize> {
    let end = match b.kind {
        BlockKind::Figure { credit_at } => credit_at as usize,
        _ => b.text.len(),
    };
    b.text[..end]
        .match_indices(needle)
        .map(|(at, _)| at)
        .find(|&at| {
            !b.gaps
                .iter()
                .any(|&g| at < g as usize && (g as usize) < at + needle.len())
        })
}

/// Reads and checks `figures.toml` against the assembled blocks; the figures come out in
/// reading order (block, then place in the block).
pub(super) fn load_figures(text: &str, blocks: &[Block]) -> Result<Vec<KeyFigure>, LoadError> {
    let file: FiguresFile = parse_toml(FIGURES_FILE, text)?;
    let mut out: Vec<(usize, KeyFigure)> = Vec::new();
    for (i, f) in file.figure.iter().enumerate() {
        let place = format!("[[figure]] #{} ({})", i + 1, f.text);
        for (field, v) in [
            ("block", &f.block),
            ("text", &f.text),
            ("text_en", &f.text_en),
            ("label", &f.label),
            ("label_en", &f.label_en),
            ("unit", &f.unit),
        ] {
            check_text(FIGURES_FILE, &place, field, v)?;
        }
        let Some(bi) = blocks.iter().position(|b| b.id == f.block) else {
            return err(
                FIGURES_FILE,
                format!("{place} block"),
                format!("no block has the id \"{}\"", f.block),
                format!(
                    "use the id of a block in article.toml{}",
                    did_you_mean(&f.block, blocks.iter().map(|b| b.id))
                ),
            );
        };
        let b = &blocks[bi];
        let Some(at) = position_in(b, &f.text) else {
            let start: String = b.text.chars().take(24).collect();
            return err(
                FIGURES_FILE,
                format!("{place} text"),
                format!(
                    "\"{}\" does not occur in block \"{}\" (\"{start}…\")",
                    f.text, f.block
                ),
                "copy `text` exactly as the block writes it (same digits, width and unit), \
                 or name the block that states the figure",
            );
        };
        if !f.value.is_finite() {
            return err(
                FIGURES_FILE,
                format!("{place} value"),
                format!("the value {} is not a number", f.value),
                "write the figure's number, e.g. `value = 8.1`",
            );
        }
        if let Some(n) = first_number(&f.text) {
            if (n - f.value).abs() > 1e-9 {
                return err(
                    FIGURES_FILE,
                    format!("{place} value"),
                    format!("the value {} is not the number in \"{}\"", f.value, f.text),
                    format!("write `value = {n}`"),
                );
            }
        }
        if out
            .iter()
            .any(|(_, k)| k.block as usize == bi && k.text == f.text)
        {
            return err(
                FIGURES_FILE,
                place,
                format!("block \"{}\" has the figure \"{}\" twice", f.block, f.text),
                "remove the duplicate",
            );
        }
        let kind = match f.kind {
            KindDef::Rate => FigureKind::Rate,
            KindDef::Duration => FigureKind::Duration,
            KindDef::Count => FigureKind::Count,
            KindDef::Amount => FigureKind::Amount,
        };
        if let Some(c) = &f.compare {
            check_text(FIGURES_FILE, &place, "compare", c)?;
        }
        out.push((
            at,
            KeyFigure {
                block: bi as u16,
                text: leak(f.text.clone()),
                label: leak(f.label.clone()),
                label_en: leak(f.label_en.clone()),
                text_en: leak(f.text_en.clone()),
                value: f.value,
                unit: leak(f.unit.clone()),
                kind,
                compare: leak(f.compare.clone().unwrap_or_default()),
            },
        ));
    }
    // A comparison needs two figures or more, all of one kind and unit.
    for (i, f) in file.figure.iter().enumerate() {
        let Some(c) = &f.compare else { continue };
        let same: Vec<&FigureDef> = file
            .figure
            .iter()
            .filter(|g| g.compare.as_ref() == Some(c))
            .collect();
        let place = format!("[[figure]] #{} ({}) compare", i + 1, f.text);
        if same.len() < 2 {
            return err(
                FIGURES_FILE,
                place,
                format!("no other figure is compared as \"{c}\""),
                "give `compare` only to figures that measure the same thing, two or more",
            );
        }
        if same
            .iter()
            .any(|g| g.unit != f.unit || g.kind as u8 != f.kind as u8)
        {
            return err(
                FIGURES_FILE,
                place,
                format!("the figures compared as \"{c}\" differ in unit or kind"),
                "compare only figures of the same kind and unit",
            );
        }
    }
    out.sort_by_key(|&(at, k)| (k.block, at));
    Ok(out.into_iter().map(|(_, k)| k).collect())
}

#[cfg(test)]
mod tests {
    use super::first_number;

    #[test]
    fn numbers_are_read_from_the_text() {
        assert_eq!(first_number("44.5%"), Some(44.5));
        assert_eq!(first_number("40多家"), Some(40.0));
        assert_eq!(first_number("10个月"), Some(10.0));
        assert_eq!(first_number("上百人"), None);
    }
}
