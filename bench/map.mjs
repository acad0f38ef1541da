// Browser benchmark of the map view on the release build, side by side with supercluster 9.1 on the same
// points in the same page. Run by `cargo xtask bench` (ECOMAP_URL = served dist/ with data/gen-N.json), or:
//
//   ECOMAP_URL=http://127.0.0.1:PORT node bench/map.mjs gen-50000=data/gen-50000.json
//
// Per dataset it prints `BENCH data=LABEL name=NAME ms=X` lines:
//   map_index_first      ecomap:map-index when the map opens (cluster index over all actors, Rust/wasm)
//   map_redraw_first     ecomap:map-redraw when the map opens (index + scene + draw)
//   map_frame            median ecomap:map-frame (scene + draw call of one frame) while dragging and wheel-zooming
//   map_frame_interval   median time between animation frames during the same gestures (what a visitor sees)
//   map_filter_redraw    median ecomap:map-redraw after a filter change (new index over the selection + draw)
//   map_filter_index     median ecomap:map-index after a filter change
//   supercluster_load    median `new Supercluster({radius: 60, maxZoom: 16}).load(points)` on the same points
//   supercluster_get_z13 median getClusters(Berlin-Brandenburg box, 13)
import { launchChromium } from "./lib/chromium.mjs";
import { build } from "esbuild";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const base = (process.env.ECOMAP_URL || "").replace(/\/+$/, "");
if (!base) {
  console.error("ECOMAP_URL is not set (run `cargo xtask bench`)");
  process.exit(2);
}
const datasets = (process.argv.length > 2 ? process.argv.slice(2) : ["gen-50000=data/gen-50000.json"]).map((a) => {
  const i = a.indexOf("=");
  return { label: a.slice(0, i), data: a.slice(i + 1) };
});

const emit = (label, name, ms) => console.log(`BENCH data=${label} name=${name} ms=${ms.toFixed(3)}`);
const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const measures = (page, name) =>
  page.evaluate((n) => performance.getEntriesByName(n, "measure").map((m) => m.duration), name);

// supercluster as an IIFE for the page (bench/node_modules).
const bundle = await build({
  stdin: { contents: "import Supercluster from 'supercluster'; window.Supercluster = Supercluster;", resolveDir: here },
  bundle: true,
  write: false,
  format: "iife",
  minify: true,
});
const superclusterJs = bundle.outputFiles[0].text;

async function run(browser, { label, data }) {
  const context = await browser.newContext({
    // The anchor (supercluster) is injected as an inline script; the app's CSP would refuse it.
    bypassCSP: true,
    viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: "en-US" });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`[${label}] pageerror: ${e}`));
  try {
    const url = `${base}/?view=map&lang=en&data=${encodeURIComponent(data)}`;
    console.error(`[${label}] opening ${url}`);
    await page.goto(url, { waitUntil: "load" });
    await page.waitForSelector("[data-testid=map][data-drawn=true]", { timeout: 300_000 });
    const renderer = await page.getAttribute("[data-testid=map]", "data-renderer");
    console.error(`[${label}] renderer ${renderer}`);
    emit(label, "map_index_first", (await measures(page, "ecomap:map-index"))[0]);
    emit(label, "map_redraw_first", (await measures(page, "ecomap:map-redraw"))[0]);

    // Pan and zoom gestures; frame intervals from requestAnimationFrame timestamps.
    await page.evaluate(() => {
      performance.clearMeasures("ecomap:map-frame");
      window.__frames = [];
      const tick = (t) => {
        window.__frames.push(t);
        if (window.__frames.length < 100000) window.__raf = requestAnimationFrame(tick);
      };
      window.__raf = requestAnimationFrame(tick);
    });
    const box = await page.locator("[data-testid=map-stage]").boundingBox();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    for (let round = 0; round < 3; round++) {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let i = 1; i <= 30; i++) await page.mouse.move(cx + i * 6, cy + i * 3);
      await page.mouse.up();
      for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -60);
      for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 60);
    }
    const ts = await page.evaluate(() => {
      cancelAnimationFrame(window.__raf);
      return window.__frames;
    });
    const intervals = ts.slice(1).map((t, i) => t - ts[i]);
    const frames = await measures(page, "ecomap:map-frame");
    console.error(`[${label}] ${frames.length} drawn frames, ${intervals.length} animation frames`);
    emit(label, "map_frame", median(frames));
    emit(label, "map_frame_interval", median(intervals));

    // Filter changes: the first technology checkbox on and off, three times.
    await page.evaluate(() => {
      performance.clearMeasures("ecomap:map-redraw");
      performance.clearMeasures("ecomap:map-index");
    });
    const check = page.locator("[data-testid=facet-technology] input[type=checkbox]").first();
    for (let i = 0; i < 6; i++) {
      const n = (await measures(page, "ecomap:map-redraw")).length;
      await check.click();
      await page.waitForFunction((n) => performance.getEntriesByName("ecomap:map-redraw", "measure").length > n, n);
    }
    emit(label, "map_filter_redraw", median(await measures(page, "ecomap:map-redraw")));
    emit(label, "map_filter_index", median(await measures(page, "ecomap:map-index")));

    // supercluster on the same points (actors with coordinates), in the same page.
    await page.addScriptTag({ content: superclusterJs });
    const sc = await page.evaluate(async (dataUrl) => {
      const doc = await (await fetch(dataUrl)).json();
      const features = [];
      for (const a of doc.actors) {
        const l = a.location;
        if (l && Number.isFinite(l.lon) && Number.isFinite(l.lat)) {
          features.push({ type: "Feature", properties: { kind: a.kind }, geometry: { type: "Point", coordinates: [l.lon, l.lat] } });
        }
      }
      const load = [];
      let index;
      for (let i = 0; i < 7; i++) {
        const t = performance.now();
        index = new window.Supercluster({ radius: 60, maxZoom: 16 }).load(features);
        load.push(performance.now() - t);
      }
      const get = [];
      for (let i = 0; i < 21; i++) {
        const t = performance.now();
        index.getClusters([11.2, 51.3, 14.8, 53.6], 13);
        get.push(performance.now() - t);
      }
      return { n: features.length, load, get };
    }, new URL(data, `${base}/`).href);
    console.error(`[${label}] supercluster on ${sc.n} points`);
    emit(label, "supercluster_load", median(sc.load));
    emit(label, "supercluster_get_z13", median(sc.get));
  } catch (e) {
    console.error(`[${label}] failed: ${e.message}`);
    process.exitCode = 1;
  } finally {
    await context.close();
  }
}

const browser = await launchChromium();
try {
  for (const d of datasets) await run(browser, d);
} finally {
  await browser.close();
}
