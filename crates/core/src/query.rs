//! (stub: query, being written)
