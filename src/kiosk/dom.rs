//! Small plain-DOM helpers for the kiosk's dialogs (built when needed, like the share dialog: a few calls per
//! element instead of a `view!`'s generated code; elements with a text are the share dialog's `text`). Texts go
//! in as text nodes or attribute values only.

pub(crate) use crate::components::share::content::text;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

pub fn document() -> Option<Document> {
    web_sys::window().and_then(|w| w.document())
}

/// An SVG element.
pub fn svg(doc: &Document, tag: &str, attrs: &[(&str, &str)]) -> Element {
    let e = doc
        .create_element_ns(Some("http://www.w3.org/2000/svg"), tag)
        .unwrap_or_else(|_| doc.create_element("div").expect("a div"));
    for (k, v) in attrs {
        let _ = e.set_attribute(k, v);
    }
    e
}

/// A modal `<dialog>` made once per page (at the end of the body) with one click listener for its content;
/// its content is removed when it closes.
pub fn dialog(id: &str, label_id: &str, on_click: impl Fn(&Element) + 'static) -> Option<web_sys::HtmlDialogElement> {
    let doc = document()?;
    if let Some(d) = doc.get_element_by_id(id) {
        return d.dyn_into().ok();
    }
    let d = text(
        &doc,
        "dialog",
        &[
            ("id", id),
            ("class", "kiosk-dialog"),
            ("data-testid", id),
            ("aria-labelledby", label_id),
        ],
        "",
    );
    let click = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
        if let Some(action) = target.and_then(|t| t.closest("[data-action]").ok().flatten()) {
            on_click(&action);
        }
    });
    let _ = d.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
    click.forget();
    let clear = Closure::<dyn Fn()>::new({
        let d = d.clone();
        move || d.set_text_content(None)
    });
    let _ = d.add_event_listener_with_callback("close", clear.as_ref().unchecked_ref());
    clear.forget();
    doc.body()?.append_child(&d).ok()?;
    d.dyn_into().ok()
}

/// Closes the dialog `id` if it is open.
pub fn close(id: &str) {
    if let Some(d) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok())
    {
        if d.open() {
            d.close();
        }
    }
}
