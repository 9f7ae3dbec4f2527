//! The progress page's charts: inline SVG drawn from the engine's numbers, each with the same
//! numbers in words for screen readers (`role="img"` and a label) and visible text beside it.
//! No chart library: three simple shapes do not justify one in the download.

use leptos::prelude::*;
use prep_engine::stats::{Forecast, Heatmap, Mastery, weekday_from_monday};
use prep_engine::text::count_of;
use prep_engine::time::civil_date;

/// "30 Nov 2026" for a local day number.
pub fn day_label(day: i64) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (year, month, date) = civil_date(day);
    format!("{date} {} {year}", MONTHS[(month - 1) as usize])
}

/// "3 mature, 2 young, 1 learning, 10 new": a mastery in words.
pub fn mastery_words(m: &Mastery) -> String {
    format!(
        "{} mature, {} young, {} learning, {} new",
        m.mature, m.young, m.learning, m.new
    )
}

/// One horizontal bar split into mature, young, learning and new, as shares of the total.
#[component]
pub fn MasteryBar(mastery: Mastery) -> impl IntoView {
    let total = mastery.total.max(1) as f64;
    let mut x = 0.0;
    let segments = [
        (mastery.mature, "mature"),
        (mastery.young, "young"),
        (mastery.learning, "learning"),
        (mastery.new, "new"),
    ]
    .into_iter()
    .filter(|(count, _)| *count > 0)
    .map(|(count, class)| {
        let width = count as f64 / total * 100.0;
        let start = x;
        x += width;
        view! { <rect class=format!("bar-{class}") x=format!("{start:.2}") y="0" width=format!("{width:.2}") height="10"/> }
    })
    .collect_view();
    view! {
        <svg class="mastery-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
            {segments}
        </svg>
    }
}

/// The key to [`MasteryBar`]'s colours.
#[component]
pub fn MasteryKey() -> impl IntoView {
    view! {
        <ul class="chart-key" aria-label="Colours">
            <li><span class="swatch bar-mature"></span>"mature (remembered for 3 weeks or more)"</li>
            <li><span class="swatch bar-young"></span>"young"</li>
            <li><span class="swatch bar-learning"></span>"learning"</li>
            <li><span class="swatch bar-new"></span>"new"</li>
        </ul>
    }
}

/// Cards due on each of the next 30 days, as columns.
#[component]
pub fn ForecastChart(forecast: Forecast, today: i64) -> impl IntoView {
    let highest = forecast.per_day.iter().copied().max().unwrap_or(0).max(1) as f64;
    let busy: Vec<String> = forecast
        .per_day
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(offset, n)| format!("{}: {n}", day_label(today + offset as i64)))
        .collect();
    let label = if busy.is_empty() {
        "No reviews due in the next 30 days.".to_owned()
    } else {
        format!("Cards due by day: {}.", busy.join("; "))
    };
    let columns = forecast
        .per_day
        .iter()
        .enumerate()
        .map(|(offset, &n)| {
            let height = n as f64 / highest * 40.0;
            let title = format!("{}: {n} due", day_label(today + offset as i64));
            view! {
                <rect class="bar-due" x=(offset * 10 + 1).to_string() y=format!("{:.1}", 40.0 - height)
                    width="8" height=format!("{height:.1}")>
                    <title>{title}</title>
                </rect>
            }
        })
        .collect_view();
    view! {
        <svg class="forecast-chart" viewBox="0 0 300 40" preserveAspectRatio="none" role="img" aria-label=label>
            {columns}
        </svg>
        <div class="forecast-scale" aria-hidden="true"><span>"today"</span><span>"in 30 days"</span></div>
    }
}

/// A year of answers as a calendar: one column per week, Monday at the top.
#[component]
pub fn CalendarHeatmap(heatmap: Heatmap) -> impl IntoView {
    let first = heatmap.first_day;
    let offset = i64::from(weekday_from_monday(first));
    let highest = heatmap.answers.iter().copied().max().unwrap_or(0).max(1);
    let active = heatmap.answers.iter().filter(|n| **n > 0).count();
    let total: u64 = heatmap.answers.iter().map(|&n| u64::from(n)).sum();
    let label = format!("{total} answers on {active} days in the last year.");
    let weeks = (offset + heatmap.answers.len() as i64 + 6) / 7;
    let cells = heatmap
        .answers
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let slot = offset + i as i64;
            let (column, row) = (slot / 7, slot % 7);
            // Five shades, as GitHub's contribution calendar: nothing, then quarters of the busiest day.
            let level = if n == 0 { 0 } else { 1 + (n * 4 - 1) / highest };
            let title = format!(
                "{}: {}",
                day_label(first + i as i64),
                count_of(n as usize, "answer", "answers")
            );
            view! {
                <rect class=format!("heat-{level}") x=(column * 12).to_string() y=(row * 12).to_string()
                    width="10" height="10" rx="2">
                    <title>{title}</title>
                </rect>
            }
        })
        .collect_view();
    view! {
        // Scrolls sideways on a phone: the keyboard can reach and scroll it too.
        <div class="heatmap-scroll" tabindex="0" role="region" aria-label="Your year, scrollable">
            <svg class="heatmap" viewBox=format!("0 0 {} 82", weeks * 12) role="img" aria-label=label>
                {cells}
            </svg>
        </div>
    }
}
