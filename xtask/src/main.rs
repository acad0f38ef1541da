//! cargo xtask: set-up, serve, test, bench (stub, being written).
fn main() {
    eprintln!("usage: cargo xtask <serve|test|bench>");
    std::process::exit(2);
}
