//! The views' options that belong in a link: the network's mode, ego depth, node size and what happens to
//! the nodes the filters do not select; the map's collaboration arcs (on/off, weight), region shading and
//! marker size. Each is a small enum with a URL key, a field of the Query (`Query::network`, `Query::map`)
//! and one entry of the registry in `crate::params`.
//!
//! A field is `None` when the link does not say; the view then falls back to what this browser remembers,
//! else to the enum's default. A default is never written into a link.

pub use crate::graph::GraphMode;

/// A choice with a fixed list of values, each with its key in links (and in localStorage).
pub trait Choice: Copy + Default + PartialEq + 'static {
    /// Every value, in the order the view offers them.
    const ALL: &'static [Self];
    /// The value's key in a link.
    fn key(self) -> &'static str;
    /// The value of a key; `None` for anything else.
    fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.key() == s)
    }
}

/// Declares a `Choice` enum: its variants with their keys, and its default.
macro_rules! choice {
    (
        $(#[$meta:meta])*
        pub enum $name:ident (default $default:ident) {
            $($(#[$vmeta:meta])* $variant:ident = $key:literal,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl Default for $name {
            fn default() -> $name {
                $name::$default
            }
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The value's key in a link.
            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)+
                }
            }

            /// The value of a key; `None` for anything else.
            pub fn parse(s: &str) -> Option<$name> {
                <$name as Choice>::parse(s)
            }
        }

        impl Choice for $name {
            const ALL: &'static [$name] = $name::ALL;
            fn key(self) -> &'static str {
                $name::key(self)
            }
        }
    };
}

impl Choice for GraphMode {
    const ALL: &'static [GraphMode] = &GraphMode::ALL;
    fn key(self) -> &'static str {
        GraphMode::key(self)
    }
}

/// On or off (the map's collaboration arcs): `on` / `off`.
impl Choice for bool {
    const ALL: &'static [bool] = &[false, true];
    fn key(self) -> &'static str {
        if self {
            "on"
        } else {
            "off"
        }
    }
}

choice! {
    /// The network's ego network around the opened node: off, or its neighbours up to one or two steps.
    pub enum EgoDepth (default Off) {
        Off = "0",
        One = "1",
        Two = "2",
    }
}

impl EgoDepth {
    /// The number of steps (0: off).
    pub fn steps(self) -> u8 {
        match self {
            EgoDepth::Off => 0,
            EgoDepth::One => 1,
            EgoDepth::Two => 2,
        }
    }
}

choice! {
    /// What an actor's node size shows in the network (technologies are always the large hubs).
    pub enum NodeSize (default Degree) {
        /// Number of connections in the current graph.
        Degree = "degree",
        /// Sum of the total volumes of the projects the actor takes part in.
        Volume = "volume",
    }
}

choice! {
    /// What the network does with the nodes the filters do not select.
    pub enum Unselected (default Fade) {
        Fade = "fade",
        Hide = "hide",
    }
}

choice! {
    /// What the map's collaboration arcs are weighted by.
    pub enum ArcWeight (default Projects) {
        Projects = "projects",
        Volume = "volume",
    }
}

choice! {
    /// How the map shades its regions (choropleth).
    pub enum Shading (default None) {
        None = "none",
        Actors = "actors",
        Volume = "volume",
    }
}

choice! {
    /// What a single actor's marker on the map is sized by.
    pub enum MarkerSize (default Uniform) {
        Uniform = "uniform",
        Projects = "projects",
        Volume = "volume",
    }
}

/// The network view's options a link carries (`None`: the link does not say).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NetworkState {
    pub mode: Option<GraphMode>,
    pub ego: Option<EgoDepth>,
    pub nodes: Option<NodeSize>,
    pub unselected: Option<Unselected>,
}

/// The map view's options a link carries (`None`: the link does not say).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MapState {
    pub arcs: Option<bool>,
    pub arc_weight: Option<ArcWeight>,
    pub shading: Option<Shading>,
    pub markers: Option<MarkerSize>,
}

/// One option a visitor chose in a view (`Query::set_view_option`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewOption {
    Mode(GraphMode),
    Ego(EgoDepth),
    Nodes(NodeSize),
    Unselected(Unselected),
    Arcs(bool),
    ArcWeight(ArcWeight),
    Shading(Shading),
    Markers(MarkerSize),
}

/// What a view shows for an option: the link's value, else the remembered one, else the default.
pub fn effective<T: Choice>(in_link: Option<T>, remembered: impl FnOnce() -> Option<T>) -> T {
    in_link.or_else(remembered).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys_round_trip<T: Choice + std::fmt::Debug>() {
        for &c in T::ALL {
            assert_eq!(T::parse(c.key()), Some(c));
        }
        assert_eq!(T::parse("no-such-value"), None);
        assert!(T::ALL.contains(&T::default()));
    }

    #[test]
    fn every_key_parses_back() {
        keys_round_trip::<GraphMode>();
        keys_round_trip::<bool>();
        keys_round_trip::<EgoDepth>();
        keys_round_trip::<NodeSize>();
        keys_round_trip::<Unselected>();
        keys_round_trip::<ArcWeight>();
        keys_round_trip::<Shading>();
        keys_round_trip::<MarkerSize>();
    }

    #[test]
    fn the_link_wins_then_what_is_remembered_then_the_default() {
        assert_eq!(
            effective(Some(Shading::Volume), || Some(Shading::Actors)),
            Shading::Volume
        );
        assert_eq!(effective(None, || Some(Shading::Actors)), Shading::Actors);
        assert_eq!(effective::<Shading>(None, || None), Shading::None);
        assert_eq!(EgoDepth::default().steps(), 0);
        assert_eq!(GraphMode::default(), GraphMode::Ecosystems);
    }
}
