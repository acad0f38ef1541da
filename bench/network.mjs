// Browser benchmark of the network view (release build), and its redraw beside sigma 4.0.4's on the same nodes,
// edges and positions in the same page. The layout against graphology is bench/layout.mjs. Run by
// `cargo xtask bench`, or:
//
//   ECOMAP_URL=http://127.0.0.1:PORT ECOMAP_BENCH_WASM=... node bench/network.mjs gen-50000=data/gen-50000.json
//
// The graph is the view's "collaboration" mode: one node per actor, an edge per pair of actors sharing a
// project (projects with at most 100 participants) or joined by an explicit link (on gen-50000: 50,000
// nodes, about 220,000 edges). Per dataset it prints `BENCH data=LABEL name=NAME ms=X` lines:
//   network_iteration        median ms of one ForceAtlas2 iteration in wasm, in the layout worker (ecomap-core,
//                            Barnes-Hut theta 0.7, grouped walk)
//   network_layout_done      ms from the start of the layout until it stopped by itself (reduced motion: no
//                            drawing); fields iterations= and quality= (`data-iterations`, `data-quality`)
//   network_layout_main_*    the layout's work on the main thread per frame (taking the worker's positions):
//                            max and median
//   network_layout_frame_webgl2  median interval between animation frames while the layout animates (WebGL2)
//   network_layout_draw_webgl2   median draw of one animated frame (WebGL2, wasm side)
//   network_pan_frame        median time between animation frames while wheel-zooming and dragging (it cannot go
//                            below the display's frame, 16.7 ms at 60 Hz: a figure, not a target)
//   network_draw_rest        page time of a full redraw at rest: median ecomap:network-draw (wasm: projection,
//                            frame, instance upload, draw calls; WebGL2 leaves the rasterising to the GPU process).
//                            At rest the view draws every node and, above REST_EDGE_BUDGET edges, a regular
//                            subsample of the edges (off-screen and sub-pixel ones skipped)
//   network_redraw_presented until presented: from a redraw request ("Show all": the whole graph in view)
//                            through the view's draw in the next animation frame and, in the same frame, a
//                            1-pixel readPixels on the view's WebGL2 canvas (it returns when the GPU, here
//                            SwiftShader on the CPU, has rasterised the frame), until the next animation frame
//                            begins; median of 3
//   network_*_webgl2         the same with the WebGL2 renderer (the others: Canvas 2D)
// sigma 4.0.4 on the same nodes at the positions ecomap's layout stops at (ecomap-core in the page, bench/wasm:
// the same start, settings and self-stop, so the same positions as the view's), node sizes as the view's
// (2.5 + 1.2·√degree px, at most 12), in a container of the view's stage size, WebGL2 on SwiftShader; each
// figure twice, with field edges=drawn (the edges the view draws at rest: above REST_EDGE_BUDGET in
// src/views/network/engine/frame.rs a regular subsample, every k-th edge; the same work) and edges=all (every
// edge of the graph):
//   sigma_first_render       `new Sigma(graph, container)`
//   sigma_refresh            page time of `refresh()` (re-index every node and edge, process, render): median of 3
//   sigma_refresh_presented  until presented, the same stand-in as ecomap's: in an animation frame `refresh()` and a
//                            1-pixel readPixels on each of sigma's WebGL canvases, until the next frame begins
//   sigma_render, sigma_render_presented  the same for `render()` only (camera uniforms and draw, no re-index)
// Other facts (edge counts, the layouts' stop, renderer) are printed as `# ...` lines.
import { launchChromium } from "./lib/chromium.mjs";
import { CORE_JS, coreWasmPath, restEdgeBudget, routeBenchPage, selfStopRule } from "./lib/core.mjs";
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
const fromEnv = (process.env.ECOMAP_BENCH_DATA || "").split(",").filter((f) => /gen-50000/.test(f));
const args = process.argv.length > 2 ? process.argv.slice(2) : fromEnv.map((f) => `gen-50000=${f}`);
const datasets = (args.length ? args : ["gen-50000=data/gen-50000.json"]).map((a) => {
  const i = a.indexOf("=");
  return { label: a.slice(0, i), data: a.slice(i + 1) };
});
const SKIP_SIGMA = process.env.ECOMAP_BENCH_SKIP_SIGMA === "1";

