//! The list's keys: arrows move the active row by one, Page Up/Down by a page, Home and End to the ends;
//! Enter or Space opens the active row in the detail panel.

use leptos::html;
use leptos::prelude::*;

use super::cursor::ListCursor;
use super::window::{page_rows, scroll_row_into_view};
use super::{actor_at, open_actor};
use crate::state::AppState;

/// What a key does in the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ListKey {
    /// Make this row active (clamped to the list).
    MoveTo(usize),
    /// Open the active row.
    Open,
}

/// The meaning of `key` with row `active` active and `page` rows per page; `None` for other keys.
fn list_key(key: &str, active: usize, page: usize) -> Option<ListKey> {
    Some(match key {
        "ArrowDown" => ListKey::MoveTo(active.saturating_add(1)),
        "ArrowUp" => ListKey::MoveTo(active.saturating_sub(1)),
        "PageDown" => ListKey::MoveTo(active.saturating_add(page)),
        "PageUp" => ListKey::MoveTo(active.saturating_sub(page)),
        "Home" => ListKey::MoveTo(0),
        "End" => ListKey::MoveTo(usize::MAX),
        "Enter" | " " => ListKey::Open,
        _ => return None,
    })
}

/// The list's keydown handler.
pub fn key_handler(
    state: AppState,
    cursor: ListCursor,
    scroller: NodeRef<html::Div>,
    list_len: Memo<usize>,
    height: RwSignal<f64>,
) -> impl Fn(web_sys::KeyboardEvent) + 'static {
    move |ev| {
        let active = cursor.active.get_untracked();
        let Some(action) = list_key(&ev.key(), active, page_rows(height.get_untracked())) else {
            return;
        };
        match action {
            ListKey::MoveTo(row) => move_active(cursor, scroller, list_len.get_untracked(), row),
            ListKey::Open => {
                if let Some(a) = actor_at(state, active) {
                    open_actor(state, a);
                }
            }
        }
        ev.prevent_default();
    }
}

/// Makes `row` (clamped to the `n` rows) active and scrolls it into view.
fn move_active(cursor: ListCursor, scroller: NodeRef<html::Div>, n: usize, row: usize) {
    if n == 0 {
        return;
    }
    let row = row.min(n - 1);
    cursor.set_active(row);
    if let Some(el) = scroller.get_untracked() {
        scroll_row_into_view(&el, row);
    }
}

#[cfg(test)]
mod tests {
    use super::{list_key, ListKey};

    #[test]
    fn keys_move_the_active_row_or_open_it() {
        assert_eq!(list_key("ArrowDown", 3, 10), Some(ListKey::MoveTo(4)));
        assert_eq!(list_key("ArrowUp", 3, 10), Some(ListKey::MoveTo(2)));
        assert_eq!(list_key("ArrowUp", 0, 10), Some(ListKey::MoveTo(0)));
        assert_eq!(list_key("PageDown", 3, 10), Some(ListKey::MoveTo(13)));
        assert_eq!(list_key("PageUp", 3, 10), Some(ListKey::MoveTo(0)));
        assert_eq!(list_key("Home", 30, 10), Some(ListKey::MoveTo(0)));
        assert_eq!(list_key("End", 3, 10), Some(ListKey::MoveTo(usize::MAX)));
        assert_eq!(list_key("Enter", 3, 10), Some(ListKey::Open));
        assert_eq!(list_key(" ", 3, 10), Some(ListKey::Open));
        assert_eq!(list_key("a", 3, 10), None);
        assert_eq!(list_key("Tab", 3, 10), None);
    }
}
