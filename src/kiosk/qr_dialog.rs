//! An outbound link in a kiosk opens this dialog instead of another site: the address as a QR code (core's
//! `kiosk::qr`, drawn as one SVG path; no online service) and as text, to open on the visitor's own phone.

use ecomap_core::kiosk::qr::qr_path;
use ecomap_core::model::Lang;

use super::dom::{self, svg, text};
use super::texts::kiosk_texts;

const ID: &str = "kiosk-qr";

/// Shows `href` as a QR code.
pub fn show(href: &str, lang: Lang) {
    let Some(doc) = dom::document() else { return };
    let Some(d) = dom::dialog(ID, "kiosk-qr-title", |action| {
        if action.get_attribute("data-action").as_deref() == Some("close") {
            dom::close(ID);
        }
    }) else {
        return;
    };
    let t = kiosk_texts(lang);
    d.set_text_content(None);
    let _ = d.append_child(&text(&doc, "p", &[("id", "kiosk-qr-title")], t.scan));
    if let Some(code) = qr_path(href) {
        let view = format!("0 0 {0} {0}", code.size);
        let image = svg(
            &doc,
            "svg",
            &[
                ("viewBox", &view),
                ("class", "kiosk-qr-code"),
                ("data-testid", "kiosk-qr-code"),
                ("role", "img"),
                ("aria-label", href),
                ("shape-rendering", "crispEdges"),
            ],
        );
        let size = code.size.to_string();
        let _ = image.append_child(&svg(
            &doc,
            "rect",
            &[("width", &size), ("height", &size), ("fill", "#fff")],
        ));
        let _ = image.append_child(&svg(&doc, "path", &[("d", &code.d), ("fill", "#000")]));
        let _ = d.append_child(&image);
    }
    let _ = d.append_child(&text(
        &doc,
        "p",
        &[("class", "kiosk-qr-url"), ("data-testid", "kiosk-qr-url")],
        href,
    ));
    let _ = d.append_child(&text(
        &doc,
        "button",
        &[("type", "button"), ("class", "button"), ("data-action", "close")],
        t.close,
    ));
    if !d.open() {
        let _ = d.show_modal();
    }
}

/// Closes it (the kiosk starts over).
pub fn close() {
    dom::close(ID);
}
