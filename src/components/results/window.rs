//! Virtual scrolling: only the rows in view plus a margin exist in the DOM. Rows have a fixed height; the
//! scroller's height is kept by a ResizeObserver (its callback writes it, no effect does).

use std::cell::RefCell;
use std::rc::Rc;

use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::html;
use leptos::prelude::*;

use crate::views::resize::ResizeWatch;

/// Height of one row in CSS pixels (kept equal to `.result-row` in style/main.css).
pub const ROW_HEIGHT: f64 = 56.0;
/// Rows rendered above and below the visible ones.
const OVERSCAN: usize = 8;
/// The scroller's height assumed until it is measured.
const FIRST_HEIGHT: f64 = 600.0;

/// The rows to render, `first..last`, of `n` rows scrolled to `scroll_top` in a scroller `height` px high.
pub fn visible_rows(n: usize, scroll_top: f64, height: f64) -> (usize, usize) {
    let first = ((scroll_top / ROW_HEIGHT) as usize).saturating_sub(OVERSCAN);
    let count = (height / ROW_HEIGHT).ceil() as usize + 2 * OVERSCAN;
    (first.min(n), (first + count).min(n))
}

/// Rows one Page Up/Down moves (at least one).
pub fn page_rows(height: f64) -> usize {
    ((height / ROW_HEIGHT) as usize).max(1)
}

/// The scroll position that shows `row` whole with the least movement; `None` when it is in view already.
fn scroll_to_show(row: usize, scroll_top: f64, height: f64) -> Option<f64> {
    let top = row as f64 * ROW_HEIGHT;
    if top < scroll_top {
        Some(top)
    } else if top + ROW_HEIGHT > scroll_top + height {
        Some(top + ROW_HEIGHT - height)
    } else {
        None
    }
}

/// Scrolls the list so that `row` is in view.
pub fn scroll_row_into_view(el: &web_sys::HtmlElement, row: usize) {
    if let Some(top) = scroll_to_show(row, el.scroll_top() as f64, el.client_height() as f64) {
        el.set_scroll_top(top as i32);
    }
}

/// The scroller's height in CSS px, kept by a ResizeObserver once the scroller is mounted; the observer is
/// disconnected on cleanup.
pub fn watched_height(scroller: NodeRef<html::Div>) -> RwSignal<f64> {
    let height = RwSignal::new(FIRST_HEIGHT);
    let watch: Rc<RefCell<Option<ResizeWatch>>> = Rc::default();
    {
        let watch = watch.clone();
        scroller.on_load(move |el| {
            let target = el.clone();
            *watch.borrow_mut() = ResizeWatch::new(&el, move || height.set(target.client_height() as f64));
        });
    }
    let watch = SendWrapper::new(watch);
    on_cleanup(move || {
        watch.borrow_mut().take();
    });
    height
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rows_in_view_and_eight_either_side_are_rendered() {
        // 560 px show 10 rows; at the top there is nothing above to add.
        assert_eq!(visible_rows(1000, 0.0, 560.0), (0, 26));
        // Scrolled to row 100: 8 rows above it, then 10 + 2 × 8.
        assert_eq!(visible_rows(1000, 100.0 * ROW_HEIGHT, 560.0), (92, 118));
        // Never past the end, nor beyond an empty list.
        assert_eq!(visible_rows(20, 0.0, 560.0), (0, 20));
        assert_eq!(visible_rows(0, 500.0, 560.0), (0, 0));
        assert_eq!(visible_rows(5, 10_000.0, 560.0), (5, 5));
    }

    #[test]
    fn a_page_is_the_whole_rows_in_view_and_at_least_one() {
        assert_eq!(page_rows(560.0), 10);
        assert_eq!(page_rows(600.0), 10);
        assert_eq!(page_rows(20.0), 1);
    }

    #[test]
    fn scrolling_a_row_into_view_moves_the_least() {
        // In view: no scrolling.
        assert_eq!(scroll_to_show(3, 0.0, 560.0), None);
        // Above: its top at the top.
        assert_eq!(scroll_to_show(2, 5.0 * ROW_HEIGHT, 560.0), Some(2.0 * ROW_HEIGHT));
        // Below: its bottom at the bottom.
        assert_eq!(scroll_to_show(10, 0.0, 560.0), Some(11.0 * ROW_HEIGHT - 560.0));
    }
}
