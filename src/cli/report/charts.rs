//! The report's charts, drawn by plotters on its SVG backend into strings
//! that the page inlines. Every chart reads [`Stats`] only.
//!
//! plotters escapes the text it writes (`<`, `&`, quotes), so names from
//! articles are safe inside its SVG.

use std::collections::BTreeMap;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::cli::stats::{ActorStats, Stats};

/// The width of every chart, in SVG units; the page scales them down.
const WIDTH: u32 = 900;
/// Speakers drawn in the bar chart; the tables list them all.
pub const TOP_SPEAKERS: usize = 20;
/// Speakers drawn over time.
const TOP_OVER_TIME: usize = 6;

const DIRECT: RGBColor = RGBColor(31, 119, 180);
const MIXED: RGBColor = RGBColor(255, 127, 14);
const INDIRECT: RGBColor = RGBColor(44, 160, 44);
const BAR: RGBColor = RGBColor(90, 110, 160);
const GRID: RGBColor = RGBColor(225, 225, 225);
/// Axis labels and descriptions (plotters draws SVG text at size / 1.24).
const LABELS: (&str, u32) = ("sans-serif", 16);
/// Lines over time, one colour per speaker (Tableau 10).
const SERIES: [RGBColor; 7] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
    RGBColor(127, 127, 127),
];

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
/// Where a speaker's bar of one quote kind starts and ends.
type Span = fn(&ActorStats) -> (usize, usize);
type DrawResult<T> = Result<T, DrawingAreaErrorKind<std::io::Error>>;

/// Draws `body` on a fresh white SVG of `height` and returns the SVG,
/// ready to inline in HTML (no XML namespace: the HTML parser needs none).
fn svg(height: u32, body: impl FnOnce(&Area) -> DrawResult<()>) -> anyhow::Result<String> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE)?;
        body(&root)?;
        root.present()?;
    }
    Ok(out.replacen(r#" xmlns="http://www.w3.org/2000/svg""#, "", 1))
}

/// A label no longer than `max` characters (an ellipsis marks the cut).
fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut cut: String = s.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// The label of a speaker on the bar chart: anonymous sources are marked.
pub fn speaker_label(name: &str, anonymous: bool) -> String {
    let name = short(name, 48);
    if anonymous {
        format!("{name} (anonymous)")
    } else {
        name
    }
}

/// Room for labels of `chars` characters at the default label size.
fn label_room(chars: usize) -> u32 {
    (chars as u32 * 8 + 16).clamp(60, 440)
}

/// The most-quoted speakers: one horizontal bar each, the most quoted on
/// top, stacked by quote kind.
pub fn speakers(s: &Stats) -> anyhow::Result<String> {
    let top: Vec<_> = s.actors.iter().take(TOP_SPEAKERS).collect();
    let n = top.len().max(1);
    let labels: Vec<String> = top
        .iter()
        .map(|a| speaker_label(&a.name, a.anonymous))
        .collect();
    let max = top.iter().map(|a| a.quotes).max().unwrap_or(0).max(1);
    let room = label_room(labels.iter().map(|l| l.chars().count()).max().unwrap_or(0));
    // Row `i` of the chart (0 at the bottom) holds speaker `n - 1 - i`.
    let row = |rank: usize| (n - 1 - rank) as i32;
    svg(80 + 26 * n as u32, |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .x_label_area_size(36)
            .y_label_area_size(room)
            .build_cartesian_2d(0..(max as i32 + 1), (0..n as i32).into_segmented())?;
        let label = |v: &SegmentValue<i32>| match v {
            SegmentValue::CenterOf(i) if (0..n as i32).contains(i) => {
                let rank = n - 1 - *i as usize;
                labels.get(rank).cloned().unwrap_or_default()
            }
            _ => String::new(),
        };
        chart
            .configure_mesh()
            .label_style(LABELS)
            .axis_desc_style(LABELS)
            .disable_y_mesh()
            .light_line_style(GRID)
            .y_labels(n)
            .y_label_formatter(&label)
            .x_desc("quotes")
            .draw()?;
        let kinds: [(&str, RGBColor, Span); 3] = [
            ("direct", DIRECT, |a| (0, a.direct)),
            ("mixed", MIXED, |a| (a.direct, a.direct + a.mixed)),
            ("indirect", INDIRECT, |a| {
                (a.direct + a.mixed, a.direct + a.mixed + a.indirect)
            }),
        ];
        for (name, color, span) in kinds {
            let bars = top.iter().enumerate().filter_map(|(rank, a)| {
                let (from, to) = span(a);
                (to > from).then(|| {
                    let y = row(rank);
                    let mut bar = Rectangle::new(
                        [
                            (from as i32, SegmentValue::Exact(y)),
                            (to as i32, SegmentValue::Exact(y + 1)),
                        ],
                        color.filled(),
                    );
                    bar.set_margin(4, 4, 0, 0);
                    bar
                })
            });
            chart.draw_series(bars)?.label(name).legend(move |(x, y)| {
                Rectangle::new([(x, y - 5), (x + 12, y + 5)], color.filled())
            });
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::LowerRight)
            .background_style(WHITE.mix(0.9))
            .border_style(GRID)
            .label_font(LABELS)
            .draw()?;
        Ok(())
    })
}

