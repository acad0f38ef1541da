//! Keyboard walking over the network graph: arrows pick the nearest shown node in their cone, N cycles
//! through the shown neighbours, Enter opens, Escape clears, hidden nodes are skipped.

use ecomap_core::graph::{Edge, EdgeKind, Graph, GraphMode};
use ecomap_core::graph_walk::{navigate, nearest_in_direction, next_neighbour, Cursor, Direction, NavKey, Scene};

/// A graph of `n` actors with links `edges`.
fn graph(n: usize, edges: &[(u32, u32)]) -> Graph {
    let edges = edges
        .iter()
        .map(|&(a, b)| Edge {
            a,
            b,
            weight: 1.0,
            kind: EdgeKind::Link,
        })
        .collect();
    Graph::from_edges(GraphMode::Collaboration, n, 0, edges)
}

/// Node 0 at the origin; the others around it (screen coordinates, y down).
const X: [f32; 6] = [0.0, 10.0, 5.0, 3.0, -4.0, 0.0];
const Y: [f32; 6] = [0.0, 0.0, 4.0, 5.0, 0.0, 20.0];

fn scene<'a>(g: &'a Graph, shown: &'a [bool]) -> Scene<'a> {
    Scene {
        graph: g,
        x: &X,
        y: &Y,
        shown,
    }
}

#[test]
fn an_arrow_picks_the_best_scored_node_in_its_cone() {
    let g = graph(6, &[]);
    let shown = [true; 6];
    let s = scene(&g, &shown);
    // Node 2 (5, 4) is nearer than node 1 (10, 0) but off to the side: score 5 + 2·4 = 13 against 10.
    assert_eq!(nearest_in_direction(&s, 0, Direction::Right), Some(1));
    assert_eq!(nearest_in_direction(&s, 0, Direction::Left), Some(4));
    // Node 3 (3, 5) is in the downward cone (across 3 < along 5), nearer than node 5 (0, 20).
    assert_eq!(nearest_in_direction(&s, 0, Direction::Down), Some(3));
    // Nothing above the origin.
    assert_eq!(nearest_in_direction(&s, 0, Direction::Up), None);
    // From node 1, going left: node 0 straight ahead (10) beats node 2 (5 along, 4 across: 13).
    assert_eq!(nearest_in_direction(&s, 1, Direction::Left), Some(0));
}

#[test]
fn a_node_outside_the_cone_is_not_taken_even_when_it_is_the_only_one() {
    let g = graph(6, &[]);
    // Only node 3 (3, 5) besides the start: 5 across, 3 along to the right, outside the 90° cone.
    let shown = [true, false, false, true, false, false];
    let s = scene(&g, &shown);
    assert_eq!(nearest_in_direction(&s, 0, Direction::Right), None);
    assert_eq!(nearest_in_direction(&s, 0, Direction::Down), Some(3));
}

#[test]
fn an_arrow_skips_hidden_nodes() {
    let g = graph(6, &[]);
    let shown = [true, false, true, true, true, true];
    let s = scene(&g, &shown);
    assert_eq!(nearest_in_direction(&s, 0, Direction::Right), Some(2));
    let only_start = [true, false, false, false, false, false];
    assert_eq!(nearest_in_direction(&scene(&g, &only_start), 0, Direction::Right), None);
}

#[test]
fn an_unknown_start_gives_none_rather_than_a_panic() {
    let g = graph(6, &[]);
    let shown = [true; 6];
    assert_eq!(nearest_in_direction(&scene(&g, &shown), 99, Direction::Right), None);
    let s = scene(&g, &shown);
    let far = Cursor {
        focused: Some(99),
        walked: None,
    };
    assert_eq!(navigate(&s, far, NavKey::Open, None), None);
}

#[test]
fn the_neighbour_walk_cycles_through_shown_neighbours() {
    let ns = [1, 2, 3, 4];
    let shown = [true, true, false, true, true];
    assert_eq!(next_neighbour(&ns, &shown, None), Some(1));
    assert_eq!(next_neighbour(&ns, &shown, Some(1)), Some(3));
    assert_eq!(next_neighbour(&ns, &shown, Some(3)), Some(4));
    assert_eq!(next_neighbour(&ns, &shown, Some(4)), Some(1));
    // A current node that is no shown neighbour (e.g. the pointer hovered elsewhere) starts afresh.
    assert_eq!(next_neighbour(&ns, &shown, Some(2)), Some(1));
    assert_eq!(next_neighbour(&ns, &shown, Some(0)), Some(1));
    assert_eq!(next_neighbour(&ns, &[true, false, false, false, false], None), None);
    assert_eq!(next_neighbour(&[], &shown, Some(1)), None);
}

