//! What the map shows about a selection besides its markers: how many selected actors have no coordinates
//! (the note under the map); per region of the basemap, core's region figures (selected actors, projects in
//! view counted once per region, volume in equal shares among located participants: `in_view::region_figures`,
//! docs/map.md) for the shading, its legend and the region tooltips; and each actor's projects and volume in
//! view (marker sizes). A pure function; the view keeps it in a memo.

use ecomap_core::filter::Selection;
use ecomap_core::geo;
use ecomap_core::in_view::{self, ActorFigures};
use ecomap_core::index::Index;
use ecomap_core::model::Dataset;

#[derive(Clone, Debug, PartialEq)]
pub struct SelectionFigures {
    /// Selected actors without usable coordinates: not on the map, but in the list.
    pub missing: usize,
    /// Per region in basemap order (`geo::region_outlines`, the order the engine draws them in): selected
    /// actors and the volume of their projects.
    pub region_actors: Vec<f64>,
    pub region_projects: Vec<f64>,
    pub region_volume: Vec<f64>,
    /// Each actor's projects and volume in view, by actor index (empty until a selection).
    pub actors: Vec<ActorFigures>,
}

impl SelectionFigures {
    /// Nothing selected yet: zero for each of `regions` regions.
    pub fn empty(regions: usize) -> SelectionFigures {
        SelectionFigures {
            missing: 0,
            region_actors: vec![0.0; regions],
            region_projects: vec![0.0; regions],
            region_volume: vec![0.0; regions],
            actors: Vec::new(),
        }
    }
}

/// The figures of `sel`, regions in basemap order.
pub fn selection_figures(ds: &Dataset, idx: &Index, sel: &Selection) -> SelectionFigures {
    let outlines = geo::region_outlines();
    let mut out = SelectionFigures::empty(outlines.len());
    // The dataset's region ids → basemap slots.
    let slot: Vec<Option<usize>> = ds
        .regions
        .iter()
        .map(|r| outlines.iter().position(|o| o.key == r.key))
        .collect();
    for a in sel.actors.iter_ones() {
        let Some(actor) = ds.actors.get(a) else { continue };
        // The same test as `cluster::selection_points`, which puts an actor on the map.
        if !actor
            .location
            .point
            .is_some_and(|p| p.lon.is_finite() && p.lat.is_finite())
        {
            out.missing += 1;
        }
    }
    for (r, f) in in_view::region_figures(ds, idx, sel).iter().enumerate() {
        if let Some(Some(s)) = slot.get(r) {
            out.region_actors[*s] = f64::from(f.actors);
            out.region_projects[*s] = f64::from(f.projects);
            out.region_volume[*s] = f.volume.0 as f64;
        }
    }
    out.actors = in_view::actor_figures(idx, &sel.projects);
    out
}

#[cfg(test)]
mod tests {
    use ecomap_core::cluster::selection_points;
    use ecomap_core::filter::{select, Filter};
    use ecomap_core::import::import;
    use ecomap_core::index::Index;
    use ecomap_core::model::Dataset;

    use super::selection_figures;

    fn fixture() -> (Dataset, Index) {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/end2end/fixtures/map/three-without-coordinates.json"
        );
        let bytes = std::fs::read(path).expect("the map's end2end fixture");
        let (ds, _) = import(&bytes, "three-without-coordinates.json");
        let idx = Index::build(&ds);
        (ds, idx)
    }

    #[test]
    fn actors_without_coordinates_are_counted_as_the_clustering_leaves_them_out() {
        let (ds, idx) = fixture();
        let sel = select(&ds, &idx, &Filter::default());
        let figures = selection_figures(&ds, &idx, &sel);
        assert_eq!(figures.missing, 3);
        assert_eq!(figures.missing, selection_points(&ds, &sel.actors).1);
    }

    #[test]
    fn region_figures_add_up_to_the_selected_actors_with_a_region() {
        let (ds, idx) = fixture();
        let with_region = |sel: &ecomap_core::filter::Selection| {
            sel.actors
                .iter_ones()
                .filter(|&a| ds.actors[a].location.region.is_some())
                .count() as f64
        };
        let all = select(&ds, &idx, &Filter::default());
        let figures = selection_figures(&ds, &idx, &all);
        assert_eq!(figures.region_actors.len(), ecomap_core::geo::region_outlines().len());
        assert_eq!(figures.region_actors.iter().sum::<f64>(), with_region(&all));
        assert!(figures.region_volume.iter().sum::<f64>() > 0.0);
        // Only one region's actors selected: only its slot counts.
        let region = ecomap_core::model::RegionId(0);
        let mut one = select(&ds, &idx, &Filter::default());
        for a in all.actors.iter_ones() {
            if ds.actors[a].location.region != Some(region) {
                one.actors.clear(a);
            }
        }
        let figures = selection_figures(&ds, &idx, &one);
        let nonzero: Vec<usize> = (0..figures.region_actors.len())
            .filter(|&i| figures.region_actors[i] > 0.0)
            .collect();
        let key = ds.regions[0].key.as_str();
        assert_eq!(nonzero.len(), 1, "{key}");
        assert_eq!(ecomap_core::geo::region_outlines()[nonzero[0]].key, key);
        assert_eq!(figures.region_actors[nonzero[0]], with_region(&one));
    }
}
