//! The map's camera in the URL hash (`#map=z/lat/lon`, beside the network's `net=` part:
//! `crate::views::camera_hash`): read on start and when the visitor edits it or goes back, written with
//! `history.replaceState` (no history entry) when the camera rests; a tour step's camera is glided to. The
//! query part of the URL stays as url.rs wrote it.

use ecomap_core::projection::Camera;

use super::scheduler::Scheduler;
use crate::views::camera_hash;

/// The camera in the URL hash, if any.
pub fn hash_camera() -> Option<Camera> {
    Camera::from_hash(&camera_hash::hash())
}

/// Writes the camera into the hash without a history entry.
pub fn write_hash(cam: &Camera) {
    camera_hash::write_part("map", Some(&cam.to_hash()));
}

/// Moves the camera when the visitor edits the hash or goes back or forward, and glides it when a tour step
/// sets it, until the view is cleaned up.
pub fn follow_hash_changes(scheduler: &Scheduler) {
    let (a, b) = (scheduler.clone(), scheduler.clone());
    camera_hash::listen(move || a.glide_to_hash(), move || b.follow_hash());
}
