//! The toolbar above the graph: the choices (graph mode, fade or hide, ego depth, renderer, size; folded
//! behind an "Options" button on a phone), the pause button (while the layout moves), "Show all" and the layout
//! status line.

use ecomap_core::graph::GraphMode;
use ecomap_core::model::Lang;
use leptos::prelude::*;

use super::engine::{LayoutStatus, SizeBy};
use super::report::Report;
use super::settings::Settings;
use super::texts::texts;

#[component]
pub fn Toolbar(
    lang: Memo<Lang>,
    settings: Settings,
    report: Report,
    on_pause: impl Fn() + 'static,
    on_fit: impl Fn() + 'static,
) -> impl IntoView {
    let t = move || texts(lang.get());
    let options_open = RwSignal::new(false);
    let status_line = move || {
        let status = report.status.get();
        // The iteration count only matters (and is only tracked) while the layout runs.
        let iterations = if status == LayoutStatus::Running {
            report.iterations.get()
        } else {
            0
        };
        t().status_line(status, iterations)
    };
    let pause_label = move || t().pause_label(report.status.get());
    let paused = move || (report.status.get() == LayoutStatus::Paused).to_string();
    view! {
        <div class="network-toolbar" class:open=move || options_open.get()>
            // On a phone the choices fold behind this button, so the graph stays in the first screen.
            <button
                type="button"
                class="network-options-toggle"
                data-testid="network-options"
                aria-controls="network-options"
                aria-expanded=move || options_open.get().to_string()
                on:click=move |_| options_open.update(|o| *o = !*o)
            >
                {move || t().options}
            </button>
            <Choices lang=lang settings=settings report=report/>
            // Pause and resume while the layout moves (WCAG 2.2.2); refining a finished layout is a developer's
            // choice, in the settings panel.
            <button type="button" data-testid="network-pause" aria-pressed=paused on:click=move |_| on_pause()
                hidden=move || report.status.get() == LayoutStatus::Done>
                {pause_label}
            </button>
            <button type="button" data-testid="network-fit" on:click=move |_| on_fit()>{move || t().fit}</button>
            <span class="network-status" role="status" data-testid="network-status">{status_line}</span>
        </div>
    }
}

/// The toolbar's choices, one labelled select each.
#[component]
fn Choices(lang: Memo<Lang>, settings: Settings, report: Report) -> impl IntoView {
    let t = move || texts(lang.get());
    let Settings {
        mode,
        hide,
        ego_depth,
        size_by,
        ..
    } = settings;
    view! {
        <div class="network-options" id="network-options">
            <label>
                <span>{move || t().mode}</span>
                <select
                    data-testid="network-mode"
                    on:change=move |ev| {
                        if let Some(m) = GraphMode::parse(&event_target_value(&ev)) {
                            report.expect_new_picture();
                            settings.choose_mode(m);
                        }
                    }
                >
                    <option value="ecosystems" prop:selected=move || mode.get() == GraphMode::Ecosystems>{move || t().ecosystems}</option>
                    <option value="collaboration" prop:selected=move || mode.get() == GraphMode::Collaboration>{move || t().collaboration}</option>
                    <option value="all" prop:selected=move || mode.get() == GraphMode::All>{move || t().all}</option>
                </select>
            </label>
            <label>
                <span>{move || t().filtered}</span>
                <select
                    data-testid="network-filtered"
                    on:change=move |ev| settings.choose_hide(event_target_value(&ev) == "hide")
                >
                    <option value="fade" prop:selected=move || !hide.get()>{move || t().fade}</option>
                    <option value="hide" prop:selected=move || hide.get()>{move || t().hide}</option>
                </select>
            </label>
            <label>
                <span>{move || t().ego}</span>
                <select
                    data-testid="network-ego"
                    on:change=move |ev| settings.choose_ego(&event_target_value(&ev))
                >
                    <option value="0" prop:selected=move || ego_depth.get() == 0>{move || t().ego_off}</option>
                    <option value="1" prop:selected=move || ego_depth.get() == 1>{move || t().ego_1}</option>
                    <option value="2" prop:selected=move || ego_depth.get() == 2>{move || t().ego_2}</option>
                </select>
            </label>
            <label>
                <span>{move || t().size}</span>
                <select
                    data-testid="network-size"
                    on:change=move |ev| settings.choose_size_by(&event_target_value(&ev))
                >
                    <option value="degree" prop:selected=move || size_by.get() == SizeBy::Degree>{move || t().size_degree}</option>
                    <option value="volume" prop:selected=move || size_by.get() == SizeBy::Volume>{move || t().size_volume}</option>
                </select>
            </label>
        </div>
    }
}
