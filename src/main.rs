//! Entry point of the app binary that Trunk builds.

fn main() {
    ecomap::start();
}
