//! The network graph model: actors, technologies and their edges (stub until the network issue lands).
