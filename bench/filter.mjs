// A filter change end to end, per view: from the input event (a click on the first technology checkbox) until
// the result list and the view on screen are drawn, in the release build with WebGL2 on SwiftShader. Run by
// `cargo xtask bench` on the generated 50k and 100k exports (ECOMAP_BENCH_DATA), or:
//
//   ECOMAP_URL=http://127.0.0.1:PORT node bench/filter.mjs gen-50000=data/gen-50000.json
//
// For each view (list, map, network in its default mode, charts): open `?view=V`, wait until it is drawn (the
// network: until its layout stopped, reduced motion), then tick and untick the checkbox 4 times (medians). Each
// change is timed in the page and, for the main thread's time, by Chrome's own counters (DevTools Protocol
// `Performance.getMetrics`, read before and after; the same span without a click is measured 3 times and
// subtracted: idle frames and the measuring script itself):
//   filter_page view=V       the page's work: script (JS and wasm, the calls into WebGL included as far as
//                            Chrome counts them: ScriptDuration) + style recalculation and layout (RecalcStyleDuration +
//                            LayoutDuration), from the click until the list and the view are drawn
//   filter_script, filter_style_layout  its two parts
//   filter_main view=V       all the renderer main thread's busy time in that span (TaskDuration) minus the
//                            readPixels wait: the page's work plus paint, compositing commits and, on
//                            SwiftShader, the main thread waiting for the GPU process to take the next frame
//   filter_gpu view=V        how long a 1-pixel readPixels on the view's WebGL2 canvases waited in the frame after
//                            the list and the view were drawn: the rasterising still to do then
//   filter_presented view=V  from just before `click()` until the animation frame that follows that frame (the
//                            list, the map and the charts: the click until two animation frames later; the network
//                            draws in the frame after the click, so one frame more); the same readPixels stand-in
//                            as bench/network.mjs
//   filter_measure view=V measure=M  the app's own measures of the change (`ecomap:filter` = filter + list;
//                            the view's: `ecomap:map-redraw`, `ecomap:network-draw`, `ecomap:charts`)
import { launchChromium } from "./lib/chromium.mjs";

const base = (process.env.ECOMAP_URL || "").replace(/\/+$/, "");
if (!base) {
  console.error("ECOMAP_URL is not set (run `cargo xtask bench`)");
  process.exit(2);
}
const fromEnv = (process.env.ECOMAP_BENCH_DATA || "").split(",").filter((f) => /gen-(50000|100000)\.json$/.test(f));
const args = process.argv.length > 2 ? process.argv.slice(2) : fromEnv.map((f) => `${f.replace(/^.*\/|\.json$/g, "")}=${f}`);
const datasets = args.map((a) => ({ label: a.slice(0, a.indexOf("=")), data: a.slice(a.indexOf("=") + 1) }));
const CHANGES = 4;

const VIEWS = {
  list: { ready: "[data-testid=result-row]", measure: null, canvas: null },
  map: { ready: "[data-testid=map][data-drawn=true]", measure: "ecomap:map-redraw", canvas: "[data-testid=map]" },
  network: {
    ready: "[data-testid=network-view][data-layout=done][data-drawn=true]",
    measure: "ecomap:network-draw",
    canvas: "[data-testid=network-view]",
  },
  charts: { ready: "[data-testid=charts][data-drawn=true]", measure: "ecomap:charts", canvas: null },
};

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const emit = (label, name, view, ms, extra = "") =>
  console.log(`BENCH data=${label} name=${name} view=${view}${extra ? " " + extra : ""} ms=${ms.toFixed(3)}`);

