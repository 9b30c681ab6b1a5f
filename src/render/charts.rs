//! Inline SVG charts drawn at build time: no JavaScript, they print in black and white
//! (shapes and dashes carry the meaning, colour only repeats it), and each carries a title
//! and a text alternative. Pure functions returning SVG text; every text is escaped.

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

/// The opening of a chart: the `svg` element with its title and description.
fn open(id: &str, class: &str, width: usize, height: usize, title: &str, desc: &str) -> String {
    let id = xml(id);
    format!(
        r#"<svg class="chart {class}" viewBox="0 0 {width} {height}" width="100%" role="img" aria-labelledby="{id}-t {id}-d" xmlns="http://www.w3.org/2000/svg"><title id="{id}-t">{}</title><desc id="{id}-d">{}</desc>"#,
        xml(title),
        xml(desc)
    )
}

// ---------------------------------------------------------------------------------------
// Compliance over periods

/// Width of a compliance chart (SVG units; drawn at the width of its box).
const LINE_W: f64 = 360.0;
/// Height of a compliance chart.
const LINE_H: f64 = 164.0;
/// Left edge of the plot (room for the `100%` labels).
const PLOT_L: f64 = 44.0;
/// Right edge of the plot.
const PLOT_R: f64 = 350.0;
/// Top of the plot (100 %); above it, the target's key.
const PLOT_T: f64 = 30.0;
/// Bottom of the plot (0 %).
const PLOT_B: f64 = 130.0;
/// Slots narrower than this write their values alternately above and below the points.
const CROWDED_SLOT: f64 = 34.0;

/// One period on a compliance chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// Under the axis (`47`, `Nov`).
    pub tick: String,
    /// The period in a few words, for the point's tooltip (`Pekan 47`).
    pub name: String,
    /// Compliance in tenths of a percent, 0–1000 (`None`: nothing measurable, a gap).
    pub tenths: Option<u64>,
    /// The value as written at the point (`88,5`: the axis carries the `%`).
    pub value: String,
    /// The value in full (`88,5%`), in the point's tooltip.
    pub shown: String,
    /// Whether the period's data is not complete (a hollow point).
    pub partial: bool,
}

/// A target line: where it is and its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetLine {
    /// The target in tenths of a percent (900 for 90 %).
    pub tenths: u64,
    /// Its label (`target 90%`).
    pub label: String,
}

/// The y of a percentage in tenths on a compliance chart.
fn y_of(tenths: u64) -> f64 {
    PLOT_B - (PLOT_B - PLOT_T) * tenths.min(1000) as f64 / 1000.0
}

