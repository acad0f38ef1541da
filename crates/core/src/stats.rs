//! (stub: stats, being written)
