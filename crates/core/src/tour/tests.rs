//! Tests of tours: loading with errors that name the step, recording, checking against an export, the player.

use super::player::{key_action, swipe_action, Action, Player};
use super::*;
use crate::import::import;

const GOOD: &str = r#"{"title":{"de":"T","en":"T"},"steps":[
  {"view":"map","query":"tech=ai&years=2020-2024","camera":"map=9.50/52.50000/13.40000","caption":{"en":"AI"},"duration":8},
  {"view":"network","query":"tech=vr&mode=collaboration","camera":"net=1,2,0.5","caption":{"de":"VR"},"duration":5}
]}"#;

#[test]
fn a_good_tour_loads_and_its_steps_give_queries_and_cameras() {
    let t = Tour::load(GOOD).expect("valid");
    assert_eq!(t.steps.len(), 2);
    let q = t.steps[0].to_query();
    assert_eq!(q.view, View::Map);
    assert_eq!(q.chosen(crate::facet::Facet::Technology), ["ai"]);
    assert_eq!(q.years, Some((2020, 2024)));
    assert!(matches!(t.steps[0].camera(), Some(StepCamera::Map(_))));
    assert!(matches!(t.steps[1].camera(), Some(StepCamera::Net(c)) if c.zoom == 0.5));
    assert_eq!(
        t.steps[1].caption.get(Lang::En),
        "VR",
        "falls back to the other language"
    );
    let again = Tour::load(&t.to_json()).expect("valid");
    assert_eq!(again, t);
    let mut odd = t.clone();
    odd.steps[0].caption.de = "„Zitat“ \"quoted\" back\\slash\nnew line\ttab".into();
    assert_eq!(Tour::load(&odd.to_json()).expect("valid"), odd);
    let v: serde_json::Value = serde_json::from_str(&odd.to_json()).expect("valid");
    assert_eq!(v["steps"][0]["caption"]["de"], odd.steps[0].caption.de.as_str());
}

#[test]
fn errors_name_the_step_and_the_field() {
    let cases = [
        (
            GOOD.replace("\"duration\":5", "\"duration\":0"),
            Some(2),
            "steps[1].duration",
        ),
        (
            GOOD.replace("\"view\":\"network\"", "\"view\":\"globe\""),
            Some(2),
            "steps[1].view",
        ),
        (GOOD.replace("tech=ai", "tehc=ai"), Some(1), "steps[0].query"),
        (GOOD.replace("tech=ai", "mode=present"), Some(1), "steps[0].query"),
        (GOOD.replace("net=1,2,0.5", "map=1/2/3"), Some(2), "steps[1].camera"),
        (GOOD.replace("net=1,2,0.5", "net=oops"), Some(2), "steps[1].camera"),
        (GOOD.replace("{\"en\":\"AI\"}", "{}"), Some(1), "steps[0].caption"),
        (
            GOOD.replace("\"duration\":8", "\"duration\":8,\"zoom\":3"),
            Some(1),
            "steps[0]",
        ),
        (
            GOOD.replace("\"duration\":8", "\"duration\":\"8\""),
            Some(1),
            "steps[0]",
        ),
        (
            GOOD.replace("\"steps\":[", "\"steps\":{").replace("8}\n]}", "8}}}"),
            None,
            "",
        ),
        ("[]".to_string(), None, "(file)"),
        (r#"{"title":{"en":"x"},"steps":[]}"#.to_string(), None, "steps"),
        (r#"{"title":{"en":"x"}}"#.to_string(), None, "steps"),
        (
            r#"{"version":2,"title":{"en":"x"},"steps":[]}"#.to_string(),
            None,
            "version",
        ),
    ];
    for (text, step, path) in cases {
        let e = Tour::load(&text).expect_err("an error");
        assert_eq!(e.step, step, "{e}");
        assert!(e.path.starts_with(path), "{e}");
        if let Some(n) = step {
            assert!(e.to_string().starts_with(&format!("step {n} ")), "{e}");
        }
    }
}

#[test]
fn a_recorded_step_keeps_the_filters_and_drops_mode_language_and_data() {
    let (q, _) =
        parse_query("view=network&tech=ai&tech=iot&q=Fraunhofer%20FOKUS&lang=de&mode=present&data=x.json&mode=all");
    let s = Step::record(&q, None, Text::default(), 6.0);
    assert_eq!(s.view, "network");
    assert_eq!(s.query, "tech=ai&tech=iot&q=Fraunhofer%20FOKUS&mode=all");
    let back = s.to_query();
    assert_eq!(back.text, "Fraunhofer FOKUS");
    assert_eq!(back.page_mode, None);
    assert_eq!(back.lang, None);
}

#[test]
fn check_names_unknown_keys_with_their_step() {
    let (ds, _) = import(include_bytes!("../../../../public/data/demo.json"), "demo.json");
    let t = Tour::load(&GOOD.replace("tech=vr", "tech=robotics&region=atlantis&actor=nobody")).expect("valid");
    let issues = check(&t, &ds);
    let got: Vec<(usize, &str)> = issues.iter().map(|i| (i.step, i.notice.param.as_str())).collect();
    assert_eq!(got, [(2, "tech"), (2, "region"), (2, "actor")]);
    assert!(issues[0].notice.message_en.contains("robotics"));
}

#[test]
fn the_demo_tour_is_valid_for_the_demo_export_and_visits_every_ecosystem() {
    let (ds, _) = import(include_bytes!("../../../../public/data/demo.json"), "demo.json");
    let t = Tour::load(include_str!("../../../../public/tours/demo.json")).expect("valid");
    assert_eq!(check(&t, &ds), []);
    for tech in &ds.technologies {
        assert!(
            t.steps
                .iter()
                .any(|s| s.to_query().chosen(crate::facet::Facet::Technology) == [tech.key.clone()]),
            "no step shows {}",
            tech.key
        );
    }
    let views: std::collections::HashSet<&str> = t.steps.iter().map(|s| s.view.as_str()).collect();
    assert!(views.contains("map") && views.contains("network"));
}

#[test]
fn the_player_steps_loops_and_pauses() {
    let mut p = Player::new(3, false);
    assert_eq!(p.act(Action::Previous), None);
    assert_eq!(p.act(Action::Next), Some(1));
    assert_eq!(p.act(Action::Last), Some(2));
    assert!(!p.auto_advances(), "a one-way tour rests on its last step");
    assert_eq!(p.act(Action::Next), None);
    p.looping = true;
    assert!(p.auto_advances());
    assert_eq!(p.act(Action::Next), Some(0));
    p.act(Action::TogglePause);
    assert!(p.paused && !p.auto_advances());
    p.act(Action::Last);
    p.restart();
    assert_eq!((p.index(), p.paused), (0, false));
    for (k, a) in [
        ("ArrowRight", Action::Next),
        (" ", Action::Next),
        ("PageDown", Action::Next),
        ("ArrowLeft", Action::Previous),
        ("PageUp", Action::Previous),
        ("p", Action::TogglePause),
        ("k", Action::TogglePause),
    ] {
        assert_eq!(key_action(k), Some(a), "{k}");
    }
    assert_eq!(key_action("a"), None);
    assert_eq!(swipe_action(-80.0, 10.0), Some(Action::Next));
    assert_eq!(swipe_action(80.0, 10.0), Some(Action::Previous));
    assert_eq!(swipe_action(30.0, 0.0), None);
    assert_eq!(swipe_action(80.0, 60.0), None, "a mostly vertical move scrolls");
}
