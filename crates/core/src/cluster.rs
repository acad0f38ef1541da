//! Hierarchical point clustering for the map (stub until the map issue lands).
