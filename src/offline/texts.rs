//! The offline note's strings in German and English.

use ecomap_core::model::Lang;

/// Before the export's date ("Offline – data as of 2026-11-30").
pub fn offline_as_of(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "Offline – Daten vom",
        Lang::En => "Offline – data as of",
    }
}

/// The note's tooltip: why the app still works.
pub fn offline_detail(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "Ohne Netz: Die App und die Daten kommen aus dem Speicher dieses Browsers.",
        Lang::En => "No network: the app and its data come from this browser's storage.",
    }
}
