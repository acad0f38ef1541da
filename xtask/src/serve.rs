//! `cargo xtask serve` and `cargo xtask build`: install what is missing, build the release app with Trunk,
//! add the link previews when a public URL is given, precompress dist/ and (serve) serve it.

use crate::install::{self, Tools};
use crate::{og, precompress, project_root, server, Result};
use std::path::Path;
use std::process::Command;

pub const DEFAULT_PORT: u16 = 8080;

/// The release build of `cargo xtask serve`, `test` and `bench`: [`build`] with the public URL of
/// `ECOMAP_PUBLIC_URL`, if set.
pub fn build_release(root: &Path, tools: &Tools) -> Result<()> {
    build(root, tools, og::public_url(None)?.as_deref())
}

/// `trunk build --release` (config in Trunk.toml: offline, relative URLs, pinned tools), then [`finish`].
pub fn build(root: &Path, tools: &Tools, public_url: Option<&str>) -> Result<()> {
    crate::run(tools.env(Command::new("trunk").args(["build", "--release"]).current_dir(root)))?;
    finish(&root.join("dist"), public_url, |dist| og::take_picture(root, dist))
}

/// What a build does to dist/ after Trunk: the link previews when the public URL is known (`picture` takes
/// the image), then the `.br`/`.gz` beside every compressible file (index.html last changed before that).
pub fn finish(dist: &Path, public_url: Option<&str>, picture: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    if let Some(base) = public_url {
        og::write(dist, base, picture)?;
    }
    precompress::run_and_report(dist).map(|_| ())
}

/// `--port P` and `--public-url URL` (`ports` says whether --port is allowed).
fn parse(args: &[String], ports: bool) -> Result<(u16, Option<String>)> {
    let mut port = DEFAULT_PORT;
    let mut public_url = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--port" if ports => {
                port = it.next().and_then(|p| p.parse().ok()).ok_or("--port needs a number")?;
            }
            "--public-url" => {
                public_url = Some(it.next().ok_or("--public-url needs a URL")?.clone());
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok((port, og::public_url(public_url.as_deref())?))
}

/// `cargo xtask build [--public-url URL]`: dist/ ready to copy to any static host.
pub fn run_build(args: &[String]) -> Result<()> {
    let (_, public_url) = parse(args, false).map_err(|e| format!("build: {e}"))?;
    let root = project_root();
    let tools = install::build_tools(&root)?;
    build(&root, &tools, public_url.as_deref())?;
    println!("ecomap: dist/ is built; copy it to any static host (docs/hosting.md)");
    Ok(())
}

pub fn run(args: &[String]) -> Result<()> {
    let (port, public_url) = parse(args, true).map_err(|e| format!("serve: {e}"))?;
    let root = project_root();
    let tools = install::build_tools(&root)?;
    build(&root, &tools, public_url.as_deref())?;
    let srv = server::start(&root.join("dist"), None, port, false)?;
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
    fn reads_the_options() -> Result<()> {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (port, url) = parse(
            &args(&["--port", "9000", "--public-url", "https://example.org/x"]),
            true,
        )?;
        assert_eq!((port, url.as_deref()), (9000, Some("https://example.org/x/")));
        assert!(parse(&args(&["--port", "9000"]), false).is_err(), "build has no port");
        assert!(parse(&args(&["--public-url"]), true).is_err());
        assert!(parse(&args(&["--public-url", "example.org"]), true).is_err());
        Ok(())
    }
}
