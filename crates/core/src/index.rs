//! (stub: index, being written)