/// A line chart of compliance (0–100 %), one point per period: the values written at the
/// points, gaps where a period has nothing measurable, hollow points for periods not
/// complete, points below `target` drawn as downward triangles (circles otherwise), the
/// target as a dashed line with its label in a key above the plot. `axis` names the
/// periods under their ticks (`Pekan ke-`).
pub fn compliance(
    id: &str,
    title: &str,
    description: &str,
    axis: &str,
    target: Option<&TargetLine>,
    periods: &[Period],
) -> String {
    let mut svg = open(
        id,
        "line",
        LINE_W as usize,
        LINE_H as usize,
        title,
        description,
    );
    for pct in [0u64, 25, 50, 75, 100] {
        let y = y_of(pct * 10);
        let class = if pct == 0 { "axisline" } else { "grid" };
        let _ = write!(
            svg,
            r#"<line x1="{PLOT_L}" x2="{PLOT_R}" y1="{y:.1}" y2="{y:.1}" class="{class}"/><text x="{}" y="{:.1}" class="axis" text-anchor="end">{pct}%</text>"#,
            PLOT_L - 4.0,
            y + 4.0
        );
    }
    if let Some(t) = target {
        let y = y_of(t.tenths);
        let _ = write!(
            svg,
            r#"<line x1="{PLOT_L}" x2="{PLOT_R}" y1="{y:.1}" y2="{y:.1}" class="target"/><line x1="{PLOT_L}" x2="{}" y1="{}" y2="{}" class="target"/><text x="{}" y="{}" class="axis">{}</text>"#,
            PLOT_L + 24.0,
            LINE_H - 8.0,
            LINE_H - 8.0,
            PLOT_L + 28.0,
            LINE_H - 4.0,
            xml(&t.label)
        );
    }
    let n = periods.len().max(1);
    let slot = (PLOT_R - PLOT_L) / n as f64;
    let x_of = |i: usize| PLOT_L + slot * (i as f64 + 0.5);
    // The line, broken at gaps.
    let mut d = String::new();
    let mut after_gap = true;
    for (i, p) in periods.iter().enumerate() {
        match p.tenths {
            Some(t) => {
                let _ = write!(
                    d,
                    "{}{:.1} {:.1}",
                    if after_gap { " M" } else { " L" },
                    x_of(i),
                    y_of(t)
                );
                after_gap = false;
            }
            None => after_gap = true,
        }
    }
    if !d.is_empty() {
        let _ = write!(svg, r#"<path d="{}" class="series"/>"#, d.trim_start());
    }
    // The value written last: its x, its baseline and its width.
    let mut placed: Option<(f64, f64, f64)> = None;
    for (i, p) in periods.iter().enumerate() {
        let x = x_of(i);
        if let Some(t) = p.tenths {
            let y = y_of(t);
            let below = target.is_some_and(|g| t < g.tenths);
            let mut class = String::from("pt");
            if below {
                class.push_str(" below");
            }
            if p.partial {
                class.push_str(" partial");
            }
            let tip = format!("<title>{}: {}</title>", xml(&p.name), xml(&p.shown));
            if below {
                let _ = write!(
                    svg,
                    r#"<path d="M{:.1} {:.1} L{:.1} {:.1} L{x:.1} {:.1} Z" class="{class}">{tip}</path>"#,
                    x - 5.0,
                    y - 4.0,
                    x + 5.0,
                    y - 4.0,
                    y + 5.0
                );
            } else {
                let _ = write!(
                    svg,
                    r#"<circle cx="{x:.1}" cy="{y:.1}" r="4" class="{class}">{tip}</circle>"#
                );
            }
            let text_y = value_y(
                x,
                y,
                &p.value,
                i % 2 == 1 && slot < CROWDED_SLOT,
                target,
                placed,
            );
            placed = Some((x, text_y, label_width(&p.value)));
            let _ = write!(
                svg,
                r#"<text x="{x:.1}" y="{text_y:.1}" class="value" text-anchor="middle">{}</text>"#,
                xml(&p.value)
            );
        }
        let _ = write!(
            svg,
            r#"<text x="{x:.1}" y="{:.1}" class="axis" text-anchor="middle">{}</text>"#,
            PLOT_B + 14.0,
            xml(&p.tick)
        );
    }
    let _ = write!(
        svg,
        r#"<text x="{PLOT_R}" y="{:.1}" class="axis" text-anchor="end">{}</text></svg>"#,
        LINE_H - 4.0,
        xml(axis)
    );
    svg
}

/// About how wide a value is written (SVG units).
fn label_width(text: &str) -> f64 {
    6.0 * text.chars().count() as f64 + 2.0
}

/// Where the value of the point at (`x`, `y`) is written: its baseline above the point, or
/// below it when `below_first` (crowded slots: every other value) or when above it the
/// target line would cross the text or it would cover the value written before (`placed`).
/// When both places have a conflict, the text covers the target line rather than a value.
fn value_y(
    x: f64,
    y: f64,
    text: &str,
    below_first: bool,
    target: Option<&TargetLine>,
    placed: Option<(f64, f64, f64)>,
) -> f64 {
    let (above, below) = (y - 8.0, y + 16.0);
    let crosses = |b: f64| target.is_some_and(|g| (b - 10.0..=b + 3.0).contains(&y_of(g.tenths)));
    let covers = |b: f64| {
        placed.is_some_and(|(px, pb, pw)| {
            (x - px).abs() < (label_width(text) + pw) / 2.0 && (b - pb).abs() < 12.0
        })
    };
    let fits = |b: f64| b == above || b <= PLOT_B - 2.0;
    let order = if below_first {
        [below, above]
    } else {
        [above, below]
    };
    order
        .into_iter()
        .find(|&b| fits(b) && !crosses(b) && !covers(b))
        .or_else(|| order.into_iter().find(|&b| fits(b) && !covers(b)))
        .unwrap_or(above)
}

// ---------------------------------------------------------------------------------------
// Durations against limits

/// One row of a durations chart: a step, its limit, and the durations of its items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DurationRow {
    /// The step's name.
    pub name: String,
    /// The limit in seconds.
    pub limit_s: i64,
    /// The limit's label (`batas 60 mnt`).
    pub limit_label: String,
    /// Durations in seconds.
    pub durations: Vec<i64>,
}

