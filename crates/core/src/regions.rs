//! The 30 regions of Berlin-Brandenburg (Berlin's 12 Bezirke, Brandenburg's 18 Kreise) and their keys.
//!
//! Keys are five digits: Brandenburg's official Kreisschlüssel (12051-12073) and, for Berlin's Bezirke, which
//! have no AGS of their own, the state code 11 followed by the Bezirk number (11001 Mitte ... 11012 Reinickendorf).

use crate::model::State;
use crate::wire;

/// One region of the basemap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegionInfo {
    pub key: &'static str,
    pub name: &'static str,
    pub state: State,
    /// "Bezirk", "Landkreis" or "Kreisfreie Stadt".
    pub kind: &'static str,
}

/// All 30 regions, sorted by key.
pub const REGIONS: [RegionInfo; 30] = [
    RegionInfo {
        key: "11001",
        name: "Mitte",
        state: State::Berlin,
        kind: "Bezirk",
    },
    RegionInfo {
        key: "11002",
        name: "Friedrichshain-Kreuzberg",
        state: State::Berlin,
        kind: "Bezirk",
    },
    RegionInfo {
        key: "11003",
        name: "Pankow",
        state: State::Berlin,
        kind: "Bezirk",
    },
    RegionInfo {
        key: "11004",
        name: "Charlottenburg-Wilmersdorf",
        state: State::Berlin,
        kind: "Bezirk",
    },
    RegionInfo {
        key: "11005",
        name: "Spandau",
        state: State::Berlin,
        kind: "Bezirk",
    },
    RegionInfo {
        key: "11006",
        name: "Steglitz-Zehlendorf",
        state: State::Berlin,
        kind: "Bezirk",
    },
    RegionInfo {
        key: "11007",
        name: "Tempelhof-Schöneberg",
        state: State::Berlin,
        kind: "Bezirk",
    },
    RegionInfo {
        key: "11008",
        name: "Neukölln",
        state: State::Berlin,
        kind: "Bezirk",
    },
    RegionInfo {
        key: "11009",
        name: "Treptow-Köpenick",
        state: State::Berlin,
        kind: "Bezirk",
    },
    RegionInfo {
        key: "11010",
        name: "Marzahn-Hellersdorf",
        state: State::Berlin,
        kind: "Bezirk",
    },
    RegionInfo {
        key: "11011",
        name: "Lichtenberg",
        state: State::Berlin,
        kind: "Bezirk",
    },
    RegionInfo {
        key: "11012",
        name: "Reinickendorf",
        state: State::Berlin,
        kind: "Bezirk",
    },
    RegionInfo {
        key: "12051",
        name: "Brandenburg an der Havel",
        state: State::Brandenburg,
        kind: "Kreisfreie Stadt",
    },
    RegionInfo {
        key: "12052",
        name: "Cottbus",
        state: State::Brandenburg,
        kind: "Kreisfreie Stadt",
    },
    RegionInfo {
        key: "12053",
        name: "Frankfurt (Oder)",
        state: State::Brandenburg,
        kind: "Kreisfreie Stadt",
    },
    RegionInfo {
        key: "12054",
        name: "Potsdam",
        state: State::Brandenburg,
        kind: "Kreisfreie Stadt",
    },
    RegionInfo {
        key: "12060",
        name: "Barnim",
        state: State::Brandenburg,
        kind: "Landkreis",
    },
    RegionInfo {
        key: "12061",
        name: "Dahme-Spreewald",
        state: State::Brandenburg,
        kind: "Landkreis",
    },
    RegionInfo {
        key: "12062",
        name: "Elbe-Elster",
        state: State::Brandenburg,
        kind: "Landkreis",
    },
    RegionInfo {
        key: "12063",
        name: "Havelland",
        state: State::Brandenburg,
        kind: "Landkreis",
    },
    RegionInfo {
        key: "12064",
        name: "Märkisch-Oderland",
        state: State::Brandenburg,
        kind: "Landkreis",
    },
    RegionInfo {
        key: "12065",
        name: "Oberhavel",
        state: State::Brandenburg,
        kind: "Landkreis",
    },
    RegionInfo {
        key: "12066",
        name: "Oberspreewald-Lausitz",
        state: State::Brandenburg,
        kind: "Landkreis",
    },
    RegionInfo {
        key: "12067",
        name: "Oder-Spree",
        state: State::Brandenburg,
        kind: "Landkreis",
    },
    RegionInfo {
        key: "12068",
        name: "Ostprignitz-Ruppin",
        state: State::Brandenburg,
        kind: "Landkreis",
    },
    RegionInfo {
        key: "12069",
        name: "Potsdam-Mittelmark",
        state: State::Brandenburg,
        kind: "Landkreis",
    },
    RegionInfo {
        key: "12070",
        name: "Prignitz",
        state: State::Brandenburg,
        kind: "Landkreis",
    },
    RegionInfo {
        key: "12071",
        name: "Spree-Neiße",
        state: State::Brandenburg,
        kind: "Landkreis",
    },
    RegionInfo {
        key: "12072",
        name: "Teltow-Fläming",
        state: State::Brandenburg,
        kind: "Landkreis",
    },
    RegionInfo {
        key: "12073",
        name: "Uckermark",
        state: State::Brandenburg,
        kind: "Landkreis",
    },
];

/// Looks up a region by key.
pub fn region_info(key: &str) -> Option<&'static RegionInfo> {
    REGIONS.iter().find(|r| r.key == key)
}

/// The regions as export records (for generated and demo exports).
pub fn wire_regions() -> Vec<wire::Region> {
    REGIONS
        .iter()
        .map(|r| wire::Region {
            id: r.key.to_string(),
            name: r.name.to_string(),
            state: match r.state {
                State::Berlin => "BE".to_string(),
                State::Brandenburg => "BB".to_string(),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_bezirke_and_eighteen_kreise_with_five_digit_keys() {
        assert_eq!(REGIONS.iter().filter(|r| r.state == State::Berlin).count(), 12);
        assert_eq!(REGIONS.iter().filter(|r| r.state == State::Brandenburg).count(), 18);
        assert!(REGIONS
            .iter()
            .all(|r| r.key.len() == 5 && r.key.bytes().all(|b| b.is_ascii_digit())));
        assert_eq!(region_info("11001").map(|r| r.name), Some("Mitte"));
    }
}
