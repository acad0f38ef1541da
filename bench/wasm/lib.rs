//! The benchmarks' own wasm build of ecomap-core: the app's layout, its two quality measures and the map's
//! clustering behind plain wasm exports, so that bench/layout.mjs and bench/map.mjs run them in a page beside
//! graphology-layout-forceatlas2 and supercluster on exactly the same input. Not part of the app: the app's
//! wasm has none of these exports, and no URL or control reaches this module.
//!
//! Compiled with the app's release profile (Cargo.toml) and, by `cargo xtask bench`, the same `wasm-opt -Oz`,
//! so ecomap-core's code here is the code the app runs (bench/layout.mjs checks it: the layout stops at the
//! same iteration with the same quality as the network view's worker).
//!
//! Memory protocol, without wasm-bindgen and without `unsafe`: JS asks for a buffer of a given length
//! (`*_buf`), which returns its address in the wasm memory; JS writes into it and then calls the function
//! that reads it. Results are read the same way (`*_ptr` + `*_len`). One benchmark at a time: everything
//! lives in one thread-local `Bench`.

use std::cell::RefCell;

use ecomap_core::bitset::Bitset;
use ecomap_core::cluster::{selection_points, ClusterIndex, ClusterOptions};
use ecomap_core::graph::{Graph, GraphMode};
use ecomap_core::index::Index;
use ecomap_core::layout::{
    neighbour_share, quality, start_positions, state_neighbour_share, state_quality, step, LayoutState, Settings,
};
use ecomap_core::model::Dataset;

#[derive(Default)]
struct Bench {
    /// The export's bytes, until `load` imports them.
    bytes: Vec<u8>,
    data: Option<(Dataset, Index)>,
    /// The start state of the last graph (positions as the app starts them, masses, edges).
    start: Option<LayoutState>,
    layout: Option<LayoutState>,
    /// Positions written by JS (another layout's), measured against the start state's edges.
    px: Vec<f32>,
    py: Vec<f32>,
    /// A selection written by JS: one byte per actor, non-zero = selected.
    mask: Vec<u8>,
    selection: Option<Bitset>,
    clusters: Option<ClusterIndex>,
}

thread_local! {
    static BENCH: RefCell<Bench> = RefCell::new(Bench::default());
}

fn with<R>(f: impl FnOnce(&mut Bench) -> R) -> R {
    BENCH.with(|b| f(&mut b.borrow_mut()))
}

/// A zeroed buffer of `len` bytes for the export; returns its address.
#[no_mangle]
pub extern "C" fn bytes_buf(len: u32) -> *mut u8 {
    with(|b| {
        b.bytes = vec![0; len as usize];
        b.bytes.as_mut_ptr()
    })
}

/// Imports the export written into `bytes_buf` and builds the index (as the app does after loading);
/// returns the number of actors.
#[no_mangle]
pub extern "C" fn load() -> u32 {
    with(|b| {
        let bytes = std::mem::take(&mut b.bytes);
        let (ds, _report) = ecomap_core::import::import(&bytes, "bench.json");
        let idx = Index::build(&ds);
        let n = ds.actors.len() as u32;
        b.data = Some((ds, idx));
        n
    })
}

/// Builds the network graph in `mode` (0 ecosystems, 1 collaboration, 2 all) and its start state exactly as
/// the network view does (`Engine::new`: known positions from the export, `start_positions(.., seed 1)`,
/// `Settings::readable()`); returns the number of nodes.
#[no_mangle]
pub extern "C" fn graph_build(mode: u32) -> u32 {
    with(|b| {
        let Some((ds, idx)) = &b.data else { return 0 };
        let mode = GraphMode::ALL[(mode as usize).min(2)];
        let graph = Graph::build(ds, idx, mode);
        let known: Vec<Option<(f32, f32)>> = ds.actors.iter().map(|a| a.position).collect();
        let (x, y) = start_positions(&graph, &known, 1);
        let state = LayoutState::new(&graph, x, y, Settings::readable());
        let n = state.len() as u32;
        b.start = Some(state);
        b.layout = None;
        n
    })
}

/// Address of a field of the start state: 0 x, 1 y, 2 mass (f32); 3 edge_a, 4 edge_b (u32); 5 edge_w (f32).
#[no_mangle]
pub extern "C" fn start_ptr(field: u32) -> *const u8 {
    with(|b| {
        let Some(s) = &b.start else { return std::ptr::null() };
        match field {
            0 => s.x.as_ptr() as *const u8,
            1 => s.y.as_ptr() as *const u8,
            2 => s.mass.as_ptr() as *const u8,
            3 => s.edge_a.as_ptr() as *const u8,
            4 => s.edge_b.as_ptr() as *const u8,
            _ => s.edge_w.as_ptr() as *const u8,
        }
    })
}

