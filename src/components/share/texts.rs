//! The share and embed dialog's strings in German and English.

use ecomap_core::model::Lang;

pub struct ShareTexts {
    pub share: &'static str,
    pub title: &'static str,
    pub close: &'static str,
    pub link: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    /// When the clipboard is not available: the text is selected instead.
    pub press_copy: &'static str,
    pub embed: &'static str,
    pub view: &'static str,
    pub panels: &'static str,
    /// The panels' names, in the order of `share::PANELS` (legend, filters, list, timeline).
    pub panel_names: [&'static str; 4],
    pub lock: &'static str,
    pub lock_none: &'static str,
    pub theme: &'static str,
    /// System, light, dark.
    pub themes: [&'static str; 3],
    pub language: &'static str,
    pub height: &'static str,
    pub height_auto: &'static str,
    pub chart: &'static str,
    /// The chart choice's "all six" (the others are the charts' own titles).
    pub all_charts: &'static str,
    pub preview: &'static str,
    pub snippet_iframe: &'static str,
    pub snippet_loader: &'static str,
}

/// The language choice names each language in itself, the same in both interfaces.
pub const LANG_NAMES: [(Lang, &str); 2] = [(Lang::De, "Deutsch"), (Lang::En, "English")];

pub const DE: ShareTexts = ShareTexts {
    share: "Teilen",
    title: "Teilen und einbetten",
    close: "Schließen",
    link: "Link zu dieser Ansicht",
    copy: "Kopieren",
    copied: "Kopiert.",
    press_copy: "Markiert: mit Strg+C (⌘C) kopieren.",
    embed: "Auf einer Website einbetten",
    view: "Ansicht",
    panels: "Bereiche",
    panel_names: ["Legende", "Filter", "Liste", "Zeitleiste"],
    lock: "Aktuelle Filter festlegen (Besucher können nur eingrenzen)",
    lock_none: "Keine Filter gewählt.",
    theme: "Farben",
    themes: ["wie das System", "hell", "dunkel"],
    language: "Sprache",
    height: "Höhe",
    height_auto: "passt sich dem Inhalt an",
    chart: "Diagramm (Ansicht Diagramme)",
    all_charts: "alle sechs",
    preview: "Vorschau",
    snippet_iframe: "HTML: iframe",
    snippet_loader: "HTML: mit Loader (passt die Höhe an, meldet Ereignisse)",
};

pub const EN: ShareTexts = ShareTexts {
    share: "Share",
    title: "Share and embed",
    close: "Close",
    link: "Link to this view",
    copy: "Copy",
    copied: "Copied.",
    press_copy: "Selected: press Ctrl+C (⌘C) to copy.",
    embed: "Embed on a website",
    view: "View",
    panels: "Panels",
    panel_names: ["Legend", "Filters", "List", "Timeline"],
    lock: "Lock the current filters (visitors can only narrow them)",
    lock_none: "No filters chosen.",
    theme: "Colours",
    themes: ["as the system", "light", "dark"],
    language: "Language",
    height: "Height",
    height_auto: "follows the content",
    chart: "Chart (charts view)",
    all_charts: "all six",
    preview: "Preview",
    snippet_iframe: "HTML: iframe",
    snippet_loader: "HTML: with the loader (follows the height, reports events)",
};

pub fn share_texts(lang: Lang) -> &'static ShareTexts {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}
