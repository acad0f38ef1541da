//! The insight views' page strings in German and English (everything else comes localised from the worker).

use ecomap_core::model::Lang;

pub struct InsightTexts {
    /// The technology detail panel's button.
    pub open_profile: &'static str,
    pub loading: &'static str,
    pub no_technology: &'static str,
    pub no_file: &'static str,
    pub failed: &'static str,
}

const EN: InsightTexts = InsightTexts {
    open_profile: "Ecosystem profile",
    loading: "Preparing the ecosystem profile…",
    no_technology: "Open a technology (its detail panel) to see its ecosystem profile.",
    no_file:
        "Ecosystem profiles need an export from a web address; they are not available for a file opened on this device.",
    failed: "The ecosystem profile could not be computed:",
};

const DE: InsightTexts = InsightTexts {
    open_profile: "Ökosystem-Profil",
    loading: "Das Ökosystem-Profil wird vorbereitet …",
    no_technology: "Öffnen Sie eine Technologie (ihr Detailbereich), um ihr Ökosystem-Profil zu sehen.",
    no_file: "Ökosystem-Profile brauchen einen Export von einer Webadresse; für eine Datei von diesem Gerät gibt es sie nicht.",
    failed: "Das Ökosystem-Profil konnte nicht berechnet werden:",
};

pub fn insight_texts(lang: Lang) -> &'static InsightTexts {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}
