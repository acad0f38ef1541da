//! (stub: import, being written)
