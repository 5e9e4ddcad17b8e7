//! Charts drawn by the server as SVG, so they show without JavaScript. Each carries a title
//! and a description for screen readers; the page puts the same figures in a table.

use std::fmt::Write;

use serde::Serialize;

use crate::i18n::Locale;

/// One bar: its label (an hour or a day, as the site's zone reads it) and its value.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Point {
    pub label: String,
    /// The moment the bar starts, RFC 3339 in the site's zone.
    pub at: String,
    pub value: i64,
}

const WIDTH: u32 = 640;
const HEIGHT: u32 = 180;
const AXIS: u32 = 22;
const LEFT: u32 = 40;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A round step for the value axis, so gridlines read 0, 50, 100 rather than 0, 47, 94.
fn nice_max(max: i64) -> i64 {
    if max <= 4 {
        return 4;
    }
    let magnitude = 10_i64.pow((max as f64).log10().floor() as u32);
    for step in [1, 2, 5, 10] {
        let top = step * magnitude;
        if top >= max {
            return top;
        }
    }
    10 * magnitude
}

/// A bar chart of `points`, `id` naming its title and description for `aria-labelledby`.
/// It scales to the width of its box; every `label_every`-th bar is labelled under the axis.
/// Its description and figures are in `locale`'s words and digits.
pub fn bars(
    id: &str,
    title: &str,
    points: &[Point],
    label_every: usize,
    locale: &Locale,
) -> String {
    let highest = points.iter().map(|p| p.value).max().unwrap_or(0);
    let max = nice_max(highest);
    let total: i64 = points.iter().map(|p| p.value).sum();
    let bar_count = i64::try_from(points.len()).unwrap_or(i64::MAX);
    let description = locale.format(
        "adm-stats-chart-desc",
        &[
            ("total", total.into()),
            ("bars", bar_count.into()),
            ("highest", highest.into()),
        ],
    );
    let plot_w = WIDTH - LEFT - 4;
    let plot_h = HEIGHT - AXIS - 8;
    let slot = f64::from(plot_w) / points.len().max(1) as f64;
    let bar = (slot * 0.75).max(1.0);
    let mut svg = String::new();
    let id = escape(id);
    let _ = write!(
        svg,
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\" preserveAspectRatio=\"none\" \
         xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"{id}-title\">{}</title>\
         <desc id=\"{id}-desc\">{}</desc>",
        escape(title),
        escape(&description),
    );
    for step in 0..=2 {
        let value = max * step / 2;
        let y = 4.0 + f64::from(plot_h) * (1.0 - step as f64 / 2.0);
        let _ = write!(
            svg,
            "<line x1=\"{LEFT}\" x2=\"{WIDTH}\" y1=\"{y:.1}\" y2=\"{y:.1}\" class=\"grid\"/>\
             <text x=\"{}\" y=\"{:.1}\" class=\"axis\" text-anchor=\"end\">{}</text>",
            LEFT - 4,
            y + 4.0,
            locale.number(value)
        );
    }
    for (i, point) in points.iter().enumerate() {
        let h = if max > 0 {
            f64::from(plot_h) * point.value as f64 / max as f64
        } else {
            0.0
        };
        let x = f64::from(LEFT) + slot * i as f64 + (slot - bar) / 2.0;
        let y = 4.0 + f64::from(plot_h) - h;
        let _ = write!(
            svg,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{bar:.1}\" height=\"{h:.1}\" class=\"bar\">\
             <title>{}: {}</title></rect>",
            escape(&point.label),
            locale.number(point.value)
        );
        if label_every > 0 && i % label_every == 0 {
            let _ = write!(
                svg,
                "<text x=\"{:.1}\" y=\"{}\" class=\"axis\" text-anchor=\"middle\">{}</text>",
                x + bar / 2.0,
                HEIGHT - 6,
                escape(&point.label)
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(label: &str, value: i64) -> Point {
        Point {
            label: label.into(),
            at: String::new(),
            value,
        }
    }

    #[test]
    fn a_chart_has_a_title_a_description_and_a_bar_each() {
        let svg = bars(
            "reads",
            "Reads <per> hour",
            &[point("09", 3), point("10", 7)],
            1,
            &Locale::english(),
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("<title id=\"reads-title\">Reads &lt;per&gt; hour</title>"));
        assert!(svg.contains("10 in all across 2 bars; the highest is 7"));
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains("<title>10: 7</title>"));
    }

    #[test]
    fn an_empty_chart_still_draws() {
        let svg = bars("x", "Nothing yet", &[], 1, &Locale::english());
        assert!(svg.contains("0 in all across 0 bars"));
    }

    #[test]
    fn the_axis_ends_on_a_round_number() {
        assert_eq!(nice_max(0), 4);
        assert_eq!(nice_max(7), 10);
        assert_eq!(nice_max(47), 50);
        assert_eq!(nice_max(120), 200);
        assert_eq!(nice_max(1000), 1000);
    }
}