const emit = (label, name, ms, extra = "") =>
  console.log(`BENCH data=${label} name=${name}${extra ? " " + extra : ""} ms=${ms.toFixed(3)}`);
const note = (label, text) => console.log(`# ${label}: ${text}`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

const sigmaJs = (
  await build({
    stdin: {
      contents: "import Graph from 'graphology'; import Sigma from 'sigma'; window.__anchors = { Graph, Sigma };",
      resolveDir: here,
    },
    bundle: true,
    write: false,
    format: "iife",
    minify: true,
  })
).outputFiles[0].text;

// Records animation-frame timestamps in the page into window.__frames, one recorder at a time (a second one
// would interleave timestamps): until the next one starts, or with `untilWebgl2Done` until the view has laid
// out with WebGL2.
const startFrames = (page, untilWebgl2Done = false) =>
  page.evaluate((until) => {
    const gen = (window.__frameGen = (window.__frameGen || 0) + 1);
    window.__frames = [];
    const tick = (t) => {
      if (gen !== window.__frameGen) return;
      window.__frames.push(t);
      const d = document.querySelector("[data-testid=network-view]").dataset;
      const done = until && d.renderer === "webgl2" && d.layout === "done";
      if (!done && window.__frames.length < 100000) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, untilWebgl2Done);
const frameIntervals = (page) => page.evaluate(() => window.__frames.slice(1).map((t, i) => t - window.__frames[i]));
const stopFrames = (page) => page.evaluate(() => { window.__frameGen++; });

// The stand-in for "presented" on software WebGL, in the page: a 1-pixel readPixels on every WebGL2 canvas
// under `root` (it returns once the GPU process has rasterised what was drawn). Canvases without a WebGL2
// context are skipped (getContext("webgl2") returns null for a 2D canvas).
const PRESENT_JS = `
window.__readPixel = (root) => {
  for (const c of root.querySelectorAll("canvas")) {
    const gl = c.getContext("webgl2");
    if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  }
};
`;

// Pan and zoom gestures, then the redraw at rest: page time and until presented.
async function gestures(page, label, suffix) {
  await page.evaluate(() => performance.clearMeasures("ecomap:network-draw"));
  await startFrames(page);
  const box = await page.locator(".network-stage").boundingBox();
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  for (let round = 0; round < 3; round++) {
    await page.mouse.move(cx, cy);
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, round % 2 ? 60 : -60);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(cx + i * 5, cy + i * 2);
    await page.mouse.up();
    await page.waitForFunction((n) => performance.getEntriesByName("ecomap:network-draw").length > n, round, { timeout: 120_000 });
  }
  emit(label, `network_pan_frame${suffix}`, median(await frameIntervals(page)));
  await stopFrames(page);
  await page.evaluate(() => performance.clearMeasures("ecomap:network-draw"));
  const presented = await page.evaluate(async () => {
    const root = document.querySelector(".network-stage");
    const out = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      // "Show all" requests the redraw for the next animation frame; this frame callback is requested after it,
      // so it runs right after the view's draw, in the same frame.
      document.querySelector("[data-testid=network-fit]").click();
      await new Promise((ok) => requestAnimationFrame(() => { window.__readPixel(root); requestAnimationFrame(ok); }));
      out.push(performance.now() - t0);
    }
    return out;
  });
  const draws = await page.evaluate(() => performance.getEntriesByName("ecomap:network-draw").map((m) => m.duration));
  emit(label, `network_draw_rest${suffix}`, median(draws));
  emit(label, `network_redraw_presented${suffix}`, median(presented));
}

// sigma on the same graph at the positions ecomap's layout stops at, in a container over the view's stage:
// once with the edges the view draws at rest (its regular subsample above REST_EDGE_BUDGET: the same work),
// once with every edge of the graph.
async function sigmaSide(page, label, data, appIterations) {
  await page.addScriptTag({ content: sigmaJs });
  await page.addScriptTag({ content: CORE_JS });
  const budget = restEdgeBudget();
  const res = await page.evaluate(async ({ dataUrl, rule, budget }) => {
    const { Graph, Sigma } = window.__anchors;
    const core = await window.__ecomapCore("/__bench/core.wasm");
    core.load(new Uint8Array(await (await fetch(dataUrl)).arrayBuffer()));
    const s = core.graph(1);
    core.w.layout_reset(0.7);
    let it = 0;
    for (let movement = Infinity; movement >= rule.stop && it < rule.max; it++) movement = core.w.layout_step(1);
    const pos = core.positions();
    const degree = new Uint32Array(s.n);
    for (let k = 0; k < s.a.length; k++) { degree[s.a[k]]++; degree[s.b[k]]++; }
    const r = document.querySelector(".network-stage").getBoundingClientRect();
    const frame = () => new Promise((ok) => requestAnimationFrame(ok));
    // The view's edge order is the graph's (sorted by ends), the same as core.graph's arrays.
    const drawnStride = budget && s.a.length > budget ? Math.ceil(s.a.length / budget) : 1;
    const out = { iterations: it, box: `${r.width}x${r.height}`, runs: {} };
    for (const [edges, stride] of [["drawn", drawnStride], ["all", 1]]) {
      const g = new Graph({ type: "undirected" });
      for (let i = 0; i < s.n; i++) g.addNode(i, { x: pos.x[i], y: -pos.y[i], size: Math.min(12, 2.5 + 1.2 * Math.sqrt(degree[i])) });
      for (let k = 0; k < s.a.length; k += stride) g.addEdge(s.a[k], s.b[k]);
      const div = document.createElement("div");
      div.style.cssText = `position:fixed;left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px;background:#fff;z-index:9999`;
      document.body.appendChild(div);
      const t0 = performance.now();
      const sigma = new Sigma(g, div);
      const run = { order: g.order, size: g.size, first: performance.now() - t0 };
      await frame();
      await frame();
      for (const method of ["refresh", "render"]) {
        const pageTimes = [], presented = [];
        for (let k = 0; k < 3; k++) {
          let t = performance.now();
          sigma[method]();
          pageTimes.push(performance.now() - t);
          window.__readPixel(div);
          await frame();
          t = performance.now();
          await new Promise((ok) => requestAnimationFrame(() => { sigma[method](); window.__readPixel(div); requestAnimationFrame(ok); }));
          presented.push(performance.now() - t);
        }
        run[method] = { page: pageTimes, presented };
      }
      sigma.kill();
      div.remove();
      out.runs[edges] = run;
    }
    return out;
  }, { dataUrl: new URL(data, `${base}/`).pathname, rule: selfStopRule(), budget });
  note(label, `sigma at ecomap's positions after ${res.iterations} iterations (the view's layout stopped after ${appIterations}), in ${res.box} px; the view draws at most ${budget ?? "every"} edges at rest (REST_EDGE_BUDGET, a regular subsample)`);
  for (const [edges, run] of Object.entries(res.runs)) {
    note(label, `sigma, edges=${edges}: ${run.order} nodes, ${run.size} edges`);
    emit(label, "sigma_first_render", run.first, `edges=${edges} count=${run.size}`);
    for (const method of ["refresh", "render"]) {
      emit(label, `sigma_${method}`, median(run[method].page), `edges=${edges} count=${run.size}`);
      emit(label, `sigma_${method}_presented`, median(run[method].presented), `edges=${edges} count=${run.size}`);
    }
  }
}

async function run(browser, { label, data }) {
  const context = await browser.newContext({
    // sigma and graphology are injected as an inline script; the app's CSP would refuse it.
    bypassCSP: true,
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    locale: "en-US",
    reducedMotion: "reduce",
  });
  await routeBenchPage(context, base, wasm);
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`[${label}] pageerror: ${e}`));
  const root = "[data-testid=network-view]";
  try {
    const url = `${base}/?view=network&lang=en&data=${encodeURIComponent(data)}`;
    console.error(`[${label}] opening ${url}`);
    await page.goto(url, { waitUntil: "load" });
    await page.addScriptTag({ content: PRESENT_JS });
    await page.waitForSelector(root, { timeout: 300_000 });
    await page.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 300_000 });
    await page.selectOption("[data-testid=network-mode]", "collaboration");
    // The first layout runs with the default renderer (WebGL2), reduced motion: no drawing until it stops.
    await page.waitForSelector(`${root}[data-mode=collaboration][data-layout=done][data-drawn=true]`, { timeout: 900_000 });
    const a = (n) => page.getAttribute(root, n);
    const iterations = await a("data-iterations");
    note(label, `ecomap: ${await a("data-visible-count")} nodes, ${await a("data-edge-count")} edges, layout in the ${await a("data-layout-runner")}`);
    emit(label, "network_iteration", Number(await a("data-iteration-ms")));
    emit(label, "network_layout_done", Number(await a("data-layout-ms")), `iterations=${iterations} quality=${await a("data-quality")}`);
    const steps = await page.evaluate(() => performance.getEntriesByName("ecomap:network-layout-step").map((m) => m.duration));
    emit(label, "network_layout_main_max", Math.max(...steps));
    emit(label, "network_layout_main_median", median(steps));

    // Canvas 2D first (WebGL2 is the default renderer; choosing another builds a new engine and lays out again).
    await chooseRenderer(page, "canvas2d");
    await page.waitForSelector(`${root}[data-renderer=canvas2d][data-layout=done][data-drawn=true]`, { timeout: 900_000 });
    await gestures(page, label, "");
    // WebGL2 again (a new engine: the layout runs again first), this time animated (no reduced motion): the frame
    // interval while the layout converges, and the draw per frame.
    await page.emulateMedia({ reducedMotion: "no-preference" });
    await page.evaluate(() => performance.clearMeasures("ecomap:network-frame"));
    await startFrames(page, true);
    await chooseRenderer(page, "webgl2");
    await page.waitForSelector(`${root}[data-renderer=webgl2][data-layout=done][data-drawn=true]`, { timeout: 900_000 });
    const frames = await frameIntervals(page);
    const draws = await page.evaluate(() => performance.getEntriesByName("ecomap:network-frame").map((m) => m.duration));
    note(label, `ecomap: animated layout with WebGL2, ${frames.length} frames, ${draws.length} drawn`);
    emit(label, "network_layout_frame_webgl2", median(frames));
    emit(label, "network_layout_draw_webgl2", median(draws));
    await stopFrames(page);
    await page.emulateMedia({ reducedMotion: "reduce" });
    await gestures(page, label, "_webgl2");

    if (!SKIP_SIGMA && wasm) await sigmaSide(page, label, data, iterations);
  } catch (e) {
    console.error(`[${label}] failed: ${e.message}`);
    process.exitCode = 1;
  } finally {
    await context.close();
  }
}

const browser = await launchChromium({ webgl: true });
try {
  for (const d of datasets) await run(browser, d);
} finally {
  await browser.close();
}

/** The renderer is a device setting in the header's settings panel (src/components/settings.rs). */
async function chooseRenderer(page, renderer) {
  await page.click("[data-testid=settings]");
  await page.selectOption("[data-testid=network-renderer]", renderer);
  await page.click("[data-testid=settings]");
}
