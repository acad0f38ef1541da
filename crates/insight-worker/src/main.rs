//! ecomap's insight worker: a second wasm module, loaded by the page only when an insight view opens, that
//! imports the export itself and answers with ready-to-render documents (docs/insight.md, "The worker").
//! Natively it does nothing (its documents are tested natively).

// Natively only the tests use the documents.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

mod chart;
mod choropleth;
mod compare;
mod doc;
mod nav;
mod profile;
mod regions;
mod suggestions;
mod texts;
mod texts_compare;
mod texts_regions;
mod upset;

#[cfg(test)]
mod demo_data;
#[cfg(test)]
mod documents_tests;
#[cfg(target_arch = "wasm32")]
mod worker;

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
