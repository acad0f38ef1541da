//! The gesture hints in German and English, for the map and for the network.

use ecomap_core::input_policy::Hint;
use ecomap_core::model::Lang;

/// Which stage a hint is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Surface {
    Map,
    Network,
}

struct HintTexts {
    touch: &'static str,
    wheel: &'static str,
}

const DE_MAP: HintTexts = HintTexts {
    touch: "Zum Bewegen der Karte zwei Finger verwenden",
    wheel: "Zum Zoomen der Karte Strg + Scrollen verwenden",
};

const EN_MAP: HintTexts = HintTexts {
    touch: "Use two fingers to move the map",
    wheel: "Use Ctrl + scroll to zoom the map",
};

const DE_NETWORK: HintTexts = HintTexts {
    touch: "Zum Bewegen des Netzwerks zwei Finger verwenden",
    wheel: "Zum Zoomen des Netzwerks Strg + Scrollen verwenden",
};

const EN_NETWORK: HintTexts = HintTexts {
    touch: "Use two fingers to move the network",
    wheel: "Use Ctrl + scroll to zoom the network",
};

/// The hint's text ("Ctrl + scroll" holds on Apple keyboards too: the app takes Ctrl or ⌘).
pub fn hint_text(lang: Lang, surface: Surface, hint: Hint) -> &'static str {
    let t = match (lang, surface) {
        (Lang::De, Surface::Map) => &DE_MAP,
        (Lang::En, Surface::Map) => &EN_MAP,
        (Lang::De, Surface::Network) => &DE_NETWORK,
        (Lang::En, Surface::Network) => &EN_NETWORK,
    };
    match hint {
        Hint::Touch => t.touch,
        Hint::Wheel => t.wheel,
    }
}
