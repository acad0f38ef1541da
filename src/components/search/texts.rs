//! The search box's German and English interface strings (its label and placeholder are in `i18n.rs`, the
//! filter chips share them). A missing translation is a missing struct field.

use ecomap_core::model::Lang;

pub struct SearchTexts {
    /// The group headings, in the order of `SuggestionKind::ALL`.
    pub groups: [&'static str; 3],
}

const DE: SearchTexts = SearchTexts {
    groups: ["Akteure", "Technologien", "Regionen"],
};

const EN: SearchTexts = SearchTexts {
    groups: ["Actors", "Technologies", "Regions"],
};

/// The strings of `lang`.
pub fn search_texts(lang: Lang) -> &'static SearchTexts {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}
