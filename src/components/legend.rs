//! The one legend of actor kinds (and, where a view shows them, technology hubs), drawn from the kinds table
//! (`crate::kinds`): a mark of the kind's shape in its colour token, and its name. Also the single mark used in
//! the result list and the detail panel. The map, the network and the charts show this same legend.

use ecomap_core::model::{ActorKind, Lang};
use leptos::prelude::*;

use crate::i18n::{kind_name, texts};
use crate::kinds::{self, Mark};

/// A small SVG mark of `mark` filled with the CSS colour `fill` (a `var(--...)`), hidden from screen readers
/// (the text beside it says what it is).
#[component]
pub fn MarkSymbol(mark: Mark, fill: String, #[prop(default = 14)] size: u32) -> impl IntoView {
    let shape = match mark.svg_points() {
        Some(points) => view! { <polygon points=points fill=fill></polygon> }.into_any(),
        None => view! { <circle cx="0" cy="0" r="1" fill=fill></circle> }.into_any(),
    };
    view! {
        <svg class="kind-mark" viewBox="-1.3 -1.3 2.6 2.6" width=size height=size aria-hidden="true">{shape}</svg>
    }
}

/// The mark of an actor kind.
#[component]
pub fn KindMark(kind: ActorKind) -> impl IntoView {
    view! { <MarkSymbol mark=kinds::mark(kind) fill=format!("var({})", kinds::token(kind))/> }
}

/// The legend: every kind's mark and name; with `technologies`, the technology hub too.
#[component]
pub fn KindLegend(
    lang: Memo<Lang>,
    #[prop(default = false)] technologies: bool,
    #[prop(optional, into)] class: String,
) -> impl IntoView {
    let items = move || {
        let l = lang.get();
        let mut v: Vec<(Mark, String, String)> = ActorKind::ALL
            .iter()
            .map(|&k| {
                (
                    kinds::mark(k),
                    format!("var({})", kinds::token(k)),
                    kind_name(k, l).to_string(),
                )
            })
            .collect();
        if technologies {
            v.push((
                kinds::TECHNOLOGY_MARK,
                format!("var({})", kinds::TECHNOLOGY_TOKEN),
                texts(l).technology.to_string(),
            ));
        }
        v
    };
    view! {
        <ul class=format!("kind-legend {class}") data-testid="kind-legend">
            {move || items().into_iter().map(|(mark, fill, name)| view! {
                <li><MarkSymbol mark=mark fill=fill/>{name}</li>
            }).collect_view()}
        </ul>
    }
}
