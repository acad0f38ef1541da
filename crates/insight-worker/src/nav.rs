//! The links between the insight views: each is the page's own Query (its filters, years and language kept)
//! with another view, written as a query string the page follows without a reload (public/insight.js).

use ecomap_core::model::{Dataset, TechnologyId};
use ecomap_core::query::{Focus, Query, View};

/// The link to technology `t`'s ecosystem profile.
pub fn profile(q: &Query, ds: &Dataset, t: TechnologyId) -> String {
    Query {
        view: View::Profile,
        focus: Some(Focus::Technology(ds.technology(t).key.clone())),
        compare: Vec::new(),
        ..q.clone()
    }
    .to_search()
}

/// The link to the comparison of `techs` (no item open in the detail panel).
pub fn compare(q: &Query, ds: &Dataset, techs: &[TechnologyId]) -> String {
    Query {
        view: View::Compare,
        focus: None,
        compare: techs.iter().map(|&t| ds.technology(t).key.clone()).collect(),
        ..q.clone()
    }
    .to_search()
}

/// The link to every technology's regional strengths and gaps.
pub fn regions(q: &Query) -> String {
    Query {
        view: View::Regions,
        focus: None,
        compare: Vec::new(),
        ..q.clone()
    }
    .to_search()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ecomap_core::tour::parse_query;

    #[test]
    fn links_keep_the_filters_and_change_the_view() {
        let (ds, _) = crate::demo_data::demo();
        let (q, _) = parse_query("view=profile&technology=ai&years=2020-2023&lang=de&kind=startup");
        let back = |s: String| parse_query(&s).0;
        let c = back(compare(&q, &ds, &[TechnologyId(0), TechnologyId(1)]));
        assert_eq!(
            (c.view, c.focus.clone(), c.years, c.lang),
            (View::Compare, None, q.years, q.lang)
        );
        assert_eq!(
            c.compare,
            [ds.technologies[0].key.clone(), ds.technologies[1].key.clone()]
        );
        assert_eq!(c.chosen, q.chosen);
        let p = back(profile(&c, &ds, TechnologyId(1)));
        assert_eq!(p.view, View::Profile);
        assert_eq!(p.focus, Some(Focus::Technology(ds.technologies[1].key.clone())));
        assert!(p.compare.is_empty());
        assert_eq!(back(regions(&q)).view, View::Regions);
    }
}
