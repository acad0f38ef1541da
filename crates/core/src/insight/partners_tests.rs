//! Suggestions are never an existing partner or the actor itself, stable, and every reason is true against
//! the data (shared technologies, shared partners and distance recomputed here another way).

use super::*;
use crate::facet::Facet;
use crate::filter::{select, Filter};
use crate::model::ProjectId;

fn data() -> (Dataset, Index) {
    let json = serde_json::to_vec(&crate::generate::generate(800, 11)).unwrap_or_default();
    let ds = crate::import::import(&json, "generated").0;
    let idx = Index::build(&ds);
    (ds, idx)
}

/// Collaborators in view straight from the projects: a selected co-participant of a project in view with at
/// most MAX_COLLABORATION_PARTICIPANTS participants.
fn partners_in_view(ds: &Dataset, sel: &Selection, a: ActorId) -> Vec<ActorId> {
    let mut out: Vec<ActorId> = Vec::new();
    for (p, pr) in ds.projects.iter().enumerate() {
        let mut parts: Vec<ActorId> = pr.participants.iter().map(|x| x.actor).collect();
        parts.sort_unstable();
        parts.dedup();
        if !sel.projects.get(p) || parts.len() > MAX_COLLABORATION_PARTICIPANTS || !parts.contains(&a) {
            continue;
        }
        out.extend(parts.into_iter().filter(|&b| b != a && sel.actors.get(b.index())));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The spherical law of cosines: another formula for the same great-circle distance.
fn cosine_km(a: LonLat, b: LonLat) -> f64 {
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let c = p1.sin() * p2.sin() + p1.cos() * p2.cos() * (b.lon - a.lon).to_radians().cos();
    6371.0 * c.clamp(-1.0, 1.0).acos()
}

#[test]
fn never_a_partner_or_itself_and_every_reason_true() {
    let (ds, idx) = data();
    for f in [
        Filter::default(),
        Filter {
            years: Some((2022, 2023)),
            ..Filter::default()
        },
        Filter::default().with(Facet::Technology, [0, 3]),
    ] {
        let sel = select(&ds, &idx, &f);
        let mut with_partners = 0;
        for a in (0..ds.actors.len() as u32).step_by(37).map(ActorId) {
            let list = suggest_partners(&ds, &idx, &sel, a, 15);
            assert!(list.len() <= 15);
            assert_eq!(list, suggest_partners(&ds, &idx, &sel, a, 15), "stable");
            let me = ds.actor(a);
            let mine = partners_in_view(&ds, &sel, a);
            for s in &list {
                assert_ne!(s.actor, a);
                assert!(sel.actors.get(s.actor.index()));
                // Never worked together: no project of any year, no explicit link.
                let together = ds.projects.iter().any(|p| {
                    p.participants.iter().any(|x| x.actor == a) && p.participants.iter().any(|x| x.actor == s.actor)
                });
                let linked = ds
                    .links
                    .iter()
                    .any(|l| (l.source == a && l.target == s.actor) || (l.source == s.actor && l.target == a));
                assert!(!together && !linked, "{a:?} already works with {:?}", s.actor);
                let r = &s.reasons;
                let other = ds.actor(s.actor);
                let mut techs: Vec<TechnologyId> = me
                    .technologies
                    .iter()
                    .copied()
                    .filter(|t| other.technologies.contains(t))
                    .collect();
                techs.sort_unstable();
                assert_eq!(r.shared_technologies, techs);
                let theirs = partners_in_view(&ds, &sel, s.actor);
                let common: Vec<ActorId> = mine.iter().copied().filter(|w| theirs.contains(w)).collect();
                assert_eq!(r.shared_partners, common);
                let aa: f64 = common
                    .iter()
                    .map(|&w| partners_in_view(&ds, &sel, w).len() as f64)
                    .map(|d| if d > 1.0 { 1.0 / d.ln() } else { 0.0 })
                    .sum();
                assert!((r.adamic_adar - aa).abs() < 1e-9);
                with_partners += usize::from(!common.is_empty());
                match (me.location.point, other.location.point, r.distance_km) {
                    (Some(x), Some(y), Some(d)) => assert!((cosine_km(x, y) - d).abs() < 1e-3, "{d}"),
                    (x, y, d) => assert!((x.is_none() || y.is_none()) && d.is_none()),
                }
                assert!(!techs.is_empty() || !common.is_empty() || r.distance_km.is_some_and(|d| d <= NEARBY_KM));
                // The text says exactly these figures.
                let text = s.text(&ds, Lang::En);
                if common.is_empty() {
                    assert!(!text.contains("shared partner"), "{text}");
                } else {
                    assert!(text.contains(&format!("{} shared partner", common.len())), "{text}");
                }
                for t in &techs {
                    assert!(text.contains(ds.technology(*t).name.en.as_str()), "{text}");
                }
            }
            assert!(list
                .windows(2)
                .all(|w| w[0].score > w[1].score || (w[0].score == w[1].score && w[0].actor < w[1].actor)));
        }
        assert!(
            with_partners > 0,
            "some suggestion should come through a shared partner"
        );
    }
}

#[test]
fn a_small_case_by_hand() {
    // 0 and 1 share project A; 1 and 2 share project B; 3 shares nothing but lists the same technology as 0.
    let (mut ds, _) = data();
    ds.projects.truncate(0);
    ds.links.clear();
    ds.actors.truncate(4);
    let ai = TechnologyId(0);
    let iot = TechnologyId(2);
    for (i, a) in ds.actors.iter_mut().enumerate() {
        a.technologies = if i == 0 || i == 3 {
            vec![ai, iot]
        } else {
            vec![TechnologyId(5)]
        };
        a.location.point = Some(LonLat {
            lon: 13.4,
            lat: 52.5 + i as f64 * 0.027, // about 3 km per step north
        });
    }
    let mk = |key: &str, parts: &[u32]| crate::model::Project {
        key: key.into(),
        title: Default::default(),
        start: 2022,
        end: 2023,
        status: None,
        volume: crate::model::Eur(10),
        programme: None,
        technologies: vec![],
        participants: parts
            .iter()
            .map(|&a| crate::model::Participant {
                actor: ActorId(a),
                role: crate::model::Role::Partner,
            })
            .collect(),
        fictional: true,
    };
    ds.projects = vec![mk("A", &[0, 1]), mk("B", &[1, 2])];
    let idx = Index::build(&ds);
    let sel = select(&ds, &idx, &Filter::default());
    assert_eq!(existing_partners(&idx, ActorId(0)), [ActorId(1)]);
    let list = suggest_partners(&ds, &idx, &sel, ActorId(0), 10);
    let ids: Vec<u32> = list.iter().map(|s| s.actor.0).collect();
    // 3 shares two technologies (score 2 + nearness), 2 one partner of degree 2 (1/ln 2 ≈ 1.44 + nearness).
    assert_eq!(ids, [3, 2]);
    assert_eq!(list[1].reasons.shared_partners, [ActorId(1)]);
    let en = list[0].text(&ds, Lang::En);
    assert_eq!(
        en,
        format!(
            "works on {} and {} like you; 9 km away",
            ds.technologies[0].name.en, ds.technologies[2].name.en
        )
    );
    let de = list[1].text(&ds, Lang::De);
    assert_eq!(de, "1 gemeinsamer Partner; 6 km entfernt");
    assert_eq!(ProjectId(0), idx.actor_projects(ActorId(0))[0]);
}
