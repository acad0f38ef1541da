//! The registry of every URL parameter: its name, how it is read into the Query and written from it, whether
//! an embed may lock it, and what it means. `Query::from_params` and `Query::to_params` only walk this list, so
//! a new piece of link state (view state, an embed option, a mode) is one entry here (ARCHITECTURE.md,
//! "Recipes"). The order of the list is the order of the parameters in a written link.

use crate::facet::Facet;
use crate::model::Lang;
use crate::query::{parse_years, Focus, Query, View};

/// One URL parameter.
pub struct Param {
    pub name: &'static str,
    /// Reads one value (trimmed, percent-decoded) into the query; false when it is invalid (then it is ignored
    /// with a notice).
    pub read: fn(&mut Query, &str) -> bool,
    /// Appends the query's value(s), nothing when it holds the default.
    pub write: fn(&Query, &mut Vec<(&'static str, String)>),
    /// Whether an embedding site may lock it (a visitor can narrow a locked filter, never widen it).
    pub lockable: bool,
    /// What it means, for docs and help.
    pub about: &'static str,
}

/// An empty value chooses nothing (no notice), except for kinds, whose values are a fixed list.
fn read_facet<const F: usize>(q: &mut Query, v: &str) -> bool {
    let f = Facet::ALL[F];
    (v.is_empty() && f != Facet::Kind) || q.add_chosen(f, v)
}

fn write_facet<const F: usize>(q: &Query, out: &mut Vec<(&'static str, String)>) {
    let f = Facet::ALL[F];
    out.extend(q.chosen(f).iter().map(|k| (f.param(), k.clone())));
}

const fn facet_param<const F: usize>(name: &'static str, about: &'static str) -> Param {
    Param {
        name,
        read: read_facet::<F>,
        write: write_facet::<F>,
        lockable: true,
        about,
    }
}

/// Every parameter the app reads; others are reported as unknown.
pub const PARAMS: [Param; 12] = [
    Param {
        name: "view",
        read: |q, v| View::parse(v).map(|view| q.view = view).is_some(),
        // Always written: a link keeps its view whatever the start view is.
        write: |q, out| out.push(("view", q.view.key().to_string())),
        lockable: true,
        about: "the view shown: map (the start view), list, network or charts",
    },
    Param {
        name: "lang",
        read: |q, v| Lang::parse(v).map(|l| q.lang = Some(l)).is_some(),
        write: |q, out| out.extend(q.lang.map(|l| ("lang", l.code().to_string()))),
        lockable: true,
        about: "interface language, de or en (default: the browser's)",
    },
    Param {
        name: "data",
        read: |q, v| {
            let ok = !v.is_empty();
            if ok {
                q.data = Some(v.to_string());
            }
            ok
        },
        write: |q, out| out.extend(q.data.clone().map(|d| ("data", d))),
        lockable: false,
        about: "URL of another export to load instead of the demo",
    },
    facet_param::<0>("tech", "a chosen technology (repeatable): its key in the export"),
    facet_param::<1>("sector", "a chosen sector (repeatable): its key in the export"),
    facet_param::<2>(
        "kind",
        "a chosen kind of actor (repeatable): startup, sme, corporation, research, ...",
    ),
    facet_param::<3>("region", "a chosen district or county (repeatable): its region key"),
    Param {
        name: "years",
        read: |q, v| parse_years(v).map(|r| q.years = Some(r)).is_some(),
        write: |q, out| out.extend(q.years.map(|(a, b)| ("years", format!("{a}-{b}")))),
        lockable: true,
        about: "the year range, FROM-TO or one year",
    },
    Param {
        name: "q",
        read: |q, v| {
            q.text = v.to_string();
            true
        },
        write: |q, out| {
            if !q.text.is_empty() {
                out.push(("q", q.text.clone()));
            }
        },
        lockable: false,
        about: "search text (actor names)",
    },
    Param {
        name: "actor",
        read: |q, v| {
            let ok = !v.is_empty();
            if ok {
                q.focus = Some(Focus::Actor(v.to_string()));
            }
            ok
        },
        write: |q, out| {
            if let Some(Focus::Actor(k)) = &q.focus {
                out.push(("actor", k.clone()));
            }
        },
        lockable: false,
        about: "the actor opened in the detail panel",
    },
    Param {
        name: "technology",
        read: |q, v| {
            let ok = !v.is_empty();
            if ok {
                q.focus = Some(Focus::Technology(v.to_string()));
            }
            ok
        },
        write: |q, out| {
            if let Some(Focus::Technology(k)) = &q.focus {
                out.push(("technology", k.clone()));
            }
        },
        lockable: false,
        about: "the technology opened in the detail panel",
    },
    Param {
        name: "embed",
        read: |_, _| true,
        write: |_, _| {},
        lockable: false,
        about: "reserved for embed mode (accepted, not yet used)",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_facet_has_its_parameter_and_names_are_unique() {
        for f in Facet::ALL {
            assert!(PARAMS.iter().any(|p| p.name == f.param()), "{}", f.param());
        }
        let mut names: Vec<&str> = PARAMS.iter().map(|p| p.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), PARAMS.len());
    }
}
