//! `cargo xtask serve`: install what is missing, build the release app with Trunk, precompress dist/ and
//! serve it.

use crate::install::{self, Tools};
use crate::{precompress, project_root, server, Result};
use std::path::Path;
use std::process::Command;

pub const DEFAULT_PORT: u16 = 8080;

/// `trunk build --release` (config in Trunk.toml: offline, relative URLs, pinned tools), then the `.br`/`.gz`
/// beside every compressible file of dist/.
pub fn build_release(root: &Path, tools: &Tools) -> Result<()> {
    crate::run(tools.env(Command::new("trunk").args(["build", "--release"]).current_dir(root)))?;
    precompress::run_and_report(&root.join("dist")).map(|_| ())
}

pub fn run(args: &[String]) -> Result<()> {
    let mut port = DEFAULT_PORT;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--port" => {
                port = it.next().and_then(|p| p.parse().ok()).ok_or("--port needs a number")?;
            }
            other => return Err(format!("serve: unknown argument `{other}`")),
        }
    }
    let root = project_root();
    let tools = install::build_tools(&root)?;
    build_release(&root, &tools)?;
    let srv = server::start(&root.join("dist"), None, port, false)?;
    println!("ecomap: serving dist/ on {}/ (Ctrl-C to stop)", srv.url());
    loop {
        std::thread::park();
    }
}
