//! Where the visitor is in the list: the active row and the scroll position. Both belong to the selection
//! they were set in, so a new selection reads as row 0 scrolled to the top: memos of what the visitor's
//! events wrote, no effect resets them.

use leptos::prelude::*;

/// A value and the selection (by epoch) it was set in.
#[derive(Clone, Copy, Debug, PartialEq)]
struct PerSelection<T> {
    epoch: u64,
    value: T,
}

/// The value for the current selection: the one set in it, else `start`.
fn current<T: Copy + Send + Sync + 'static>(set: RwSignal<PerSelection<T>>, epoch: u64, start: T) -> T {
    set.with(|s| if s.epoch == epoch { s.value } else { start })
}

#[derive(Clone, Copy)]
pub struct ListCursor {
    /// Counts the selections shown: one more each time the selection changes.
    epoch: Memo<u64>,
    active_set: RwSignal<PerSelection<usize>>,
    scroll_set: RwSignal<PerSelection<f64>>,
    /// The active row (`aria-activedescendant`): Enter opens it, the arrow keys move it.
    pub active: Memo<usize>,
    /// The list's scroll position in CSS px, as its last scroll event reported it.
    pub scroll_top: Memo<f64>,
}

impl ListCursor {
    /// A cursor that starts over whenever `selection` changes.
    pub fn following<T: PartialEq + Send + Sync + 'static>(selection: Memo<T>) -> ListCursor {
        let epoch = Memo::new(move |prev: Option<&u64>| {
            // Read (not only tracked), so the selection is brought up to date and its changes reach here.
            selection.with(|_| ());
            prev.map_or(0, |p| p + 1)
        });
        let active_set = RwSignal::new(PerSelection { epoch: 0, value: 0 });
        let scroll_set = RwSignal::new(PerSelection { epoch: 0, value: 0.0 });
        ListCursor {
            epoch,
            active_set,
            scroll_set,
            active: Memo::new(move |_| current(active_set, epoch.get(), 0)),
            scroll_top: Memo::new(move |_| current(scroll_set, epoch.get(), 0.0)),
        }
    }

    pub fn set_active(&self, row: usize) {
        let epoch = self.epoch.get_untracked();
        self.active_set.set(PerSelection { epoch, value: row });
    }

    pub fn set_scroll_top(&self, top: f64) {
        let epoch = self.epoch.get_untracked();
        self.scroll_set.set(PerSelection { epoch, value: top });
    }
}

#[cfg(test)]
mod tests {
    use leptos::prelude::*;

    use super::ListCursor;

    #[test]
    fn a_new_selection_reads_as_the_first_row_at_the_top() {
        let owner = Owner::new();
        owner.set();
        let query = RwSignal::new(1);
        let selection = Memo::new(move |_| query.get());
        let cursor = ListCursor::following(selection);
        assert_eq!(
            (cursor.active.get_untracked(), cursor.scroll_top.get_untracked()),
            (0, 0.0)
        );
        cursor.set_active(5);
        cursor.set_scroll_top(280.0);
        assert_eq!(
            (cursor.active.get_untracked(), cursor.scroll_top.get_untracked()),
            (5, 280.0)
        );
        query.set(2);
        assert_eq!(
            (cursor.active.get_untracked(), cursor.scroll_top.get_untracked()),
            (0, 0.0)
        );
        cursor.set_active(3);
        assert_eq!(cursor.active.get_untracked(), 3);
        // A recomputed but equal selection is no new selection.
        query.set(2);
        assert_eq!(cursor.active.get_untracked(), 3);
    }
}
