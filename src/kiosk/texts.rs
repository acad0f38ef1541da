//! The kiosk's strings in German and English.

use ecomap_core::model::Lang;

pub struct KioskTexts {
    /// Over the attract loop.
    pub touch_to_explore: &'static str,
    /// "Starting over in" before "9 s".
    pub starting_over: &'static str,
    pub touch_to_stay: &'static str,
    /// The QR dialog of an outbound link.
    pub scan: &'static str,
    pub close: &'static str,
    /// The hidden exit's PIN pad.
    pub pin_title: &'static str,
    pub pin_wrong: &'static str,
    pub delete: &'static str,
    pub ok: &'static str,
    pub cancel: &'static str,
    /// The hidden corner's accessible name.
    pub exit_corner: &'static str,
}

pub const DE: KioskTexts = KioskTexts {
    touch_to_explore: "Bildschirm berühren zum Erkunden",
    starting_over: "Neustart in",
    touch_to_stay: "Bildschirm berühren, um weiterzumachen.",
    scan: "Mit dem Smartphone scannen, um diese Seite zu öffnen:",
    close: "Schließen",
    pin_title: "PIN für das Beenden des Kioskmodus",
    pin_wrong: "Falsche PIN.",
    delete: "Löschen",
    ok: "OK",
    cancel: "Abbrechen",
    exit_corner: "Kioskmodus beenden (lange drücken)",
};

pub const EN: KioskTexts = KioskTexts {
    touch_to_explore: "Touch the screen to explore",
    starting_over: "Starting over in",
    touch_to_stay: "Touch the screen to carry on.",
    scan: "Scan with your phone to open this page:",
    close: "Close",
    pin_title: "PIN to leave kiosk mode",
    pin_wrong: "Wrong PIN.",
    delete: "Delete",
    ok: "OK",
    cancel: "Cancel",
    exit_corner: "Leave kiosk mode (long press)",
};

pub fn kiosk_texts(lang: Lang) -> &'static KioskTexts {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}
