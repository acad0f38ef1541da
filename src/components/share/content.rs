//! The share dialog's content as plain DOM, built each time it opens (a few calls per element instead of a
//! `view!`'s generated code; see mod.rs). Every text goes in as a text node or an attribute value, never as
//! markup.

use super::link::{self as share, PANELS};
use ecomap_core::embed::Chart;
use ecomap_core::model::Lang;
use ecomap_core::query::{Query, View};
use web_sys::{Document, Element};

use super::texts::{ShareTexts, LANG_NAMES};
use super::THEMES;
use crate::i18n::view_name;

/// The fixed heights offered besides "follows the content".
const HEIGHTS: [&str; 3] = ["400", "600", "800"];

/// An element with attributes and children.
pub(crate) fn el(doc: &Document, tag: &str, attrs: &[(&str, &str)], children: &[&Element]) -> Element {
    let e = doc
        .create_element(tag)
        .unwrap_or_else(|_| doc.create_element("div").expect("a div"));
    for (k, v) in attrs {
        let _ = e.set_attribute(k, v);
    }
    for c in children {
        let _ = e.append_child(c);
    }
    e
}

/// An element holding a text.
pub(crate) fn text(doc: &Document, tag: &str, attrs: &[(&str, &str)], s: &str) -> Element {
    let e = el(doc, tag, attrs, &[]);
    e.set_text_content(Some(s));
    e
}

/// A labelled `<select>` of (value, label) with `chosen` selected.
fn select(doc: &Document, id: &str, label: &str, options: &[(&str, &str)], chosen: &str) -> Element {
    let s = el(doc, "select", &[("id", id), ("data-testid", id)], &[]);
    for (value, name) in options {
        let o = text(doc, "option", &[("value", value)], name);
        if value == &chosen {
            let _ = o.set_attribute("selected", "");
        }
        let _ = s.append_child(&o);
    }
    let l = text(doc, "label", &[], label);
    let _ = l.append_child(&s);
    l
}

/// A labelled checkbox.
fn check(doc: &Document, id: &str, label: &str, on: bool, enabled: bool) -> Element {
    let i = el(
        doc,
        "input",
        &[("type", "checkbox"), ("id", id), ("data-testid", id)],
        &[],
    );
    if on {
        let _ = i.set_attribute("checked", "");
    }
    if !enabled {
        let _ = i.set_attribute("disabled", "");
    }
    let l = el(doc, "label", &[("class", "share-check")], &[&i]);
    let _ = l.append_child(&doc.create_text_node(label));
    l
}

/// A labelled read-only field with its copy button and status line (`data-action` names the field).
fn copyable(doc: &Document, parent: &Element, id: &str, label: &str, t: &ShareTexts) {
    let field = match id {
        "share-link" => el(doc, "input", &[("readonly", ""), ("autofocus", "")], &[]),
        _ => el(
            doc,
            "textarea",
            &[("readonly", ""), ("rows", "3"), ("spellcheck", "false")],
            &[],
        ),
    };
    let _ = field.set_attribute("id", id);
    let _ = field.set_attribute("data-testid", id);
    let button_id = format!("{id}-copy");
    let button = text(
        doc,
        "button",
        &[
            ("type", "button"),
            ("class", "button"),
            ("data-action", id),
            ("data-testid", &button_id),
        ],
        t.copy,
    );
    let status_id = format!("{id}-status");
    let status = el(
        doc,
        "span",
        &[("class", "copy-status"), ("role", "status"), ("id", &status_id)],
        &[],
    );
    let _ = parent.append_child(&text(doc, "label", &[("class", "share-label"), ("for", id)], label));
    let _ = parent.append_child(&el(doc, "div", &[("class", "share-copy")], &[&field, &button, &status]));
}

/// Fills the dialog for the page's query `q` at `href` (mod.rs then writes the embed's address and snippets).
pub fn build(dialog: &Element, t: &'static ShareTexts, lang: Lang, q: &Query, href: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    dialog.set_text_content(None);
    let add = |e: &Element| {
        let _ = dialog.append_child(e);
    };
    add(&text(&doc, "h2", &[("id", "share-title")], t.title));
    add(&text(
        &doc,
        "button",
        &[
            ("type", "button"),
            ("class", "close"),
            ("aria-label", t.close),
            ("data-action", "close"),
        ],
        "×",
    ));
    copyable(&doc, dialog, "share-link", t.link, t);
    if let Some(f) = doc.get_element_by_id("share-link") {
        let _ = js_sys::Reflect::set(&f, &"value".into(), &href.into());
    }
    add(&text(&doc, "h3", &[], t.embed));

    let views: Vec<(&str, &str)> = View::ALL.map(|v| (v.key(), view_name(v, lang))).to_vec();
    let panels = el(&doc, "fieldset", &[], &[&text(&doc, "legend", &[], t.panels)]);
    for (p, name) in PANELS.into_iter().zip(t.panel_names) {
        let _ = panels.append_child(&check(&doc, &format!("share-panel-{p}"), name, p == "legend", true));
    }
    let lockable = !share::lock_keys(q).is_empty();
    let lock = if lockable {
        t.lock.to_string()
    } else {
        format!("{} ({})", t.lock, t.lock_none)
    };
    let themes: Vec<(&str, &str)> = THEMES.into_iter().zip(t.themes).collect();
    let langs: Vec<(&str, &str)> = LANG_NAMES.map(|(l, name)| (l.code(), name)).to_vec();
    let ct = crate::views::charts::texts::view_texts(lang);
    let titles = [
        ct.by_year_title,
        ct.new_ongoing_title,
        ct.by_technology_title,
        ct.by_sector_title,
        ct.composition_title,
        ct.top_title,
    ];
    let mut charts = vec![("", t.all_charts)];
    charts.extend(Chart::ALL.iter().zip(titles).map(|(c, name)| (c.key(), name)));
    let mut heights = vec![("auto", t.height_auto)];
    heights.extend(HEIGHTS.map(|h| (h, h)));
    add(&el(
        &doc,
        "div",
        &[("class", "share-form"), ("data-testid", "share-form")],
        &[
            &select(&doc, "share-view", t.view, &views, q.view.key()),
            &select(&doc, "share-chart", t.chart, &charts, ""),
            &panels,
            &check(&doc, "share-lock", &lock, false, lockable),
            &select(&doc, "share-theme", t.theme, &themes, ""),
            &select(&doc, "share-lang", t.language, &langs, lang.code()),
            &select(&doc, "share-height", t.height, &heights, "auto"),
        ],
    ));
    add(&text(&doc, "p", &[("class", "share-label")], t.preview));
    add(&el(
        &doc,
        "iframe",
        &[
            ("id", "share-preview"),
            ("class", "share-preview"),
            ("data-testid", "share-preview"),
            ("loading", "lazy"),
            ("title", t.preview),
        ],
        &[],
    ));
    copyable(&doc, dialog, "share-iframe", t.snippet_iframe, t);
    copyable(&doc, dialog, "share-loader", t.snippet_loader, t);
}
