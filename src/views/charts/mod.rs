//! The charts view: six plotters charts of the selection (volume per year by technology, new vs ongoing
//! projects, volume by technology and by sector, ecosystem composition, top 10 actors), linked to the filters.
//!
//! Clicking a bar sets its filter (year, technology, sector, kind) or opens the actor; each chart has a data
//! table with the same actions as buttons, SVG and PNG export; the selection downloads as CSV. See docs/charts.md.

pub mod chart_spec;
pub mod draw;
pub mod export;
pub mod specs;
#[cfg(test)]
mod test_data;
pub mod texts;
pub mod theme;
pub mod timeline;

use std::sync::Arc;

use ecomap_core::filter::{self, Filter};
use ecomap_core::query::{Focus, Query};
use ecomap_core::stats::YearReading;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use self::chart_spec::{ChartSpec, Key};
use self::draw::{hit_at, Drawn};
use self::texts::view_texts;
use self::theme::ChartTheme;
use crate::perf;
use crate::state::{use_app, AppState, SelectionRef};

/// One chart: what it shows and how it was drawn for the page.
pub struct Chart {
    pub spec: ChartSpec,
    pub drawn: Drawn,
}

/// The drawn charts, compared by identity (a memo notifies on every redraw).
#[derive(Clone)]
pub struct ChartSet(pub Arc<Vec<Chart>>);

