//! The filter panel: one group of checkboxes per facet, each value with its live count, and the year range.
//!
//! A value's count is what choosing it would give (every other facet applied, not its own). In an embed a
//! facet its page locked lists only the locked values, with a lock mark; unticking the last of them is refused.

use ecomap_core::facet::Facet;
use ecomap_core::format;
use ecomap_core::model::{Dataset, Lang, State};
use ecomap_core::query::Focus;
use ecomap_core::stats;
use leptos::prelude::*;

use crate::i18n::{facet_title, facet_value_label, texts};
use crate::shell::texts::shell_texts;
use crate::shell::use_shell;
use crate::state::{use_app, AppState};

/// One checkbox row of a facet.
#[derive(Clone, PartialEq)]
struct FacetValue {
    key: String,
    label: String,
    count: u32,
    checked: bool,
}

/// A group of checkboxes in the panel: a facet, or part of one (regions are grouped by state).
#[derive(Clone, Copy)]
struct Group {
    facet: Facet,
    /// Regions only: which state's regions.
    state: Option<State>,
}

impl Group {
    /// The panel's groups, in the order of `Facet::ALL`.
    fn all() -> Vec<Group> {
        Facet::ALL
            .into_iter()
            .flat_map(|facet| match facet {
                Facet::Region => vec![
                    Group {
                        facet,
                        state: Some(State::Berlin),
                    },
                    Group {
                        facet,
                        state: Some(State::Brandenburg),
                    },
                ],
                _ => vec![Group { facet, state: None }],
            })
            .collect()
    }

    /// Test id of the group's fieldset (`facet-technology`, `facet-region-be`, ...).
    fn testid(self) -> String {
        match self.state {
            Some(State::Berlin) => format!("facet-{}-be", self.facet.key()),
            Some(State::Brandenburg) => format!("facet-{}-bb", self.facet.key()),
            None => format!("facet-{}", self.facet.key()),
        }
    }

    fn title(self, lang: Lang) -> String {
        let t = texts(lang);
        match self.state {
            Some(State::Berlin) => format!("{} · {}", facet_title(self.facet, lang), t.berlin),
            Some(State::Brandenburg) => format!("{} · {}", facet_title(self.facet, lang), t.brandenburg),
            None => facet_title(self.facet, lang).to_string(),
        }
    }

    /// Whether value `id` belongs in this group.
    fn holds(self, ds: &Dataset, id: u32) -> bool {
        match (self.facet, self.state) {
            (Facet::Region, Some(st)) => ds.regions[id as usize].state == st,
            _ => true,
        }
    }
}

#[component]
pub fn FilterPanel() -> impl IntoView {
    let state = use_app();
    let shell = use_shell();
    let t = move || texts(state.lang.get());
    let st = move || shell_texts(state.lang.get());
    let open = shell.filters_open;
    let groups = move || {
        Group::all()
            .into_iter()
            .map(|g| {
                // Technologies have an ecosystem panel of their own, opened from their row.
                let on_open = (g.facet == Facet::Technology)
                    .then(|| Callback::new(move |k: String| state.open(Some(Focus::Technology(k)))));
                let locked = state.lock.with_value(|l| l.locks(g.facet));
                view! {
                    <FacetGroup testid=g.testid() title=Signal::derive(move || g.title(state.lang.get()))
                        values=Signal::derive(move || group_values(state, g)) locked
                        on_toggle=move |k: String| state.toggle_facet(g.facet, &k) on_open=on_open/>
                }
            })
            .collect_view()
    };
    // Closing gives the focus back to the button that opened the panel.
    let close = move || {
        open.set(false);
        crate::browser::focus_id("filters-button");
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            close();
        }
    };
    let results = move || {
        let n = state.selection.with(|s| s.as_ref().map_or(0, |s| s.0.actor_count()));
        let [before, after] = st().show_results;
        format!("{before}{}{after}", format::int(n as u64, state.lang.get()))
    };
    view! {
        // The backdrop shows only while the panel is a drawer over the view (style/main.css).
        <div class="drawer-backdrop" hidden=move || !open.get() on:click=move |_| open.set(false)></div>
        <aside class="filters" id="filters" hidden=move || !open.get() aria-labelledby="filters-title"
            data-testid="filters" on:keydown=on_key>
            <div class="filters-head">
                <h2 id="filters-title" class="filters-title">{move || t().filters}</h2>
                <Show when=move || state.query.with(|q| q.has_filters())>
                    <button type="button" class="link-button" data-testid="clear-filters"
                        on:click=move |_| state.clear_filters()>{move || t().clear_filters}</button>
                </Show>
                <button type="button" class="close" id="filters-close" data-testid="filters-close" aria-label=move || st().close_filters
                    on:click=move |_| close()>"×"</button>
            </div>
            // The groups come with the data, all at once: empty groups filling in one after the other would
            // push the ones below them down (a layout shift).
            <div class="filters-body">
                <Show when=move || state.data.with(Option::is_some)>
                    {groups}
                    <YearRange/>
                </Show>
            </div>
            <div class="filters-foot">
                <button type="button" class="button primary" data-testid="show-results" on:click=move |_| close()>
                    {results}
                </button>
            </div>
        </aside>
    }
}

