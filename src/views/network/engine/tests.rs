//! Native tests of the engine's keyboard navigation and shown nodes on the demo export (no browser: the
//! renderer is a stand-in that draws nothing).

use ecomap_core::graph::GraphMode;
use ecomap_core::graph_walk::{Direction, NavKey};
use ecomap_core::index::Index;
use ecomap_core::model::Lang;

use super::super::render::{Frame, Palette, Renderer};
use super::{Engine, LayoutStatus};

struct NoDrawing;

impl Renderer for NoDrawing {
    fn name(&self) -> &'static str {
        "none"
    }
    fn resize(&mut self, _: f32, _: f32, _: f32) {}
    fn draw(&mut self, _: &Frame, _: &Palette) {}
}

/// The demo's ecosystems graph after 30 layout iterations, in an 800 × 600 stage showing everything.
fn demo_engine() -> Engine {
    let (ds, report) = ecomap_core::import::import(include_bytes!("../../../../public/data/demo.json"), "demo");
    assert!(!ds.actors.is_empty(), "{:?}", report.problems.first());
    let idx = Index::build(&ds);
    let mut e = Engine::new(&ds, &idx, GraphMode::Ecosystems, Lang::En, Box::new(NoDrawing));
    e.resize(800.0, 600.0, 1.0);
    ecomap_core::layout::step(&mut e.layout, 30);
    e.status = LayoutStatus::Done;
    e.fit();
    e
}

fn screen(e: &Engine, i: u32) -> (f32, f32) {
    e.camera
        .to_screen(e.layout.x[i as usize], e.layout.y[i as usize], e.width, e.height)
}

#[test]
fn the_first_key_starts_at_the_most_important_node_and_an_arrow_moves_right_on_screen() {
    let mut e = demo_engine();
    let start = e.importance[0];
    let step = e.navigate(NavKey::Arrow(Direction::Right));
    let moved = step.and_then(|s| s.moved_to);
    assert_eq!(e.keyboard, moved.or(Some(start)));
    if let Some(to) = moved {
        let ((x0, y0), (x1, y1)) = (screen(&e, start), screen(&e, to));
        assert!(
            x1 > x0 && (y1 - y0).abs() <= x1 - x0,
            "{start} at ({x0}, {y0}) → {to} at ({x1}, {y1})"
        );
    }
    assert!(e.highlighted_count >= 1);
}

#[test]
fn n_walks_the_focused_nodes_shown_neighbours_and_escape_clears() {
    let mut e = demo_engine();
    let hub = e.importance[0];
    e.focus_node(hub);
    let neighbours: Vec<u32> = e.graph.neighbours(hub).to_vec();
    assert!(neighbours.len() >= 2);
    let mut walked = Vec::new();
    for _ in 0..neighbours.len() {
        e.navigate(NavKey::NextNeighbour);
        assert_eq!(e.keyboard, Some(hub), "the ring stays on the anchor");
        walked.extend(e.hovered);
    }
    assert_eq!(walked, neighbours, "every neighbour once, in adjacency order");
    e.navigate(NavKey::NextNeighbour);
    assert_eq!(e.hovered, neighbours.first().copied(), "the walk wraps round");
    let open = e.navigate(NavKey::Open).and_then(|s| s.open);
    assert_eq!(open, neighbours.first().copied());
    e.navigate(NavKey::Clear);
    assert_eq!((e.keyboard, e.hovered, e.highlighted_count), (None, None, 0));
}

#[test]
fn arrows_and_the_walk_never_land_on_hidden_nodes() {
    let mut e = demo_engine();
    e.set_shown(|a| a % 3 != 0, None);
    assert!(e.visible_count() < e.len() as u32);
    let mut visited = std::collections::HashSet::new();
    let keys = [
        Direction::Right,
        Direction::Down,
        Direction::Left,
        Direction::Up,
        Direction::Right,
    ];
    for (k, d) in keys.iter().cycle().take(40).enumerate() {
        let key = if k % 4 == 3 {
            NavKey::NextNeighbour
        } else {
            NavKey::Arrow(*d)
        };
        e.navigate(key);
        for node in [e.keyboard, e.hovered].into_iter().flatten() {
            assert!(e.shown[node as usize], "key {k}: node {node} is hidden");
            visited.insert(node);
        }
    }
    assert!(visited.len() > 5, "the keys went somewhere: {visited:?}");
}

#[test]
fn a_technology_is_shown_when_one_of_its_actors_is() {
    let mut e = demo_engine();
    e.set_shown(|_| false, None);
    assert_eq!(e.visible_count(), 0);
    assert_eq!(
        e.navigate(NavKey::Arrow(Direction::Right)),
        None,
        "nothing shown: the key does nothing"
    );
    let actor = (0..e.graph.actors as u32)
        .find(|&a| e.graph.degree(a) > 0)
        .unwrap_or_default();
    e.set_shown(|a| a == actor as usize, None);
    let shown: Vec<u32> = (0..e.len() as u32).filter(|&i| e.shown[i as usize]).collect();
    let mut expected = vec![actor];
    expected.extend(e.graph.neighbours(actor));
    expected.sort_unstable();
    assert_eq!(shown, expected);
}
