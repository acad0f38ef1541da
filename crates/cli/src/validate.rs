//! `ecomap validate` (stub, being written).
use std::process::ExitCode;

pub fn run(_args: &[String]) -> Result<ExitCode, String> {
    Err("not yet implemented".into())
}
