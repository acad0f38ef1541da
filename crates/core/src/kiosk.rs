//! Kiosk mode's pure parts (`?mode=kiosk`, docs/presenting.md): its settings in config.json (`kiosk`: the exit
//! PIN and the idle time), the idle clock that counts down to a reset (`idle`), and outbound links as QR codes
//! (`qr`), which a visitor scans with a phone instead of leaving the kiosk. Tested natively; the page part is
//! `src/kiosk/`.

pub mod idle;
pub mod qr;

use serde_json::Value;

/// The idle time before a reset when config.json names none.
pub const DEFAULT_IDLE_SECONDS: u32 = 90;
/// The shortest and longest idle time config.json may set.
pub const IDLE_SECONDS: std::ops::RangeInclusive<u32> = 5..=3600;

/// The kiosk's settings (config.json's `kiosk` object).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KioskConfig {
    /// The PIN of the hidden exit (4 to 8 digits); without one the exit is off (staff leave through the
    /// kiosk browser's own exit).
    pub pin: Option<String>,
    /// Seconds without a touch before the countdown to the reset starts.
    pub idle_seconds: u32,
}

impl Default for KioskConfig {
    fn default() -> KioskConfig {
        KioskConfig {
            pin: None,
            idle_seconds: DEFAULT_IDLE_SECONDS,
        }
    }
}

impl KioskConfig {
    /// Reads the `kiosk` object; the error is (JSON path, message).
    pub fn parse(v: &Value) -> Result<KioskConfig, (String, String)> {
        let Value::Object(map) = v else {
            return Err((
                "kiosk".into(),
                "must be an object, e.g. {\"pin\": \"2468\", \"idleSeconds\": 90}".into(),
            ));
        };
        let mut c = KioskConfig::default();
        for (key, value) in map {
            match key.as_str() {
                "pin" => {
                    let pin = value.as_str().unwrap_or_default();
                    if !(4..=8).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
                        return Err((
                            "kiosk.pin".into(),
                            "must be a string of 4 to 8 digits, e.g. \"2468\"".into(),
                        ));
                    }
                    c.pin = Some(pin.to_string());
                }
                "idleSeconds" => {
                    let s = value
                        .as_u64()
                        .filter(|s| IDLE_SECONDS.contains(&(*s as u32)) && *s <= 3600);
                    let Some(s) = s else {
                        return Err((
                            "kiosk.idleSeconds".into(),
                            format!(
                                "must be a whole number of seconds from {} to {}",
                                IDLE_SECONDS.start(),
                                IDLE_SECONDS.end()
                            ),
                        ));
                    };
                    c.idle_seconds = s as u32;
                }
                other => {
                    return Err((
                        format!("kiosk.{other}"),
                        "unknown field (known: pin, idleSeconds)".into(),
                    ));
                }
            }
        }
        Ok(c)
    }

    /// Whether `entered` opens the hidden exit.
    pub fn pin_opens(&self, entered: &str) -> bool {
        self.pin.as_deref().is_some_and(|p| p == entered)
    }
}

/// Whether a link leaves the app (another origin, or another scheme such as `mailto:`): in a kiosk it is shown
/// as a QR code instead of followed. `own` is the page's origin, `href` the link's resolved address.
pub fn is_outbound(href: &str, own: &str) -> bool {
    if href.starts_with('#') || href.is_empty() {
        return false;
    }
    !(href == own || href.starts_with(&format!("{own}/")) || href.starts_with(&format!("{own}?")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<KioskConfig, (String, String)> {
        KioskConfig::parse(&serde_json::from_str(s).expect("json"))
    }

    #[test]
    fn kiosk_settings_are_read_and_checked_with_their_path() {
        assert_eq!(parse("{}"), Ok(KioskConfig::default()));
        let c = parse(r#"{"pin": "2468", "idleSeconds": 45}"#).expect("valid");
        assert_eq!((c.pin.as_deref(), c.idle_seconds), (Some("2468"), 45));
        assert!(c.pin_opens("2468") && !c.pin_opens("2469") && !c.pin_opens(""));
        assert!(!KioskConfig::default().pin_opens(""), "no PIN: the exit never opens");
        for (bad, path) in [
            (r#"{"pin": 2468}"#, "kiosk.pin"),
            (r#"{"pin": "12"}"#, "kiosk.pin"),
            (r#"{"pin": "12a4"}"#, "kiosk.pin"),
            (r#"{"idleSeconds": 4}"#, "kiosk.idleSeconds"),
            (r#"{"idleSeconds": 90.5}"#, "kiosk.idleSeconds"),
            (r#"{"idle": 90}"#, "kiosk.idle"),
            (r#"[]"#, "kiosk"),
        ] {
            assert_eq!(parse(bad).map_err(|e| e.0), Err(path.to_string()), "{bad}");
        }
    }

    #[test]
    fn outbound_links_are_those_that_leave_the_app() {
        let own = "https://ecomap.example";
        assert!(is_outbound("https://www.tu.berlin/", own));
        assert!(is_outbound("mailto:info@example.org", own));
        assert!(is_outbound("https://ecomap.example.evil.org/", own));
        assert!(!is_outbound("https://ecomap.example/?view=map", own));
        assert!(!is_outbound("https://ecomap.example/ecomap/", own));
        assert!(!is_outbound("#view-panel", own));
    }
}
