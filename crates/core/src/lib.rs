//! ecomap-core: the pure logic of ecomap (model, import, index, filter, stats, query), no web-sys.
//!
//! Design decision: everything that can be computed without a browser lives here and is tested natively.
//! Data flows one way: JSON export → [`import`] → [`model::Dataset`] + [`report::ImportReport`] →
//! [`index::Index`] → [`filter`] (a [`query::Query`] gives a [`filter::Selection`]) → [`stats`].

pub mod bitset;
pub mod camera_hash;
pub mod cluster;
pub mod config;
pub mod contact;
pub mod csv;
pub mod embed;
pub mod facet;
pub mod filter;
pub mod format;
pub mod framing;
pub mod generate;
pub mod geo;
pub mod graph;
pub mod graph_walk;
pub mod import;
pub mod in_view;
pub mod index;
pub mod input_policy;
pub mod insight;
pub mod kiosk;
pub mod layout;
pub mod model;
pub mod order;
pub mod params;
pub mod projection;
pub mod provenance;
pub mod query;
pub mod regions;
pub mod report;
pub mod stats;
pub mod suggest;
pub mod taxonomy;
pub mod text;
pub mod tour;
pub mod view_state;
pub mod wire;