/// Width of a durations chart.
const DUR_W: f64 = 360.0;
/// Left edge of a durations row's axis.
const DUR_L: f64 = 12.0;
/// Right edge of a durations row's axis (room for the arrow of durations beyond it).
const DUR_R: f64 = 330.0;
/// Height of one row.
const DUR_ROW: f64 = 84.0;

/// Tick spacings a durations axis may use, in seconds.
const TICK_STEPS: [i64; 16] = [
    60,
    2 * 60,
    5 * 60,
    10 * 60,
    15 * 60,
    20 * 60,
    30 * 60,
    3600,
    2 * 3600,
    3 * 3600,
    6 * 3600,
    12 * 3600,
    86_400,
    2 * 86_400,
    7 * 86_400,
    30 * 86_400,
];

/// The axis of a step with limit `limit_s`: it reaches at least three times the limit, in
/// whole ticks of a round spacing, at most four ticks after zero (their labels fit a
/// phone). Gives (end, spacing), in
/// seconds.
pub fn duration_scale(limit_s: i64) -> (i64, i64) {
    let want = (limit_s.max(20) * 3) as f64;
    let step = TICK_STEPS
        .iter()
        .copied()
        .find(|&s| want / s as f64 <= 4.0)
        .unwrap_or(TICK_STEPS[TICK_STEPS.len() - 1]);
    let end = ((want / step as f64).ceil() as i64).max(1) * step;
    (end, step)
}

/// Durations a step's row draws one dot each; a row with more is drawn as bars of how
/// many items fall in each narrow span of the axis, so that a chart of any number of
/// items stays small (issue 13).
pub const DOTS_MAX: usize = 500;

/// Width of one bar of a [`histogram`], in pixels.
const BIN_W: f64 = 3.0;

/// Tallest bar of a [`histogram`], in pixels.
const BAR_MAX: f64 = 12.0;

/// The durations of `row` within the axis (`0..=end` seconds) as bars standing on the
/// axis line at `line_y`: one per [`BIN_W`] pixels, as tall as its count relative to the
/// fullest (any bar with an item is at least one pixel); a bar that starts past the
/// limit is marked late.
fn histogram(svg: &mut String, row: &DurationRow, end: i64, line_y: f64) {
    let bins = ((DUR_R - DUR_L) / BIN_W) as usize;
    let mut counts = vec![0u64; bins];
    for &d in row.durations.iter().filter(|&&d| d <= end) {
        let at = (d.max(0) as f64 / end as f64 * bins as f64) as usize;
        counts[at.min(bins - 1)] += 1;
    }
    let fullest = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    for (b, &count) in counts.iter().enumerate().filter(|(_, &c)| c > 0) {
        let height = (BAR_MAX * count as f64 / fullest).max(1.0);
        let starts = end as f64 * b as f64 / bins as f64;
        let class = if starts > row.limit_s as f64 {
            "bar late"
        } else {
            "bar"
        };
        let _ = write!(
            svg,
            r#"<rect x="{:.1}" y="{:.1}" width="{BIN_W}" height="{height:.1}" class="{class}"/>"#,
            DUR_L + BIN_W * b as f64,
            line_y - height,
        );
    }
}