/// Number of elements of a field of the start state (see `start_ptr`).
#[no_mangle]
pub extern "C" fn start_len(field: u32) -> u32 {
    with(|b| {
        b.start
            .as_ref()
            .map_or(0, |s| if field < 3 { s.len() } else { s.edge_a.len() } as u32)
    })
}

/// Starts a layout from the start state with `Settings::readable()` and the given Barnes-Hut theta.
#[no_mangle]
pub extern "C" fn layout_reset(theta: f32) {
    with(|b| {
        b.layout = b.start.clone().map(|mut s| {
            s.settings.theta = theta;
            s
        });
    })
}

/// Runs `iterations` layout iterations; returns the movement of the last one (the self-stop rule's input).
#[no_mangle]
pub extern "C" fn layout_step(iterations: u32) -> f32 {
    with(|b| {
        b.layout.as_mut().map_or(f32::NAN, |s| {
            step(s, iterations);
            s.movement
        })
    })
}

/// Address of the layout's x (axis 0) or y (axis 1) positions; `start_len(0)` of them.
#[no_mangle]
pub extern "C" fn layout_ptr(axis: u32) -> *const f32 {
    with(|b| match &b.layout {
        Some(s) if axis == 0 => s.x.as_ptr(),
        Some(s) => s.y.as_ptr(),
        None => std::ptr::null(),
    })
}

/// `state_quality` of the layout (mean edge length / mean random-pair distance; NaN without one).
#[no_mangle]
pub extern "C" fn layout_quality() -> f32 {
    with(|b| b.layout.as_ref().and_then(state_quality).unwrap_or(f32::NAN))
}

/// `state_neighbour_share` of the layout (share of nodes whose nearest node is a graph neighbour).
#[no_mangle]
pub extern "C" fn layout_share() -> f32 {
    with(|b| b.layout.as_ref().and_then(state_neighbour_share).unwrap_or(f32::NAN))
}

/// A buffer for `n` positions of another layout: axis 0 x, 1 y; returns its address.
#[no_mangle]
pub extern "C" fn positions_buf(n: u32, axis: u32) -> *mut f32 {
    with(|b| {
        let v = if axis == 0 { &mut b.px } else { &mut b.py };
        *v = vec![0.0; n as usize];
        v.as_mut_ptr()
    })
}

/// The same two measures as `layout_quality` and `layout_share` (measure 0 and 1), on the positions written
/// into `positions_buf`, with the start state's edges: computed by the same code, so the figures compare.
#[no_mangle]
pub extern "C" fn positions_measure(measure: u32) -> f32 {
    with(|b| {
        let Some(s) = &b.start else { return f32::NAN };
        let m = if measure == 0 {
            quality(&b.px, &b.py, &s.edge_a, &s.edge_b, 2000, 7)
        } else {
            neighbour_share(&b.px, &b.py, &s.edge_a, &s.edge_b)
        };
        m.unwrap_or(f32::NAN)
    })
}

/// A buffer of one byte per actor for a selection; returns its address.
#[no_mangle]
pub extern "C" fn mask_buf(len: u32) -> *mut u8 {
    with(|b| {
        b.mask = vec![0; len as usize];
        b.mask.as_mut_ptr()
    })
}

/// Turns the mask into the selection's bitset (what the app's filter hands the map); returns its size.
#[no_mangle]
pub extern "C" fn cluster_select() -> u32 {
    with(|b| {
        let n = b.data.as_ref().map_or(0, |(ds, _)| ds.actors.len());
        let chosen = b
            .mask
            .iter()
            .take(n)
            .enumerate()
            .filter(|(_, &m)| m != 0)
            .map(|(i, _)| i);
        let sel = Bitset::from_indices(n, chosen);
        let count = sel.count_ones();
        b.selection = Some(sel);
        count
    })
}

/// What the map does for a new selection: the selected actors with coordinates as points
/// (`selection_points`) and the cluster hierarchy over them, with `radius_px` CSS px at 256 px tiles and
/// levels up to `max_zoom`; returns the number of points.
#[no_mangle]
pub extern "C" fn cluster_build(radius_px: f64, max_zoom: u32) -> u32 {
    with(|b| {
        let (Some((ds, _)), Some(sel)) = (&b.data, &b.selection) else {
            return 0;
        };
        let (points, _missing) = selection_points(ds, sel);
        let n = points.len() as u32;
        let opts = ClusterOptions {
            radius_px,
            min_zoom: 0,
            max_zoom: max_zoom.min(30) as u8,
        };
        b.clusters = Some(ClusterIndex::build(points, opts));
        n
    })
}

/// Number of items (clusters and single actors) at `zoom` in the last hierarchy.
#[no_mangle]
pub extern "C" fn cluster_count(zoom: u32) -> u32 {
    with(|b| {
        b.clusters
            .as_ref()
            .map_or(0, |c| c.all_at(zoom.min(31) as u8).len() as u32)
    })
}
