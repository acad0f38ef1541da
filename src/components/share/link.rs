//! The share and embed dialog's pure part (docs/embedding.md; tested natively, in the app rather than in core because
//! core is compiled at opt-level 3, which made this 2.8 KB larger): the embed link for the options a site owner
//! chose, and the two snippets it is pasted as (a plain `<iframe>`, and the loader `embed.js`). Snippets are
//! text for a site's HTML: every value in them is attribute-escaped, titles from the data included.

use ecomap_core::facet::Facet;
use ecomap_core::model::Lang;
use ecomap_core::query::{Query, View};

/// The panels an embed may show beside its view (`panels=`), in the link's order; the default is the legend.
pub const PANELS: [&str; 4] = ["legend", "filters", "list", "timeline"];

/// The link parameters of embed mode; the dialog writes them itself, so the current page's are dropped.
const EMBED_PARAMS: [&str; 6] = ["embed", "panels", "lock", "theme", "height", "chart"];

/// The plain `<iframe>`'s height when the embed follows its content (`height=auto`): a plain frame cannot
/// follow it, so it gets this height and scrolls inside; the loader starts at it and then follows.
pub const AUTO_START_HEIGHT: u32 = 600;

/// What the site owner chose in the dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    pub view: View,
    /// The chosen panels, a subset of [`PANELS`].
    pub panels: Vec<&'static str>,
    /// Lock the current filters (the visitor narrows inside them, never widens).
    pub lock: bool,
    /// `light` or `dark`; `None` follows the visitor's system.
    pub theme: Option<&'static str>,
    pub lang: Lang,
    /// A fixed height in CSS px; `None` follows the content (`height=auto`).
    pub height: Option<u32>,
    /// One chart alone (`chart=`, only with the charts view); `None`: all six.
    pub chart: Option<ecomap_core::embed::Chart>,
}

impl EmbedOptions {
    /// The dialog's start: the page's view and language, the legend, no lock, the system's theme, auto height.
    pub fn new(view: View, lang: Lang) -> EmbedOptions {
        EmbedOptions {
            view,
            panels: vec!["legend"],
            lock: false,
            theme: None,
            lang,
            height: None,
            chart: None,
        }
    }
}

/// The filters `lock=` would name for a query: each facet with chosen values, and `years` when a range is set.
pub fn lock_keys(q: &Query) -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = Facet::ALL
        .into_iter()
        .filter(|&f| !q.chosen(f).is_empty())
        .map(Facet::param)
        .collect();
    if q.years.is_some() {
        keys.push("years");
    }
    keys
}

/// The embed link's parameters: the page's query (its filters, search text, data and the views' options) with
/// the chosen view and language, without the opened item, then the embed options.
pub fn embed_params(q: &Query, o: &EmbedOptions) -> Vec<(&'static str, String)> {
    let mut base = q.clone();
    base.view = o.view;
    base.lang = Some(o.lang);
    base.focus = None;
    let mut out: Vec<(&'static str, String)> = base
        .to_params()
        .into_iter()
        .filter(|(k, _)| !EMBED_PARAMS.contains(k))
        .collect();
    out.push(("embed", "1".into()));
    let panels: Vec<&str> = PANELS.into_iter().filter(|p| o.panels.contains(p)).collect();
    if panels != ["legend"] {
        out.push(("panels", panels.join(",")));
    }
    let lock = lock_keys(q);
    if o.lock && !lock.is_empty() {
        out.push(("lock", lock.join(",")));
    }
    if let Some(t) = o.theme {
        out.push(("theme", t.into()));
    }
    out.push(("height", o.height.map_or("auto".into(), |h| h.to_string())));
    if let (View::Charts, Some(c)) = (o.view, o.chart) {
        out.push(("chart", c.key().into()));
    }
    out
}

/// The embed link: `app` (the app's address without query, e.g. `https://example.org/ecomap/`) and the
/// parameters, encoded as a form (`URLSearchParams` reads it back the same).
pub fn embed_url(app: &str, params: &[(&str, String)]) -> String {
    let query: Vec<String> = params
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    format!("{app}?{}", query.join("&"))
}

/// The app's address for links: the page's address without query and hash, and without a file name
/// (`https://example.org/ecomap/index.html?x` → `https://example.org/ecomap/`).
pub fn app_base(href: &str) -> &str {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    let path = &href[..end];
    match path.rfind('/') {
        Some(i) if i + 1 < path.len() && !path[..i].ends_with('/') => &path[..=i],
        _ => path,
    }
}

/// Percent-encoding of a form value: letters, digits and `*-._` stay, a space becomes `+`.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Text as an HTML attribute value between double quotes.
fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// The plain frame: title, lazy, fullscreen allowed, full width, no border, the chosen height (or
/// [`AUTO_START_HEIGHT`]). The border goes by `frameborder="0"`, not a `style` attribute, which a host page's
/// strict Content-Security-Policy (`style-src` without `'unsafe-inline'`) would refuse.
pub fn iframe_snippet(url: &str, title: &str, height: Option<u32>) -> String {
    let h = height.unwrap_or(AUTO_START_HEIGHT);
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{h}\" loading=\"lazy\" allow=\"fullscreen\" \
         frameborder=\"0\"></iframe>",
        attr(url),
        attr(title)
    )
}

