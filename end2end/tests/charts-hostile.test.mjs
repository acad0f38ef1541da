// The charts view with an export whose technology, sector and actor names look like markup
// (fixtures/hostile-names.json: <script>, <img onerror>, "]]>, </svg>, <foreignObject>, CDATA, entities, ...).
// The charts put their SVG into the page through DOMParser (image/svg+xml) with an allow-list
// (src/views/charts/svg_dom.rs), never inner_html; this checks it from the outside: the plots hold only the
// chart's own SVG elements, nothing else was created anywhere in the page (compared with the demo), no dialog
// opened, no script ran, nothing was requested for a payload, and the names show as text (tables, legend,
// tooltip, SVG labels, the exported SVG). A CSP violation would log a console error, which fails any test
// (helpers.mjs). One browser for the file.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { launch, openApp } from "../helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const TECHNOLOGIES = [
  '<script>window.__pwned="tech-script"</script>AI',
  "<img src=x onerror=\"window.__pwned='tech-img'\">IoT",
  '"]]></text></svg><foreignObject><div>XR</div></foreignObject>',
];
const SECTORS = [
  "</svg><svg onload=\"window.__pwned='sector-svg'\">Software",
  '<![CDATA[<script>window.__pwned="cdata"</script>]]>Media',
  "&amp; &lt;b&gt; &#60;i&#62; Games",
];
const ACTORS = [
  "<img src=x onerror=alert(1)>",
  '<script src="/pwned.js"></script>Beta GmbH',
  '"><iframe src="javascript:alert(1)"></iframe>',
  "<style>*{display:none}</style>Gamma 'quoted' AG",
  '<!-- c --><a href="javascript:alert(1)">Delta</a> & Co.',
  '<svg><foreignObject><body onload="window.__pwned=1"></body></foreignObject></svg>',
];
/** The elements plotters writes (svg_dom.rs, SVG_ELEMENTS). */
const SVG_ELEMENTS = ["svg", "rect", "text", "line", "polyline", "polygon", "circle"];

const chart = (id) => `[data-testid=chart-${id}]`;
const drawn = (page) => page.waitForSelector(`[data-testid=charts][data-drawn=true] ${chart("top-actors")} [data-testid=chart-svg] svg`);

/** Elements a payload could have made, anywhere in the page (outerHTML, in document order). */
const risky = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("script, style, iframe, object, embed, img, foreignObject, math, a[href^='javascript:' i], base, meta[http-equiv], link:not([rel=stylesheet])")].map((e) => e.outerHTML),
  );

/** Every element inside the plots that is not one of the chart's own SVG elements. */
const strangersInPlots = (page) =>
  page.$$eval(
    "[data-testid=chart-svg]",
    (plots, allowed) => {
      const found = [];
      for (const plot of plots) {
        if (plot.children.length !== 1 || plot.firstElementChild.localName !== "svg") found.push(`plot children: ${plot.innerHTML.slice(0, 80)}`);
        for (const el of plot.querySelectorAll("*")) {
          if (el.namespaceURI !== "http://www.w3.org/2000/svg" || !allowed.includes(el.localName)) found.push(el.outerHTML.slice(0, 120));
          for (const a of el.attributes) if (/^on|href/i.test(a.name)) found.push(`${el.localName}[${a.name}]`);
        }
      }
      return found;
    },
    SVG_ELEMENTS,
  );

/** The first-cell buttons of a chart's table (opened by its toggle). */
async function tableNames(page, id) {
  await page.click(`${chart(id)} [data-testid=toggle-table]`);
  await page.waitForSelector(`${chart(id)} [data-testid=chart-table]`);
  return page.$$eval(`${chart(id)} [data-testid=chart-table] tbody th button`, (bs) => bs.map((b) => b.textContent));
}

