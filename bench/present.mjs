// Browser benchmark of presentation mode (issue 15, docs/presenting.md): plays the demo tour at 1920x1080
// (`?mode=present`, motion allowed; Chromium launched like the other page benchmarks, WebGL through SwiftShader,
// a software renderer, so the figures are pessimistic; PRESENT_WEBGL=1 launches it without --disable-gpu) and measures the page's work per animation frame during each step
// transition: from the key that moves on until 1.5 s later (the camera glides over 600 ms; a view switch
// builds the new view, the network lays out). Run by `cargo xtask bench present` (or the whole bench), or by
// hand against any server of dist/:
//
//   ECOMAP_URL=http://127.0.0.1:8080 node present.mjs
//
// How: a Chromium trace (Playwright's browser.startTracing) of each transition; frames are cut at the
// renderer main thread's BeginMainThreadFrame events (and at the window's edges: the work between the key
// and the first frame counts as a frame); a frame's JS + wasm work is the union of the main
// thread's script events in it (FunctionCall, EventDispatch, FireAnimationFrame, TimerFire, RunMicrotasks,
// v8.callFunction, ...), its main-thread work all of the main thread's top-level tasks (script, style, layout,
// paint). Prints `BENCH name=present-frame what=js|main stat=p50|p95|max ms=X` and `# present: ...` notes.
import { loadavg } from "node:os";
import { launchChromium } from "./lib/chromium.mjs";

const base = (process.env.ECOMAP_URL || "").replace(/\/+$/, "");
if (!base) {
  console.error("ECOMAP_URL is not set (run `cargo xtask bench present`)");
  process.exit(2);
}
const WINDOW_MS = 1500;
const SCRIPT = new Set([
  "FunctionCall", "EventDispatch", "FireAnimationFrame", "TimerFire", "RunMicrotasks", "v8.callFunction",
  "v8.run", "V8.Execute", "FireIdleCallback", "XHRReadyStateChange", "EvaluateScript", "v8.compile",
]);

/** Merged [start, end) intervals (µs). */
function union(intervals) {
  const sorted = intervals.sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Time (µs) of `intervals` (merged) inside [a, b). */
function within(intervals, a, b) {
  let t = 0;
  for (const [s, e] of intervals) t += Math.max(0, Math.min(e, b) - Math.max(s, a));
  return t;
}

/** Per frame: { js, main } in ms, from one transition's trace. */
function frames(trace) {
  const events = JSON.parse(trace).traceEvents;
  const names = events.filter((e) => e.ph === "M" && e.name === "thread_name");
  const main = names.find((e) => e.args.name === "CrRendererMain" && events.some((x) => x.pid === e.pid && x.name === "FireAnimationFrame"))
    ?? names.find((e) => e.args.name === "CrRendererMain");
  if (!main) throw new Error("no renderer main thread in the trace");
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && typeof e.ts === "number");
  const complete = onMain.filter((e) => e.ph === "X" && e.dur > 0);
  const js = union(complete.filter((e) => SCRIPT.has(e.name)).map((e) => [e.ts, e.ts + e.dur]));
  const tasks = union(complete.filter((e) => e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask").map((e) => [e.ts, e.ts + e.dur]));
  let starts = onMain.filter((e) => e.name === "BeginMainThreadFrame").map((e) => e.ts);
  if (starts.length < 2) starts = onMain.filter((e) => e.name === "FireAnimationFrame").map((e) => e.ts);
  // The window's edges cut too: the work between the key and the first frame (a view switch builds the new
  // view there) and after the last frame counts as a frame of its own, so a window without frames is not lost.
  const times = onMain.map((e) => e.ts);
  starts = [...new Set([Math.min(...times), ...starts, Math.max(...times.map((t, i) => t + (onMain[i].dur ?? 0)))])].sort((a, b) => a - b);
  const out = [];
  if (process.env.DEBUG_PRESENT) {
    const count = (n) => onMain.filter((e) => e.name === n).length;
    console.error(`frames ${starts.length} BMTF ${count("BeginMainThreadFrame")} FAF ${count("FireAnimationFrame")} RunTask ${count("RunTask")} js ${js.length}`);
    const top = {};
    for (const e of complete) top[e.name] = (top[e.name] || 0) + e.dur / 1000;
    console.error(Object.entries(top).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k}=${v.toFixed(0)}`).join(" "));
  }
  for (let i = 0; i + 1 < starts.length; i++) {
    out.push({ js: within(js, starts[i], starts[i + 1]) / 1000, main: within(tasks, starts[i], starts[i + 1]) / 1000 });
  }
  return out;
}

const pct = (v, p) => {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const load = loadavg()[0].toFixed(2);
const browser = await launchChromium({ webgl: process.env.PRESENT_WEBGL === "1" });
try {
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    deviceScaleFactor: 1,
    reducedMotion: "no-preference",
    serviceWorkers: "block",
    locale: "en-US",
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`pageerror: ${e}`));
  await page.goto(`${base}/?mode=present&lang=en`);
  await page.waitForSelector("[data-testid=map][data-drawn=true]", { timeout: 60_000 });
  await page.waitForSelector('[data-testid=present-progress][data-step="1"]');
  // The presenter steps by key; the steps' own timers stay out of the measurement.
  await page.keyboard.press("p");
  await page.waitForTimeout(1000);
  const all = [];
  const perStep = [];
  const renderers = new Set();
  const steps = Number((await page.textContent("[data-testid=present-progress]")).match(/of (\d+)/)[1]);
  for (let n = 2; n <= steps; n++) {
    await browser.startTracing(page, {
      categories: ["devtools.timeline", "disabled-by-default-devtools.timeline.frame", "toplevel", "v8.execute"],
    });
    await page.keyboard.press("ArrowRight");
    await page.waitForSelector(`[data-testid=present-progress][data-step="${n}"]`);
    await page.waitForTimeout(WINDOW_MS);
    const trace = (await browser.stopTracing()).toString("utf8");
    const f = frames(trace);
    const view = await page.evaluate(() => new URL(location.href).searchParams.get("view"));
    const drawn = await page.evaluate(() => document.querySelector("[data-renderer]")?.dataset.renderer);
    if (drawn) renderers.add(`${view} ${drawn}`);
    perStep.push({ n, view, frames: f.length, max: Math.max(0, ...f.map((x) => x.js)), p95: pct(f.map((x) => x.js), 95) ?? 0 });
    all.push(...f);
  }
  const renderer = [...renderers].join(", ") || "not shown";
  console.log(`# present: load average before the run ${load} (other work on the machine lengthens frames)`);
  for (const what of ["js", "main"]) {
    const v = all.map((f) => f[what]);
    for (const [stat, x] of [["p50", pct(v, 50)], ["p95", pct(v, 95)], ["max", Math.max(...v)]]) {
      console.log(`BENCH name=present-frame what=${what} stat=${stat} frames=${v.length} ms=${x.toFixed(2)}`);
    }
  }
  console.log(`# present: ${steps - 1} transitions of the demo tour at 1920x1080, ${all.length} frames in ${WINDOW_MS} ms after each key, renderers: ${renderer}`);
  for (const s of perStep) {
    console.log(`# present: step ${s.n} (${s.view}): ${s.frames} frames, JS + wasm p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms`);
  }
  await context.close();
} finally {
  await browser.close();
}
