//! The cluster's taxonomy: its 8 core technology fields and 12 sectors, as export records.
//!
//! Used by the demo builder and the synthetic generator; an export may bring its own lists.

use crate::wire::{Sector, Technology, Text};

/// (id, German name, English name) of the 8 technology fields.
pub const TECHNOLOGIES: [(&str, &str, &str); 8] = [
    ("ai", "Künstliche Intelligenz", "Artificial Intelligence"),
    ("blockchain", "Blockchain", "Blockchain"),
    ("iot", "Internet der Dinge", "Internet of Things"),
    ("security", "Informationssicherheit", "Information security"),
    ("vr", "Virtuelle Realität", "Virtual Reality"),
    ("ar", "Erweiterte Realität", "Augmented Reality"),
    ("xr", "Extended Reality", "Extended Reality"),
    ("ux", "Usability & Design", "Usability & Design"),
];

/// (id, German name, English name) of the 12 sectors.
pub const SECTORS: [(&str, &str, &str); 12] = [
    ("software", "Software & IT-Dienste", "Software & IT services"),
    ("telecom", "Telekommunikation", "Telecommunications"),
    ("games", "Games", "Games"),
    ("film", "Film, TV & Rundfunk", "Film, TV & broadcasting"),
    ("music", "Musik", "Music"),
    ("publishing", "Verlage & Presse", "Publishing & press"),
    ("advertising", "Werbung & PR", "Advertising & PR"),
    ("design", "Design & Mode", "Design & fashion"),
    ("architecture", "Architektur", "Architecture"),
    ("art", "Kunstmarkt", "Art market"),
    ("performing-arts", "Darstellende Künste", "Performing arts"),
    ("other", "Sonstige", "Other"),
];

pub fn wire_technologies() -> Vec<Technology> {
    TECHNOLOGIES
        .iter()
        .map(|(id, de, en)| Technology {
            id: id.to_string(),
            name: Text::new(*de, *en),
            description: None,
        })
        .collect()
}

pub fn wire_sectors() -> Vec<Sector> {
    SECTORS
        .iter()
        .map(|(id, de, en)| Sector {
            id: id.to_string(),
            name: Text::new(*de, *en),
        })
        .collect()
}
