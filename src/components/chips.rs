//! The active filters as removable chips above every view, with "clear all": each chosen facet value, the year
//! range and the search text. Visible on every width (on a phone the filter panel is folded away), so a
//! visitor always sees what narrows the picture. In an embed the filters its page locked show a lock mark and
//! no remove button, and "clear all" returns to the lock.

use ecomap_core::facet::Facet;
use leptos::prelude::*;

use crate::i18n::{facet_title, facet_value_label, texts};
use crate::shell::texts::shell_texts;
use crate::state::use_app;

/// What one chip removes.
#[derive(Clone, PartialEq)]
enum Chip {
    Value(Facet, String),
    Years,
    Text,
}

#[component]
pub fn FilterChips() -> impl IntoView {
    let state = use_app();
    let lock = state.lock;
    let locked = move |chip: &Chip| {
        lock.with_value(|l| match chip {
            Chip::Value(f, _) => l.locks(*f),
            Chip::Years => l.years().is_some(),
            Chip::Text => false,
        })
    };
    // "Clear all" only when it would change something (in an embed it keeps the lock).
    let clearable = Memo::new(move |_| {
        state.query.with(|q| {
            let mut c = q.clone();
            c.clear_filters();
            lock.with_value(|l| l.clamp(&mut c));
            c != *q
        })
    });
    let chips = Memo::new(move |_| {
        let lang = state.lang.get();
        let data = state.data.get();
        state.query.with(|q| {
            let mut out: Vec<(Chip, String)> = Vec::new();
            if let Some(d) = &data {
                for f in Facet::ALL {
                    for key in q.chosen(f) {
                        // Keys this data does not have are not filters (the link notice says so).
                        let Some(id) = f.find(&d.0.ds, key) else { continue };
                        let label = format!("{}: {}", facet_title(f, lang), facet_value_label(&d.0.ds, f, id, lang));
                        out.push((Chip::Value(f, key.clone()), label));
                    }
                }
            }
            if let Some((a, b)) = q.years {
                let range = if a == b { a.to_string() } else { format!("{a}–{b}") };
                out.push((Chip::Years, format!("{}: {range}", texts(lang).facet_years)));
            }
            if !q.text.trim().is_empty() {
                out.push((Chip::Text, format!("{}: {}", texts(lang).search_label, q.text.trim())));
            }
            out
        })
    });
    let remove = move |chip: &Chip| match chip {
        Chip::Value(f, key) => state.toggle_facet(*f, key),
        Chip::Years => state.set_filters(|q| q.years = None),
        Chip::Text => state.set_filters(|q| q.text.clear()),
    };
    let lock_note = move || format!(" ({})", shell_texts(state.lang.get()).locked);
    let t = move || texts(state.lang.get());
    move || {
        let list = chips.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="filter-chips" data-testid="filter-chips" role="region" aria-label=move || t().filters>
                    <ul>
                        {list.into_iter().map(|(chip, label)| {
                            let remove_label = format!("{} {label}", t().remove_filter);
                            let locked = locked(&chip);
                            // A locked filter shows a drawn lock (read out as "set by this page") instead of ×.
                            view! {
                                <li class="chip" class:locked=locked data-testid="filter-chip" data-locked=locked.then_some("true")>
                                    <span>{label}</span>
                                    <span class="lock-mark" hidden=!locked title=lock_note>{lock_note}</span>
                                    <button type="button" class="chip-remove" hidden=locked aria-label=remove_label.clone() title=remove_label
                                        on:click=move |_| { remove(&chip); }>"×"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <Show when=move || clearable.get()>
                        <button type="button" class="link-button" data-testid="chips-clear" on:click=move |_| state.clear_filters()>
                            {move || t().clear_filters}
                        </button>
                    </Show>
                </div>
            }
        })
    }
}