#[component]
fn FacetGroup(
    testid: String,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] values: Signal<Vec<FacetValue>>,
    /// The embedding page locked this facet: a lock mark beside the title.
    locked: bool,
    /// Chooses or un-chooses a value; false when refused (the checkbox then shows the state again).
    on_toggle: impl Fn(String) -> bool + Copy + Send + Sync + 'static,
    /// When given, each value also gets a button that opens its detail panel.
    on_open: Option<Callback<String>>,
) -> impl IntoView {
    let state = use_app();
    let prefix = testid.clone();
    view! {
        <fieldset class="facet" data-testid=testid data-locked=locked.then_some("true")
            hidden=move || locked && values.with(Vec::is_empty)>
            <legend>{title}
                {locked.then(|| {
                    let note = move || format!(" ({})", shell_texts(state.lang.get()).locked);
                    view! { <span class="lock-mark" title=note>{note}</span> }
                })}
            </legend>
            <ul>
                {move || {
                    let lang = state.lang.get();
                    values.get().into_iter().map(|v| {
                        let key = v.key.clone();
                        let id = format!("{prefix}-{}", v.key);
                        let open_label = format!("{}: {}", texts(lang).ecosystem, v.label);
                        view! {
                            <li class:empty=v.count == 0 && !v.checked>
                                <input type="checkbox" id=id.clone() value=v.key.clone() prop:checked=v.checked
                                    on:change=move |ev| {
                                        if !on_toggle(key.clone()) {
                                            let el = event_target::<web_sys::HtmlInputElement>(&ev);
                                            el.set_checked(!el.checked());
                                        }
                                    }/>
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

/// The rows of a group: each value with its count (every other facet applied) and whether it is chosen.
/// Regions are listed by name; other facets in the data's order.
fn group_values(state: AppState, g: Group) -> Vec<FacetValue> {
    let lang = state.lang.get();
    let (Some(d), Some(sel)) = (state.data.get(), state.selection.get()) else {
        return Vec::new();
    };
    let ds = &d.0.ds;
    // A locked facet offers its locked values only (a visitor never widens the lock).
    let offered = |key: &str| {
        state
            .lock
            .with_value(|l| l.values(g.facet).is_none_or(|v| v.iter().any(|k| k == key)))
    };
    let mut values: Vec<FacetValue> = state.query.with(|q| {
        (0..g.facet.len(ds) as u32)
            .filter(|&id| g.holds(ds, id) && offered(g.facet.value_key(ds, id)))
            .map(|id| {
                let key = g.facet.value_key(ds, id);
                FacetValue {
                    key: key.to_string(),
                    label: facet_value_label(ds, g.facet, id, lang),
                    count: sel.0.counts.count(g.facet, id),
                    checked: q.is_chosen(g.facet, key),
                }
            })
            .collect()
    });
    if g.facet == Facet::Region {
        ecomap_core::order::sort_by(&mut values, |a, b| a.label.cmp(&b.label));
    }
    values
}

/// From/to selects over the years the data's projects span.
#[component]
fn YearRange() -> impl IntoView {
    let state = use_app();
    let t = move || texts(state.lang.get());
    // An embed's locked years narrow the choice.
    let span = Memo::new(move |_| {
        let span = state.data.with(|d| stats::project_year_span(&d.as_ref()?.0.ds))?;
        Some(state.lock.with_value(|l| l.year_span(span)))
    });
    let set = move |from: Option<u16>, to: Option<u16>| {
        let Some((min, max)) = span.get_untracked() else { return };
        let lock = state.lock;
        state.set_filters(|q| {
            let (cur_from, cur_to) = q.years.unwrap_or((min, max));
            let from = from.unwrap_or(cur_from);
            let to = to.unwrap_or(cur_to);
            let (from, to) = if from <= to { (from, to) } else { (to, from) };
            q.years = if (from, to) == (min, max) {
                None
            } else {
                Some((from, to))
            };
            lock.with_value(|l| l.clamp(q));
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
        // Years locked to none chosen offer no choice.
        <Show when=move || span.get().is_some() && state.lock.with_value(|l| l.years() != Some(None))>
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
