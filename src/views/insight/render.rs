//! The one generic renderer of the worker's documents (docs/insight.md, "Protocol"), in plain DOM like the
//! share dialog: sections with a heading, lines, SVG charts (through `svg_dom`'s allow-list) and tables whose
//! cells may be buttons that open an actor or a technology (`clicked`). Every string goes in as text.

use ecomap_core::query::Focus;
use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

use crate::components::share::content::{el, text};

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn string(obj: &JsValue, key: &str) -> String {
    get(obj, key).as_string().unwrap_or_default()
}

fn items(obj: &JsValue, key: &str) -> Array {
    get(obj, key).dyn_into::<Array>().unwrap_or_default()
}

/// Replaces `host`'s content with the document `json` (the worker's JSON text).
pub fn render(host: &Element, json: &str) {
    let Ok(doc_value) = js_sys::JSON::parse(json) else {
        return;
    };
    let Some(doc) = host.owner_document() else { return };
    let _ = host.set_attribute("data-testid", &string(&doc_value, "testid"));
    // The view panel is labelled by this heading (its tab is missing: an insight view is not a tab).
    let title = text(
        &doc,
        "h2",
        &[("id", "tab-profile"), ("class", "insight-title")],
        &string(&doc_value, "title"),
    );
    let _ = host.set_attribute("aria-busy", "false");
    host.replace_children_with_node_1(&title);
    for s in items(&doc_value, "sections") {
        let _ = host.append_child(&section(&doc, &s));
    }
}

/// A message in place of a document (loading, an error).
pub fn message(host: &Element, s: &str, busy: bool) {
    let Some(doc) = host.owner_document() else { return };
    let p = text(&doc, "p", &[("class", "insight-message"), ("role", "status")], s);
    let _ = host.set_attribute("aria-busy", if busy { "true" } else { "false" });
    host.replace_children_with_node_1(&p);
}

fn section(doc: &Document, s: &JsValue) -> Element {
    let busy = get(s, "busy").as_bool().unwrap_or(false);
    let out = el(
        doc,
        "section",
        &[("class", "insight-section"), ("data-testid", &string(s, "testid"))],
        &[],
    );
    if busy {
        let _ = out.set_attribute("aria-busy", "true");
    }
    let heading = string(s, "heading");
    if !heading.is_empty() {
        let _ = out.append_child(&text(doc, "h3", &[], &heading));
    }
    for line in items(s, "lines") {
        let _ = out.append_child(&text(doc, "p", &[], &line.as_string().unwrap_or_default()));
    }
    for svg in items(s, "svg") {
        let chart = el(doc, "div", &[("class", "insight-chart"), ("aria-hidden", "true")], &[]);
        crate::views::charts::svg_dom::show_svg(&chart, &svg.as_string().unwrap_or_default());
        let _ = out.append_child(&chart);
    }
    for t in items(s, "tables") {
        let _ = out.append_child(&table(doc, &t));
    }
    out
}

fn table(doc: &Document, t: &JsValue) -> Element {
    let head_row = el(doc, "tr", &[], &[]);
    for h in items(t, "head") {
        let _ = head_row.append_child(&text(
            doc,
            "th",
            &[("scope", "col")],
            &h.as_string().unwrap_or_default(),
        ));
    }
    let body = el(doc, "tbody", &[], &[]);
    for row in items(t, "rows") {
        let tr = el(doc, "tr", &[], &[]);
        for c in row.dyn_into::<Array>().unwrap_or_default() {
            let _ = tr.append_child(&cell(doc, &c));
        }
        let _ = body.append_child(&tr);
    }
    let wrap = el(doc, "div", &[("class", "insight-table")], &[]);
    let table = el(
        doc,
        "table",
        &[],
        &[
            &text(doc, "caption", &[], &string(t, "caption")),
            &el(doc, "thead", &[], &[&head_row]),
            &body,
        ],
    );
    let _ = wrap.append_child(&table);
    wrap
}

fn cell(doc: &Document, c: &JsValue) -> Element {
    let label = string(c, "t");
    let td = el(doc, "td", &[], &[]);
    if get(c, "num").as_bool().unwrap_or(false) {
        let _ = td.set_attribute("class", "num");
    }
    let link = match (get(c, "actor").as_string(), get(c, "tech").as_string()) {
        (Some(a), _) => Some(("data-actor", a)),
        (None, Some(t)) => Some(("data-tech", t)),
        _ => None,
    };
    let Some((attr, key)) = link else {
        td.set_text_content(Some(&label));
        return td;
    };
    // One click listener on the view opens it (`clicked`): no closure per button.
    let button = text(
        doc,
        "button",
        &[("type", "button"), ("class", "link-button"), (attr, &key)],
        &label,
    );
    let _ = td.append_child(&button);
    td
}

/// What a click in a document opens: the actor or technology of the button it hit.
pub fn clicked(ev: &web_sys::MouseEvent) -> Option<Focus> {
    let target: Element = ev.target()?.dyn_into().ok()?;
    let button = target.closest("button[data-actor], button[data-tech]").ok()??;
    match (button.get_attribute("data-actor"), button.get_attribute("data-tech")) {
        (Some(a), _) => Some(Focus::Actor(a)),
        (None, Some(t)) => Some(Focus::Technology(t)),
        _ => None,
    }
}
