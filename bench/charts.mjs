// Browser benchmark of the charts view: how long the six charts take to recompute and redraw
// (performance measure `ecomap:charts`: core::stats aggregations + plotters SVG drawing) after a filter change.
//
//   ECOMAP_URL=http://127.0.0.1:PORT node charts.mjs LABEL=QUERY ...   e.g.  demo=  gen-50000=data=data/gen-50000.json
//
// For each dataset: open `?view=charts&QUERY`, wait for the charts (`[data-testid=charts][data-drawn=true]`), then
// tick and untick the first technology facet 5 times. Prints `BENCH data=LABEL name=ecomap:charts ms=X` (median
// of the redraws after a filter change) and `name=ecomap:charts-first` (the first drawing).
import { launchChromium } from "./lib/chromium.mjs";
import { appBase, datasets as sets } from "./lib/datasets.mjs";

const base = appBase();
const datasets = sets();

const charts = (page) =>
  page.evaluate(() => performance.getEntriesByName("ecomap:charts", "measure").map((m) => m.duration));

const browser = await launchChromium();
try {
  for (const { label, query } of datasets) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, reducedMotion: "reduce", locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${base}/?view=charts&lang=en${query ? "&" + query : ""}`);
    await page.waitForSelector("[data-testid=charts][data-drawn=true]", { timeout: 180_000 });
    const first = await charts(page);
    const box = "[data-testid=facet-technology] input[type=checkbox] >> nth=0";
    for (let i = 0; i < 10; i++) {
      const n = (await charts(page)).length;
      await page.click(box);
      await page.waitForFunction((n) => performance.getEntriesByName("ecomap:charts", "measure").length > n, n, { timeout: 60_000 });
    }
    const all = await charts(page);
    const redraws = all.slice(first.length).sort((a, b) => a - b);
    console.log(`BENCH data=${label} name=ecomap:charts-first ms=${(first[0] ?? NaN).toFixed(3)}`);
    console.log(`BENCH data=${label} name=ecomap:charts ms=${redraws[Math.floor(redraws.length / 2)].toFixed(3)}`);
    await context.close();
  }
} finally {
  await browser.close();
}
