//! The demo export for the worker's native tests: imported and indexed, and a document's inputs for a query.

use ecomap_core::filter::select;
use ecomap_core::index::Index;
use ecomap_core::model::{Dataset, Lang};
use ecomap_core::query::ResolvedFocus;
use ecomap_core::tour::parse_query;

use crate::profile::Inputs;

/// public/data/demo.json, imported and indexed.
pub fn demo() -> (Dataset, Index) {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/demo.json")).expect("demo");
    let (ds, _) = ecomap_core::import::import(&bytes, "demo.json");
    let idx = Index::build(&ds);
    (ds, idx)
}

/// Calls `f` with the inputs of a document for the page's query string `search` (in English) and the focus it
/// resolves to, as the worker does.
pub fn with_inputs<R>(
    ds: &Dataset,
    idx: &Index,
    search: &str,
    f: impl FnOnce(&Inputs, Option<ResolvedFocus>) -> R,
) -> R {
    let (q, _) = parse_query(search);
    let r = q.resolve(ds);
    let sel = select(ds, idx, &r.filter);
    let i = Inputs {
        ds,
        idx,
        filter: &r.filter,
        sel: &sel,
        lang: Lang::En,
        query: &q,
    };
    f(&i, r.focus)
}
