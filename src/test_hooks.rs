//! Test hooks: functions of the app's module that the browser tests call through `page.evaluate` (importing
//! the module the page already runs). No URL parameter or control reaches them, so a shared link never can.
//! Keep `ecomap_test_panic` first: its line is part of the panic message a test allows by exact text.

use wasm_bindgen::prelude::wasm_bindgen;

/// Panics on purpose, so the tests can check the panic message and its Reload button.
#[wasm_bindgen]
pub fn ecomap_test_panic() {
    panic!("ecomap_test_panic: a panic asked for by a test");
}

/// Gives every WebGL context back and asks for it again in the same task, as a frame scrolled out of view and
/// straight back does (src/embed/park.rs); the views must come back drawn.
#[wasm_bindgen]
pub fn ecomap_test_park_and_return() {
    crate::views::gl::park(true);
    crate::views::gl::park(false);
}
