// Layout quality against time: ecomap's ForceAtlas2 (ecomap-core, bench/wasm) and graphology-layout-forceatlas2
// 0.10.1 on the same graph, from the same start positions, in the same page (main thread, one after the other).
// Run by `cargo xtask bench` (ECOMAP_URL = served dist/, ECOMAP_BENCH_DATA = generated exports,
// ECOMAP_BENCH_WASM = bench/wasm's module), or by hand:
//
//   ECOMAP_URL=http://127.0.0.1:PORT ECOMAP_BENCH_WASM=path/to/ecomap_bench_wasm.wasm node bench/layout.mjs \
//     gen-50000=data/gen-50000.json
//
// The graph: the network view's collaboration mode, built by ecomap-core from the export (Graph::build), handed
// to graphology as the same nodes, edges and edge weights (attribute `weight`). Start: the app's own start
// positions (`start_positions(graph, known, 1)`, what the view starts from), for both.
//
// Sides (each from the same start):
//   ecomap θ      Settings::readable() (kr 2, strong gravity 0.05, jitter tolerance 1) with Barnes-Hut theta θ
//                 (0.5, and the app's 0.7); mass = degree + 1; stepped one iteration per call, timed per call.
//   graphology θ  forceAtlas2.inferSettings(graph) (the settings its README recommends when in doubt: for more
//                 than 2,000 nodes barnesHutOptimize, strongGravityMode, gravity 0.05, scalingRatio 10,
//                 slowDown 1 + ln n; Barnes-Hut forced on for smaller graphs) with barnesHutTheta θ; mass =
//                 weighted degree + 1 (graphology's own definition); `forceAtlas2.assign(graph, {iterations: 50})`
//                 per block of 50 iterations (each call rebuilds its matrices, as the public API does).
//   graphology, ecomap's settings: scalingRatio 2, strongGravityMode, gravity 0.05, slowDown 1, θ 0.7 (the
//                 same FA2 settings as ecomap's, so a difference is the implementation's) -- on request of the
//                 "same settings" rule; 50-iteration blocks too.
// Both sides first run a few untimed iterations on the graph (JIT warm-up), then every series starts from the
// start positions. Timed: only the layout calls (ecomap's `step`, graphology's `assign`), summed; quality is
// measured between calls, untimed, by ecomap-core's code on both sides' positions (positions are copied into
// the wasm module: `layout::quality`, 2,000 seeded samples, and `layout::neighbour_share`).
//
// Prints per dataset:
//   BENCH data=L name=layout_curve side=ecomap|graphology|graphology-ecomap-settings theta=T it=I q=Q nn=S ms=MS
//         (ms = layout time so far; ecomap every 5 iterations up to 300 and at its self-stop, graphology every 50)
//   BENCH data=L name=layout_stop side=ecomap theta=T it=I q=Q nn=S ms=MS   (the app's self-stop rule, read from
//         src/views/network/engine.rs: movement < STOP_MOVEMENT or MAX_ITERATIONS)
//   BENCH data=L name=layout_graph nodes=N edges=M ms=IMPORT_MS
import { launchChromium } from "./lib/chromium.mjs";
import { CORE_JS, coreWasmPath, routeBenchPage, selfStopRule } from "./lib/core.mjs";
import { build } from "esbuild";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const base = (process.env.ECOMAP_URL || "").replace(/\/+$/, "");
const wasm = coreWasmPath();
if (!base || !wasm) {
  console.error("ECOMAP_URL and ECOMAP_BENCH_WASM must be set (run `cargo xtask bench`)");
  process.exit(2);
}
// Without arguments: the demo and the generated 10k and 50k exports (100k would add 20 minutes of graphology).
const fromEnv = (process.env.ECOMAP_BENCH_DATA || "").split(",").filter((f) => /gen-(10000|50000)\.json$/.test(f));
const args = process.argv.length > 2 ? process.argv.slice(2) : ["demo=data/demo.json", ...fromEnv.map((f) => `${f.replace(/^.*\/|\.json$/g, "")}=${f}`)];
const datasets = args.map((a) => ({ label: a.slice(0, a.indexOf("=")), data: a.slice(a.indexOf("=") + 1) }));
const THETAS = [0.5, 0.7];
const UP_TO = 300;
const ECOMAP_EVERY = 5;
const GRAPHOLOGY_BLOCK = 50;
const rule = selfStopRule();

const line = (label, fields, ms) =>
  console.log(`BENCH data=${label} ${Object.entries(fields).map(([k, v]) => `${k}=${v}`).join(" ")} ms=${ms.toFixed(1)}`);
const fmt = (v) => (Number.isFinite(v) ? v.toFixed(5) : "NaN");

const anchors = (
  await build({
    stdin: {
      contents: "import Graph from 'graphology'; import fa2 from 'graphology-layout-forceatlas2'; window.__anchors = { Graph, fa2 };",
      resolveDir: here,
    },
    bundle: true,
    write: false,
    format: "iife",
    minify: true,
  })
).outputFiles[0].text;