impl PartialEq for ChartSet {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// How many charts the view shows (fixed, so each card keeps its own state across redraws).
const CHARTS: usize = 6;

/// Applies a click on a bar, a legend entry or a table row button.
fn apply(state: AppState, key: &Key) {
    match key.clone() {
        Key::Year(y) => state.update_query(|q| {
            q.years = if q.years == Some((y, y)) { None } else { Some((y, y)) };
        }),
        Key::Technology(k) => state.update_query(|q| Query::toggle(&mut q.technologies, &k)),
        Key::Sector(k) => state.update_query(|q| Query::toggle(&mut q.sectors, &k)),
        Key::Kind(k) => state.update_query(|q| Query::toggle(&mut q.kinds, &k)),
        Key::Actor(k) => state.query.update(|q| q.focus = Some(Focus::Actor(k))),
    }
}

fn system_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

#[component]
pub fn ChartsView() -> impl IntoView {
    let state = use_app();
    let t = move || view_texts(state.lang.get());
    let reading = RwSignal::new(YearReading::Running);
    let theme = RwSignal::new(ChartTheme::Auto);
    let dark = system_dark();
    let width = RwSignal::new(0u32);
    let root = NodeRef::<leptos::html::Section>::new();

    // Draw at the width the charts get (in 20 px steps), so text stays at its CSS size on phones and desktops.
    let measure = move || {
        if let Some(el) = root.get_untracked() {
            let w = (el.client_width().max(300) as u32).min(960) / 20 * 20;
            if width.get_untracked() != w {
                width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if root.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    // Per-year charts leave out the year range itself (a facet never filters itself), so every year stays
    // visible and clickable; the chosen year is outlined.
    let sel_all_years = Memo::new(move |_| {
        let d = state.data.get()?;
        let sel = state.selection.get()?;
        state.filter.with(|f| {
            let f = f.as_ref()?;
            if f.years.is_none() {
                return Some(sel.clone());
            }
            let all = Filter {
                years: None,
                ..f.clone()
            };
            Some(SelectionRef(Arc::new(filter::select(&d.0.ds, &d.0.idx, &all))))
        })
    });

    let charts = Memo::new(move |_| {
        let d = state.data.get()?;
        let sel = state.selection.get()?;
        let all = sel_all_years.get()?;
        let w = width.get();
        if w == 0 {
            return None;
        }
        let palette = theme.get().resolve(dark).palette();
        let lang = state.lang.get();
        let reading = reading.get();
        state.query.with(|q| {
            perf::timed("ecomap:charts", || {
                let inputs = specs::Inputs {
                    ds: &d.0.ds,
                    idx: &d.0.idx,
                    sel: &sel.0,
                    sel_all_years: &all.0,
                    query: q,
                    reading,
                    lang,
                };
                let charts = specs::build(&inputs)
                    .into_iter()
                    .map(|spec| {
                        let drawn = draw::draw(&spec, palette, w, false);
                        Chart { spec, drawn }
                    })
                    .collect();
                Some(ChartSet(Arc::new(charts)))
            })
        })
    });

    let download_csv = move |what: &'static str| {
        let Some(d) = state.data.get_untracked() else { return };
        let Some(sel) = state.selection.get_untracked() else {
            return;
        };
        let lang = state.lang.get_untracked();
        let text = match what {
            "actors" => ecomap_core::csv::actors_csv(&d.0.ds, &d.0.idx, &sel.0, lang),
            _ => ecomap_core::csv::projects_csv(&d.0.ds, &sel.0, lang),
        };
        let name = state
            .query
            .with_untracked(|q| ecomap_core::csv::file_name(q, what, "csv"));
        export::download_text(&name, "text/csv;charset=utf-8", &text);
    };

    let theme_class = move || format!("charts theme-{}", theme.get().resolve(dark).key());
    view! {
        <section class=theme_class node_ref=root data-testid="charts"
            data-drawn=move || charts.with(|c| c.is_some()).to_string()
            aria-label=move || t().charts>
            <div class="charts-toolbar">
                <label class="charts-theme">
                    {move || t().theme}" "
                    <select data-testid="charts-theme" on:change=move |ev| {
                        if let Some(th) = ChartTheme::parse(&event_target_value(&ev)) { theme.set(th); }
                    }>
                        {ChartTheme::ALL.into_iter().map(|th| view! {
                            <option value=th.key() selected=move || theme.get() == th>
                                {move || match th {
                                    ChartTheme::Auto => t().theme_auto,
                                    ChartTheme::Light => t().theme_light,
                                    ChartTheme::Dark => t().theme_dark,
                                    ChartTheme::Contrast => t().theme_contrast,
                                }}
                            </option>
                        }).collect_view()}
                    </select>
                </label>
                <div class="charts-downloads" role="group" aria-label=move || t().downloads>
                    <button type="button" data-testid="csv-actors" on:click=move |_| download_csv("actors")>{move || t().csv_actors}</button>
                    <button type="button" data-testid="csv-projects" on:click=move |_| download_csv("projects")>{move || t().csv_projects}</button>
                </div>
                <p class="charts-hint">{move || t().click_hint}</p>
            </div>
            <div class="charts-grid">
                {(0..CHARTS).map(|i| view! { <ChartCard index=i charts=charts reading=reading theme=theme dark=dark/> }).collect_view()}
            </div>
        </section>
    }
}

/// The position of a pointer event in the chart's SVG pixels.
fn svg_point(ev: &web_sys::MouseEvent, drawn_width: u32) -> Option<(f64, f64, f64, f64)> {
    let el = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
    let r = el.get_bounding_client_rect();
    if r.width() <= 0.0 {
        return None;
    }
    let scale = drawn_width as f64 / r.width();
    let (lx, ly) = (ev.client_x() as f64 - r.left(), ev.client_y() as f64 - r.top());
    Some((lx * scale, ly * scale, lx, ly))
}

#[component]
fn ChartCard(
    index: usize,
    charts: Memo<Option<ChartSet>>,
    reading: RwSignal<YearReading>,
    theme: RwSignal<ChartTheme>,
    dark: bool,
) -> impl IntoView {
    let state = use_app();
    let t = move || view_texts(state.lang.get());
    let show_table = RwSignal::new(false);
    let tip: RwSignal<Option<(f64, f64, String)>> = RwSignal::new(None);
    let with_chart = move |f: &dyn Fn(&Chart) -> String| {
        charts.with(|c| c.as_ref().and_then(|c| c.0.get(index)).map(f).unwrap_or_default())
    };
    let id = move || with_chart(&|c| c.spec.id.to_string());
    let title = move || with_chart(&|c| c.spec.title.clone());
    let summary = move || with_chart(&|c| c.spec.summary.clone());
    let note = move || with_chart(&|c| c.spec.note.clone());
    let svg = move || with_chart(&|c| c.drawn.svg.clone());
    let key_at = move |ev: &web_sys::MouseEvent| -> Option<(Key, String, f64, f64)> {
        charts.with(|c| {
            let chart = c.as_ref()?.0.get(index)?;
            let (x, y, lx, ly) = svg_point(ev, chart.drawn.width)?;
            hit_at(&chart.drawn.hits, x, y).map(|h| (h.key.clone(), h.tip.clone(), lx, ly))
        })
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some((key, ..)) = key_at(&ev) {
            apply(state, &key);
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        tip.set(key_at(&ev).map(|(_, text, x, y)| (x, y, text)));
    };
    let export = move |png: bool| {
        let palette = theme.get_untracked().resolve(dark).palette();
        charts.with_untracked(|c| {
            let Some(chart) = c.as_ref().and_then(|c| c.0.get(index)) else {
                return;
            };
            let drawn = draw::draw(&chart.spec, palette, chart.drawn.width, true);
            let name = state
                .query
                .with_untracked(|q| ecomap_core::csv::file_name(q, chart.spec.id, if png { "png" } else { "svg" }));
            if png {
                export::download_png(&name, &drawn.svg, drawn.width, drawn.height);
            } else {
                export::download_text(&name, "image/svg+xml", &export::svg_file(&drawn.svg));
            }
        });
    };
    let legend = move || {
        charts.with(|c| {
            let chart = c.as_ref()?.0.get(index)?;
            if chart.spec.series.len() < 2 {
                return None;
            }
            let palette = theme.get().resolve(dark).palette();
            let q = state.query.get();
            Some(
                chart
                    .spec
                    .series
                    .iter()
                    .enumerate()
                    .map(|(s, series)| {
                        let colour = theme::hex(theme::colour(palette, series.colour, false));
                        let label = format!("{} {}", s + 1, series.name);
                        match series.key.clone() {
                            Some(key) => {
                                let pressed = match &key {
                                    Key::Technology(k) => q.technologies.contains(k),
                                    Key::Kind(k) => q.kinds.contains(k),
                                    _ => false,
                                };
                                view! {
                                    <li><button type="button" class="legend-entry" data-testid="legend-entry"
                                        aria-pressed=pressed.to_string()
                                        on:click=move |_| apply(state, &key)>
                                        <span class="swatch" style:background=colour aria-hidden="true"></span>{label}
                                    </button></li>
                                }
                                .into_any()
                            }
                            None => view! {
                                <li><span class="legend-entry"><span class="swatch" style:background=colour aria-hidden="true"></span>{label}</span></li>
                            }
                            .into_any(),
                        }
                    })
                    .collect_view(),
            )
        })
    };
    let table = move || {
        charts.with(|c| {
            let chart = c.as_ref()?.0.get(index)?;
            let spec = &chart.spec;
            let lang = spec.lang;
            let t = view_texts(lang);
            let stacked = spec.series.len() > 1;
            let head = spec
                .series
                .iter()
                .enumerate()
                .filter(|_| stacked)
                .map(|(s, x)| view! { <th scope="col">{format!("{} {}", s + 1, x.name)}</th> })
                .collect_view();
            let rows = spec
                .categories
                .iter()
                .enumerate()
                .map(|(ci, cat)| {
                    let key = cat.key.clone();
                    let action = if matches!(key, Key::Actor(_)) { t.open_actor } else { t.filter_by };
                    let aria = format!("{action}: {}", cat.label);
                    let cells = spec
                        .values[ci]
                        .iter()
                        .filter(|_| stacked)
                        .map(|&v| view! { <td>{spec.unit.format(v, lang)}</td> })
                        .collect_view();
                    view! {
                        <tr class:chosen=cat.chosen>
                            <th scope="row"><button type="button" class="row-action" aria-label=aria
                                aria-pressed=(cat.chosen && !matches!(key, Key::Actor(_))).to_string()
                                on:click=move |_| apply(state, &key)>{cat.label.clone()}</button></th>
                            {cells}
                            <td>{spec.unit.format(spec.total(ci), lang)}</td>
                        </tr>
                    }
                })
                .collect_view();
            Some(view! {
                <table class="chart-table" data-testid="chart-table">
                    <caption>{spec.title.clone()}" — "{spec.summary.clone()}</caption>
                    <thead><tr><th scope="col">{spec.category_axis.clone()}</th>{head}<th scope="col">{format!("{} ({})", t.total, spec.value_axis)}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            })
        })
    };
    let heading_id = move || format!("chart-title-{index}");
    view! {
        <figure class="chart" data-testid=move || format!("chart-{}", id()) aria-labelledby=heading_id>
            <figcaption>
                <h3 id=heading_id>{title}</h3>
                <p class="chart-summary" data-testid="chart-summary">{summary}</p>
            </figcaption>
            <Show when=move || index == 0>
                <div class="chart-reading" role="group" aria-label=move || t().reading>
                    <button type="button" data-testid="reading-running" aria-pressed=move || (reading.get() == YearReading::Running).to_string()
                        on:click=move |_| reading.set(YearReading::Running)>{move || t().running}</button>
                    <button type="button" data-testid="reading-started" aria-pressed=move || (reading.get() == YearReading::Started).to_string()
                        on:click=move |_| reading.set(YearReading::Started)>{move || t().started}</button>
                </div>
            </Show>
            <div class="chart-plot">
                // Our own plotters SVG: every text from data was escaped by plotters' SVG backend (see draw.rs).
                <div class="chart-svg" data-testid="chart-svg" role="img" aria-label=move || format!("{}. {}", title(), summary())
                    inner_html=svg
                    on:click=on_click
                    on:pointermove=on_move
                    on:pointerleave=move |_| tip.set(None)></div>
                {move || tip.get().map(|(x, y, text)| view! {
                    <div class="chart-tip" data-testid="chart-tip" role="tooltip" style:left=format!("{}px", x + 12.0) style:top=format!("{}px", y + 12.0)>{text}</div>
                })}
            </div>
            <ul class="chart-legend" aria-label=move || t().legend>{legend}</ul>
            <p class="chart-note">{note}</p>
            <div class="chart-tools">
                <button type="button" data-testid="toggle-table" aria-pressed=move || show_table.get().to_string()
                    on:click=move |_| show_table.update(|s| *s = !*s)>
                    {move || if show_table.get() { t().show_chart } else { t().show_table }}
                </button>
                <button type="button" data-testid="export-svg" on:click=move |_| export(false)>{move || t().export_svg}</button>
                <button type="button" data-testid="export-png" on:click=move |_| export(true)>{move || t().export_png}</button>
            </div>
            <Show when=move || show_table.get()>{table}</Show>
        </figure>
    }
}
