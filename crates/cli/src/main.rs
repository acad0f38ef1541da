//! `ecomap`: the command line for data maintainers (validate, generate, demo).
fn main() {
    eprintln!("usage: ecomap <validate|generate|demo> ...");
    std::process::exit(2);
}
