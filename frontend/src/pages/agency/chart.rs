//! A bar chart of counts over periods, drawn as SVG (no chart library): the scale and its
//! ticks are plain functions, tested; the SVG carries a title and a description, and every
//! chart has a table with the same numbers for screen readers and for reading exactly.

use yew::prelude::*;

/// The drawing's size in SVG units (it scales to the page's width).
pub const WIDTH: f64 = 640.0;
/// See [`WIDTH`].
pub const HEIGHT: f64 = 220.0;
/// Room on the left for the tick labels.
const LEFT: f64 = 56.0;
/// Room at the bottom for the period labels.
const BOTTOM: f64 = 28.0;
const TOP: f64 = 10.0;

/// The ticks of the vertical axis for values up to `max`: 0 and multiples of a step of 1, 2
/// or 5 times a power of ten, the last at or above `max`, at most six.
#[must_use]
pub fn ticks(max: u64) -> Vec<u64> {
    if max == 0 {
        return vec![0, 1];
    }
    let mut power = 1_u64;
    loop {
        for factor in [1, 2, 5] {
            let step = factor * power;
            let count = max.div_ceil(step);
            if count <= 5 {
                return (0..=count).map(|i| i * step).collect();
            }
        }
        power = power.saturating_mul(10);
    }
}

/// A count as a coordinate (exact up to 2^53, far beyond any figure).
#[expect(clippy::cast_precision_loss, reason = "counts stay far below 2^53")]
const fn real(n: u64) -> f64 {
    n as f64
}

/// A coordinate with one decimal, as `format!("{v:.1}")` writes it, through integer formatting
/// only: the float formatter (and its tables) would otherwise come into the console for the chart
/// alone.
/// Exactly: the float's binary value times ten, rounded to the nearest integer, ties to even.
fn tenths(v: f64) -> String {
    let bits = v.abs().to_bits();
    let exponent = i32::try_from(bits >> 52).unwrap_or_default();
    let fraction = u128::from(bits & ((1 << 52) - 1));
    // v = mantissa × 2^-shift.
    let (mantissa, shift) =
        if exponent == 0 { (fraction << 1, 1075) } else { (fraction | 1 << 52, 1075 - exponent) };
    let times_ten = mantissa * 10;
    let t = match u32::try_from(shift) {
        Ok(0) => times_ten,
        Ok(shift) if shift < 120 => {
            let q = times_ten >> shift;
            let rest = times_ten - (q << shift);
            let half = 1 << (shift - 1);
            if rest > half || (rest == half && q % 2 == 1) { q + 1 } else { q }
        }
        Ok(_) => 0,
        // Beyond 2^53: not a coordinate this chart draws.
        Err(_) => times_ten << shift.unsigned_abs().min(60),
    };
    let sign = if v.is_sign_negative() { "-" } else { "" };
    format!("{sign}{}.{}", t / 10, t % 10)
}

/// A whole coordinate (the chart's fixed dimensions), as `v.to_string()` writes it.
#[expect(clippy::cast_possible_truncation, reason = "the chart's fixed dimensions are whole")]
fn whole(v: f64) -> String {
    (v as i64).to_string()
}

/// The height (in SVG units) of `value` on an axis whose top tick is `top`, over `height`.
#[must_use]
pub fn scaled(value: u64, top: u64, height: f64) -> f64 {
    if top == 0 {
        return 0.0;
    }
    let ratio = real(value.min(top)) / real(top);
    ratio * height
}

/// Which of `count` periods get a label under the axis: the first, the last, and evenly
/// spaced ones between, at most `most`.
#[must_use]
pub fn labelled(count: usize, most: usize) -> Vec<usize> {
    if count == 0 || most == 0 {
        return Vec::new();
    }
    if count <= most {
        return (0..count).collect();
    }
    let step = (count - 1).div_ceil(most - 1).max(1);
    let mut picked: Vec<usize> = (0..count).step_by(step).collect();
    if picked.last() != Some(&(count - 1)) {
        if picked.len() >= most {
            picked.pop();
        }
        picked.push(count - 1);
    }
    picked
}

/// See the module documentation.
#[derive(Properties, PartialEq, Clone)]
pub struct ChartProps {
    /// Used for element ids.
    pub id: AttrValue,
    /// The figure's name (the SVG's title, the table's caption).
    pub title: AttrValue,
    /// What the chart shows, in a sentence (the SVG's description).
    pub desc: AttrValue,
    /// The header of the table's first column (the period).
    pub period_header: AttrValue,
    /// The header of the table's second column (the figure).
    pub value_header: AttrValue,
    /// The summary of the table's disclosure.
    pub table_label: AttrValue,
    /// Each period: its short label, its long label (table), the value, the value written out.
    pub points: Vec<(String, String, u64, String)>,
    /// Each tick written out in the page's language, by value.
    pub tick_labels: Vec<(u64, String)>,
}

