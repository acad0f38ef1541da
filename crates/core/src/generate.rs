//! (stub: generate, being written)