/// A dot plot per step on a linear time axis of its own (0 to at least three times the
/// limit, ticks labelled by `tick` with their unit): each item's duration as a dot, the
/// limit as a dashed vertical line with its label; a step with more than [`DOTS_MAX`]
/// durations is drawn as bars of counts instead of dots. Durations beyond the axis are
/// not drawn inside it: an arrow at its end carries `beyond(count, longest)`.
pub fn durations(
    id: &str,
    title: &str,
    description: &str,
    rows: &[DurationRow],
    tick: &dyn Fn(i64) -> String,
    beyond: &dyn Fn(usize, i64) -> String,
) -> String {
    let height = 6.0 + DUR_ROW * rows.len().max(1) as f64;
    let mut svg = open(
        id,
        "durations",
        DUR_W as usize,
        height as usize,
        title,
        description,
    );
    for (r, row) in rows.iter().enumerate() {
        let top = 6.0 + DUR_ROW * r as f64;
        let line_y = top + 36.0;
        let (end, step) = duration_scale(row.limit_s);
        let x_of = |s: i64| DUR_L + (DUR_R - DUR_L) * s as f64 / end as f64;
        let _ = write!(
            svg,
            r#"<text x="{DUR_L}" y="{:.1}" class="label">{}</text><line x1="{DUR_L}" x2="{DUR_R}" y1="{line_y:.1}" y2="{line_y:.1}" class="axisline"/>"#,
            top + 10.0,
            xml(&row.name)
        );
        let mut s = 0;
        while s <= end {
            let x = x_of(s);
            let anchor = if s == 0 {
                "start"
            } else if s == end {
                "end"
            } else {
                "middle"
            };
            let _ = write!(
                svg,
                r#"<line x1="{x:.1}" x2="{x:.1}" y1="{line_y:.1}" y2="{:.1}" class="axisline"/><text x="{x:.1}" y="{:.1}" class="axis" text-anchor="{anchor}">{}</text>"#,
                line_y + 4.0,
                line_y + 16.0,
                xml(&tick(s))
            );
            s += step;
        }
        let limit_x = x_of(row.limit_s.clamp(0, end));
        let _ = write!(
            svg,
            r#"<line x1="{limit_x:.1}" x2="{limit_x:.1}" y1="{:.1}" y2="{:.1}" class="limit"/><text x="{:.1}" y="{:.1}" class="axis">{}</text>"#,
            line_y - 16.0,
            line_y + 5.0,
            limit_x + 4.0,
            line_y - 12.0,
            xml(&row.limit_label)
        );
        let outside: Vec<i64> = row.durations.iter().copied().filter(|&d| d > end).collect();
        if row.durations.len() <= DOTS_MAX {
            for (k, &d) in row.durations.iter().enumerate() {
                if d > end {
                    continue;
                }
                // A small fixed offset up or down, so that equal durations stay countable.
                let dy = (k % 5) as f64 * 2.0 - 4.0;
                let class = if d > row.limit_s { "dot late" } else { "dot" };
                let _ = write!(
                    svg,
                    r#"<circle cx="{:.1}" cy="{:.1}" r="3.5" class="{class}"/>"#,
                    x_of(d.max(0)),
                    line_y + dy
                );
            }
        } else {
            histogram(&mut svg, row, end, line_y);
        }
        if let Some(&longest) = outside.iter().max() {
            let _ = write!(
                svg,
                r#"<path d="M{:.1} {:.1} L{:.1} {line_y:.1} L{:.1} {:.1} Z" class="beyond"/><text x="{DUR_R}" y="{:.1}" class="axis beyond-label" text-anchor="end">{}</text>"#,
                DUR_R + 4.0,
                line_y - 6.0,
                DUR_R + 16.0,
                DUR_R + 4.0,
                line_y + 6.0,
                line_y + 30.0,
                xml(&beyond(outside.len(), longest))
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(tick: &str, tenths: Option<u64>, partial: bool) -> Period {
        let value = tenths.map_or("–".into(), |t| format!("{},{}", t / 10, t % 10));
        Period {
            tick: tick.into(),
            name: format!("Pekan {tick}"),
            tenths,
            shown: format!("{value}%"),
            value,
            partial,
        }
    }

    #[test]
    fn a_compliance_chart_places_points_gaps_and_the_target() {
        let target = TargetLine {
            tenths: 900,
            label: "target 90%".into(),
        };
        let svg = compliance(
            "c",
            "Pemantauan <1>",
            "Pekan 45: 50,0%; Pekan 46: tidak ada data; Pekan 47: 100,0%",
            "Pekan ke-",
            Some(&target),
            &[
                period("45", Some(500), false),
                period("46", None, false),
                period("47", Some(1000), true),
            ],
        );
        assert!(svg.starts_with(
            r#"<svg class="chart line" viewBox="0 0 360 164" width="100%" role="img" aria-labelledby="c-t c-d" xmlns="http://www.w3.org/2000/svg"><title id="c-t">Pemantauan &lt;1&gt;</title><desc id="c-d">Pekan 45: 50,0%; Pekan 46: tidak ada data; Pekan 47: 100,0%</desc>"#
        ), "{svg}");
        // The plot runs from y = 130 (0 %) up to y = 30 (100 %): 50 % at 80, 90 % at 40.
        assert!(svg.contains(r#"<line x1="44" x2="350" y1="130.0" y2="130.0" class="axisline"/><text x="40" y="134.0" class="axis" text-anchor="end">0%</text>"#), "{svg}");
        assert!(svg.contains(r#"<text x="40" y="84.0" class="axis" text-anchor="end">50%</text>"#));
        assert!(svg.contains(r#"<text x="40" y="34.0" class="axis" text-anchor="end">100%</text>"#));
        assert!(svg.contains(r#"<line x1="44" x2="350" y1="40.0" y2="40.0" class="target"/>"#));
        // Its key under the plot, at the left; the periods' axis named at the right.
        assert!(svg.contains(r#"<line x1="44" x2="68" y1="156" y2="156" class="target"/><text x="72" y="160" class="axis">target 90%</text>"#));
        // Three slots of 102 across 44..350: centres 95, 197, 299. The gap breaks the
        // line: two separate moves, no segment through 197.
        assert!(
            svg.contains(r#"<path d="M95.0 80.0 M299.0 30.0" class="series"/>"#),
            "{svg}"
        );
        // 50 % is below the target: a downward triangle around (95, 80).
        assert!(svg.contains(
            r#"<path d="M90.0 76.0 L100.0 76.0 L95.0 85.0 Z" class="pt below"><title>Pekan 45: 50,0%</title></path><text x="95.0" y="72.0" class="value" text-anchor="middle">50,0</text>"#
        ), "{svg}");
        // 100 %, partial: a hollow circle.
        assert!(svg.contains(
            r#"<circle cx="299.0" cy="30.0" r="4" class="pt partial"><title>Pekan 47: 100,0%</title></circle><text x="299.0" y="22.0" class="value" text-anchor="middle">100,0</text>"#
        ), "{svg}");
        // The gap has its tick but no point and no value.
        assert!(svg
            .contains(r#"<text x="197.0" y="144.0" class="axis" text-anchor="middle">46</text>"#));
        assert!(!svg.contains(r#"cx="197.0""#));
        assert_eq!(svg.matches(r#"class="value""#).count(), 2);
        assert!(svg.ends_with(
            r#"<text x="350" y="160.0" class="axis" text-anchor="end">Pekan ke-</text></svg>"#
        ));
    }

    #[test]
    fn crowded_values_alternate_above_and_below_and_no_target_means_circles() {
        let periods: Vec<Period> = (0..12)
            .map(|i| period(&i.to_string(), Some(500), false))
            .collect();
        let svg = compliance("c", "t", "d", "x", None, &periods);
        // Twelve slots of 25.5: the first centre at 56.75, the second at 82.25.
        assert!(
            svg.contains(r#"<text x="56.8" y="72.0" class="value""#),
            "{svg}"
        );
        assert!(
            svg.contains(r#"<text x="82.2" y="96.0" class="value""#),
            "{svg}"
        );
        assert_eq!(svg.matches("<circle").count(), 12);
        assert!(!svg.contains("class=\"target\""));
        assert!(!svg.contains("below"));
    }

    #[test]
    fn a_value_the_target_line_would_cross_goes_under_its_point() {
        let target = TargetLine {
            tenths: 900,
            label: "target 90%".into(),
        };
        let svg = compliance(
            "c",
            "t",
            "d",
            "x",
            Some(&target),
            &[period("1", Some(850), false), period("2", Some(500), false)],
        );
        // 85 % at y = 45: above it the text would span 27–40 and meet the line at 40;
        // under it, at 61, it does not. 50 % keeps its value above.
        assert!(
            svg.contains(
                r#"<text x="120.5" y="61.0" class="value" text-anchor="middle">85,0</text>"#
            ),
            "{svg}"
        );
        assert!(
            svg.contains(
                r#"<text x="273.5" y="72.0" class="value" text-anchor="middle">50,0</text>"#
            ),
            "{svg}"
        );
    }

    #[test]
    fn duration_axes_are_round_and_reach_three_limits() {
        assert_eq!(duration_scale(600), (1800, 600));
        assert_eq!(duration_scale(900), (2700, 900));
        assert_eq!(duration_scale(3600), (3 * 3600, 3600));
        assert_eq!(duration_scale(86_400), (3 * 86_400, 86_400));
        // 3 × 25 min = 75 min: in 20-minute ticks, up to 80 min.
        assert_eq!(duration_scale(1500), (4800, 1200));
    }

    #[test]
    fn more_durations_than_dots_are_drawn_as_bars_of_counts() {
        // Limit 600 s: the axis is 0..1800 s over 12..330, 106 bars of 3 px. 501 items
        // at 300 s fall in bar 17 (300/1800 × 106 = 17.7), 10 at 1200 s in bar 70
        // (70.7), which starts at 1800 × 70/106 = 1188.7 s, past the limit: late. One
        // item at 5000 s is beyond the axis.
        let mut all = vec![300; 501];
        all.extend([1200; 10]);
        all.push(5000);
        let svg = durations(
            "d",
            "Durasi",
            "x",
            &[DurationRow {
                name: "Disposisi".into(),
                limit_s: 600,
                limit_label: "batas 10 mnt".into(),
                durations: all,
            }],
            &|s| format!("{} mnt", s / 60),
            &|n, longest| format!("{n} item > 30 mnt, terlama {longest} dtk"),
        );
        assert!(!svg.contains("<circle"));
        assert_eq!(svg.matches("<rect").count(), 2, "{svg}");
        // The fullest bar is 12 px tall, standing on the axis line at y 42; the other
        // 10/501 of it, drawn 1 px tall.
        assert!(svg.contains(r#"<rect x="63.0" y="30.0" width="3" height="12.0" class="bar"/>"#));
        assert!(
            svg.contains(r#"<rect x="222.0" y="41.0" width="3" height="1.0" class="bar late"/>"#)
        );
        assert!(svg.contains("1 item &gt; 30 mnt, terlama 5000 dtk"));
    }

    #[test]
    fn durations_beyond_the_axis_are_counted_at_its_end_with_the_longest() {
        let svg = durations(
            "d",
            "Durasi",
            "x",
            &[DurationRow {
                name: "<script>".into(),
                limit_s: 600,
                limit_label: "batas 10 mnt".into(),
                durations: vec![0, 600, 1800, 7200, 99_999],
            }],
            &|s| format!("{} mnt", s / 60),
            &|n, longest| format!("{n} item > 30 mnt, terlama {longest} dtk"),
        );
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        // 0..1800 s over 12..330: the limit (600 s) at 118, 1800 s at the end, 330.
        assert!(svg.contains(r#"<line x1="118.0" x2="118.0" y1="26.0" y2="47.0" class="limit"/><text x="122.0" y="30.0" class="axis">batas 10 mnt</text>"#), "{svg}");
        assert!(
            svg.contains(
                r#"<text x="12.0" y="58.0" class="axis" text-anchor="start">0 mnt</text>"#
            ),
            "{svg}"
        );
        assert!(
            svg.contains(
                r#"<text x="330.0" y="58.0" class="axis" text-anchor="end">30 mnt</text>"#
            ),
            "{svg}"
        );
        assert!(svg.contains(r#"cx="12.0""#));
        assert!(
            svg.contains(r#"<circle cx="330.0" cy="42.0" r="3.5" class="dot late"/>"#),
            "{svg}"
        );
        assert_eq!(svg.matches("<circle").count(), 3);
        assert_eq!(svg.matches("class=\"dot late\"").count(), 1);
        assert!(svg.contains(
            r#"<path d="M334.0 36.0 L346.0 42.0 L334.0 48.0 Z" class="beyond"/><text x="330" y="72.0" class="axis beyond-label" text-anchor="end">2 item &gt; 30 mnt, terlama 99999 dtk</text>"#
        ), "{svg}");
    }
}
