//! The shell's interface strings in German and English: the filter drawer, the settings panel, the view bar,
//! the embed's bar and its lock marks.

use ecomap_core::model::Lang;

pub struct ShellTexts {
    /// The button that opens or folds the filter panel (followed by the count of active filters).
    pub filters_button: &'static str,
    pub close_filters: &'static str,
    /// "Show N results": before and after N (closes the drawer).
    pub show_results: [&'static str; 2],
    pub settings: &'static str,
    pub settings_title: &'static str,
    pub close_settings: &'static str,
    pub renderer: &'static str,
    pub renderer_note: &'static str,
    pub refine: &'static str,
    pub data_file: &'static str,
    pub skip_to_view: &'static str,
    /// The embed's link to the whole app (a new tab).
    pub open_explorer: &'static str,
    pub new_tab: &'static str,
    /// Before the export's date in the embed's credits.
    pub data_as_of: &'static str,
    /// Read out with a locked chip or filter group: the embedding page fixed it.
    pub locked: &'static str,
}

pub const DE: ShellTexts = ShellTexts {
    filters_button: "Filter",
    close_filters: "Filter schließen",
    show_results: ["", " Treffer zeigen"],
    settings: "Einstellungen",
    settings_title: "Einstellungen",
    close_settings: "Einstellungen schließen",
    renderer: "Zeichnen mit",
    renderer_note: "Canvas 2D ist langsamer, läuft aber überall; gilt für dieses Gerät.",
    refine: "Netzwerk-Layout weiterrechnen",
    data_file: "Eigene Daten",
    skip_to_view: "Zur Ansicht springen",
    open_explorer: "Im vollständigen Explorer öffnen",
    new_tab: "öffnet in neuem Tab",
    data_as_of: "Daten vom",
    locked: "von dieser Seite festgelegt",
};

pub const EN: ShellTexts = ShellTexts {
    filters_button: "Filters",
    close_filters: "Close filters",
    show_results: ["Show ", " results"],
    settings: "Settings",
    settings_title: "Settings",
    close_settings: "Close settings",
    renderer: "Draw with",
    renderer_note: "Canvas 2D is slower but runs everywhere; applies to this device.",
    refine: "Refine the network layout",
    data_file: "Your own data",
    skip_to_view: "Skip to the view",
    open_explorer: "Open in the full explorer",
    new_tab: "opens in a new tab",
    data_as_of: "Data as of",
    locked: "set by this page",
};

pub fn shell_texts(lang: Lang) -> &'static ShellTexts {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}