/// The kinds speakers fall into; anonymous sources are "unnamed" whatever
/// their kind.
pub fn speaker_kind(kind: &str, anonymous: bool) -> &str {
    if anonymous {
        "unnamed"
    } else {
        kind
    }
}

/// Speakers by kind: how many speakers of each kind, and their quotes.
pub fn kinds(s: &Stats) -> anyhow::Result<String> {
    let mut by_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for kind in ["person", "organization", "media", "country", "unnamed"] {
        by_kind.insert(kind, (0, 0));
    }
    for a in &s.actors {
        let e = by_kind
            .entry(speaker_kind(&a.kind, a.anonymous))
            .or_default();
        e.0 += 1;
        e.1 += a.quotes;
    }
    let mut rows: Vec<(&str, usize, usize)> =
        by_kind.into_iter().map(|(k, (n, q))| (k, n, q)).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(b.0)));
    let n = rows.len();
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    svg(70 + 30 * n as u32, |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .margin_right(150)
            .x_label_area_size(36)
            .y_label_area_size(label_room(12))
            .build_cartesian_2d(0..(max as i32 + 1), (0..n as i32).into_segmented())?;
        let label = |v: &SegmentValue<i32>| match v {
            SegmentValue::CenterOf(i) if (0..n as i32).contains(i) => {
                rows[n - 1 - *i as usize].0.to_string()
            }
            _ => String::new(),
        };
        chart
            .configure_mesh()
            .label_style(LABELS)
            .axis_desc_style(LABELS)
            .disable_y_mesh()
            .light_line_style(GRID)
            .y_labels(n)
            .y_label_formatter(&label)
            .x_desc("speakers")
            .draw()?;
        chart.draw_series(rows.iter().enumerate().map(|(rank, r)| {
            let y = (n - 1 - rank) as i32;
            let mut bar = Rectangle::new(
                [
                    (0, SegmentValue::Exact(y)),
                    (r.1 as i32, SegmentValue::Exact(y + 1)),
                ],
                BAR.filled(),
            );
            bar.set_margin(5, 5, 0, 0);
            bar
        }))?;
        chart.draw_series(rows.iter().enumerate().map(|(rank, r)| {
            let y = (n - 1 - rank) as i32;
            let what = format!(
                "  {} · {}",
                crate::ide::english::count(r.1, "speaker", "speakers"),
                crate::ide::english::count(r.2, "quote", "quotes")
            );
            Text::new(
                what,
                (r.1 as i32, SegmentValue::CenterOf(y)),
                ("sans-serif", 16)
                    .into_font()
                    .color(&BLACK)
                    .pos(Pos::new(HPos::Left, VPos::Center)),
            )
        }))?;
        Ok(())
    })
}

/// One histogram: how many articles fall in each bin of `values`.
fn histogram(area: &Area, title: &str, values: &[f64], unit: &str) -> DrawResult<()> {
    let max = values.iter().copied().fold(0.0_f64, f64::max);
    // A round bin width giving at most 12 bins.
    let width = [0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0]
        .into_iter()
        .find(|w| (max / w).floor() < 12.0)
        .unwrap_or((max / 12.0).ceil().max(1.0));
    let bins = (max / width).floor() as usize + 1;
    let mut counts = vec![0usize; bins];
    for v in values {
        let b = ((v / width).floor() as usize).min(bins - 1);
        counts[b] += 1;
    }
    let top = counts.iter().copied().max().unwrap_or(0).max(1);
    let mut chart = ChartBuilder::on(area)
        .caption(title, ("sans-serif", 19))
        .margin(10)
        .x_label_area_size(34)
        .y_label_area_size(40)
        .build_cartesian_2d(0.0..(bins as f64 * width), 0..(top as i32 + 1))?;
    let decimals = if width < 1.0 { 1 } else { 0 };
    let x_label = |x: &f64| format!("{x:.decimals$}");
    chart
        .configure_mesh()
        .label_style(LABELS)
        .axis_desc_style(LABELS)
        .x_label_formatter(&x_label)
        .disable_x_mesh()
        .light_line_style(GRID)
        .x_desc(unit)
        .y_desc("articles")
        .draw()?;
    chart.draw_series(
        counts
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .map(|(b, c)| {
                let mut bar = Rectangle::new(
                    [(b as f64 * width, 0), ((b + 1) as f64 * width, *c as i32)],
                    BAR.filled(),
                );
                bar.set_margin(0, 0, 1, 1);
                bar
            }),
    )?;
    Ok(())
}

