//! The operator's addresses the accessibility statement links to (public/accessibility.html): legal notice
//! (Impressum), privacy statement (Datenschutzerklärung), where to report a correction of the data, and the
//! accessibility feedback contact. They come from an export's optional `meta.contact` (format 1.1) or from
//! `config.json`'s `contact` (docs/accessibility.md: the configuration wins, field by field). An address is an
//! `http://`, `https://` or `mailto:` URL; anything else is refused, never turned into a link.

/// The keys of a contact object, in the order the statement lists them.
pub const KEYS: [&str; 4] = ["legal_notice", "privacy", "corrections", "feedback"];

/// Checks one address: trimmed, `http(s)://` with a host or `mailto:` with an address, no spaces or control
/// characters. `Err` says why, in English and German.
pub fn url(s: &str) -> Result<String, (&'static str, &'static str)> {
    let s = s.trim();
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err((
            "contains spaces or control characters",
            "enthält Leer- oder Steuerzeichen",
        ));
    }
    let lower = s.to_ascii_lowercase();
    let rest = ["https://", "http://", "mailto:"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .ok_or((
            "only http://, https:// and mailto: addresses are linked",
            "nur Adressen mit http://, https:// und mailto: werden verlinkt",
        ))?;
    let host_or_address = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host_or_address.is_empty() || (lower.starts_with("mailto:") && !rest.contains('@')) {
        return Err((
            "has no host or e-mail address",
            "hat keinen Host und keine E-Mail-Adresse",
        ));
    }
    Ok(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::url;

    #[test]
    fn only_http_and_mailto_addresses_pass() {
        assert_eq!(
            url(" https://cluster.example/impressum ").as_deref(),
            Ok("https://cluster.example/impressum")
        );
        assert!(url("http://a.example").is_ok());
        assert!(url("MAILTO:office@cluster.example?subject=Barriere").is_ok());
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "ftp://a.example",
            "https://",
            "mailto:",
            "mailto:nobody",
            "https://a.example/x y",
            "//a.example",
            "impressum.html",
            "",
        ] {
            assert!(url(bad).is_err(), "{bad:?} passed");
        }
    }
}
