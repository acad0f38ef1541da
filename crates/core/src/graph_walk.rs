//! Keyboard walking over the network graph: the nearest node in an arrow's direction, the "N: next
//! neighbour" walk, Enter and Escape, as pure functions of screen positions, adjacency and what is shown.
//!
//! The network view (`src/views/network/engine/navigate.rs`) projects its nodes to the screen, hands them in
//! as a [`Scene`] with its [`Cursor`] and applies the [`Step`] it gets back.

use crate::graph::Graph;

/// An arrow key's direction on screen (y grows downwards, as in CSS).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

impl Direction {
    /// The unit vector on screen.
    pub fn vector(self) -> (f32, f32) {
        match self {
            Direction::Right => (1.0, 0.0),
            Direction::Left => (-1.0, 0.0),
            Direction::Up => (0.0, -1.0),
            Direction::Down => (0.0, 1.0),
        }
    }
}

/// What a key asks the keyboard cursor to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NavKey {
    /// Move the focus to the nearest shown node in that direction.
    Arrow(Direction),
    /// Walk on to the next shown neighbour of the focused node (the focus stays where it is).
    NextNeighbour,
    /// Open the walked-to neighbour, else the focused node.
    Open,
    /// Forget the focus and the walk.
    Clear,
}

impl NavKey {
    /// The action of a `KeyboardEvent.key` value; None for keys the graph does not use.
    pub fn from_key(key: &str) -> Option<NavKey> {
        Some(match key {
            "ArrowRight" => NavKey::Arrow(Direction::Right),
            "ArrowLeft" => NavKey::Arrow(Direction::Left),
            "ArrowUp" => NavKey::Arrow(Direction::Up),
            "ArrowDown" => NavKey::Arrow(Direction::Down),
            "n" | "N" => NavKey::NextNeighbour,
            "Enter" | " " => NavKey::Open,
            "Escape" => NavKey::Clear,
            _ => return None,
        })
    }
}

/// Where keyboard navigation stands: the focused node (the focus ring) and the neighbour of it the N walk
/// is on (shown as hovered).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    pub focused: Option<u32>,
    pub walked: Option<u32>,
}

/// The graph as the visitor sees it: screen positions (CSS px, y down) and which nodes are shown, per node.
#[derive(Clone, Copy, Debug)]
pub struct Scene<'a> {
    pub graph: &'a Graph,
    pub x: &'a [f32],
    pub y: &'a [f32],
    pub shown: &'a [bool],
}

impl Scene<'_> {
    fn position(&self, i: u32) -> Option<(f32, f32)> {
        Some((*self.x.get(i as usize)?, *self.y.get(i as usize)?))
    }
}

/// The result of a key: the new cursor, the node the focus moved to by an arrow (the view keeps it on
/// screen) and the node to open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Step {
    pub cursor: Cursor,
    pub moved_to: Option<u32>,
    pub open: Option<u32>,
}

/// The nearest shown node from `from` in a direction on screen: only nodes in the 90° cone around the
/// direction count, scored by the distance along it plus twice the distance across (so a node straight
/// ahead beats a slightly nearer one off to the side).
pub fn nearest_in_direction(scene: &Scene, from: u32, direction: Direction) -> Option<u32> {
    let (dx, dy) = direction.vector();
    let (fx, fy) = scene.position(from)?;
    let mut best: Option<(f32, u32)> = None;
    for i in 0..scene.shown.len().min(scene.x.len()).min(scene.y.len()) {
        if !scene.shown[i] || i as u32 == from {
            continue;
        }
        let (vx, vy) = (scene.x[i] - fx, scene.y[i] - fy);
        let along = vx * dx + vy * dy;
        let across = (vx * dy - vy * dx).abs();
        if along <= 0.0 || across > along {
            continue;
        }
        let score = along + 2.0 * across;
        if best.is_none_or(|(b, _)| score < b) {
            best = Some((score, i as u32));
        }
    }
    best.map(|(_, i)| i)
}

/// The shown neighbour after `current` among `neighbours` (in adjacency order, wrapping round); the first
/// shown one when `current` is none of them; None when no neighbour is shown.
pub fn next_neighbour(neighbours: &[u32], shown: &[bool], current: Option<u32>) -> Option<u32> {
    let visible: Vec<u32> = neighbours
        .iter()
        .copied()
        .filter(|&j| shown.get(j as usize).copied().unwrap_or(false))
        .collect();
    let at = current.and_then(|c| visible.iter().position(|&j| j == c));
    visible.get(at.map_or(0, |k| (k + 1) % visible.len().max(1))).copied()
}

/// Applies a key to the cursor. The walk starts at the focused node, else at `fallback` (the view's most
/// important shown node); None when there is neither (nothing to do). Any key but Escape leaves a node
/// focused: the one an arrow moved to, else the start.
pub fn navigate(scene: &Scene, cursor: Cursor, key: NavKey, fallback: Option<u32>) -> Option<Step> {
    let from = cursor.focused.or(fallback)?;
    if from as usize >= scene.graph.len() {
        return None;
    }
    let mut step = Step {
        cursor,
        ..Step::default()
    };
    match key {
        NavKey::Arrow(direction) => step.moved_to = nearest_in_direction(scene, from, direction),
        NavKey::NextNeighbour => {
            step.cursor.walked = next_neighbour(scene.graph.neighbours(from), scene.shown, cursor.walked);
        }
        NavKey::Open => step.open = Some(cursor.walked.unwrap_or(from)),
        NavKey::Clear => {
            step.cursor = Cursor::default();
            return Some(step);
        }
    }
    if let Some(to) = step.moved_to {
        step.cursor = Cursor {
            focused: Some(to),
            walked: None,
        };
    } else if step.cursor.focused.is_none() {
        step.cursor.focused = Some(from);
    }
    Some(step)
}
