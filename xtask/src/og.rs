//! Link previews: the Open Graph and Twitter tags in dist/index.html and a picture of the map
//! (dist/og-image.png, 1200×630, taken from the demo in headless Chromium), written only when the public URL
//! is known at build time (`--public-url URL` or `ECOMAP_PUBLIC_URL`): crawlers need absolute URLs, while the
//! app itself uses relative ones and works under any path prefix. Without a public URL nothing is written.

use crate::{install, server, Result};
use std::path::Path;
use std::process::Command;

/// The environment variable a static build reads the public URL from.
pub const ENV: &str = "ECOMAP_PUBLIC_URL";
/// The picture of the map, beside index.html.
pub const IMAGE: &str = "og-image.png";
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// Where in index.html's `<head>` the tags go: after the comment that starts so (before `</head>` without it).
const MARKER: &str = "<!-- link previews";

/// What the picture shows, for crawlers that read it out (English, as the page's default language).
const IMAGE_ALT: &str = "The ecomap map: actors of the ICT, media and creative industries of Berlin and \
Brandenburg over the region's districts and counties";

/// The public URL from `flag`, else from `ECOMAP_PUBLIC_URL`; None when neither is given (or both are empty).
pub fn public_url(flag: Option<&str>) -> Result<Option<String>> {
    choose_url(flag, std::env::var(ENV).ok().as_deref())
}

fn choose_url(flag: Option<&str>, env: Option<&str>) -> Result<Option<String>> {
    match flag.or(env).map(str::trim).filter(|u| !u.is_empty()) {
        Some(url) => normalize(url).map(Some),
        None => Ok(None),
    }
}

/// Checks a public URL (absolute http or https, nothing that needs escaping) and makes it the folder that
/// dist/ is served as: `https://example.org/ecomap` → `https://example.org/ecomap/`, `.../index.html` → `.../`.
pub fn normalize(url: &str) -> Result<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("the public URL must start with https:// or http://: `{url}`"))?;
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() {
        return Err(format!("the public URL has no host: `{url}`"));
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "\"'<>`\\".contains(c))
    {
        return Err(format!("the public URL has a character that needs escaping: `{url}`"));
    }
    if url.contains(['?', '#']) {
        return Err(format!(
            "the public URL must be the app's folder, without ? or #: `{url}`"
        ));
    }
    Ok(match rest.rsplit_once('/') {
        None => format!("{url}/"),
        Some((_, "")) => url.to_string(),
        Some((_, last)) if last.ends_with(".html") => url[..url.len() - last.len()].to_string(),
        Some(_) => format!("{url}/"),
    })
}

/// The text between the first `open` and the next `close`.
fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let len = text[start..].find(close)?;
    Some(&text[start..start + len])
}

/// The page's title and description, from index.html itself (in the app's default language, English), as
/// they stand in its source: already valid inside a double-quoted attribute once `"` is escaped.
fn title_and_description(html: &str) -> Result<(String, String)> {
    let title = between(html, "<title>", "</title>").ok_or("index.html has no <title>")?;
    let description = between(html, "<meta name=\"description\" content=\"", "\"")
        .ok_or("index.html has no <meta name=\"description\" content=\"...\">")?;
    let attr = |s: &str| s.trim().replace('"', "&quot;");
    Ok((attr(title), attr(description)))
}

/// The Open Graph and Twitter tags of a page served at `base` (normalised, ending in `/`).
pub fn tags(title: &str, description: &str, base: &str) -> String {
    let image = format!("{base}{IMAGE}");
    let og = [
        ("og:type", "website"),
        ("og:site_name", "ecomap"),
        ("og:title", title),
        ("og:description", description),
        ("og:url", base),
        ("og:image", &image),
        ("og:image:type", "image/png"),
        ("og:image:width", &WIDTH.to_string()),
        ("og:image:height", &HEIGHT.to_string()),
        ("og:image:alt", IMAGE_ALT),
    ]
    .map(|(p, c)| format!("<meta property=\"{p}\" content=\"{c}\">"));
    let twitter = [
        ("twitter:card", "summary_large_image"),
        ("twitter:title", title),
        ("twitter:description", description),
        ("twitter:image", &image),
        ("twitter:image:alt", IMAGE_ALT),
    ]
    .map(|(n, c)| format!("<meta name=\"{n}\" content=\"{c}\">"));
    og.iter().chain(&twitter).map(|t| format!("\n    {t}")).collect()
}

/// index.html with the link preview tags for `base` (after the marker, else before `</head>`).
pub fn with_tags(html: &str, base: &str) -> Result<String> {
    if html.contains("property=\"og:") {
        return Err("index.html has Open Graph tags already".into());
    }
    let (title, description) = title_and_description(html)?;
    let tags = tags(&title, &description, base);
    if let Some(end) = html.find(MARKER).and_then(|i| html[i..].find("-->").map(|j| i + j + 3)) {
        return Ok(format!("{}{tags}{}", &html[..end], &html[end..]));
    }
    let at = html.find("</head>").ok_or("index.html has no </head>")?;
    Ok(format!("{}{tags}\n  {}", html[..at].trim_end(), &html[at..]))
}

