//! The demo export (and the end-to-end tests' hostile one) and the six chart specs built from it, for native
//! tests.

use ecomap_core::filter;
use ecomap_core::index::Index;
use ecomap_core::model::{Dataset, Lang};
use ecomap_core::query::Query;
use ecomap_core::stats::YearReading;

use super::chart_spec::ChartSpec;
use super::specs::{build, Inputs};

/// The demo (`public/data/demo.json`) with its index.
pub fn demo() -> (Dataset, Index) {
    load(include_bytes!("../../../public/data/demo.json"))
}

/// The end-to-end tests' export with names that look like markup (`end2end/fixtures/hostile-names.json`).
pub fn hostile_names() -> (Dataset, Index) {
    load(include_bytes!("../../../end2end/fixtures/hostile-names.json"))
}

fn load(bytes: &[u8]) -> (Dataset, Index) {
    let (ds, _) = ecomap_core::import::import(bytes, "test.json");
    let idx = Index::build(&ds);
    (ds, idx)
}

/// The six charts of `query` over `ds`, as the view builds them (the per-year ones without the year range).
pub fn specs(ds: &Dataset, idx: &Index, query: &Query, reading: YearReading, lang: Lang) -> Vec<ChartSpec> {
    let resolved = query.resolve(ds);
    let sel = filter::select(ds, idx, &resolved.filter);
    let all_years = filter::select(ds, idx, &resolved.filter.without_years());
    build(&Inputs {
        ds,
        idx,
        sel: &sel,
        sel_all_years: &all_years,
        resolved: &resolved,
        reading,
        lang,
    })
}
