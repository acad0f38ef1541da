//! The plot: the drawn SVG (parsed into the page by `svg_dom`, never as markup), a click on it applies the bar
//! under the pointer, hovering shows that bar's tooltip as text.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::super::app_state::apply;
use super::super::chart_set::ChartRef;
use super::super::chart_spec::Key;
use super::super::draw::hit_at;
use super::super::svg_dom;
use crate::state::use_app;

/// A tooltip: its position in CSS pixels within the plot, and its text.
type Tip = (f64, f64, String);

/// The position of a pointer event in the chart's SVG pixels, then in CSS pixels within the element.
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

/// The bar under a pointer event: its key and tooltip, and where the pointer is (CSS pixels).
fn key_at(chart: ChartRef, ev: &web_sys::MouseEvent) -> Option<(Key, Tip)> {
    chart
        .with_untracked(|c| {
            let (x, y, lx, ly) = svg_point(ev, c.drawn.width)?;
            hit_at(&c.drawn.hits, x, y).map(|h| (h.key.clone(), (lx, ly, h.tip.clone())))
        })
        .flatten()
}

#[component]
pub fn ChartPlot(chart: ChartRef) -> impl IntoView {
    let state = use_app();
    let tip: RwSignal<Option<Tip>> = RwSignal::new(None);
    let container = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = container.get() {
            let shown = chart.with(|c| svg_dom::show_svg(&el, &c.drawn.svg));
            if shown.is_none() {
                // Not drawn (yet): empty.
                svg_dom::show_svg(&el, "");
            }
        }
    });
    let label = move || {
        let title = chart.text(|c| c.spec.title.clone());
        let summary = chart.text(|c| c.spec.summary.clone());
        format!("{title}. {summary}")
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some((key, _)) = key_at(chart, &ev) {
            apply(state, &key);
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| tip.set(key_at(chart, &ev).map(|(_, tip)| tip));
    view! {
        <div class="chart-plot">
            <div class="chart-svg" data-testid="chart-svg" role="img" aria-label=label node_ref=container
                on:click=on_click
                on:pointermove=on_move
                on:pointerleave=move |_| tip.set(None)></div>
            {move || tip.get().map(|(x, y, text)| view! {
                <div class="chart-tip" data-testid="chart-tip" role="tooltip" style:left=format!("{}px", x + 12.0) style:top=format!("{}px", y + 12.0)>{text}</div>
            })}
        </div>
    }
}
