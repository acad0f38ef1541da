//! Puts a drawn chart's SVG into the page without `inner_html`: the string is parsed by `DOMParser` as
//! `image/svg+xml` (an XML parser: it never interprets HTML, and its documents run no scripts), checked
//! against an allow-list of the elements and attributes plotters writes, and only then moved into the page.
//!
//! Text from data in the SVG is escaped by plotters (`draw::tests`), so it arrives as text nodes; the
//! allow-list makes sure that, whatever the string held, no other element (script, img, foreignObject, a
//! parse error) and no event-handler or link attribute can reach the page. `tests` checks natively that every
//! chart the view draws passes it.

use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, SupportedType};

const SVG_NAMESPACE: &str = "http://www.w3.org/2000/svg";

/// The elements plotters' SVG backend writes (`plotters-svg` 0.3.7, `SVGTag`, less `image`).
pub const SVG_ELEMENTS: &[&str] = &["svg", "rect", "text", "line", "polyline", "polygon", "circle"];

/// The attributes it writes on them: geometry, paint and text style; never `on…`, `href` or `style`.
pub const SVG_ATTRIBUTES: &[&str] = &[
    "width",
    "height",
    "viewBox",
    "xmlns",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "points",
    "dy",
    "opacity",
    "fill",
    "stroke",
    "stroke-width",
    "text-anchor",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "transform",
];

/// Whether an element named `name` with attributes `attributes` may go into the page.
pub fn allowed<'a>(name: &str, mut attributes: impl Iterator<Item = &'a str>) -> bool {
    SVG_ELEMENTS.contains(&name) && attributes.all(|a| SVG_ATTRIBUTES.contains(&a))
}

/// Makes `svg` the only child of `container`; empties it when `svg` is empty or not allow-listed SVG.
pub fn show_svg(container: &Element, svg: &str) {
    match parse(svg) {
        Some(root) => container.replace_children_with_node_1(&root),
        None => container.replace_children_with_node_0(),
    }
}

/// The parsed SVG's root element, adopted into the page's document, when every element in it is allowed.
fn parse(svg: &str) -> Option<Element> {
    if svg.is_empty() {
        return None;
    }
    let parsed = DomParser::new()
        .ok()?
        .parse_from_string(svg, SupportedType::ImageSvgXml)
        .ok()?;
    let root = parsed.document_element()?;
    let descendants = root.get_elements_by_tag_name("*");
    let every_element_allowed = element_allowed(&root)
        && (0..descendants.length()).all(|i| descendants.item(i).is_some_and(|el| element_allowed(&el)));
    if !every_element_allowed {
        return None;
    }
    let page = web_sys::window()?.document()?;
    page.adopt_node(&root).ok()?.dyn_into::<Element>().ok()
}

/// An SVG-namespace element of an allowed name with allowed attributes only (a parse error is neither).
fn element_allowed(el: &Element) -> bool {
    if el.namespace_uri().as_deref() != Some(SVG_NAMESPACE) {
        return false;
    }
    let attributes = el.get_attribute_names();
    let names: Vec<String> = attributes.iter().filter_map(|n| n.as_string()).collect();
    names.len() == attributes.length() as usize && allowed(&el.local_name(), names.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    //! Every chart the view draws (the demo in both languages, every theme, page and export, narrow and wide,
    //! with hostile names) uses only allow-listed elements and attributes, so the page never drops one.
    use ecomap_core::model::Lang;
    use ecomap_core::query::Query;
    use ecomap_core::stats::YearReading;

    use super::super::draw::{draw, xml_check};
    use super::super::test_data::{demo, hostile_names, specs};
    use super::super::theme::ChartTheme;
    use super::allowed;

    /// public/insight.js renders the insight worker's charts with its own copy of the allow-list.
    #[test]
    fn the_insight_renderer_has_the_same_allow_list() {
        let js = include_str!("../../../public/insight.js");
        let list = |name: &str| -> Vec<String> {
            let line = js
                .lines()
                .find(|l| l.starts_with(&format!("const {name} = [")))
                .expect(name);
            line.split('"').skip(1).step_by(2).map(str::to_string).collect()
        };
        assert_eq!(list("SVG_ELEMENTS"), super::SVG_ELEMENTS);
        assert_eq!(list("SVG_ATTRIBUTES"), super::SVG_ATTRIBUTES);
    }

    #[test]
    fn every_drawn_chart_passes_the_allow_list() {
        let (ds, idx) = demo();
        let query = Query {
            years: Some((2022, 2022)),
            ..Query::default()
        };
        for (q, lang) in [(Query::default(), Lang::En), (query, Lang::De)] {
            for mut spec in specs(&ds, &idx, &q, YearReading::Running, lang) {
                for c in spec.categories.iter_mut().step_by(2) {
                    c.label = format!("<script>x</script></svg>\"]]><foreignObject>{}", c.label);
                }
                for theme in [ChartTheme::Light, ChartTheme::Dark, ChartTheme::Contrast] {
                    for (width, standalone) in [(320, false), (960, false), (640, true)] {
                        let drawn = draw(&spec, theme.palette(), width, standalone);
                        for tag in xml_check::assert_well_formed(&drawn.svg) {
                            assert!(
                                allowed(&tag.name, tag.attributes.iter().map(String::as_str)),
                                "{} draws <{}> with {:?}",
                                spec.id,
                                tag.name,
                                tag.attributes
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_hostile_fixture_draws_allow_listed_svg_with_the_names_as_text() {
        let (ds, idx) = hostile_names();
        let charts = specs(&ds, &idx, &Query::default(), YearReading::Running, Lang::En);
        for spec in &charts {
            let drawn = draw(spec, ChartTheme::Light.palette(), 640, false);
            for tag in xml_check::assert_well_formed(&drawn.svg) {
                assert!(
                    allowed(&tag.name, tag.attributes.iter().map(String::as_str)),
                    "{}",
                    spec.id
                );
            }
        }
        let top = draw(&charts[5], ChartTheme::Light.palette(), 640, false);
        assert_eq!(
            charts[5].categories.len(),
            ds.actors.len(),
            "every actor is in the top 10"
        );
        for actor in &ds.actors {
            let start: String = actor.name.chars().take(12).collect();
            let escaped = start.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
            let escaped = escaped.replace('"', "&quot;").replace('\'', "&apos;");
            assert!(
                top.svg.contains(&format!(">\n{escaped}")),
                "{} starts a label",
                actor.name
            );
        }
    }

    #[test]
    fn anything_else_is_refused() {
        assert!(allowed("rect", ["x", "y", "fill"].into_iter()));
        for name in [
            "script",
            "foreignObject",
            "image",
            "a",
            "use",
            "parsererror",
            "img",
            "style",
        ] {
            assert!(!allowed(name, std::iter::empty()), "{name}");
        }
        for attribute in ["onload", "onclick", "href", "xlink:href", "style"] {
            assert!(!allowed("svg", [attribute].into_iter()), "{attribute}");
        }
    }
}
