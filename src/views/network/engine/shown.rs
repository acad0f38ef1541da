//! Which nodes are shown: the filters' selection (a technology is shown when one of its actors is), limited to
//! the ego network of the opened node when asked; the opened node, else the first search result, is centred
//! and gets the focus ring.

use ecomap_core::filter::Selection;
use ecomap_core::query::ResolvedFocus;

use super::{Engine, LayoutStatus};

impl Engine {
    /// Follows the app: the selection (None: everything), the opened node, the ego depth (0: off), fade or
    /// hide what is not selected, and whether there is search text (then its first result is centred).
    pub fn show_selection(
        &mut self,
        selection: Option<&Selection>,
        focus: Option<ResolvedFocus>,
        ego_depth: u8,
        hide: bool,
        searching: bool,
    ) {
        self.hide = hide;
        let focus_node = focus.and_then(|f| match f {
            ResolvedFocus::Actor(a) => Some(self.graph.actor_node(a)),
            ResolvedFocus::Technology(t) => self.graph.technology_node(t),
        });
        let ego = match (focus_node, ego_depth) {
            (Some(c), d) if d > 0 => Some(self.graph.ego(c, d, |_| true)),
            _ => None,
        };
        match selection {
            Some(s) => self.set_shown(|i| s.actors.get(i), ego.as_deref()),
            None => self.set_shown(|_| true, ego.as_deref()),
        }
        let centre = focus_node.or_else(|| {
            if searching {
                selection
                    .and_then(|s| s.list.first())
                    .map(|a| self.graph.actor_node(*a))
            } else {
                None
            }
        });
        if let Some(c) = centre {
            if self.status != LayoutStatus::Running {
                self.centre_on(c);
                self.user_camera = true;
            }
            self.keyboard = Some(c);
            self.update_highlight();
        } else if ego.is_some() || self.status == LayoutStatus::Done {
            self.keyboard = None;
            self.update_highlight();
        }
    }

    /// Which nodes are drawn: `selected(actor index)` from the filters, `ego` limits to an ego network.
    pub fn set_shown(&mut self, selected: impl Fn(usize) -> bool, ego: Option<&[(u32, u8)]>) {
        let n = self.len();
        let na = self.graph.actors;
        for i in 0..na {
            self.shown[i] = selected(i);
        }
        // A technology is shown when one of its actors is.
        for i in na..n {
            let any = self.graph.neighbours(i as u32).iter().any(|&j| self.shown[j as usize]);
            self.shown[i] = any;
        }
        if let Some(ego) = ego {
            let mut inside = vec![false; n];
            for &(v, _) in ego {
                inside[v as usize] = true;
            }
            for (s, ins) in self.shown.iter_mut().zip(&inside) {
                *s = *s && *ins;
            }
            for &(v, _) in ego.iter().take(1) {
                self.shown[v as usize] = true;
            }
        }
        self.update_highlight();
    }

    pub fn visible_count(&self) -> u32 {
        self.shown.iter().filter(|&&s| s).count() as u32
    }
}
