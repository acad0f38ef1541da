// Browser benchmark of the map view on the release build, and its clustering beside supercluster 9.1 on the same
// selection in the same page. Run by `cargo xtask bench` (ECOMAP_URL = served dist/ with data/gen-N.json,
// ECOMAP_BENCH_WASM = bench/wasm's module), or:
//
//   ECOMAP_URL=http://127.0.0.1:PORT ECOMAP_BENCH_WASM=... node bench/map.mjs gen-50000=data/gen-50000.json
//
// Per dataset it prints `BENCH data=LABEL name=NAME ms=X` lines, the app's own (measures of the map view):
//   map_index_first      ecomap:map-index when the map opens (the cluster hierarchy over all actors' points)
//   map_redraw_first     ecomap:map-redraw when the map opens (points from the selection + index + scene + draw)
//   map_frame            median ecomap:map-frame (scene + draw call of one frame) while dragging and wheel-zooming
//   map_frame_interval   median time between animation frames during the same gestures (what a visitor sees;
//                        it cannot go below the display's frame, 16.7 ms at 60 Hz)
//   map_filter_redraw    median ecomap:map-redraw after a filter change (new points and index + draw)
//   map_filter_index     median ecomap:map-index after a filter change
// and the clustering side by side, per selection (sel=all: every actor; sel=tech: the actors of the first
// technology, what the first technology checkbox selects), each the median of 7 builds:
//   cluster_build side=ecomap          ecomap-core (bench/wasm, the app's code and profile): `selection_points`
//                                      (the selection's actors with coordinates, projected) + `ClusterIndex::build`
//                                      (radius 60 CSS px at 256-px tiles, zooms 0-16), what the map does per selection
//   cluster_build side=supercluster    GeoJSON points from the same selection (the parsed export's actors with
//                                      coordinates) + `new Supercluster({radius: 60, extent: 256, minZoom: 0,
//                                      maxZoom: 16}).load(points)`: the same radius in the same units (60 / 256 of a
//                                      tile) over the same points
//   cluster_build side=supercluster-kinds  the same with map/reduce counting actors per kind in every cluster, as
//                                      ecomap's clusters carry (the same output)
// The selection's bitset (ecomap) and byte mask (supercluster) are made before the timed block; both sides start
// from parsed data (ecomap's Dataset, the export's parsed JSON). Then the cluster counts of both at every zoom
// 0-17 (`all_at(z)` / `getClusters(world, z)`) are compared, with each other and with the same greedy merge in
// plain f64 JavaScript (untimed): `BENCH ... name=cluster_counts` and `# ...` lines with the counts.
import { launchChromium } from "./lib/chromium.mjs";
import { CORE_JS, coreWasmPath, routeBenchPage } from "./lib/core.mjs";
import { build } from "esbuild";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const base = (process.env.ECOMAP_URL || "").replace(/\/+$/, "");
if (!base) {
  console.error("ECOMAP_URL is not set (run `cargo xtask bench`)");
  process.exit(2);
}
const wasm = coreWasmPath();
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

