//! Force-directed layout with Barnes-Hut (stub until the network issue lands).