test("names that look like markup stay text in the charts, and nothing else is created", async () => {
  const { page } = browser;
  const dialogs = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const payloadRequests = [];
  page.on("request", (req) => {
    const path = new URL(req.url()).pathname;
    if (path === "/x" || path.includes("pwned") || req.url().startsWith("javascript:")) payloadRequests.push(req.url());
  });

  // What the page holds with ordinary names, to compare with.
  await openApp(page, "view=charts&lang=en");
  await drawn(page);
  const baseline = await risky(page);

  await openApp(page, "view=charts&lang=en&data=fixtures/hostile-names.json");
  await drawn(page);

  assert.deepEqual(await strangersInPlots(page), [], "only the chart's own SVG elements in the plots");
  assert.deepEqual(await risky(page), baseline, "no script, style, iframe, img, foreignObject, ... made from a name");
  assert.deepEqual(
    await page.evaluate(() => [...document.querySelectorAll("*")].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.localName}[${a.name}]`))),
    [],
    "no event-handler attribute anywhere",
  );

  // The names as text: table rows, legend entries, SVG labels, the tooltip.
  assert.deepEqual((await tableNames(page, "volume-by-technology")).sort(), [...TECHNOLOGIES].sort());
  assert.deepEqual((await tableNames(page, "volume-by-sector")).sort(), [...SECTORS].sort());
  assert.deepEqual((await tableNames(page, "top-actors")).sort(), [...ACTORS].sort());
  const legend = await page.$$eval(`${chart("volume-by-year")} [data-testid=legend-entry]`, (es) => es.map((e) => e.textContent.trim()));
  assert.deepEqual(legend, TECHNOLOGIES.map((name, i) => `${i + 1} ${name}`));
  const labels = await page.$$eval(`${chart("top-actors")} [data-testid=chart-svg] svg text`, (ts) => ts.map((t) => t.textContent.trim()));
  for (const name of ACTORS) {
    assert.ok(labels.some((l) => l.startsWith(name.slice(0, 12))), `the SVG label of ${name} is text: ${labels.join(" | ")}`);
  }
  const imgLabel = page.locator(`${chart("top-actors")} [data-testid=chart-svg] svg text`, { hasText: "<img src=x" }).first();
  await imgLabel.hover();
  const tip = page.locator(`${chart("top-actors")} [data-testid=chart-tip]`);
  await tip.waitFor();
  assert.ok((await tip.textContent()).startsWith(`${ACTORS[0]}: `), `the tooltip names the actor as text: ${await tip.textContent()}`);

  // Filtering by a hostile technology redraws every chart; still nothing but SVG in the plots.
  await page.click(`${chart("volume-by-technology")} [data-testid=chart-table] tbody th button >> nth=0`);
  await page.waitForURL(/tech=/);
  await drawn(page);
  assert.deepEqual(await strangersInPlots(page), [], "after a redraw");
  assert.deepEqual(await risky(page), baseline, "after a redraw");

  assert.equal(await page.evaluate(() => window.__pwned), undefined, "no payload ran");
  assert.deepEqual(dialogs, [], "no dialog opened");
  assert.deepEqual(payloadRequests, [], "nothing requested for a payload");
});

test("the exported SVG of hostile names is well-formed and holds them as text", async () => {
  const { page } = browser;
  await openApp(page, "view=charts&lang=en&data=fixtures/hostile-names.json");
  await drawn(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click(`${chart("top-actors")} [data-testid=export-svg]`),
  ]);
  const svg = await readFile(await download.path(), "utf8");
  const parsed = await page.evaluate(
    ([text, allowed]) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      return {
        errors: doc.getElementsByTagName("parsererror").length,
        strangers: [...doc.querySelectorAll("*")].filter((el) => el.namespaceURI !== "http://www.w3.org/2000/svg" || !allowed.includes(el.localName)).map((el) => el.localName),
        texts: [...doc.querySelectorAll("text")].map((t) => t.textContent.trim()),
      };
    },
    [svg, SVG_ELEMENTS],
  );
  assert.equal(parsed.errors, 0, "no parsererror");
  assert.deepEqual(parsed.strangers, [], "only the chart's own elements");
  for (const name of ACTORS) {
    assert.ok(parsed.texts.some((l) => l.startsWith(name.slice(0, 12))), `${name} is text in the export`);
  }
});
