//! The insight views' page strings in German and English (everything else comes localised from the worker).

use ecomap_core::model::Lang;

pub struct InsightTexts {
    /// The technology detail panel's button.
    pub open_profile: &'static str,
    /// The actor detail panel's button.
    pub suggest: &'static str,
    pub loading: &'static str,
    pub no_technology: &'static str,
    pub failed: &'static str,
}

const EN: InsightTexts = InsightTexts {
    open_profile: "Ecosystem profile",
    suggest: "Suggest partners",
    loading: "Preparing the figures…",
    no_technology: "Open a technology (its detail panel) to see its ecosystem profile.",
    failed: "The figures could not be computed:",
};

const DE: InsightTexts = InsightTexts {
    open_profile: "Ökosystem-Profil",
    suggest: "Partner vorschlagen",
    loading: "Die Zahlen werden vorbereitet …",
    no_technology: "Öffnen Sie eine Technologie (ihr Detailbereich), um ihr Ökosystem-Profil zu sehen.",
    failed: "Die Zahlen konnten nicht berechnet werden:",
};

pub fn insight_texts(lang: Lang) -> &'static InsightTexts {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}
