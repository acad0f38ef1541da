//! The insight's de/en texts: the partner suggestions' one-line reasons.

use crate::model::Lang;

/// "A", "A and B", "A, B and C" (de: "und").
pub fn list(names: &[&str], lang: Lang) -> String {
    let and = match lang {
        Lang::De => " und ",
        Lang::En => " and ",
    };
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
    }
}

/// "works on IoT and InfoSec like you".
pub fn shared_technologies(names: &str, lang: Lang) -> String {
    match lang {
        Lang::De => format!("arbeitet wie Sie an: {names}"),
        Lang::En => format!("works on {names} like you"),
    }
}

/// "2 shared partners".
pub fn shared_partners(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::De, 1) => "1 gemeinsamer Partner".to_string(),
        (Lang::De, _) => format!("{n} gemeinsame Partner"),
        (Lang::En, 1) => "1 shared partner".to_string(),
        (Lang::En, _) => format!("{n} shared partners"),
    }
}

/// "3 km away" (whole kilometres; "under 1 km away" below one).
pub fn distance(km: f64, lang: Lang) -> String {
    match (lang, km < 1.0) {
        (Lang::De, true) => "weniger als 1 km entfernt".to_string(),
        (Lang::De, false) => format!("{} km entfernt", km.round()),
        (Lang::En, true) => "under 1 km away".to_string(),
        (Lang::En, false) => format!("{} km away", km.round()),
    }
}
