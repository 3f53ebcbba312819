//! The key-figures chart: which figures get a bar, and how long. Only figures that
//! measure the same thing in the same unit are drawn against each other (their
//! `compare` group, from `data/figures.toml`): 227 trains against 236 trains, 44.5%
//! against 51% growth. Every other figure is a number with its label, no bar: a GDP
//! growth rate and a train count, or two durations of different processes, do not share
//! an axis. A bar's length is relative to the largest of its group over the whole article,
//! so it keeps its length whatever the filters show.

use crate::model::KeyFigure;

/// Each figure's bar as a percentage of the largest in its comparison group (at least 2,
/// so that every bar shows), or `None` when it is compared with nothing.
pub fn bar_percents(figures: &[KeyFigure]) -> Vec<Option<f64>> {
    figures
        .iter()
        .map(|f| {
            if f.compare.is_empty() {
                return None;
            }
            let max = figures
                .iter()
                .filter(|g| g.compare == f.compare)
                .map(|g| g.value)
                .fold(f64::MIN_POSITIVE, f64::max);
            Some((f.value / max * 100.0).clamp(2.0, 100.0))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FigureKind;

    fn fig(value: f64, compare: &'static str) -> KeyFigure {
        KeyFigure {
            block: 0,
            text: "",
            label: "",
            label_en: "",
            text_en: "",
            value,
            unit: "",
            kind: FigureKind::Count,
            compare,
        }
    }

    #[test]
    fn bars_only_within_a_comparison() {
        let figs = [
            fig(180.0, ""),
            fig(227.0, "trains"),
            fig(236.0, "trains"),
            fig(44.5, "growth"),
            fig(51.0, "growth"),
        ];
        let p = bar_percents(&figs);
        assert_eq!(p[0], None, "a duration alone gets no bar");
        assert!((p[1].unwrap() - 227.0 / 236.0 * 100.0).abs() < 1e-9);
        assert_eq!(p[2], Some(100.0));
        assert!((p[3].unwrap() - 44.5 / 51.0 * 100.0).abs() < 1e-9);
        assert_eq!(p[4], Some(100.0));
    }
}
