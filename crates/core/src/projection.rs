//! Web Mercator projection and camera maths for the map (stub until the map issue lands).
