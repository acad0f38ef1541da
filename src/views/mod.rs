//! The main views beside the list: map, network and charts. Each owns its module (and its own strings in
//! German and English); all read the shared `AppState` and write only the Query.

pub mod camera_hash;
pub mod charts;
pub mod gl;
pub mod input_policy;
pub mod insight;
pub mod map;
pub mod network;
pub mod resize;
pub mod schedule;
