//! Inline SVG charts drawn at build time: no JavaScript, they print, and each carries a
//! title and a text alternative. Pure functions returning SVG text.

use std::fmt::Write as _;

/// Escapes text for SVG/XML content and attributes.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One bar of a trend chart: its label and value in tenths of a percent (`None`: no value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrendPoint {
    /// Label under the bar (`W48`).
    pub label: String,
    /// The value, 0–1000 tenths of a percent.
    pub tenths: Option<u64>,
    /// The value as shown (`85,7 %`).
    pub shown: String,
}

/// A bar chart of percentages (0–100 %), one bar per period, with the values written.
pub fn trend(id: &str, title: &str, description: &str, points: &[TrendPoint]) -> String {
    let width = 40 + 44 * points.len().max(1);
    let (top, plot_h) = (16, 140);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {width} 200" width="100%" role="img" aria-labelledby="{id}-t {id}-d" xmlns="http://www.w3.org/2000/svg"><title id="{id}-t">{}</title><desc id="{id}-d">{}</desc>"#,
        xml(title),
        xml(description)
    );
    for pct in [0, 50, 100] {
        let y = top + plot_h - plot_h * pct / 100;
        let _ = write!(
            svg,
            r#"<line x1="34" x2="{width}" y1="{y}" y2="{y}" class="grid"/><text x="30" y="{}" class="axis" text-anchor="end">{pct}</text>"#,
            y + 4
        );
    }
    for (i, p) in points.iter().enumerate() {
        let x = 40 + 44 * i;
        if let Some(t) = p.tenths {
            let h = (plot_h as u64 * t.min(1000) / 1000) as usize;
            let y = top + plot_h - h;
            let _ = write!(
                svg,
                r#"<rect x="{x}" y="{y}" width="32" height="{h}" class="bar"><title>{}: {}</title></rect><text x="{}" y="{}" class="value" text-anchor="middle">{}</text>"#,
                xml(&p.label),
                xml(&p.shown),
                x + 16,
                y.saturating_sub(3).max(10),
                xml(&p.shown)
            );
        }
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}" class="axis" text-anchor="middle">{}</text>"#,
            x + 16,
            top + plot_h + 16,
            xml(&p.label)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// One row of a durations chart: a step, its limit, and the durations of its items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DurationRow {
    /// The step's name.
    pub name: String,
    /// The limit in seconds.
    pub limit_s: i64,
    /// The limit as shown (`60 mnt`).
    pub limit_shown: String,
    /// Durations in seconds.
    pub durations: Vec<i64>,
}

/// A dot plot per step: each item's duration as a dot, the limit as a vertical line.
/// The step's name stands above its line; durations beyond three times the limit are
/// drawn at the right edge.
pub fn durations(id: &str, title: &str, description: &str, rows: &[DurationRow]) -> String {
    let (left, plot_w, row_h) = (10usize, 400usize, 58usize);
    let height = 10 + row_h * rows.len().max(1);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {} {height}" width="100%" role="img" aria-labelledby="{id}-t {id}-d" xmlns="http://www.w3.org/2000/svg"><title id="{id}-t">{}</title><desc id="{id}-d">{}</desc>"#,
        left + plot_w + 10,
        xml(title),
        xml(description)
    );
    for (r, row) in rows.iter().enumerate() {
        let y = 10 + row_h * r;
        let line_y = y + 28;
        let scale = (row.limit_s.max(1) * 3) as f64;
        let limit_x = left + plot_w / 3;
        let _ = write!(
            svg,
            r#"<text x="{left}" y="{}" class="label">{}</text><line x1="{left}" x2="{}" y1="{line_y}" y2="{line_y}" class="grid"/><line x1="{limit_x}" x2="{limit_x}" y1="{}" y2="{}" class="limit"/><text x="{}" y="{}" class="axis">{}</text>"#,
            y + 10,
            xml(&row.name),
            left + plot_w,
            line_y - 10,
            line_y + 10,
            limit_x + 4,
            line_y + 20,
            xml(&row.limit_shown)
        );
        for d in &row.durations {
            let frac = (*d as f64 / scale).clamp(0.0, 1.0);
            let x = left as f64 + frac * plot_w as f64;
            let class = if *d > row.limit_s { "dot late" } else { "dot" };
            let _ = write!(
                svg,
                r#"<circle cx="{x:.1}" cy="{line_y}" r="3.5" class="{class}"/>"#
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_escape_their_text_and_carry_a_title() {
        let svg = trend(
            "t",
            "Tren <b>",
            "desc & more",
            &[TrendPoint {
                label: "W48".into(),
                tenths: Some(857),
                shown: "85,7 %".into(),
            }],
        );
        assert!(svg.contains("<title id=\"t-t\">Tren &lt;b&gt;</title>"));
        assert!(svg.contains("desc &amp; more"));
        // 857 tenths of a 140-pixel plot: 119 pixels high.
        assert!(svg.contains("height=\"119\""), "{svg}");
        let svg = durations(
            "d",
            "Durasi",
            "x",
            &[DurationRow {
                name: "<script>".into(),
                limit_s: 600,
                limit_shown: "10 mnt".into(),
                durations: vec![0, 600, 1800, 99999],
            }],
        );
        assert!(!svg.contains("<script>"));
        // 600 s of a 1800 s scale over 400 px from x = 10: 143.3; the outlier clamps to 410.
        assert!(svg.contains("cx=\"143.3\""), "{svg}");
        assert!(svg.contains("cx=\"410.0\""), "{svg}");
        assert_eq!(svg.matches("class=\"dot late\"").count(), 2);
    }
}