/// Per article: the distributions of quotes, distinct speakers, share of
/// quotes without a speaker and unattributed claims per 1,000 words.
pub fn articles(s: &Stats) -> anyhow::Result<String> {
    let quotes: Vec<f64> = s.articles.iter().map(|a| a.quotes as f64).collect();
    let speakers: Vec<f64> = s.articles.iter().map(|a| a.speakers as f64).collect();
    let no_speaker: Vec<f64> = s
        .articles
        .iter()
        .map(|a| 100.0 * super::no_speaker_share(&a))
        .collect();
    let per_1000: Vec<f64> = s
        .articles
        .iter()
        .map(|a| super::unattributed_per_1000(&a))
        .collect();
    svg(560, |root| {
        let areas = root.split_evenly((2, 2));
        let charts: [(&str, &[f64], &str); 4] = [
            ("Quotes per article", &quotes, "quotes"),
            ("Distinct speakers per article", &speakers, "speakers"),
            (
                "Quotes without a speaker",
                &no_speaker,
                "% of the article's quotes",
            ),
            ("Unattributed claims", &per_1000, "per 1,000 words"),
        ];
        for (area, (title, values, unit)) in areas.iter().zip(charts) {
            histogram(area, title, values, unit)?;
        }
        Ok(())
    })
}

/// Quotes per speaker per month, for the speakers most quoted in dated
/// articles; `None` when no quote comes from a dated article.
pub fn over_time(s: &Stats) -> anyhow::Result<Option<String>> {
    let mut dated: Vec<(&str, usize, &BTreeMap<String, usize>)> = s
        .actors
        .iter()
        .map(|a| (a.name.as_str(), a.months.values().sum::<usize>(), &a.months))
        .filter(|(_, n, _)| *n > 0)
        .collect();
    if dated.is_empty() {
        return Ok(None);
    }
    dated.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let months = month_range(dated.iter().flat_map(|(_, _, m)| m.keys()));
    let mut series: Vec<(String, Vec<usize>)> = dated
        .iter()
        .take(TOP_OVER_TIME)
        .map(|(name, _, by_month)| {
            let counts = months.iter().map(|m| by_month.get(m).copied().unwrap_or(0));
            (short(name, 40), counts.collect())
        })
        .collect();
    if dated.len() > TOP_OVER_TIME {
        let mut others = vec![0; months.len()];
        for (_, _, by_month) in &dated[TOP_OVER_TIME..] {
            for (i, m) in months.iter().enumerate() {
                others[i] += by_month.get(m).copied().unwrap_or(0);
            }
        }
        series.push(("all other speakers".to_string(), others));
    }
    let top = series
        .iter()
        .flat_map(|(_, c)| c.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let last = months.len() as i32 - 1;
    let chart = svg(420, |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(14)
            .x_label_area_size(40)
            .y_label_area_size(44)
            .build_cartesian_2d(-1..(last + 1), 0..(top as i32 + 1))?;
        let label = |i: &i32| {
            usize::try_from(*i)
                .ok()
                .and_then(|i| months.get(i))
                .cloned()
                .unwrap_or_default()
        };
        chart
            .configure_mesh()
            .label_style(LABELS)
            .axis_desc_style(LABELS)
            .light_line_style(GRID)
            .x_labels(months.len().min(12) + 2)
            .x_label_formatter(&label)
            .x_desc("month")
            .y_desc("quotes")
            .draw()?;
        for (idx, (name, counts)) in series.iter().enumerate() {
            let color = SERIES[idx % SERIES.len()];
            let points: Vec<(i32, i32)> = counts
                .iter()
                .enumerate()
                .map(|(i, c)| (i as i32, *c as i32))
                .collect();
            chart
                .draw_series(std::iter::once(PathElement::new(
                    points.clone(),
                    color.stroke_width(2),
                )))?
                .label(name.as_str())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 14, y)], color.stroke_width(2))
                });
            chart.draw_series(
                points
                    .into_iter()
                    .filter(|(_, c)| *c > 0)
                    .map(|p| Circle::new(p, 3, color.filled())),
            )?;
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperMiddle)
            .background_style(WHITE.mix(0.9))
            .border_style(GRID)
            .label_font(LABELS)
            .draw()?;
        Ok(())
    })?;
    Ok(Some(chart))
}

/// Every month from the first to the last of `keys` (`2015-09`), so gaps
/// show as months without quotes.
fn month_range<'a>(keys: impl Iterator<Item = &'a String>) -> Vec<String> {
    let parsed: Vec<(i32, i32)> = keys
        .filter_map(|k| {
            let (y, m) = k.split_once('-')?;
            Some((y.parse().ok()?, m.parse().ok()?))
        })
        .collect();
    let (Some(first), Some(last)) = (parsed.iter().min(), parsed.iter().max()) else {
        return Vec::new();
    };
    let mut res = Vec::new();
    let (mut y, mut m) = *first;
    while (y, m) <= *last {
        res.push(format!("{y:04}-{m:02}"));
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_fill_the_gaps() {
        let keys = ["2015-11".to_string(), "2016-02".to_string()];
        assert_eq!(
            month_range(keys.iter()),
            ["2015-11", "2015-12", "2016-01", "2016-02"]
        );
    }

    #[test]
    fn long_labels_are_cut_and_anonymous_sources_marked() {
        assert_eq!(
            speaker_label("two diplomats", true),
            "two diplomats (anonymous)"
        );
        let long = "x".repeat(60);
        assert_eq!(speaker_label(&long, false).chars().count(), 48);
    }
}
