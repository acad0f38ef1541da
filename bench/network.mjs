// Browser benchmark of the network view (release build) side by side with graphology-layout-forceatlas2 0.10.1
// (Barnes-Hut, theta 0.5) and sigma 4.0.4 on the same graph in the same page. Run by `cargo xtask bench`, or:
//
//   ECOMAP_URL=http://127.0.0.1:PORT node bench/network.mjs gen-50000=data/gen-50000.json
//
// The graph is the view's "collaboration" mode: one node per actor, an edge per pair of actors sharing a
// project (projects with at most 100 participants) or joined by an explicit link (on gen-50000: 50,000
// nodes, about 220,000 edges). Quality = mean edge length / mean distance of 2,000 random node pairs.
// Per dataset it prints `BENCH data=LABEL name=NAME ms=X` lines:
//   network_iteration        median ms of one ForceAtlas2 iteration in wasm, in the layout worker (ecomap-core,
//                            Barnes-Hut theta 0.7, grouped walk)
//   network_layout_done      ms from the start of the layout until it stopped by itself (reduced motion: no drawing)
//   network_layout_main_*    the layout's work on the main thread per frame (taking the worker's positions):
//                            max and median; without a worker it would be a whole iteration
//   network_layout_frame_webgl2  median interval between animation frames while the layout animates (WebGL2)
//   network_layout_draw_webgl2   median draw of one animated frame (WebGL2, wasm side)
//   network_draw_rest        median ecomap:network-draw (a full redraw when the camera rests; for WebGL2 this is
//                            the wasm side and command submission only, the rasterising shows in the frames)
//   network_pan_frame        median time between animation frames while wheel-zooming and dragging
//   network_redraw_to_screen median time from a redraw request until the frame after the redrawn one begins
//                            (includes WebGL2's rasterising in the GPU process: SwiftShader here)
//   network_*_webgl2         the same two with the WebGL2 renderer
//   graphology_fa2_iteration median ms of one graphology FA2 iteration (barnesHutOptimize, theta 0.5)
//   graphology_fa2_to_quality ms graphology needs to reach the quality ecomap stopped at (if within 60 s)
//   sigma_first_render       ms of sigma 4's first render of the same graph (WebGL2 on SwiftShader)
//   sigma_frame              median ms of a sigma refresh after a camera move
// Other facts (edge count, quality, iterations) are printed as `# ...` lines.
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
const fromEnv = (process.env.ECOMAP_BENCH_DATA || "").split(",").filter((f) => /gen-50000/.test(f));
const args = process.argv.length > 2 ? process.argv.slice(2) : fromEnv.map((f) => `gen-50000=${f}`);
const datasets = (args.length ? args : ["gen-50000=data/gen-50000.json"]).map((a) => {
  const i = a.indexOf("=");
  return { label: a.slice(0, i), data: a.slice(i + 1) };
});
const SKIP_SIGMA = process.env.ECOMAP_BENCH_SKIP_SIGMA === "1";

