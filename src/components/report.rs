//! The import report panel: every problem with severity, record id, JSON path and message, as text, grouped
//! by code (core's `ImportReport::lines`: the first 20 of each, then one line with how many more).

use ecomap_core::report::{Line, Severity};
use leptos::prelude::*;

use crate::i18n::texts;
use crate::state::use_app;

#[component]
pub fn ReportPanel() -> impl IntoView {
    let state = use_app();
    let t = move || texts(state.lang.get());
    let rows = move || {
        let lang = state.lang.get();
        state.data.with(|d| {
            let Some(d) = d else { return Vec::new() };
            d.0.report
                .lines()
                .into_iter()
                .map(|line| {
                    // The rest of a code beyond the first 20 is one line with the count, in the same row shape.
                    let (severity, path, record, msg) = match line {
                        Line::Problem(p) => {
                            let pos = p.line_col.map(|(l, c)| format!(" {l}:{c}")).unwrap_or_default();
                            (
                                p.severity,
                                format!("{}{pos}", p.path),
                                p.record.clone(),
                                p.message(lang).to_string(),
                            )
                        }
                        Line::More(m) => (
                            m.severity,
                            "…".to_string(),
                            None,
                            format!("{} [{}]", m.message(lang), m.code),
                        ),
                    };
                    let sev = match severity {
                        Severity::Error => t().errors,
                        Severity::Warning => t().warnings,
                        Severity::Notice => t().notices,
                    };
                    view! {
                        <li class=format!("problem {}", severity.key()) data-severity=severity.key()>
                            <span class="sev">{sev}</span>
                            <code class="path">{path}</code>
                            {record.map(|r| view! { <span class="record">{t().record}" „"{r}"“"</span> })}
                            <span class="msg">{msg}</span>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let source = move || {
        state
            .data
            .with(|d| d.as_ref().map(|d| d.0.source.clone()).unwrap_or_default())
    };
    view! {
        <Show when=move || state.report_open.get()>
            <section class="report-panel" id="report-panel" data-testid="report-panel" aria-labelledby="report-title">
                <h2 id="report-title">{move || t().report}" · "<code>{source}</code></h2>
                <button type="button" class="close" on:click=move |_| state.report_open.set(false)
                    aria-label=move || t().close>"×"</button>
                <ul class="problems">{rows}</ul>
            </section>
        </Show>
    }
}
