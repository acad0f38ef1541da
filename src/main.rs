//! ecomap app entry (stub, being written).
fn main() {}
