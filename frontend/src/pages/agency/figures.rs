//! The console's key figures: the eight figures now, and each over time as a bar chart by day,
//! week or month (SVG, with a table of the same numbers), numbers and dates written the way
//! the page's language writes them.

use chrono::NaiveDate;
use shared::Language;
use shared::api::figures::{FiguresPoint, FiguresSeries, Granularity, KeyFigures};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::chart::{BarChart, ticks};
use crate::api::{self, Remote};
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, Translator};

/// `n` with the language's thousands separator: `22 600` (fr, narrow no-break space),
/// `22.600` (de, lb), `22,600` (en).
#[must_use]
pub fn count_text(language: Language, n: u64) -> String {
    let separator = match language {
        Language::Fr => '\u{202f}',
        Language::De | Language::Lb => '.',
        Language::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// A period written out: long (the table: `4 décembre 2026`, `semaine du 30 novembre 2026`,
/// `décembre 2026`) and short (under the axis: `4/12`, `30/11`, `12/2026`).
#[must_use]
pub fn period_text(
    tr: &Translator,
    granularity: Granularity,
    start: NaiveDate,
) -> (String, String) {
    use chrono::Datelike;
    let short = match (granularity, tr.language()) {
        (Granularity::Month, _) => format!("{}/{}", start.month(), start.year()),
        (_, Language::De | Language::Lb) => format!("{}.{}.", start.day(), start.month()),
        _ => format!("{}/{}", start.day(), start.month()),
    };
    let long = match granularity {
        Granularity::Day => tr.date(start),
        Granularity::Week => tr.t_args("figures-week-of", [("date", Arg::from(tr.date(start)))]),
        Granularity::Month => tr.t_args(
            "figures-month-of",
            [
                ("month", Arg::from(tr.t(&format!("month-{}", start.month())))),
                ("year", Arg::from(start.year())),
            ],
        ),
    };
    (long, short)
}

/// The eight figures: (key, value now, value of a point).
type Figure = (&'static str, fn(&KeyFigures) -> Option<u64>, fn(&FiguresPoint) -> Option<u64>);

const FIGURES: [Figure; 8] = [
    ("figures-records-open", |f| Some(f.records_open), |p| Some(p.records_open)),
    ("figures-records-closed", |f| Some(f.records_closed), |p| Some(p.records_closed)),
    (
        "figures-professionals-activated",
        |f| Some(f.professionals_activated),
        |p| Some(p.professionals_activated),
    ),
    ("figures-documents", |f| Some(f.documents), |p| Some(p.documents)),
    ("figures-connections", |f| Some(f.connections_last_24h), |p| Some(p.connections)),
    ("figures-objections", |f| f.objections, |p| p.objections),
    ("figures-emergency-accesses", |f| Some(f.emergency_accesses), |p| Some(p.emergency_accesses)),
    ("figures-letters-waiting", |f| Some(f.letters_waiting), |p| Some(p.letters_waiting)),
];

fn granularity_key(granularity: Granularity) -> &'static str {
    match granularity {
        Granularity::Day => "figures-by-day",
        Granularity::Week => "figures-by-week",
        Granularity::Month => "figures-by-month",
    }
}

/// See the module documentation.
#[component]
pub fn FiguresPanel() -> Html {
    let i18n = use_i18n();
    let now = use_state(|| Remote::<KeyFigures>::Loading);
    let granularity = use_state(|| Granularity::Day);
    let series = use_state(|| Remote::<FiguresSeries>::Loading);
    {
        let now = now.clone();
        use_effect_with((), move |()| {
            spawn_local(async move { now.set(api::agency::figures().await.into()) });
        });
    }
    {
        let series = series.clone();
        use_effect_with(*granularity, move |g| {
            let g = *g;
            series.set(Remote::Loading);
            spawn_local(async move { series.set(api::agency::figures_series(g).await.into()) });
        });
    }
    let language = i18n.language();
    let current = match &*now {
        Remote::Loading => crate::components::message::loading(&i18n),
        Remote::Failed(failure) => crate::components::message::failed(&i18n, failure),
        Remote::Ready(figures) => html! {
            <dl class="figures" id="figures-now">
                { for FIGURES.iter().map(|(key, value, _)| html! {
                    <div class="figure" data-figure={*key}>
                        <dt>{ i18n.t(key) }</dt>
                        <dd>{ value(figures).map_or_else(|| i18n.t("figures-not-recorded"), |n| count_text(language, n)) }</dd>
                    </div>
                }) }
            </dl>
        },
    };
    let switch = html! {
        <div class="switch" role="group" aria-label={i18n.t("figures-period")}>
            { for Granularity::ALL.into_iter().map(|g| {
                let state = granularity.clone();
                let pressed = *granularity == g;
                html! {
                    <button type="button" class="secondary" aria-pressed={pressed.to_string()}
                        data-granularity={g.as_str()}
                        onclick={Callback::from(move |_| state.set(g))}>
                        { i18n.t(granularity_key(g)) }
                    </button>
                }
            }) }
        </div>
    };
    let charts = match &*series {
        Remote::Loading => crate::components::message::loading(&i18n),
        Remote::Failed(failure) => crate::components::message::failed(&i18n, failure),
        Remote::Ready(series) => {
            let g = series.granularity;
            let periods: Vec<(String, String)> =
                series.points.iter().map(|p| period_text(&i18n, g, p.start)).collect();
            html! {
                <div class="charts">
                    { for FIGURES.iter().map(|(key, _, of_point)| {
                        let title = i18n.t(key);
                        let values: Vec<Option<u64>> = series.points.iter().map(of_point).collect();
                        if values.iter().all(Option::is_none) {
                            return html! {
                                <section class="chart" data-chart={*key}>
                                    <h3>{ title }</h3>
                                    <p class="muted">{ i18n.t("figures-not-recorded") }</p>
                                </section>
                            };
                        }
                        let points: Vec<(String, String, u64, String)> = periods
                            .iter()
                            .zip(&values)
                            .map(|((long, short), v)| {
                                let v = v.unwrap_or(0);
                                (short.clone(), long.clone(), v, count_text(language, v))
                            })
                            .collect();
                        let max = points.iter().map(|p| p.2).max().unwrap_or(0);
                        let tick_labels: Vec<(u64, String)> =
                            ticks(max).into_iter().map(|t| (t, count_text(language, t))).collect();
                        let (first, last) = (
                            periods.first().map(|p| p.0.clone()).unwrap_or_default(),
                            periods.last().map(|p| p.0.clone()).unwrap_or_default(),
                        );
                        let desc = i18n.t_args(
                            "figures-chart-desc",
                            [
                                ("figure", Arg::from(title.clone())),
                                ("period", Arg::from(i18n.t(granularity_key(g)))),
                                ("first", Arg::from(first)),
                                ("last", Arg::from(last)),
                                ("max", Arg::from(count_text(language, max))),
                            ],
                        );
                        html! {
                            <section class="chart" data-chart={*key}>
                                <h3>{ title.clone() }</h3>
                                <BarChart id={AttrValue::from(format!("chart-{}", &key["figures-".len()..]))}
                                    title={AttrValue::from(title.clone())}
                                    desc={AttrValue::from(desc)}
                                    period_header={AttrValue::from(i18n.t("figures-period"))}
                                    value_header={AttrValue::from(title)}
                                    table_label={AttrValue::from(i18n.t("figures-table"))}
                                    points={points}
                                    tick_labels={tick_labels} />
                            </section>
                        }
                    }) }
                </div>
            }
        }
    };
    html! {
        <section class="panel" aria-labelledby="figures-heading">
            <h2 id="figures-heading">{ i18n.t("figures-heading") }</h2>
            <p class="muted">{ i18n.t("figures-intro") }</p>
            { current }
            <h3 id="figures-over-time">{ i18n.t("figures-over-time") }</h3>
            { switch }
            { charts }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_written_per_language() {
        assert_eq!(count_text(Language::En, 22_600), "22,600");
        assert_eq!(count_text(Language::Fr, 22_600), "22\u{202f}600");
        assert_eq!(count_text(Language::De, 1_234_567), "1.234.567");
        assert_eq!(count_text(Language::Lb, 170), "170");
        assert_eq!(count_text(Language::En, 0), "0");
    }

    #[test]
    fn periods_are_written_per_language() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let fr = Translator::new(Language::Fr);
        assert_eq!(
            period_text(&fr, Granularity::Day, day),
            ("30 novembre 2026".into(), "30/11".into())
        );
        let de = Translator::new(Language::De);
        let (long, short) = period_text(&de, Granularity::Week, day);
        assert!(long.contains("30. November 2026"), "{long}");
        assert_eq!(short, "30.11.");
        let (long, short) = period_text(&Translator::new(Language::En), Granularity::Month, day);
        assert!(long.contains("November") && long.contains("2026"), "{long}");
        assert_eq!(short, "11/2026");
    }
}