/// Takes the picture of the map: dist/ served on a free port, the demo's map view in headless Chromium
/// (playwright-core from end2end/, `og_image.mjs`), saved as dist/og-image.png.
pub fn take_picture(root: &Path, dist: &Path) -> Result<()> {
    install::chromium()?;
    install::npm_ci(&root.join("end2end"))?;
    let srv = server::start(dist, None, 0, true)?;
    crate::run(
        Command::new("node")
            .arg(root.join("xtask").join("src").join("og_image.mjs"))
            .arg(format!("{}/", srv.url()))
            .arg(dist.join(IMAGE))
            .arg(WIDTH.to_string())
            .arg(HEIGHT.to_string())
            .current_dir(root),
    )
}

/// Writes the link previews for `base` into `dist`: the picture (`picture(dist)`, [`take_picture`] in a build),
/// then the tags in index.html.
pub fn write(dist: &Path, base: &str, picture: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("reading {}: {e}", index.display()))?;
    let html = with_tags(&html, base)?;
    picture(dist)?;
    std::fs::write(&index, html).map_err(|e| format!("writing {}: {e}", index.display()))?;
    println!("link previews for {base}: Open Graph and Twitter tags in index.html, {IMAGE} ({WIDTH}x{HEIGHT})");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_public_urls() {
        let ok = |u: &str| normalize(u).unwrap_or_else(|e| e);
        assert_eq!(ok("https://example.org"), "https://example.org/");
        assert_eq!(ok("https://example.org/"), "https://example.org/");
        assert_eq!(ok("https://example.org/ecomap"), "https://example.org/ecomap/");
        assert_eq!(ok("http://example.org/a/ecomap/"), "http://example.org/a/ecomap/");
        assert_eq!(
            ok("https://example.org/ecomap/index.html"),
            "https://example.org/ecomap/"
        );
        for bad in [
            "example.org",
            "/ecomap/",
            "ftp://example.org/",
            "https:///x",
            "https://example.org/a b",
            "https://example.org/\"><script>",
            "https://example.org/?view=map",
        ] {
            assert!(normalize(bad).is_err(), "{bad}");
        }
    }

    /// index.html of the repository (the `<head>` a build starts from).
    fn repo_index() -> String {
        std::fs::read_to_string(crate::project_root().join("index.html")).unwrap_or_default()
    }

    #[test]
    fn a_build_with_a_public_url_writes_the_tags_with_an_absolute_image() -> Result<()> {
        let html = with_tags(&repo_index(), "https://example.org/ecomap/")?;
        for tag in [
            "<meta property=\"og:url\" content=\"https://example.org/ecomap/\">",
            "<meta property=\"og:image\" content=\"https://example.org/ecomap/og-image.png\">",
            "<meta name=\"twitter:image\" content=\"https://example.org/ecomap/og-image.png\">",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">",
            "<meta property=\"og:image:width\" content=\"1200\">",
            "<meta property=\"og:title\" content=\"ecomap – ",
            "<meta property=\"og:description\" content=\"Interactive map",
        ] {
            assert!(html.contains(tag), "{tag} missing in\n{html}");
        }
        let head = between(&html, "<head>", "</head>").unwrap_or("");
        assert_eq!(head.matches("property=\"og:").count(), 10, "every og tag in <head>");
        let after_marker = html.split(MARKER).nth(1).unwrap_or("");
        assert!(after_marker.contains("og:image"), "the tags follow the marker");
        assert!(with_tags(&html, "https://example.org/").is_err(), "never twice");
        Ok(())
    }

    #[test]
    fn the_flag_comes_before_the_environment() -> Result<()> {
        assert_eq!(choose_url(None, None)?, None);
        assert_eq!(choose_url(Some(" "), None)?, None);
        assert_eq!(choose_url(None, Some(""))?, None);
        let env = Some("https://env.example/");
        assert_eq!(choose_url(None, env)?.as_deref(), env);
        assert_eq!(
            choose_url(Some("https://flag.example/a"), env)?.as_deref(),
            Some("https://flag.example/a/")
        );
        assert!(choose_url(None, Some("example.org")).is_err());
        let html = repo_index();
        assert!(
            !html.contains("og:") && !html.contains("twitter:"),
            "index.html itself has none"
        );
        Ok(())
    }

    #[test]
    fn escapes_quotes_from_the_page() -> Result<()> {
        let html = "<head><meta name=\"description\" content=\"A &quot;map&quot;\"><title>Say \"hi\"</title></head>";
        let out = with_tags(html, "https://example.org/")?;
        assert!(
            out.contains("<meta property=\"og:title\" content=\"Say &quot;hi&quot;\">"),
            "{out}"
        );
        assert!(out.contains("content=\"A &quot;map&quot;\""), "{out}");
        Ok(())
    }
}