// In the page (passed to page.evaluate, so the app's Content-Security-Policy stays as visitors get it): one
// change (or, with `click` false, the same span without one), timed until presented.
const filterChange = async ({ click, measure, canvas }) => {
  const count = (name) => performance.getEntriesByName(name, "measure").length;
  const last = (name) => { const m = performance.getEntriesByName(name, "measure"); return m.length ? m[m.length - 1].duration : NaN; };
  const before = { filter: count("ecomap:filter"), view: measure ? count(measure) : 0 };
  const box = document.querySelector("[data-testid=facet-technology] input[type=checkbox]");
  const frame = () => new Promise((ok) => requestAnimationFrame(ok));
  const t0 = performance.now();
  if (click) box.click();
  let frames = 0, gpu = 0;
  const deadline = t0 + 120000;
  for (;;) {
    await frame();
    frames++;
    const done = !click || (count("ecomap:filter") > before.filter && (!measure || count(measure) > before.view));
    if (done || performance.now() > deadline) break;
  }
  // The frame in which everything was drawn: wait for the rasterising of the view's WebGL canvases.
  const t = performance.now();
  if (canvas) {
    for (const c of document.querySelectorAll(canvas + " canvas")) {
      const gl = c.getContext("webgl2");
      if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    }
  }
  gpu = performance.now() - t;
  await frame();
  return {
    presented: performance.now() - t0, gpu, frames,
    filter: click ? last("ecomap:filter") : NaN, view: click && measure ? last(measure) : NaN,
    timedOut: performance.now() > deadline,
  };
};

async function measureView(browser, label, data, view) {
  const spec = VIEWS[view];
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, locale: "en-US", reducedMotion: "reduce" });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`[${label} ${view}] pageerror: ${e}`));
  try {
    await page.goto(`${base}/?view=${view}&lang=en&data=${encodeURIComponent(data)}`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 300_000 });
    await page.waitForSelector(spec.ready, { timeout: 900_000 });
    // The map's and the network's root name their renderer (webgl2 or canvas2d); the list and charts are DOM/SVG.
    const renderer = spec.canvas ? await page.getAttribute(spec.canvas, "data-renderer") : "dom";
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    // Main-thread time so far (ms): all tasks, script (JS and wasm, including WebGL calls), style and layout.
    const metrics = async () => {
      const m = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((x) => [x.name, x.value * 1000]));
      return { task: m.TaskDuration, script: m.ScriptDuration, style: m.RecalcStyleDuration + m.LayoutDuration };
    };
    const span = async (click) => {
      await page.waitForTimeout(500);
      const m0 = await metrics();
      const r = await page.evaluate(filterChange, { click, measure: spec.measure, canvas: spec.canvas });
      const m1 = await metrics();
      r.busy = m1.task - m0.task - r.gpu;
      r.script = m1.script - m0.script;
      r.style = m1.style - m0.style;
      return r;
    };
    const idle = [];
    for (let k = 0; k < 3; k++) idle.push(await span(false));
    const changes = [];
    for (let k = 0; k < CHANGES; k++) changes.push(await span(true));
    const idleBusy = median(idle.map((c) => c.busy));
    const idleScript = median(idle.map((c) => c.script));
    const idleStyle = median(idle.map((c) => c.style));
    if (changes.some((c) => c.timedOut)) console.error(`[${label} ${view}] a change was not drawn within 120 s`);
    console.log(`# ${label} ${view}: renderer ${renderer}; frames until drawn ${changes.map((c) => c.frames).join(",")}; idle span busy ${idleBusy.toFixed(1)} ms (subtracted)`);
    emit(label, "filter_presented", view, median(changes.map((c) => c.presented)));
    emit(label, "filter_page", view, median(changes.map((c) => c.script - idleScript + c.style - idleStyle)));
    emit(label, "filter_script", view, median(changes.map((c) => c.script - idleScript)));
    emit(label, "filter_style_layout", view, median(changes.map((c) => c.style - idleStyle)));
    emit(label, "filter_main", view, median(changes.map((c) => c.busy - idleBusy)));
    emit(label, "filter_gpu", view, median(changes.map((c) => c.gpu)));
    emit(label, "filter_measure", view, median(changes.map((c) => c.filter)), "measure=ecomap:filter");
    if (spec.measure) emit(label, "filter_measure", view, median(changes.map((c) => c.view)), `measure=${spec.measure}`);
  } catch (e) {
    console.error(`[${label} ${view}] failed: ${e.message}`);
    process.exitCode = 1;
  } finally {
    await context.close();
  }
}

const browser = await launchChromium({ webgl: true });
try {
  for (const { label, data } of datasets) {
    for (const view of Object.keys(VIEWS)) await measureView(browser, label, data, view);
  }
} finally {
  await browser.close();
}