#[test]
fn n_walks_the_focused_nodes_neighbours_and_keeps_the_focus() {
    let g = graph(6, &[(0, 1), (0, 2), (0, 5), (1, 2)]);
    let shown = [true, true, false, true, true, true];
    let s = scene(&g, &shown);
    let mut cursor = Cursor {
        focused: Some(0),
        walked: None,
    };
    let mut seen = Vec::new();
    for _ in 0..3 {
        let step = navigate(&s, cursor, NavKey::NextNeighbour, None).unwrap_or_default();
        assert_eq!(step.cursor.focused, Some(0));
        assert_eq!(step.moved_to, None);
        cursor = step.cursor;
        seen.push(cursor.walked);
    }
    assert_eq!(seen, [Some(1), Some(5), Some(1)]);
}

#[test]
fn without_a_focus_a_key_starts_at_the_fallback_and_focuses_it() {
    let g = graph(6, &[(0, 1)]);
    let shown = [true; 6];
    let s = scene(&g, &shown);
    let step = navigate(&s, Cursor::default(), NavKey::NextNeighbour, Some(0));
    assert_eq!(
        step.map(|st| st.cursor),
        Some(Cursor {
            focused: Some(0),
            walked: Some(1)
        })
    );
    // An arrow with nothing in its direction still focuses the start.
    let up = navigate(&s, Cursor::default(), NavKey::Arrow(Direction::Up), Some(0));
    assert_eq!(up.and_then(|st| st.cursor.focused), Some(0));
    assert_eq!(up.and_then(|st| st.moved_to), None);
    // Neither a focus nor a fallback: nothing to do.
    assert_eq!(
        navigate(&s, Cursor::default(), NavKey::Arrow(Direction::Up), None),
        None
    );
}

#[test]
fn an_arrow_moves_the_focus_and_ends_the_walk() {
    let g = graph(6, &[(0, 2)]);
    let shown = [true; 6];
    let s = scene(&g, &shown);
    let cursor = Cursor {
        focused: Some(0),
        walked: Some(2),
    };
    let step = navigate(&s, cursor, NavKey::Arrow(Direction::Right), Some(4));
    assert_eq!(
        step,
        Some(ecomap_core::graph_walk::Step {
            cursor: Cursor {
                focused: Some(1),
                walked: None
            },
            moved_to: Some(1),
            open: None,
        })
    );
}

#[test]
fn enter_opens_the_walked_neighbour_else_the_focus_and_escape_clears() {
    let g = graph(6, &[(0, 2)]);
    let shown = [true; 6];
    let s = scene(&g, &shown);
    let walking = Cursor {
        focused: Some(0),
        walked: Some(2),
    };
    let open = navigate(&s, walking, NavKey::Open, None);
    assert_eq!(open.and_then(|st| st.open), Some(2));
    assert_eq!(open.map(|st| st.cursor), Some(walking));
    let focused = Cursor {
        focused: Some(4),
        walked: None,
    };
    assert_eq!(
        navigate(&s, focused, NavKey::Open, None).and_then(|st| st.open),
        Some(4)
    );
    assert_eq!(
        navigate(&s, Cursor::default(), NavKey::Open, Some(3)).map(|st| (st.open, st.cursor.focused)),
        Some((Some(3), Some(3)))
    );
    let cleared = navigate(&s, walking, NavKey::Clear, None);
    assert_eq!(cleared.map(|st| st.cursor), Some(Cursor::default()));
    assert_eq!(cleared.and_then(|st| st.open), None);
}

#[test]
fn keys_map_to_actions() {
    assert_eq!(NavKey::from_key("ArrowRight"), Some(NavKey::Arrow(Direction::Right)));
    assert_eq!(NavKey::from_key("ArrowLeft"), Some(NavKey::Arrow(Direction::Left)));
    assert_eq!(NavKey::from_key("ArrowUp"), Some(NavKey::Arrow(Direction::Up)));
    assert_eq!(NavKey::from_key("ArrowDown"), Some(NavKey::Arrow(Direction::Down)));
    assert_eq!(NavKey::from_key("n"), Some(NavKey::NextNeighbour));
    assert_eq!(NavKey::from_key("N"), Some(NavKey::NextNeighbour));
    assert_eq!(NavKey::from_key("Enter"), Some(NavKey::Open));
    assert_eq!(NavKey::from_key(" "), Some(NavKey::Open));
    assert_eq!(NavKey::from_key("Escape"), Some(NavKey::Clear));
    assert_eq!(NavKey::from_key("Tab"), None);
    assert_eq!(NavKey::from_key("m"), None);
}
