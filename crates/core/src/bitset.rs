//! (stub: bitset, being written)
