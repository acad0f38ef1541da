//! The ready-to-render document the worker answers with (docs/insight.md, "Protocol"): sections with a
//! heading, lines of text, tables whose cells may name an actor or a technology, and SVG charts. The page's
//! renderer (public/insight.js) turns it into plain DOM; every string is shown as text.

use serde::Serialize;

/// One answer: the view's test marker, its title and its sections.
#[derive(Serialize, Debug, Default)]
pub struct Doc {
    pub testid: &'static str,
    pub title: String,
    pub sections: Vec<Section>,
}

/// A part of the document with its own test marker (`profile-years`, `profile-central`, ...).
#[derive(Serialize, Debug, Default)]
pub struct Section {
    pub testid: &'static str,
    pub heading: String,
    pub lines: Vec<String>,
    /// SVG charts drawn with plotters (the page inserts them through its allow-list).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub svg: Vec<String>,
    pub tables: Vec<Table>,
    /// Links to other insight views (each a cell with `href`), shown as one line after the text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Cell>,
    /// True while a part of it is still being computed (centrality): the page shows it busy.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub busy: bool,
}

/// A data table: caption, header cells, rows of cells.
#[derive(Serialize, Debug, Default)]
pub struct Table {
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// A table cell: text, optionally a button that opens an actor (its key) or a technology's profile (its key),
/// or a link to another state of the page (`href`, a query string: the page follows it without a reload).
#[derive(Serialize, Debug, Default, Clone)]
pub struct Cell {
    pub t: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tech: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    /// A number: right-aligned.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub num: bool,
}

impl Cell {
    pub fn text(t: impl Into<String>) -> Cell {
        Cell {
            t: t.into(),
            ..Cell::default()
        }
    }
    pub fn num(t: impl Into<String>) -> Cell {
        Cell {
            t: t.into(),
            num: true,
            ..Cell::default()
        }
    }
    pub fn actor(t: impl Into<String>, key: &str) -> Cell {
        Cell {
            t: t.into(),
            actor: Some(key.to_string()),
            ..Cell::default()
        }
    }
    pub fn link(t: impl Into<String>, href: String) -> Cell {
        Cell {
            t: t.into(),
            href: Some(href),
            ..Cell::default()
        }
    }
    pub fn tech(t: impl Into<String>, key: &str) -> Cell {
        Cell {
            t: t.into(),
            tech: Some(key.to_string()),
            ..Cell::default()
        }
    }
}
