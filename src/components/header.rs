//! The header: title, the search, headline figures of the current selection, data note, language switch,
//! settings, report badge.

use ecomap_core::format;
use ecomap_core::model::Lang;
use ecomap_core::stats;
use leptos::prelude::*;

use crate::components::print::{PrintButton, PrintHead};
use crate::components::search::SearchBox;
use crate::components::settings::SettingsButton;
use crate::components::share::ShareButton;
use crate::i18n::texts;
use crate::present::editor::TourButton;
use crate::state::use_app;

#[component]
pub fn Header() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let t = move || texts(lang.get());

    // The figures of the year in view (core's rule: the end of the chosen range, else the reference year).
    let headline = Memo::new(move |_| {
        let d = state.data.get()?;
        let sel = state.selection.get()?;
        let year = state.filter.with(|f| f.as_ref()?.year_in_view(&d.0.ds))?;
        Some(stats::headline(&d.0.ds, &sel.0, year))
    });
    let title = move || {
        state.data.with(|d| {
            d.as_ref()
                .map(|d| d.0.ds.meta.title.get(lang.get()).to_string())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| t().app_title.to_string())
        })
    };
    let notes = move || {
        state.data.with(|d| {
            d.as_ref()
                .map(|d| d.0.ds.meta.notes.get(lang.get()).to_string())
                .unwrap_or_default()
        })
    };

    // A demo mixes real and invented records: say so where every visitor sees it, not only in `meta`. A
    // synthetic export (`ecomap generate`) is invented throughout and says that instead.
    let invented = move || {
        state.data.with(|d| {
            d.as_ref().map_or((false, false), |d| {
                let actors = &d.0.ds.actors;
                (actors.iter().any(|a| a.fictional), actors.iter().all(|a| a.fictional))
            })
        })
    };
    let note_summary = move || match invented() {
        (true, true) => t().invented_note,
        (true, false) => t().demo_note,
        _ => t().about_data,
    };

    let set_lang = move |l: Lang| state.set_lang(l);

    view! {
        <header class="app-header">
            <div class="title-row">
                <h1 class="app-title" data-testid="title">{title}</h1>
                <SearchBox/>
                <div class="header-tools">
                    <ReportBadge/>
                    <ShareButton/>
                    <TourButton/>
                    <SettingsButton/>
                    <PrintButton/>
                    <a class="about-link" href="about.html" data-testid="about">{move || t().about}</a>
                    <a class="about-link" href="accessibility.html" data-testid="a11y-link">{move || t().accessibility}</a>
                    <div class="lang-switch" role="group" aria-label=move || t().language>
                        <button type="button" data-testid="lang-de" aria-pressed=move || (lang.get() == Lang::De).to_string() on:click=move |_| set_lang(Lang::De) lang="de">"Deutsch"</button>
                        <button type="button" data-testid="lang-en" aria-pressed=move || (lang.get() == Lang::En).to_string() on:click=move |_| set_lang(Lang::En) lang="en">"English"</button>
                    </div>
                </div>
            </div>
            // The row keeps its height while the data loads, so nothing below it moves when the figures come.
            <div class="headline-row">
                <dl class="headline" data-testid="headline" aria-live="polite" hidden=move || headline.get().is_none()>
                    {move || headline.get().map(|h| {
                        let l = lang.get();
                        view! {
                            <div class="tile" data-testid="headline-projects"><dt>{t().headline_projects}" "{t().headline_year}" "{h.year}</dt><dd>{format::int(h.projects as u64, l)}</dd></div>
                            <div class="tile" data-testid="headline-volume"><dt>{t().headline_volume}</dt><dd>{format::eur_compact(h.volume, l)}</dd></div>
                            <div class="tile" data-testid="headline-new"><dt>{t().headline_new}</dt><dd>{format::int(h.new_projects as u64, l)}</dd></div>
                            <div class="tile" data-testid="headline-actors"><dt>{t().headline_actors}</dt><dd>{format::int(h.actors as u64, l)}</dd></div>
                        }
                    })}
                </dl>
                <Show when=move || !notes().is_empty()>
                    <details class="data-note" data-testid="data-note">
                        <summary>{note_summary}</summary>
                        <p>{notes}</p>
                    </details>
                </Show>
            </div>
            <PrintHead/>
        </header>
    }
}

/// Counts of problems in the import report; opens the report panel.
#[component]
fn ReportBadge() -> impl IntoView {
    let state = use_app();
    let t = move || texts(state.lang.get());
    let counts = Memo::new(move |_| {
        state.data.with(|d| {
            d.as_ref()
                .map(|d| (d.0.report.errors(), d.0.report.warnings(), d.0.report.notices()))
        })
    });
    view! {
        <Show when=move || counts.get().is_some_and(|(e, w, n)| e + w + n > 0)>
            <button type="button" class="report-badge" data-testid="report-badge"
                class:has-errors=move || counts.get().is_some_and(|c| c.0 > 0)
                aria-expanded=move || state.report_open.get().to_string()
                aria-controls="report-panel"
                on:click=move |_| state.report_open.update(|o| *o = !*o)>
                {move || {
                    let (e, w, n) = counts.get().unwrap_or_default();
                    let l = state.lang.get();
                    let mut parts = Vec::new();
                    if e > 0 { parts.push(format!("{} {}", format::int(e as u64, l), t().errors)); }
                    if w > 0 { parts.push(format!("{} {}", format::int(w as u64, l), t().warnings)); }
                    if n > 0 { parts.push(format!("{} {}", format::int(n as u64, l), t().notices)); }
                    format!("{}: {}", t().report, parts.join(" · "))
                }}
            </button>
        </Show>
    }
}
