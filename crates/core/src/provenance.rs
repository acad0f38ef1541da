//! Where the shown data comes from, said once (issue 16, item 7): the app's own export, another file on the
//! app's origin, an export from another site (`?data=https://…`), or a visitor's local file. Anything but the
//! app's own export gets a persistent note on the page ("Data from example.org, not the cluster's export"), so
//! a shared link can never pass someone else's data off as the cluster's. `data:` and other non-http addresses
//! are refused as `data=` values by the parameter registry (`is_loadable`).

use crate::model::Lang;

/// The origin of the shown data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataOrigin {
    /// The app's own export (the default).
    Own,
    /// Another file on the app's origin (`?data=data/other.json`).
    SameSite(String),
    /// An export from another origin: its host.
    OtherSite(String),
    /// A file the visitor opened or dropped: its name.
    LocalFile(String),
}

/// Whether a `data=` value may be loaded: a relative address or an http(s) URL; never `data:`, `javascript:`,
/// `blob:`, `file:` or any other scheme.
pub fn is_loadable(value: &str) -> bool {
    let v = value.trim();
    match v.find(':') {
        // A scheme is what comes before the first ':' when no '/', '?' or '#' precedes it.
        Some(i) if !v[..i].contains(['/', '?', '#']) => {
            let scheme = v[..i].to_ascii_lowercase();
            (scheme == "https" || scheme == "http") && v[i..].starts_with("://")
        }
        _ => !v.is_empty(),
    }
}

/// Decides where the data came from: `source` is what was loaded (a URL or a file name), `data` the link's
/// `data=` value, `default` the app's own export's address, `own` the page's origin (`https://host[:port]`).
pub fn origin_of(source: &str, data: Option<&str>, default: &str, own: &str) -> DataOrigin {
    match data {
        None if source == default => DataOrigin::Own,
        Some(url) if url == source => {
            let lower = url.to_ascii_lowercase();
            if lower.starts_with("http://") || lower.starts_with("https://") {
                let rest = &url[url.find("://").map_or(0, |i| i + 3)..];
                let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
                let origin = format!(
                    "{}://{}",
                    &url[..url.find("://").unwrap_or(0)].to_ascii_lowercase(),
                    host
                );
                if origin.eq_ignore_ascii_case(own) {
                    DataOrigin::SameSite(rest[host.len()..].trim_start_matches('/').to_string())
                } else {
                    DataOrigin::OtherSite(host.to_ascii_lowercase())
                }
            } else if url == default {
                DataOrigin::Own
            } else {
                DataOrigin::SameSite(url.to_string())
            }
        }
        _ => DataOrigin::LocalFile(source.to_string()),
    }
}

impl DataOrigin {
    /// The page's note, or `None` for the app's own export.
    pub fn note(&self, lang: Lang) -> Option<String> {
        let de = lang == Lang::De;
        Some(match self {
            DataOrigin::Own => return None,
            DataOrigin::OtherSite(host) if de => format!("Daten von {host}, nicht der Export des Clusters."),
            DataOrigin::OtherSite(host) => format!("Data from {host}, not the cluster's export."),
            DataOrigin::SameSite(path) if de => format!("Daten aus {path}, nicht dem Export des Clusters."),
            DataOrigin::SameSite(path) => format!("Data from {path}, not the cluster's export."),
            DataOrigin::LocalFile(name) if de => {
                format!("Daten aus Ihrer Datei {name} (nur in diesem Browser), nicht dem Export des Clusters.")
            }
            DataOrigin::LocalFile(name) => {
                format!("Data from your file {name} (only in this browser), not the cluster's export.")
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OWN: &str = "https://ecomap.example";
    const DEFAULT: &str = "data/demo.json";

    #[test]
    fn only_http_and_relative_addresses_are_loadable() {
        for ok in [
            "data/x.json",
            "https://a.example/x.json",
            "HTTP://a.example/x",
            "./x.json?v=1",
            "x:y/z",
        ] {
            assert_eq!(is_loadable(ok), !ok.starts_with("x:"), "{ok}");
        }
        for bad in [
            "data:application/json,{}",
            " DATA:,x",
            "javascript:alert(1)",
            "blob:https://a.example/1",
            "file:///etc/passwd",
            "https:x",
            "",
        ] {
            assert!(!is_loadable(bad), "{bad}");
        }
    }

    #[test]
    fn each_source_is_named() {
        assert_eq!(origin_of(DEFAULT, None, DEFAULT, OWN), DataOrigin::Own);
        assert_eq!(origin_of(DEFAULT, Some(DEFAULT), DEFAULT, OWN), DataOrigin::Own);
        let other = "https://Data.Example.org/exports/x.json";
        assert_eq!(
            origin_of(other, Some(other), DEFAULT, OWN),
            DataOrigin::OtherSite("data.example.org".into())
        );
        let same = "https://ecomap.example/exports/x.json";
        assert_eq!(
            origin_of(same, Some(same), DEFAULT, OWN),
            DataOrigin::SameSite("exports/x.json".into())
        );
        assert_eq!(
            origin_of("fixtures/x.json", Some("fixtures/x.json"), DEFAULT, OWN),
            DataOrigin::SameSite("fixtures/x.json".into())
        );
        assert_eq!(
            origin_of("mine.json", None, DEFAULT, OWN),
            DataOrigin::LocalFile("mine.json".into())
        );
        assert_eq!(
            origin_of("mine.json", Some(other), DEFAULT, OWN),
            DataOrigin::LocalFile("mine.json".into()),
            "a file opened after a link's data= is the file"
        );
        assert_eq!(DataOrigin::Own.note(Lang::En), None);
        let note = DataOrigin::OtherSite("data.example.org".into()).note(Lang::En);
        assert_eq!(
            note.as_deref(),
            Some("Data from data.example.org, not the cluster's export.")
        );
        let note = DataOrigin::LocalFile("a.json".into())
            .note(Lang::De)
            .unwrap_or_default();
        assert!(note.contains("Ihrer Datei a.json"), "{note}");
    }
}
