//! The filter panel: one group of checkboxes per facet, each value with its live count, and the year range.
//!
//! A value's count is what choosing it would give (every other facet applied, not its own).

use ecomap_core::format;
use ecomap_core::model::{ActorKind, Lang, Localized, State};
use ecomap_core::query::{Focus, Query};
use leptos::prelude::*;

use crate::i18n::{kind_name, texts};
use crate::state::use_app;

/// One checkbox row of a facet.
#[derive(Clone, PartialEq)]
struct FacetValue {
    key: String,
    label: String,
    count: u32,
    checked: bool,
}

#[component]
pub fn FilterPanel() -> impl IntoView {
    let state = use_app();
    let t = move || texts(state.lang.get());
    let open = RwSignal::new(false);
    view! {
        <aside class="filters" class:open=move || open.get() aria-label=move || t().filters data-testid="filters">
            <div class="filters-head">
                <button type="button" class="filters-toggle" aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)>{move || t().filters}</button>
                <Show when=move || state.query.with(|q| q.has_filters())>
                    <button type="button" class="link-button" data-testid="clear-filters"
                        on:click=move |_| state.update_query(|q| q.clear_filters())>{move || t().clear_filters}</button>
                </Show>
            </div>
            <div class="filters-body">
                <Facet testid="facet-technology" title=Signal::derive(move || t().facet_technology) values=Signal::derive(move || technology_values(state))
                    on_toggle=move |k| state.update_query(|q| Query::toggle(&mut q.technologies, &k))
                    on_open=Callback::new(move |k: String| state.query.update(|q| q.focus = Some(Focus::Technology(k))))/>
                <Facet testid="facet-sector" title=Signal::derive(move || t().facet_sector) values=Signal::derive(move || sector_values(state))
                    on_toggle=move |k| state.update_query(|q| Query::toggle(&mut q.sectors, &k))/>
                <Facet testid="facet-kind" title=Signal::derive(move || t().facet_kind) values=Signal::derive(move || kind_values(state))
                    on_toggle=move |k| {
                        if let Some(kind) = ActorKind::parse(&k) {
                            state.update_query(|q| Query::toggle(&mut q.kinds, &kind));
                        }
                    }/>
                <Facet testid="facet-region-be" title=Signal::derive(move || format!("{} · {}", t().facet_region, t().berlin)) values=Signal::derive(move || region_values(state, State::Berlin))
                    on_toggle=move |k| state.update_query(|q| Query::toggle(&mut q.regions, &k))/>
                <Facet testid="facet-region-bb" title=Signal::derive(move || format!("{} · {}", t().facet_region, t().brandenburg)) values=Signal::derive(move || region_values(state, State::Brandenburg))
                    on_toggle=move |k| state.update_query(|q| Query::toggle(&mut q.regions, &k))/>
                <YearRange/>
            </div>
        </aside>
    }
}

