//! (stub: filter, being written)
