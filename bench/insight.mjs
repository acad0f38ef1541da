// Browser benchmark of the insight worker (issue 17, docs/insight.md): the ecosystem profile of AI, computed
// in the worker (a second wasm module), on each export.
//
//   ECOMAP_URL=http://127.0.0.1:PORT node insight.mjs LABEL=QUERY ...   e.g.  demo=  gen-50000=data=data/gen-50000.json
//
// For each dataset: open `?view=profile&technology=ai&QUERY`, wait for the last answer (`data-final=true`),
// then tick and untick the first kind facet 5 times (each a new selection, so a new centrality). Prints, from
// the worker's own clock (message received to answer posted, queue waits not included):
// `name=insight-profile` (median over the filter changes: the profile without centrality, the target is
// <= 50 ms), `name=insight-centrality` (median over the selections, target <= 2 s) and the first ones.
import { launchChromium } from "./lib/chromium.mjs";
import { appBase, datasets as sets } from "./lib/datasets.mjs";

const base = appBase();
const datasets = sets();

const host = "[data-testid=profile]";
const read = (page) =>
  page.$eval(host, (h) => ({ answers: Number(h.dataset.answers || 0), ms: Number(h.dataset.ms), centralityMs: Number(h.dataset.centralityMs), final: h.dataset.final === "true" }));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await launchChromium();
try {
  for (const { label, query } of datasets) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, reducedMotion: "reduce", locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${base}/?view=profile&lang=en&technology=ai${query ? "&" + query : ""}`);
    await page.waitForSelector(`${host}[data-final=true]`, { timeout: 300_000 });
    const first = await read(page);
    const profiles = [];
    const centralities = [];
    const box = "[data-testid=facet-kind] input[type=checkbox] >> nth=0";
    for (let i = 0; i < 10; i++) {
      const before = (await read(page)).answers;
      await page.click(box);
      // Two answers per new selection: the profile, then the one with its centrality.
      await page.waitForFunction(([sel, n]) => {
        const h = document.querySelector(sel);
        return Number(h?.dataset.answers || 0) >= n + 2 && h.dataset.final === "true";
      }, [host, before], { timeout: 300_000 });
      const r = await read(page);
      profiles.push(r.ms);
      centralities.push(r.centralityMs);
    }
    console.log(`BENCH data=${label} name=insight-profile-first ms=${first.ms.toFixed(2)}`);
    console.log(`BENCH data=${label} name=insight-centrality-first ms=${first.centralityMs.toFixed(1)}`);
    console.log(`BENCH data=${label} name=insight-profile ms=${median(profiles).toFixed(2)}`);
    console.log(`BENCH data=${label} name=insight-centrality ms=${median(centralities).toFixed(1)}`);
    await context.close();
  }
} finally {
  await browser.close();
}