#[component]
fn Facet(
    testid: &'static str,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] values: Signal<Vec<FacetValue>>,
    on_toggle: impl Fn(String) + Copy + Send + Sync + 'static,
    /// When given, each value also gets a button that opens its detail panel.
    #[prop(optional)]
    on_open: Option<Callback<String>>,
) -> impl IntoView {
    let state = use_app();
    view! {
        <fieldset class="facet" data-testid=testid>
            <legend>{title}</legend>
            <ul>
                {move || {
                    let lang = state.lang.get();
                    values.get().into_iter().map(|v| {
                        let key = v.key.clone();
                        let id = format!("{testid}-{}", v.key);
                        let open_label = format!("{}: {}", texts(lang).ecosystem, v.label);
                        view! {
                            <li class:empty=v.count == 0 && !v.checked>
                                <input type="checkbox" id=id.clone() value=v.key.clone() prop:checked=v.checked
                                    on:change=move |_| on_toggle(key.clone())/>
                                <label for=id>
                                    <span class="facet-label">{v.label}</span>
                                    <span class="count" data-testid="count">{format::int(v.count as u64, lang)}</span>
                                </label>
                                {on_open.map(|cb| {
                                    let key = v.key.clone();
                                    let label = open_label.clone();
                                    view! {
                                        <button type="button" class="open-detail" data-testid="open-technology" aria-label=label.clone() title=label
                                            on:click=move |_| cb.run(key.clone())>"›"</button>
                                    }
                                })}
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
        </fieldset>
    }
}

/// Rows of a facet whose values are records with a key and a name (technologies, sectors).
fn keyed_values<'a>(
    records: impl Iterator<Item = (&'a str, &'a Localized)>,
    counts: &[u32],
    checked: &[String],
    lang: Lang,
) -> Vec<FacetValue> {
    records
        .enumerate()
        .map(|(i, (key, name))| FacetValue {
            key: key.to_string(),
            label: name.get(lang).to_string(),
            count: counts.get(i).copied().unwrap_or(0),
            checked: checked.iter().any(|c| c == key),
        })
        .collect()
}

fn technology_values(state: crate::state::AppState) -> Vec<FacetValue> {
    let lang = state.lang.get();
    let (Some(d), Some(sel)) = (state.data.get(), state.selection.get()) else {
        return Vec::new();
    };
    let records = d.0.ds.technologies.iter().map(|t| (t.key.as_str(), &t.name));
    state
        .query
        .with(|q| keyed_values(records, &sel.0.counts.technology, &q.technologies, lang))
}

fn sector_values(state: crate::state::AppState) -> Vec<FacetValue> {
    let lang = state.lang.get();
    let (Some(d), Some(sel)) = (state.data.get(), state.selection.get()) else {
        return Vec::new();
    };
    let records = d.0.ds.sectors.iter().map(|s| (s.key.as_str(), &s.name));
    state
        .query
        .with(|q| keyed_values(records, &sel.0.counts.sector, &q.sectors, lang))
}

fn kind_values(state: crate::state::AppState) -> Vec<FacetValue> {
    let lang = state.lang.get();
    let Some(sel) = state.selection.get() else {
        return Vec::new();
    };
    state.query.with(|q| {
        ActorKind::ALL
            .into_iter()
            .map(|k| FacetValue {
                key: k.key().to_string(),
                label: kind_name(k, lang).to_string(),
                count: sel.0.counts.kind[k.index()],
                checked: q.kinds.contains(&k),
            })
            .collect()
    })
}

fn region_values(state: crate::state::AppState, which: State) -> Vec<FacetValue> {
    let (Some(d), Some(sel)) = (state.data.get(), state.selection.get()) else {
        return Vec::new();
    };
    state.query.with(|q| {
        let mut v: Vec<FacetValue> =
            d.0.ds
                .regions
                .iter()
                .enumerate()
                .filter(|(_, r)| r.state == which)
                .map(|(i, r)| FacetValue {
                    key: r.key.clone(),
                    label: r.name.clone(),
                    count: sel.0.counts.region.get(i).copied().unwrap_or(0),
                    checked: q.regions.contains(&r.key),
                })
                .collect();
        v.sort_by(|a, b| a.label.cmp(&b.label));
        v
    })
}

/// From/to selects over the years the data's projects span.
#[component]
fn YearRange() -> impl IntoView {
    let state = use_app();
    let t = move || texts(state.lang.get());
    let span = Memo::new(move |_| {
        state.data.with(|d| {
            let d = d.as_ref()?;
            let min = d.0.ds.projects.iter().map(|p| p.start).min()?;
            let max = d.0.ds.projects.iter().map(|p| p.end).max()?;
            Some((min, max))
        })
    });
    let set = move |from: Option<u16>, to: Option<u16>| {
        let Some((min, max)) = span.get_untracked() else { return };
        state.update_query(|q| {
            let (cur_from, cur_to) = q.years.unwrap_or((min, max));
            let from = from.unwrap_or(cur_from);
            let to = to.unwrap_or(cur_to);
            let (from, to) = if from <= to { (from, to) } else { (to, from) };
            q.years = if (from, to) == (min, max) {
                None
            } else {
                Some((from, to))
            };
        });
    };
    let options = move |selected: u16| {
        span.get().map(|(min, max)| {
            (min..=max)
                .map(|y| view! { <option value=y.to_string() selected=y == selected>{y}</option> })
                .collect_view()
        })
    };
    view! {
        <Show when=move || span.get().is_some()>
            <fieldset class="facet years" data-testid="facet-years">
                <legend>{move || t().facet_years}</legend>
                <label>{move || t().years_from}" "
                    <select data-testid="year-from" on:change=move |ev| set(event_target_value(&ev).parse().ok(), None)>
                        {move || {
                            let (min, _) = span.get().unwrap_or_default();
                            options(state.query.with(|q| q.years.map(|y| y.0)).unwrap_or(min))
                        }}
                    </select>
                </label>
                <label>{move || t().years_to}" "
                    <select data-testid="year-to" on:change=move |ev| set(None, event_target_value(&ev).parse().ok())>
                        {move || {
                            let (_, max) = span.get().unwrap_or_default();
                            options(state.query.with(|q| q.years.map(|y| y.1)).unwrap_or(max))
                        }}
                    </select>
                </label>
            </fieldset>
        </Show>
    }
}
