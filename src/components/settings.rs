//! The settings panel behind the header's "Settings" button: the choices a visitor rarely needs (the network's
//! renderer, refining its finished layout, opening an export of one's own), kept out of the views' toolbars.

use ecomap_core::query::View;
use leptos::prelude::*;

use crate::components::loader::FilePicker;
use crate::shell::texts::shell_texts;
use crate::shell::{use_shell, Renderer};
use crate::state::use_app;

#[component]
pub fn SettingsButton() -> impl IntoView {
    let state = use_app();
    let shell = use_shell();
    let t = move || shell_texts(state.lang.get());
    let open = shell.settings_open;
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            open.set(false);
            crate::browser::focus_id("settings-button");
        }
    };
    view! {
        <div class="settings">
            <button type="button" id="settings-button" class="settings-button" data-testid="settings"
                aria-expanded=move || open.get().to_string() aria-controls="settings-panel"
                on:click=move |_| open.update(|o| *o = !*o)>
                <span aria-hidden="true" class="gear">"⚙"</span>
                <span class="settings-label">{move || t().settings}</span>
            </button>
            // Hidden rather than unmounted: the file input inside stays in the page for drops and tests.
            <div class="settings-panel" id="settings-panel" role="group" data-testid="settings-panel"
                hidden=move || !open.get() aria-labelledby="settings-title" on:keydown=on_key>
                <h2 id="settings-title">{move || t().settings_title}</h2>
                <button type="button" class="close" aria-label=move || t().close_settings on:click=move |_| open.set(false)>"×"</button>
                <label class="setting">
                    <span>{move || t().renderer}</span>
                    <select data-testid="network-renderer"
                        on:change=move |ev| shell.choose_renderer(&event_target_value(&ev))>
                        <option value="webgl2" prop:selected=move || shell.renderer.get() == Renderer::WebGl2>"WebGL2"</option>
                        <option value="canvas2d" prop:selected=move || shell.renderer.get() == Renderer::Canvas2d>"Canvas 2D"</option>
                    </select>
                </label>
                <p class="muted setting-note">{move || t().renderer_note}</p>
                <Show when=move || state.query.with(|q| q.view == View::Network)>
                    <button type="button" class="button setting" data-testid="network-refine"
                        on:click=move |_| shell.refine.update(|n| *n += 1)>{move || t().refine}</button>
                </Show>
                <div class="setting">
                    <span>{move || t().data_file}</span>
                    <FilePicker/>
                    </div>
            </div>
        </div>
    }
}
