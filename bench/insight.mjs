// Browser benchmark of the insight worker (issue 17, docs/insight.md): the ecosystem profile of AI, the
// comparison of four technologies, every technology's strengths and gaps, and one actor's partner suggestions,
// computed in the worker (a second wasm module), on each export.
//
//   ECOMAP_URL=http://127.0.0.1:PORT node insight.mjs LABEL=QUERY ...   e.g.  demo=  gen-50000=data=data/gen-50000.json
//
// For each dataset and each of the four, open its page, wait for the last answer (`data-final=true`), then
// tick and untick the first kind facet (each a new selection) and time each change twice:
// - `worker`: the worker's own clock, from the request received to the answer posted (queue waits not
//   included): what core and the document cost;
// - `page`: the page's clock, from the checkbox's click to the new document rendered and the next frame
//   painted: the app's filter change, the message, the worker, the rendering, the frame.
// The suggestions are also timed as a visitor uses them: following one, from the click to its own suggestions
// painted in its detail (`insight-suggestions-follow-page`: the app's detail, the message, the worker, the
// rendering, the frame). The profile and the comparison answer first without centrality (the figure for the <= 50 ms target), then
// with it (`insight-profile-centrality`: the worker's time for it, target <= 2 s); the next change waits for
// that. Medians over the changes.
import { launchChromium } from "./lib/chromium.mjs";
import { appBase, datasets as sets } from "./lib/datasets.mjs";

const base = appBase();
const datasets = sets();
const CHANGES = 8;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const read = (page, host) =>
  page.$eval(host, (h) => ({ answers: Number(h.dataset.answers || 0), ms: Number(h.dataset.ms), centralityMs: Number(h.dataset.centralityMs), final: h.dataset.final === "true" }));

/** Clicks the first kind checkbox in the page and resolves, in ms, when the host's next answer is painted. */
const change = (page, host) =>
  page.evaluate(async (sel) => {
    const h = document.querySelector(sel);
    const box = document.querySelector("[data-testid=facet-kind] input[type=checkbox]");
    const n = Number(h.dataset.answers || 0);
    const t0 = performance.now();
    await new Promise((done) => {
      const o = new MutationObserver(() => {
        if (Number(h.dataset.answers || 0) > n) {
          o.disconnect();
          done();
        }
      });
      o.observe(h, { attributes: true, attributeFilter: ["data-answers"] });
      box.click();
    });
    await new Promise((r) => requestAnimationFrame(() => r()));
    return performance.now() - t0;
  }, host);

/** Follows the first suggestion (its detail opens with its own suggestions); resolves, in ms, when those
 * are painted. */
const follow = (page, host) =>
  page.evaluate(async (sel) => {
    const old = document.querySelector(sel);
    const t0 = performance.now();
    await new Promise((done) => {
      const ready = () => {
        const h = document.querySelector(sel);
        return h && h !== old && Number(h.dataset.answers || 0) > 0;
      };
      const o = new MutationObserver(() => {
        if (ready()) {
          o.disconnect();
          done();
        }
      });
      o.observe(document.body, { attributes: true, subtree: true, attributeFilter: ["data-answers"] });
      old.querySelector("tbody button[data-actor]").click();
    });
    await new Promise((r) => requestAnimationFrame(() => r()));
    return performance.now() - t0;
  }, host);

const final = (page, host) => page.waitForSelector(`${host}[data-final=true]`, { timeout: 300_000 });

/** Times CHANGES filter changes of the host; prints its figures as `name`. */
async function measure(page, label, name, host, twice) {
  await final(page, host);
  const first = await read(page, host);
  const worker = [];
  const onPage = [];
  const centrality = [];
  for (let i = 0; i < CHANGES; i++) {
    onPage.push(await change(page, host));
    worker.push((await read(page, host)).ms);
    if (twice) {
      await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.final === "true", host, { timeout: 300_000 });
      centrality.push((await read(page, host)).centralityMs);
    }
  }
  console.log(`BENCH data=${label} name=${name}-first ms=${first.ms.toFixed(2)}`);
  console.log(`BENCH data=${label} name=${name} ms=${median(worker).toFixed(2)}`);
  console.log(`BENCH data=${label} name=${name}-page ms=${median(onPage).toFixed(2)}`);
  if (name === "insight-profile") {
    console.log(`BENCH data=${label} name=${name}-centrality-first ms=${first.centralityMs.toFixed(1)}`);
    console.log(`BENCH data=${label} name=${name}-centrality ms=${median(centrality).toFixed(1)}`);
  }
}

const browser = await launchChromium();
try {
  for (const { label, query } of datasets) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, reducedMotion: "reduce", locale: "en-US" });
    const page = await context.newPage();
    const open = (q) => page.goto(`${base}/?lang=en&${q}${query ? "&" + query : ""}`);

    await open("view=profile&technology=ai");
    await measure(page, label, "insight-profile", "[data-testid=profile]", true);
    // The actor for the suggestions: the profile's most central (a hub, like the native bench's busiest).
    const actor = await page.getAttribute("[data-testid=profile-central] tbody tr button[data-actor]", "data-actor");

    await open("view=compare&compare=ai,iot,blockchain,security");
    await measure(page, label, "insight-compare", "[data-testid=compare]", true);

    await open("view=regions");
    await measure(page, label, "insight-regions", "[data-testid=regions]", false);

    await open(`view=list&actor=${encodeURIComponent(actor)}`);
    await page.click("[data-testid=suggest-partners]");
    await measure(page, label, "insight-suggestions", "[data-testid=suggestions]", false);
    const follows = [];
    for (let i = 0; i < CHANGES; i++) follows.push(await follow(page, "[data-testid=suggestions]"));
    console.log(`BENCH data=${label} name=insight-suggestions-follow-page ms=${median(follows).toFixed(2)}`);
    await context.close();
  }
} finally {
  await browser.close();
}
