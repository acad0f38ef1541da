//! The suggestion list's DOM and the field's `aria-expanded` and `aria-activedescendant`, written by one
//! effect from the shown suggestions (a handful of nodes, rebuilt whole on each change: far smaller in the
//! wasm than a reactive view of nested groups). Names from the data are set as text (`set_text_content`),
//! never parsed as HTML.

use ecomap_core::model::{Dataset, Lang, State};
use ecomap_core::suggest::{Suggestion, SuggestionKind};
use web_sys::{Document, Element};

use super::texts::search_texts;
use super::{Shown, OPTION_ID};
use crate::i18n::{kind_name, texts};

/// The ids of the group headings, in the order of `SuggestionKind::ALL`.
const GROUP_IDS: [&str; 3] = ["search-group-actor", "search-group-technology", "search-group-region"];

/// Replaces the children of `list` (the listbox) with the groups of `shown`: per kind with suggestions a
/// `role=group` labelled by its heading, then its `role=option`s, each with the name and a short note. Sets
/// the ARIA state of the field before it (`input`).
pub fn render(input: Option<Element>, list: &Element, ds: &Dataset, shown: &Shown, lang: Lang) {
    if let Some(input) = input {
        let _ = input.set_attribute("aria-expanded", if shown.items.is_empty() { "false" } else { "true" });
        let _ = match shown.active {
            Some(i) => input.set_attribute("aria-activedescendant", &format!("{OPTION_ID}{i}")),
            None => input.remove_attribute("aria-activedescendant"),
        };
    }
    list.set_text_content(None);
    let Some(doc) = list.owner_document() else { return };
    for (g, kind) in SuggestionKind::ALL.into_iter().enumerate() {
        let mut group: Option<Element> = None;
        for (i, s) in shown.items.iter().enumerate().filter(|(_, s)| s.kind == kind) {
            let Some((name, note)) = label(ds, *s, lang) else {
                continue;
            };
            let parent = group.get_or_insert_with(|| {
                let group = add(
                    &doc,
                    list,
                    "div",
                    "search-group",
                    &[("role", "group"), ("aria-labelledby", GROUP_IDS[g])],
                );
                let heading = add(
                    &doc,
                    &group,
                    "div",
                    "search-group-title",
                    &[("role", "presentation"), ("id", GROUP_IDS[g])],
                );
                heading.set_text_content(Some(search_texts(lang).groups[g]));
                group
            });
            let selected = if shown.active == Some(i) { "true" } else { "false" };
            let id = format!("{OPTION_ID}{i}");
            let option = add(
                &doc,
                parent,
                "div",
                "search-option",
                &[
                    ("role", "option"),
                    ("id", &id),
                    ("data-testid", "search-option"),
                    ("data-kind", kind.key()),
                    ("aria-selected", selected),
                ],
            );
            add(&doc, &option, "span", "search-option-name", &[]).set_text_content(Some(&name));
            add(&doc, &option, "span", "search-option-note", &[]).set_text_content(Some(note));
        }
    }
}

/// Appends a new `tag` element with a class and attributes to `parent` and returns it (`parent` itself if the
/// document refused the tag, which it does only for invalid names).
fn add(doc: &Document, parent: &Element, tag: &str, class: &str, attrs: &[(&str, &str)]) -> Element {
    let Ok(el) = doc.create_element(tag) else {
        return parent.clone();
    };
    el.set_class_name(class);
    for (k, v) in attrs {
        let _ = el.set_attribute(k, v);
    }
    let _ = parent.append_child(&el);
    el
}

/// A suggestion's name (from the data) and a short note: an actor's kind, a region's state (none for a
/// technology); None for an id `ds` does not have (a list shown while other data loaded).
fn label(ds: &Dataset, s: Suggestion, lang: Lang) -> Option<(String, &'static str)> {
    let i = s.id as usize;
    Some(match s.kind {
        SuggestionKind::Actor => {
            let a = ds.actors.get(i)?;
            (a.name.clone(), kind_name(a.kind, lang))
        }
        SuggestionKind::Technology => (ds.technologies.get(i)?.name.get(lang).to_string(), ""),
        SuggestionKind::Region => {
            let r = ds.regions.get(i)?;
            let t = texts(lang);
            (
                r.name.clone(),
                if r.state == State::Berlin {
                    t.berlin
                } else {
                    t.brandenburg
                },
            )
        }
    })
}
