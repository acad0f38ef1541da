//! Downloads: a chart as SVG or PNG, the selection as CSV. Blob URLs and `<a download>`, nothing leaves the page.
//!
//! PNG: the exported SVG is drawn through an `Image` (blob URL) onto a canvas at devicePixelRatio × 2, so it
//! is crisp on high-DPI screens and in slides.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn blob(text: &str, mime: &str) -> Option<web_sys::Blob> {
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()
}

/// Clicks a temporary `<a download=name href=url>`.
fn click_link(url: &str, name: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(a) = doc.create_element("a") else { return };
    let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    a.set_href(url);
    a.set_download(name);
    a.set_attribute("hidden", "").ok();
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
}

/// Downloads `text` as a file.
pub fn download_text(name: &str, mime: &str, text: &str) {
    let Some(b) = blob(text, mime) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&b) else {
        return;
    };
    click_link(&url, name);
    // The click has started the download; the URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// An SVG string as a standalone file (XML declaration in front).
pub fn svg_file(svg: &str) -> String {
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}")
}

/// Draws `svg` (width × height CSS pixels) to a PNG at devicePixelRatio × 2 and downloads it.
pub fn download_png(name: &str, svg: &str, width: u32, height: u32) {
    let Some(win) = web_sys::window() else { return };
    let Some(doc) = win.document() else { return };
    let Some(b) = blob(svg, "image/svg+xml") else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&b) else {
        return;
    };
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let scale = crate::browser::pixel_ratio().max(1.0) * 2.0;
    let name = name.to_string();
    let img2 = img.clone();
    let url2 = url.clone();
    let onload = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url2);
        let Ok(canvas) = doc.create_element("canvas") else {
            return;
        };
        let Ok(canvas) = canvas.dyn_into::<web_sys::HtmlCanvasElement>() else {
            return;
        };
        canvas.set_width((width as f64 * scale).round() as u32);
        canvas.set_height((height as f64 * scale).round() as u32);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = ctx.scale(scale, scale);
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&img2, 0.0, 0.0, width as f64, height as f64);
        if let Ok(data) = canvas.to_data_url_with_type("image/png") {
            click_link(&data, &name);
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&url);
}
