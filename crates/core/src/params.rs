//! The registry of every URL parameter: its name, how it is read into the Query and written from it, whether
//! an embed may lock it, and what it means. `Query::from_params` and `Query::to_params` only walk this list, so
//! a new piece of link state (view state, an embed option, a mode) is one entry here (ARCHITECTURE.md,
//! "Recipes"). The order of the list is the order of the parameters in a written link.

use crate::embed::{Chart, Height, LockSet, PageMode, Panels, Theme};
use crate::facet::Facet;
use crate::model::Lang;
use crate::query::{parse_years, Focus, Query, View};
use crate::view_state::Choice;

/// One URL parameter.
pub struct Param {
    pub name: &'static str,
    /// Reads one value (trimmed, percent-decoded) into the query; false when it is invalid (then it is ignored
    /// with a notice).
    pub read: fn(&mut Query, &str) -> bool,
    /// Appends the query's value(s), nothing when it holds the default.
    pub write: fn(&Query, &mut Vec<(&'static str, String)>),
    /// Whether an embedding site may lock it with `lock=` (the filters: facets and years; a visitor can narrow
    /// a locked filter, never widen it; `crate::embed::lock`).
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

/// Reads a view option's key (an empty or unknown value is invalid: a notice).
fn read_choice<T: Choice>(slot: &mut Option<T>, v: &str) -> bool {
    T::parse(v).map(|c| *slot = Some(c)).is_some()
}

/// Writes a view option unless the link does not carry it or it is the default (links stay short).
fn write_choice<T: Choice>(name: &'static str, slot: Option<T>, out: &mut Vec<(&'static str, String)>) {
    if let Some(c) = slot.filter(|c| *c != T::default()) {
        out.push((name, c.key().to_string()));
    }
}

/// A view option (`crate::view_state`): its name, its field in the Query and what it means.
macro_rules! choice_param {
    ($name:literal, $($field:ident).+, $about:literal) => {
        Param {
            name: $name,
            read: |q, v| read_choice(&mut q.$($field).+, v),
            write: |q, out| write_choice($name, q.$($field).+, out),
            lockable: false,
            about: $about,
        }
    };
}

/// Every parameter the app reads; others are reported as unknown.
pub const PARAMS: [Param; 27] = [
    Param {
        name: "view",
        read: |q, v| View::parse(v).map(|view| q.view = view).is_some(),
        // Always written: a link keeps its view whatever the start view is.
        write: |q, out| out.push(("view", q.view.key().to_string())),
        lockable: false,
        about: "the view shown: map (the start view), list, network, charts, profile (the ecosystem profile of the technology= parameter's technology), compare (the technologies of compare=) or regions (every technology's regional strengths and gaps)",
    },
    Param {
        name: "lang",
        read: |q, v| Lang::parse(v).map(|l| q.lang = Some(l)).is_some(),
        write: |q, out| out.extend(q.lang.map(|l| ("lang", l.code().to_string()))),
        lockable: false,
        about: "interface language, de or en (default: the browser's)",
    },
    Param {
        name: "data",
        read: |q, v| {
            // Only http(s) and relative addresses: never data:, javascript:, blob: or file: (crate::provenance).
            let ok = crate::provenance::is_loadable(v);
            if ok {
                q.data = Some(v.to_string());
            }
            ok
        },
        write: |q, out| out.extend(q.data.clone().map(|d| ("data", d))),
        lockable: false,
        about: "URL of another export to load instead of the demo (http, https or relative; the page then says where the data is from)",
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
        name: "compare",
        read: |q, v| {
            q.compare = v.split(',').map(str::trim).filter(|k| !k.is_empty()).map(String::from).collect();
            !q.compare.is_empty()
        },
        write: |q, out| {
            if !q.compare.is_empty() {
                out.push(("compare", q.compare.join(",")));
            }
        },
        lockable: false,
        about: "the technologies the comparison view shows, 2 to 4 keys separated by commas (view=compare)",
    },
    // One name, two meanings with distinct values: the network's graph and the page mode of issue 15.
    Param {
        name: "mode",
        read: |q, v| match PageMode::parse(v) {
            Some(m) => {
                q.page_mode = Some(m);
                true
            }
            None => read_choice(&mut q.network.mode, v),
        },
        write: |q, out| {
            write_choice("mode", q.network.mode, out);
            out.extend(q.page_mode.map(|m| ("mode", m.key().to_string())));
        },
        lockable: false,
        about: "the network's graph: ecosystems (default), collaboration or all; or the page mode present or kiosk \
                (never with embed=1)",
    },
    choice_param!(
        "ego",
        network.ego,
        "the network's ego network around the opened node: 0 (off, default), 1 or 2 steps"
    ),
    choice_param!(
        "nodes",
        network.nodes,
        "what an actor's node size shows in the network: degree (default) or volume"
    ),
    choice_param!(
        "unselected",
        network.unselected,
        "what the network does with nodes the filters do not select: fade (default) or hide"
    ),
    choice_param!("arcs", map.arcs, "the map's collaboration arcs: off (default) or on"),
    choice_param!(
        "arcweight",
        map.arc_weight,
        "what the map's arcs are weighted by: projects (default) or volume"
    ),
    choice_param!(
        "shading",
        map.shading,
        "how the map shades its regions: none (default), actors or volume"
    ),
    choice_param!(
        "markers",
        map.markers,
        "what a single actor's marker on the map is sized by: uniform (default), projects or volume"
    ),
    Param {
        name: "embed",
        read: |q, v| {
            let ok = v == "1" || v == "0";
            q.embed.on = v == "1";
            ok
        },
        write: |q, out| {
            if q.embed.on {
                out.push(("embed", "1".to_string()));
            }
        },
        lockable: false,
        about: "embed mode (1): the view without the app's header, for an iframe on another site (docs/embedding.md)",
    },
    Param {
        name: "panels",
        read: |q, v| Panels::parse(v).map(|p| q.embed.panels = p).is_some(),
        write: |q, out| {
            if q.embed.panels != Panels::default() {
                out.push(("panels", q.embed.panels.key()));
            }
        },
        lockable: false,
        about: "embed: the panels shown beside the view, from legend, filters, list, timeline (default: legend)",
    },
    Param {
        name: "lock",
        read: |q, v| {
            LockSet::parse(v)
                .map(|l| q.embed.lock = q.embed.lock.union(l))
                .is_some()
        },
        write: |q, out| {
            if !q.embed.lock.is_empty() {
                out.push(("lock", q.embed.lock.key()));
            }
        },
        lockable: false,
        about: "embed: the filters whose values in the link a visitor can narrow and never widen, from tech, \
                sector, kind, region, years",
    },
    Param {
        name: "theme",
        read: |q, v| Theme::parse(v).map(|t| q.embed.theme = Some(t)).is_some(),
        write: |q, out| out.extend(q.embed.theme.map(|t| ("theme", t.key().to_string()))),
        lockable: false,
        about: "the colour scheme, light or dark (default: the system's)",
    },
    Param {
        name: "height",
        read: |q, v| Height::parse(v).map(|h| q.embed.height = Some(h)).is_some(),
        write: |q, out| out.extend(q.embed.height.map(|h| ("height", h.key()))),
        lockable: false,
        about: "embed: auto (the frame reports its content height to the host) or a fixed height in px (100-10000)",
    },
    Param {
        name: "chart",
        read: |q, v| Chart::parse(v).map(|c| q.embed.chart = Some(c)).is_some(),
        write: |q, out| out.extend(q.embed.chart.map(|c| ("chart", c.key().to_string()))),
        lockable: false,
        about: "embed of the charts view: one chart alone, from volume-by-year, projects-by-year, \
                volume-by-technology, volume-by-sector, composition, top-actors",
    },
    Param {
        name: "tour",
        read: |q, v| {
            let ok = !v.is_empty();
            if ok {
                q.tour = Some(v.to_string());
            }
            ok
        },
        write: |q, out| out.extend(q.tour.clone().map(|t| ("tour", t))),
        lockable: false,
        about: "with mode=present: the URL of the tour to play (default: the demo tour; docs/tours.md)",
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

    #[test]
    fn lock_takes_exactly_the_lockable_parameters() {
        let lockable: Vec<&str> = PARAMS.iter().filter(|p| p.lockable).map(|p| p.name).collect();
        assert_eq!(
            LockSet::parse(&lockable.join(",")).map(|l| l.key()),
            Some(lockable.join(","))
        );
        for p in PARAMS.iter().filter(|p| !p.lockable) {
            assert_eq!(LockSet::parse(p.name), None, "{}", p.name);
        }
    }
}
