//! `cargo xtask serve` and `cargo xtask build`: install what is missing, build the release app with Trunk,
//! add the link previews when a public URL is given, narrow the origins configuration when embed origins are
//! given, precompress dist/ and (serve) serve it.

use crate::install::{self, Tools};
use crate::{og, precompress, project_root, server, Result};
use ecomap_core::config::{self, Config, Field};
use std::path::Path;
use std::process::Command;

pub const DEFAULT_PORT: u16 = 8080;

/// The release build of `cargo xtask serve`, `test` and `bench`: [`build`] with the public URL of
/// `ECOMAP_PUBLIC_URL`, if set.
pub fn build_release(root: &Path, tools: &Tools) -> Result<()> {
    build(root, tools, og::public_url(None)?.as_deref(), None)
}

/// `trunk build --release` (config in Trunk.toml: offline, relative URLs, pinned tools), the embed origins
/// into dist/config.json when given ([`set_embed_origins`]), then [`finish`].
pub fn build(root: &Path, tools: &Tools, public_url: Option<&str>, embed_origins: Option<&[String]>) -> Result<()> {
    crate::run(tools.env(Command::new("trunk").args(["build", "--release"]).current_dir(root)))?;
    let dist = root.join("dist");
    if let Some(origins) = embed_origins {
        set_embed_origins(&dist, origins)?;
    }
    finish(&dist, public_url, |dist| og::take_picture(root, dist))
}

/// `--embed-origins "https://a.example https://b.example"`: the sites that may frame the app, checked.
fn embed_origins(value: &str) -> Result<Vec<String>> {
    config::origins(Field::Embed, value.split_whitespace()).map_err(|e| format!("--embed-origins: {}", e.message))
}

/// Writes the embed origins into dist/config.json: `embedOrigins` (the server's `frame-ancestors`) and
/// `messageOrigins` (the hosts an embed takes `ecomap:setQuery` from: the same sites; `'none'` leaves only the
/// app's own origin). `dataOrigins` stays as it was.
pub fn set_embed_origins(dist: &Path, origins: &[String]) -> Result<()> {
    let mut c: Config = server::read_config(dist)?;
    c.embed_origins = origins.to_vec();
    c.message_origins = origins.iter().filter(|o| *o != "'none'").cloned().collect();
    let path = dist.join(config::FILE);
    // `contact` is not part of `Config` (the app never reads it): carried over as written.
    let mut text = c.to_json();
    let old: Option<serde_json::Value> = std::fs::read_to_string(&path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok());
    if let Some(contact) = old.as_ref().and_then(|v| v.get("contact")) {
        text = format!(
            "{},\n  \"contact\": {contact}\n}}\n",
            text.trim_end().trim_end_matches('}').trim_end()
        );
    }
    std::fs::write(&path, text).map_err(|e| format!("writing {}: {e}", path.display()))?;
    println!("ecomap: {} narrowed: {}", path.display(), c.frame_ancestors());
    Ok(())
}