const emit = (label, name, ms) => console.log(`BENCH data=${label} name=${name} ms=${ms.toFixed(3)}`);
const note = (label, text) => console.log(`# ${label}: ${text}`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

const bundle = await build({
  stdin: {
    contents: `import Graph from 'graphology'; import fa2 from 'graphology-layout-forceatlas2'; import Sigma from 'sigma';
      window.__anchors = { Graph, fa2, Sigma };`,
    resolveDir: here,
  },
  bundle: true,
  write: false,
  format: "iife",
  minify: true,
});
const anchorsJs = bundle.outputFiles[0].text;

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

async function run(browser, { label, data }) {
  const context = await browser.newContext({
    // The anchors (graphology, sigma) are injected as an inline script; the app's CSP would refuse it.
    bypassCSP: true,
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    locale: "en-US",
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`[${label}] pageerror: ${e}`));
  const root = "[data-testid=network-view]";
  try {
    const url = `${base}/?view=network&lang=en&data=${encodeURIComponent(data)}`;
    console.error(`[${label}] opening ${url}`);
    await page.goto(url, { waitUntil: "load" });
    await page.waitForSelector(root, { timeout: 300_000 });
    await page.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 300_000 });
    await page.selectOption("[data-testid=network-mode]", "collaboration");
    // The first layout runs with the default renderer (WebGL2), reduced motion: no drawing until it stops.
    await page.waitForSelector(`${root}[data-mode=collaboration][data-layout=done][data-drawn=true]`, { timeout: 900_000 });
    const a = (n) => page.getAttribute(root, n);
    const quality = Number(await a("data-quality"));
    note(label, `ecomap: ${await a("data-visible-count")} nodes, ${await a("data-edge-count")} edges, ${await a("data-iterations")} iterations, quality ${quality} when stopped`);
    emit(label, "network_iteration", Number(await a("data-iteration-ms")));
    emit(label, "network_layout_done", Number(await a("data-layout-ms")));
    note(label, `ecomap: layout ran in the ${await a("data-layout-runner")}`);
    // The layout's work on the main thread per frame (taking the worker's positions): the longest and the median.
    const steps = await page.evaluate(() => performance.getEntriesByName("ecomap:network-layout-step").map((m) => m.duration));
    emit(label, "network_layout_main_max", Math.max(...steps));
    emit(label, "network_layout_main_median", median(steps));

    // Pan and zoom: the drawn image moves by CSS transform, a redraw follows when the camera rests.
    const gestures = async (suffix) => {
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
      const draws = await page.evaluate(() => performance.getEntriesByName("ecomap:network-draw").map((m) => m.duration));
      emit(label, `network_draw_rest${suffix}`, median(draws));
      // Redraw to screen: from a redraw request ("Show all") until the frame after the drawn one begins, i.e.
      // including the rasterising that WebGL2 leaves to the GPU (here SwiftShader, on the CPU).
      const toScreen = await page.evaluate(async () => {
        const out = [];
        for (let k = 0; k < 3; k++) {
          document.querySelector("[data-testid=network-fit]").click();
          const t0 = performance.now();
          await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(ok))));
          out.push(performance.now() - t0);
        }
        return out;
      });
      emit(label, `network_redraw_to_screen${suffix}`, median(toScreen));
      await stopFrames(page);
    };
    // Canvas 2D first (WebGL2 is the default renderer; choosing another builds a new engine and lays out again).
    await page.selectOption("[data-testid=network-renderer]", "canvas2d");
    await page.waitForSelector(`${root}[data-renderer=canvas2d][data-layout=done][data-drawn=true]`, { timeout: 900_000 });
    await gestures("");
    // The same with the WebGL2 renderer (a new engine: the layout runs again first), this time animated (no
    // reduced motion): the frame interval while the layout converges, and the draw per frame.
    await page.emulateMedia({ reducedMotion: "no-preference" });
    await page.evaluate(() => performance.clearMeasures("ecomap:network-frame"));
    await startFrames(page, true);
    await page.selectOption("[data-testid=network-renderer]", "webgl2");
    await page.waitForSelector(`${root}[data-renderer=webgl2][data-layout=done][data-drawn=true]`, { timeout: 900_000 });
    const animated = {
      frames: await frameIntervals(page),
      draws: await page.evaluate(() => performance.getEntriesByName("ecomap:network-frame").map((m) => m.duration)),
    };
    note(label, `ecomap: animated layout with WebGL2, ${animated.frames.length} frames, ${animated.draws.length} drawn`);
    emit(label, "network_layout_frame_webgl2", median(animated.frames));
    emit(label, "network_layout_draw_webgl2", median(animated.draws));
    await stopFrames(page);
    await page.emulateMedia({ reducedMotion: "reduce" });
    await gestures("_webgl2");

    // The anchors on the same graph, in the same page.
    await page.addScriptTag({ content: anchorsJs });
    const res = await page.evaluate(async ({ data, quality, skipSigma }) => {
      const { Graph, fa2, Sigma } = window.__anchors;
      const exp = await (await fetch(data)).json();
      const g = new Graph({ type: "undirected" });
      const ids = exp.actors.map((x) => x.id);
      for (const id of ids) g.addNode(id, { x: Math.random() * 1000, y: Math.random() * 1000, size: 2 });
      const add = (s, t) => { if (s !== t && g.hasNode(s) && g.hasNode(t) && !g.hasEdge(s, t)) g.addEdge(s, t); };
      for (const p of exp.projects) {
        const ps = [...new Set(p.participants.map((x) => x.actor))];
        if (ps.length > 100) continue;
        for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) add(ps[i], ps[j]);
      }
      for (const l of exp.links) add(l.source, l.target);
      const nodes = g.nodes();
      const edges = g.edges().map((e) => g.extremities(e));
      const q = () => {
        let es = 0; const ne = Math.min(edges.length, 2000);
        for (let k = 0; k < ne; k++) {
          const [s, t] = edges[Math.floor(Math.random() * edges.length)];
          es += Math.hypot(g.getNodeAttribute(s, "x") - g.getNodeAttribute(t, "x"), g.getNodeAttribute(s, "y") - g.getNodeAttribute(t, "y"));
        }
        let ps = 0;
        for (let k = 0; k < 2000; k++) {
          const s = nodes[Math.floor(Math.random() * nodes.length)], t = nodes[Math.floor(Math.random() * nodes.length)];
          ps += Math.hypot(g.getNodeAttribute(s, "x") - g.getNodeAttribute(t, "x"), g.getNodeAttribute(s, "y") - g.getNodeAttribute(t, "y"));
        }
        return (es / ne) / (ps / 2000);
      };
      const settings = { ...fa2.inferSettings(g), barnesHutOptimize: true, barnesHutTheta: 0.5 };
      const iters = [];
      let reached = null, total = 0, its = 0, lastQ = q();
      while (total < 60000) {
        const t = performance.now();
        fa2.assign(g, { iterations: 5, settings });
        const dt = performance.now() - t;
        total += dt; its += 5;
        iters.push(dt / 5);
        lastQ = q();
        if (lastQ <= quality) { reached = total; break; }
      }
      const out = { order: g.order, size: g.size, iters, reached, its, lastQ };
      if (!skipSigma) {
        const div = document.createElement("div");
        div.style.cssText = "position:fixed;left:0;top:0;width:1000px;height:700px;background:#fff;z-index:9999";
        document.body.appendChild(div);
        const t0 = performance.now();
        const s = new Sigma(g, div);
        out.sigmaFirst = performance.now() - t0;
        out.sigmaFrames = [];
        for (let k = 0; k < 3; k++) {
          const c = s.getCamera();
          c.setState({ x: 0.5 + 0.05 * (k + 1), ratio: 1 - 0.1 * k });
          const t = performance.now();
          s.refresh();
          out.sigmaFrames.push(performance.now() - t);
        }
      }
      return out;
    }, { data, quality, skipSigma: SKIP_SIGMA });
    note(label, `graphology: ${res.order} nodes, ${res.size} edges; ${res.its} iterations, quality ${res.lastQ.toFixed(3)}`);
    emit(label, "graphology_fa2_iteration", median(res.iters));
    if (res.reached !== null) emit(label, "graphology_fa2_to_quality", res.reached);
    else note(label, `graphology did not reach quality ${quality} within 60 s (${res.its} iterations)`);
    if (res.sigmaFirst !== undefined) {
      emit(label, "sigma_first_render", res.sigmaFirst);
      emit(label, "sigma_frame", median(res.sigmaFrames));
    }
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