/// See the module documentation.
#[component]
pub fn BarChart(props: &ChartProps) -> Html {
    let max = props.points.iter().map(|p| p.2).max().unwrap_or(0);
    let ticks = ticks(max);
    let top = *ticks.last().unwrap_or(&1);
    let plot_height = HEIGHT - TOP - BOTTOM;
    let plot_width = WIDTH - LEFT - 4.0;
    let count = props.points.len().max(1);
    let slot = plot_width / real(count as u64);
    let title_id = format!("{}-title", props.id);
    let desc_id = format!("{}-desc", props.id);
    let tick_label = |value: u64| {
        props
            .tick_labels
            .iter()
            .find(|(v, _)| *v == value)
            .map_or_else(|| value.to_string(), |(_, s)| s.clone())
    };
    let labels = labelled(props.points.len(), 5);
    html! {
        <figure class="chart" id={props.id.clone()}>
            <svg viewBox={format!("0 0 {} {}", whole(WIDTH), whole(HEIGHT))} role="img" class="chart-svg"
                aria-labelledby={format!("{title_id} {desc_id}")}>
                <title id={title_id}>{ props.title.clone() }</title>
                <desc id={desc_id}>{ props.desc.clone() }</desc>
                { for ticks.iter().map(|t| {
                    let y = TOP + plot_height - scaled(*t, top, plot_height);
                    html! {
                        <g class="tick">
                            <line x1={whole(LEFT)} x2={whole(WIDTH - 4.0)}
                                y1={tenths(y)} y2={tenths(y)} />
                            <text x={whole(LEFT - 6.0)} y={tenths(y + 4.0)}
                                text-anchor="end">{ tick_label(*t) }</text>
                        </g>
                    }
                }) }
                { for props.points.iter().enumerate().map(|(i, (_, long, value, written))| {
                    let h = scaled(*value, top, plot_height);
                    let x = LEFT + slot * real(i as u64) + slot * 0.15;
                    html! {
                        <rect class="bar" x={tenths(x)}
                            y={tenths(TOP + plot_height - h)}
                            width={tenths((slot * 0.7).max(1.0))}
                            height={tenths(h)}>
                            <title>{ format!("{long}: {written}") }</title>
                        </rect>
                    }
                }) }
                { for labels.iter().filter_map(|i| props.points.get(*i).map(|p| (*i, p))).map(|(i, p)| {
                    let x = LEFT + slot * real(i as u64) + slot * 0.5;
                    html! {
                        <text class="period" x={tenths(x)} y={whole(HEIGHT - 8.0)}
                            text-anchor="middle">{ p.0.clone() }</text>
                    }
                }) }
            </svg>
            <details class="chart-table">
                <summary>{ props.table_label.clone() }</summary>
                <table>
                    <caption>{ props.title.clone() }</caption>
                    <thead><tr>
                        <th scope="col">{ props.period_header.clone() }</th>
                        <th scope="col">{ props.value_header.clone() }</th>
                    </tr></thead>
                    <tbody>
                        { for props.points.iter().map(|(_, long, _, written)| html! {
                            <tr><th scope="row">{ long.clone() }</th><td>{ written.clone() }</td></tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_are_written_as_the_float_formatter_writes_them() {
        for v in [LEFT, WIDTH - 4.0, LEFT - 6.0, HEIGHT - 8.0, WIDTH, HEIGHT] {
            assert_eq!(whole(v), v.to_string());
        }
        for v in [0.0, -0.0, 0.05, 0.25, 0.75, 1.45, 2.5e-300, 1234.55, 9.95, 0.95] {
            assert_eq!(tenths(v), format!("{v:.1}"), "{v}");
        }
        let plot_height = HEIGHT - TOP - BOTTOM;
        for count in 1..=60_u64 {
            let slot = (WIDTH - LEFT - 4.0) / real(count);
            for i in 0..count {
                for v in [
                    LEFT + slot * real(i) + slot * 0.15,
                    LEFT + slot * real(i) + slot * 0.5,
                    (slot * 0.7).max(1.0),
                ] {
                    assert_eq!(tenths(v), format!("{v:.1}"), "{v}");
                }
            }
            for value in 0..=count * 7 {
                let h = scaled(value, count * 7, plot_height);
                for v in [h, TOP + plot_height - h, TOP + plot_height - h + 4.0] {
                    assert_eq!(tenths(v), format!("{v:.1}"), "{v}");
                }
            }
        }
    }

    #[test]
    fn ticks_are_round_and_cover_the_largest_value() {
        assert_eq!(ticks(0), [0, 1]);
        assert_eq!(ticks(3), [0, 1, 2, 3]);
        assert_eq!(ticks(7), [0, 2, 4, 6, 8]);
        assert_eq!(ticks(10), [0, 2, 4, 6, 8, 10]);
        assert_eq!(ticks(22_600), [0, 5_000, 10_000, 15_000, 20_000, 25_000]);
        assert_eq!(ticks(350), [0, 100, 200, 300, 400]);
        for max in [1, 9, 11, 99, 101, 12_345, 999_999, u64::from(u32::MAX)] {
            let t = ticks(max);
            assert!(*t.last().unwrap() >= max && t.len() <= 6 && t.len() >= 2, "{max}: {t:?}");
            let step = t[1];
            assert!(t.windows(2).all(|w| w[1] - w[0] == step), "{max}: {t:?}");
        }
    }

    #[test]
    fn values_scale_to_the_top_tick() {
        assert!((scaled(0, 10, 200.0)).abs() < f64::EPSILON);
        assert!((scaled(5, 10, 200.0) - 100.0).abs() < 1e-9);
        assert!((scaled(10, 10, 200.0) - 200.0).abs() < 1e-9);
        assert!((scaled(50, 10, 200.0) - 200.0).abs() < 1e-9, "never above the plot");
        assert!((scaled(3, 0, 200.0)).abs() < f64::EPSILON);
    }

    #[test]
    fn labels_include_the_first_and_the_last_period() {
        assert_eq!(labelled(3, 5), [0, 1, 2]);
        assert_eq!(labelled(0, 5), Vec::<usize>::new());
        for count in [6, 24, 26, 31, 366] {
            let l = labelled(count, 5);
            assert_eq!(l.first(), Some(&0));
            assert_eq!(l.last(), Some(&(count - 1)));
            assert!(l.len() <= 5 && l.windows(2).all(|w| w[0] < w[1]), "{count}: {l:?}");
        }
    }
}
