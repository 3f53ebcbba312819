//! The key-figures chart: how long each figure's bar is. A bar compares a figure with
//! the others of its kind and unit (durations all in days), over all the article's
//! figures, so a bar keeps its length whatever the filters show.

use crate::model::{FigureKind, KeyFigure};

/// A figure's size on its scale: durations in days, the rest as they are.
fn magnitude(f: &KeyFigure) -> f64 {
    match f.unit {
        "个月" | "月" => f.value * 30.0,
        "年" => f.value * 365.0,
        _ => f.value,
    }
}

/// The scale a figure is drawn on: its kind, and its unit unless it is a duration.
fn scale(f: &KeyFigure) -> (FigureKind, &'static str) {
    match f.kind {
        FigureKind::Duration => (f.kind, "天"),
        _ => (f.kind, f.unit),
    }
}

/// Each figure's bar as a percentage of the longest on its scale (at least 2, so that
/// every bar shows), in the order of `figures`.
pub fn bar_percents(figures: &[KeyFigure]) -> Vec<f64> {
    figures
        .iter()
        .map(|f| {
            let max = figures
                .iter()
                .filter(|g| scale(g) == scale(f))
                .map(magnitude)
                .fold(f64::MIN_POSITIVE, f64::max);
            (magnitude(f) / max * 100.0).clamp(2.0, 100.0)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(value: f64, unit: &'static str, kind: FigureKind) -> KeyFigure {
        KeyFigure {
            block: 0,
            text: "",
            label: "",
            label_en: "",
            value,
            unit,
            kind,
        }
    }

    #[test]
    fn bars_compare_like_with_like() {
        let figs = [
            fig(180.0, "天", FigureKind::Duration),
            fig(10.0, "个月", FigureKind::Duration),
            fig(227.0, "列", FigureKind::Count),
            fig(236.0, "列", FigureKind::Count),
            fig(4.0, "个", FigureKind::Count),
        ];
        let p = bar_percents(&figs);
        assert_eq!(p[1], 100.0, "10 months = 300 days is the longest duration");
        assert!((p[0] - 60.0).abs() < 1e-9);
        assert!((p[2] - 227.0 / 236.0 * 100.0).abs() < 1e-9);
        assert_eq!(p[3], 100.0);
        assert_eq!(p[4], 100.0, "alone on its scale");
    }
}
