//! (stub: geo, being written)