// In the page: ecomap's layout from the start state, one iteration per call, until UP_TO iterations and its
// self-stop have both been passed; quality every `every` iterations and at the stop.
async function ecomapSeries(page, theta) {
  return page.evaluate(
    ({ theta, upTo, every, rule }) => {
      const core = window.__core;
      const w = core.w;
      w.layout_reset(theta);
      const measure = (it, ms) => ({ it, ms, q: w.layout_quality(), nn: w.layout_share() });
      const points = [measure(0, 0)];
      let ms = 0;
      let stop = null;
      for (let it = 1; it <= rule.max && (it <= upTo || !stop); it++) {
        const t = performance.now();
        const movement = w.layout_step(1);
        ms += performance.now() - t;
        if (!stop && (movement < rule.stop || it >= rule.max)) stop = measure(it, ms);
        if (it % every === 0 && it <= upTo) points.push(measure(it, ms));
      }
      return { points, stop };
    },
    { theta, upTo: UP_TO, every: ECOMAP_EVERY, rule },
  );
}

// In the page: graphology from the same start, in blocks of `block` iterations, quality after each block.
async function graphologySeries(page, settingsName, theta, onPoint) {
  await page.evaluate(({ settingsName, theta }) => {
    const { fa2 } = window.__anchors;
    const g = window.__graph;
    const s = window.__start;
    g.updateEachNodeAttributes((node, attr) => ({ ...attr, x: s.x[Number(node)], y: s.y[Number(node)] }));
    window.__settings =
      settingsName === "graphology"
        ? { ...fa2.inferSettings(g), barnesHutOptimize: true, barnesHutTheta: theta }
        : { scalingRatio: 2, strongGravityMode: true, gravity: 0.05, slowDown: 1, barnesHutOptimize: true, barnesHutTheta: theta };
    window.__gms = 0;
  }, { settingsName, theta });
  const settings = await page.evaluate(() => JSON.stringify(window.__settings));
  for (let it = GRAPHOLOGY_BLOCK; it <= UP_TO; it += GRAPHOLOGY_BLOCK) {
    const p = await page.evaluate(({ it, block }) => {
      const { fa2 } = window.__anchors;
      const g = window.__graph;
      const t = performance.now();
      fa2.assign(g, { iterations: block, settings: window.__settings });
      window.__gms += performance.now() - t;
      const n = g.order;
      const x = new Float32Array(n), y = new Float32Array(n);
      g.forEachNode((node, attr) => { x[Number(node)] = attr.x; y[Number(node)] = attr.y; });
      return { it, ms: window.__gms, ...window.__core.measure(x, y) };
    }, { it, block: GRAPHOLOGY_BLOCK });
    onPoint(p);
  }
  return settings;
}

async function run(browser, { label, data }) {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`[${label}] pageerror: ${e}`));
  try {
    await page.goto(await routeBenchPage(context, base, wasm));
    await page.addScriptTag({ content: anchors });
    await page.addScriptTag({ content: CORE_JS });
    const info = await page.evaluate(async (dataUrl) => {
      const core = (window.__core = await window.__ecomapCore("/__bench/core.wasm"));
      const bytes = new Uint8Array(await (await fetch(dataUrl)).arrayBuffer());
      const t = performance.now();
      core.load(bytes);
      const importMs = performance.now() - t;
      const s = (window.__start = core.graph(1));
      const { Graph } = window.__anchors;
      const g = (window.__graph = new Graph({ type: "undirected" }));
      for (let i = 0; i < s.n; i++) g.addNode(i, { x: s.x[i], y: s.y[i] });
      for (let k = 0; k < s.a.length; k++) g.addEdge(s.a[k], s.b[k], { weight: s.weight[k] });
      return { nodes: g.order, edges: g.size, wasmEdges: s.a.length, importMs, start: core.measure(s.x, s.y) };
    }, `/${data.replace(/^\/+/, "")}`);
    if (info.edges !== info.wasmEdges) throw new Error(`graphology has ${info.edges} edges, ecomap ${info.wasmEdges}`);
    // Warm-up, untimed, for both: the first calls run on V8's baseline tiers (Liftoff for wasm, Ignition and
    // Sparkplug for JS) until the optimising compilers take over; the series below start from the start again.
    await page.evaluate(() => {
      const { fa2 } = window.__anchors;
      window.__core.w.layout_reset(0.7);
      window.__core.w.layout_step(10);
      fa2.assign(window.__graph, { iterations: 5, settings: { ...fa2.inferSettings(window.__graph), barnesHutOptimize: true } });
    });
    line(label, { name: "layout_graph", nodes: info.nodes, edges: info.edges }, info.importMs);
    console.log(`# ${label}: ${info.nodes} nodes, ${info.edges} edges; start quality ${fmt(info.start.q)}, neighbour share ${fmt(info.start.nn)}; self-stop rule movement < ${rule.stop} or ${rule.max} iterations`);
    const series = [
      ...THETAS.map((theta) => ["ecomap", theta]),
      ...THETAS.map((theta) => ["graphology", theta]),
      ["graphology-ecomap-settings", 0.7],
    ];
    for (const [side, theta] of series) {
      const t0 = Date.now();
      const emit = (name, p) => line(label, { name, side, theta, it: p.it, q: fmt(p.q), nn: fmt(p.nn) }, p.ms);
      if (side === "ecomap") {
        const { points, stop } = await ecomapSeries(page, theta);
        points.forEach((p) => emit("layout_curve", p));
        if (stop) emit("layout_stop", stop);
      } else {
        // The start point is shared (same positions); graphology's curve starts there too.
        emit("layout_curve", { it: 0, ms: 0, ...info.start });
        const settings = await graphologySeries(page, side, theta, (p) => emit("layout_curve", p));
        console.log(`# ${label}: ${side} settings ${settings}`);
      }
      console.error(`[${label}] ${side} theta ${theta}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
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
