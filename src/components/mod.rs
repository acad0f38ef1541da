//! The app's components, one file each; they read `AppState` from context and write only the Query.

pub mod chips;
pub mod detail;
pub mod facets;
pub mod header;
pub mod legend;
pub mod loader;
pub mod notices;
pub mod print;
pub mod report;
pub mod results;
pub mod search;
pub mod settings;
pub mod share;
pub mod views;