// In the page: ecomap-core's points + cluster hierarchy and supercluster's on the same selections; build
// times and the item counts per zoom.
async function compareClusters(page, label, data) {
  await page.addScriptTag({ content: superclusterJs });
  await page.addScriptTag({ content: CORE_JS });
  const res = await page.evaluate(async (dataUrl) => {
    const core = await window.__ecomapCore("/__bench/core.wasm");
    const bytes = new Uint8Array(await (await fetch(dataUrl)).arrayBuffer());
    core.load(bytes);
    const doc = JSON.parse(new TextDecoder().decode(bytes));
    const actors = doc.actors;
    const tech = doc.technologies[0].id;
    const selections = {
      all: new Uint8Array(actors.length).fill(1),
      tech: Uint8Array.from(actors, (a) => ((a.technologies || []).includes(tech) ? 1 : 0)),
    };
    const KINDS = [...new Set(actors.map((a) => a.kind))];
    const opts = { radius: 60, extent: 256, minZoom: 0, maxZoom: 16 };
    const kindOpts = {
      ...opts,
      map: (p) => { const k = new Array(KINDS.length).fill(0); k[KINDS.indexOf(p.kind)] = 1; return { k }; },
      reduce: (acc, p) => { for (let i = 0; i < acc.k.length; i++) acc.k[i] += p.k[i]; },
    };
    // The same greedy merge in plain f64 JavaScript (a grid instead of a KD-tree; untimed): the reference
    // both sides' counts are checked against.
    const referenceCounts = (actors, mask) => {
      const lonX = (lon) => lon / 360 + 0.5;
      const latY = (lat) => {
        const s = Math.sin((Math.max(-85.0511287798, Math.min(85.0511287798, lat)) * Math.PI) / 180);
        return Math.max(0, Math.min(1, 0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI));
      };
      let nodes = [];
      actors.forEach((a, i) => {
        const l = a.location;
        if (mask[i] && l && Number.isFinite(l.lon) && Number.isFinite(l.lat)) nodes.push({ x: lonX(l.lon), y: latY(l.lat), n: 1 });
      });
      const counts = new Array(18);
      counts[17] = nodes.length;
      for (let z = 16; z >= 0; z--) {
        const r = 60 / (256 * 2 ** z);
        const grid = new Map();
        const key = (gx, gy) => gx * 1e7 + gy;
        nodes.forEach((p, i) => {
          const k = key(Math.floor(p.x / r), Math.floor(p.y / r));
          if (!grid.has(k)) grid.set(k, []);
          grid.get(k).push(i);
        });
        const taken = new Uint8Array(nodes.length);
        const next = [];
        for (let i = 0; i < nodes.length; i++) {
          if (taken[i]) continue;
          taken[i] = 1;
          const p = nodes[i];
          let wx = p.x * p.n, wy = p.y * p.n, n = p.n;
          const gx = Math.floor(p.x / r), gy = Math.floor(p.y / r);
          for (let dx = -1; dx <= 1; dx++) {
            for (let dy = -1; dy <= 1; dy++) {
              for (const j of grid.get(key(gx + dx, gy + dy)) || []) {
                const o = nodes[j];
                if (taken[j] || (o.x - p.x) ** 2 + (o.y - p.y) ** 2 > r * r) continue;
                taken[j] = 1;
                wx += o.x * o.n; wy += o.y * o.n; n += o.n;
              }
            }
          }
          next.push(n > p.n ? { x: wx / n, y: wy / n, n } : p);
        }
        nodes = next;
        counts[z] = nodes.length;
      }
      return counts;
    };
    const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const superclusterBuild = (mask, options) => {
      const points = [];
      for (let i = 0; i < actors.length; i++) {
        if (!mask[i]) continue;
        const a = actors[i];
        const l = a.location;
        if (l && Number.isFinite(l.lon) && Number.isFinite(l.lat)) {
          points.push({ type: "Feature", properties: { kind: a.kind }, geometry: { type: "Point", coordinates: [l.lon, l.lat] } });
        }
      }
      return { index: new window.Supercluster(options).load(points), n: points.length };
    };
    const out = {};
    for (const [name, mask] of Object.entries(selections)) {
      const selected = core.select(mask);
      const times = { ecomap: [], supercluster: [], "supercluster-kinds": [] };
      let points = 0, sc = null;
      for (let r = 0; r < 7; r++) {
        let t = performance.now();
        points = core.w.cluster_build(60, 16);
        times.ecomap.push(performance.now() - t);
        t = performance.now();
        sc = superclusterBuild(mask, opts);
        times.supercluster.push(performance.now() - t);
        t = performance.now();
        superclusterBuild(mask, kindOpts);
        times["supercluster-kinds"].push(performance.now() - t);
      }
      const reference = referenceCounts(actors, mask);
      const counts = [];
      for (let z = 0; z <= 17; z++) {
        counts.push([core.w.cluster_count(z), sc.index.getClusters([-180, -85.06, 180, 85.06], z).length, reference[z]]);
      }
      out[name] = { selected, points, scPoints: sc.n, ms: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, med(v)])), counts };
    }
    return out;
  }, new URL(data, `${base}/`).pathname);
  for (const [sel, r] of Object.entries(res)) {
    for (const [side, ms] of Object.entries(r.ms)) {
      console.log(`BENCH data=${label} name=cluster_build sel=${sel} side=${side} points=${side === "ecomap" ? r.points : r.scPoints} ms=${ms.toFixed(3)}`);
    }
    const diff = r.counts.map(([e, s], z) => (e === s ? null : `z${z}: ecomap ${e}, supercluster ${s}`)).filter(Boolean);
    const matched = r.counts.length - diff.length;
    const same = (k) => r.counts.filter((c) => c[k] === c[2]).length;
    console.log(`BENCH data=${label} name=cluster_counts sel=${sel} zooms=${r.counts.length} matched=${matched} ecomap_as_f64=${same(0)} supercluster_as_f64=${same(1)} ms=0`);
    console.log(`# ${label} sel=${sel}: ${r.selected} selected, ${r.points} points; items per zoom 0-17 (ecomap/supercluster where they differ): ${r.counts.map(([e, s]) => (e === s ? e : `${e}/${s}`)).join(" ")}`);
    if (diff.length) console.log(`# ${label} sel=${sel}: counts differ at ${diff.join("; ")}`);
    else console.log(`# ${label} sel=${sel}: counts match at every zoom`);
    console.log(`# ${label} sel=${sel}: the same greedy merge in plain f64 JavaScript gives ecomap's count at ${same(0)} of 18 zooms, supercluster's at ${same(1)}`);
  }
}

async function run(browser, { label, data }) {
  const context = await browser.newContext({
    // The anchor (supercluster) is injected as an inline script; the app's CSP would refuse it.
    bypassCSP: true,
    viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: "en-US" });
  await routeBenchPage(context, base, wasm);
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

    // The clustering side by side, on the same selection, in the same page.
    if (wasm) await compareClusters(page, label, data);
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
