//! (stub: text, being written)