/// What a build does to dist/ after Trunk: the link previews when the public URL is known (`picture` takes
/// the image), then the `.br`/`.gz` beside every compressible file (index.html last changed before that).
pub fn finish(dist: &Path, public_url: Option<&str>, picture: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    // The statement's addresses (config.json `contact`): the app never reads them, so they are checked here.
    let path = dist.join(config::FILE);
    if let Ok(text) = std::fs::read_to_string(&path) {
        config::contact(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    if let Some(base) = public_url {
        og::write(dist, base, picture)?;
    }
    precompress::run_and_report(dist).map(|_| ())
}

/// The options of `serve` and `build`.
#[derive(Debug, Default)]
struct Options {
    port: u16,
    public_url: Option<String>,
    embed_origins: Option<Vec<String>>,
}

/// `--port P`, `--public-url URL` and `--embed-origins "A B"` (`ports` says whether --port is allowed).
fn parse(args: &[String], ports: bool) -> Result<Options> {
    let mut o = Options {
        port: DEFAULT_PORT,
        ..Options::default()
    };
    let mut public_url = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--port" if ports => {
                o.port = it.next().and_then(|p| p.parse().ok()).ok_or("--port needs a number")?;
            }
            "--public-url" => {
                public_url = Some(it.next().ok_or("--public-url needs a URL")?.clone());
            }
            "--embed-origins" => {
                o.embed_origins = Some(embed_origins(
                    it.next().ok_or("--embed-origins needs a list of origins")?,
                )?);
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    o.public_url = og::public_url(public_url.as_deref())?;
    Ok(o)
}

/// `cargo xtask build [--public-url URL]`: dist/ ready to copy to any static host.
pub fn run_build(args: &[String]) -> Result<()> {
    let o = parse(args, false).map_err(|e| format!("build: {e}"))?;
    let root = project_root();
    let tools = install::build_tools(&root)?;
    build(&root, &tools, o.public_url.as_deref(), o.embed_origins.as_deref())?;
    println!("ecomap: dist/ is built; copy it to any static host (docs/hosting.md)");
    Ok(())
}

pub fn run(args: &[String]) -> Result<()> {
    let o = parse(args, true).map_err(|e| format!("serve: {e}"))?;
    let root = project_root();
    let tools = install::build_tools(&root)?;
    build(&root, &tools, o.public_url.as_deref(), o.embed_origins.as_deref())?;
    let srv = server::start(&root.join("dist"), None, o.port, false)?;
    println!("ecomap: serving dist/ on {}/ (Ctrl-C to stop)", srv.url());
    loop {
        std::thread::park();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn temp_dist(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("ecomap-finish-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::create_dir_all(&dir);
        let index = std::fs::read_to_string(project_root().join("index.html")).unwrap_or_default();
        let _ = std::fs::write(dir.join("index.html"), index);
        dir
    }

    fn read(p: &Path) -> String {
        std::fs::read_to_string(p).unwrap_or_default()
    }

    fn unbrotli(p: &Path) -> String {
        let packed = std::fs::read(p).unwrap_or_default();
        let mut out = Vec::new();
        let _ = brotli::BrotliDecompress(&mut &packed[..], &mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn a_build_with_a_public_url_writes_the_og_tags_and_picture() -> Result<()> {
        let dist = temp_dist("with");
        let picture = |d: &Path| std::fs::write(d.join(og::IMAGE), b"\x89PNG").map_err(|e| e.to_string());
        finish(&dist, Some("https://example.org/ecomap/"), picture)?;
        let index = dist.join("index.html");
        let image = "<meta property=\"og:image\" content=\"https://example.org/ecomap/og-image.png\">";
        assert!(read(&index).contains(image), "{}", read(&index));
        assert!(
            unbrotli(&index.with_extension("html.br")).contains(image),
            "compressed after the tags"
        );
        assert!(dist.join(og::IMAGE).is_file());
        let _ = std::fs::remove_dir_all(&dist);
        Ok(())
    }

    #[test]
    fn a_build_without_a_public_url_writes_no_og_tag() -> Result<()> {
        let dist = temp_dist("without");
        let before = read(&dist.join("index.html"));
        finish(&dist, None, |_| Err("no picture without a public URL".into()))?;
        let index = dist.join("index.html");
        assert_eq!(read(&index), before);
        assert!(!read(&index).contains("og:"));
        assert_eq!(unbrotli(&index.with_extension("html.br")), before);
        assert!(!dist.join(og::IMAGE).exists());
        let _ = std::fs::remove_dir_all(&dist);
        Ok(())
    }

    #[test]
    fn embed_origins_narrow_the_configuration() -> Result<()> {
        let dist = temp_dist("origins");
        let shipped = std::fs::read_to_string(project_root().join("public").join(config::FILE)).unwrap_or_default();
        let _ = std::fs::write(dist.join(config::FILE), shipped);
        set_embed_origins(&dist, &embed_origins("https://a.example https://b.example")?)?;
        let c = server::read_config(&dist)?;
        assert_eq!(c.embed_origins, ["https://a.example", "https://b.example"]);
        assert_eq!(
            c.message_origins, c.embed_origins,
            "the framing sites may send messages"
        );
        assert_eq!(c.data_origins, Config::default().data_origins);
        assert!(server::csp(&c).ends_with("frame-ancestors https://a.example https://b.example"));
        set_embed_origins(&dist, &embed_origins("'none'")?)?;
        let c = server::read_config(&dist)?;
        assert_eq!(
            (c.embed_origins.join(" "), c.message_origins.len()),
            ("'none'".to_string(), 0)
        );
        let _ = std::fs::remove_dir_all(&dist);
        Ok(())
    }

    #[test]
    fn reads_the_options() -> Result<()> {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let o = parse(
            &args(&["--port", "9000", "--public-url", "https://example.org/x"]),
            true,
        )?;
        assert_eq!(
            (o.port, o.public_url.as_deref()),
            (9000, Some("https://example.org/x/"))
        );
        assert_eq!(o.embed_origins, None);
        let o = parse(
            &args(&["--embed-origins", "https://a.example  https://B.example/"]),
            false,
        )?;
        let expected = ["https://a.example", "https://b.example"].map(String::from);
        assert_eq!(o.embed_origins.as_deref(), Some(&expected[..]));
        let e = parse(&args(&["--embed-origins", "https://a.example/embed"]), true)
            .map(|_| ())
            .expect_err("an error");
        assert!(
            e.starts_with("--embed-origins: \"https://a.example/embed\" is not an origin"),
            "{e}"
        );
        assert!(parse(&args(&["--embed-origins"]), true).is_err());
        assert!(parse(&args(&["--port", "9000"]), false).is_err(), "build has no port");
        assert!(parse(&args(&["--public-url"]), true).is_err());
        assert!(parse(&args(&["--public-url", "example.org"]), true).is_err());
        Ok(())
    }
}