/// The loader: a placeholder `<div>` and `embed.js` from the app's address (`app`, as for [`embed_url`]).
pub fn loader_snippet(url: &str, title: &str, app: &str) -> String {
    format!(
        "<div data-ecomap-src=\"{}\" data-ecomap-title=\"{}\"></div>\n<script src=\"{}embed.js\" async></script>",
        attr(url),
        attr(title),
        attr(app)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(s: &str) -> Query {
        Query::from_params(s.split('&').filter_map(|kv| kv.split_once('='))).0
    }

    fn url(q: &str, o: &EmbedOptions) -> String {
        embed_url("https://example.org/ecomap/", &embed_params(&query(q), o))
    }

    #[test]
    fn the_embed_link_carries_filters_view_and_options() {
        let o = EmbedOptions::new(View::Map, Lang::De);
        assert_eq!(
            url("view=list&tech=ai&actor=tu-berlin&lang=en", &o),
            "https://example.org/ecomap/?view=map&lang=de&tech=ai&embed=1&height=auto"
        );
        let o = EmbedOptions {
            panels: vec!["timeline", "legend", "filters"],
            lock: true,
            theme: Some("dark"),
            height: Some(480),
            ..EmbedOptions::new(View::Charts, Lang::En)
        };
        let u = url("tech=ai&kind=startup&years=2020-2023&q=Grün Berlin", &o);
        assert!(u.starts_with("https://example.org/ecomap/?view=charts&lang=en&"), "{u}");
        assert!(u.contains("&q=Gr%C3%BCn+Berlin&"), "{u}");
        assert!(
            u.ends_with("&embed=1&panels=legend%2Cfilters%2Ctimeline&lock=tech%2Ckind%2Cyears&theme=dark&height=480"),
            "{u}"
        );
        let no_panels = EmbedOptions {
            panels: vec![],
            lock: true,
            ..EmbedOptions::new(View::Network, Lang::En)
        };
        assert!(
            url("view=map", &no_panels).ends_with("&embed=1&panels=&height=auto"),
            "no filters: nothing to lock; no panel at all is written"
        );
    }

    #[test]
    fn the_link_reads_back_as_the_same_query() {
        let o = EmbedOptions::new(View::Network, Lang::En);
        let params = embed_params(&query("tech=ai&q=a%26b&mode=collaboration"), &o);
        let u = embed_url("https://x.example/", &params);
        assert!(u.contains("mode=collaboration"), "the views' options stay: {u}");
        let q = query("view=network&lang=en&tech=ai&mode=collaboration");
        let (back, _) = Query::from_params(params.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!((back.view, back.lang, back.chosen), (q.view, q.lang, q.chosen));
    }

    #[test]
    fn one_chart_goes_into_a_charts_embed_only() {
        let c = Some(ecomap_core::embed::Chart::TopActors);
        let o = EmbedOptions {
            chart: c,
            ..EmbedOptions::new(View::Charts, Lang::En)
        };
        assert!(url("chart=composition", &o).ends_with("&embed=1&height=auto&chart=top-actors"));
        let o = EmbedOptions {
            chart: c,
            ..EmbedOptions::new(View::Map, Lang::En)
        };
        assert!(!url("view=charts", &o).contains("chart="), "a map embed has no chart");
    }

    #[test]
    fn lock_names_the_chosen_filters() {
        assert!(lock_keys(&query("view=map")).is_empty());
        assert_eq!(lock_keys(&query("region=berlin&tech=ai&q=x")), ["tech", "region"]);
    }

    #[test]
    fn app_base_drops_query_hash_and_file() {
        assert_eq!(
            app_base("https://a.example/ecomap/?view=map#map=1/2/3"),
            "https://a.example/ecomap/"
        );
        assert_eq!(
            app_base("https://a.example/ecomap/index.html?x"),
            "https://a.example/ecomap/"
        );
        assert_eq!(app_base("http://127.0.0.1:8080/"), "http://127.0.0.1:8080/");
        assert_eq!(app_base("http://127.0.0.1:8080"), "http://127.0.0.1:8080");
    }

    #[test]
    fn snippets_escape_what_they_carry() {
        let title = "Netz \"A&B\" <script>";
        let f = iframe_snippet("https://x.example/?a=1&b=2", title, None);
        assert_eq!(
            f,
            "<iframe src=\"https://x.example/?a=1&amp;b=2\" title=\"Netz &quot;A&amp;B&quot; &lt;script&gt;\" \
             width=\"100%\" height=\"600\" loading=\"lazy\" allow=\"fullscreen\" frameborder=\"0\"></iframe>"
        );
        assert!(iframe_snippet("u", "t", Some(420)).contains("height=\"420\""));
        let l = loader_snippet(
            "https://x.example/ecomap/?embed=1&view=map",
            title,
            "https://x.example/ecomap/",
        );
        assert_eq!(
            l,
            "<div data-ecomap-src=\"https://x.example/ecomap/?embed=1&amp;view=map\" \
             data-ecomap-title=\"Netz &quot;A&amp;B&quot; &lt;script&gt;\"></div>\n\
             <script src=\"https://x.example/ecomap/embed.js\" async></script>"
        );
    }
}
