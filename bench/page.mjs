// The page as a visitor gets it (issue 13, item 6), run by `cargo xtask bench` and `cargo xtask bench page`
// against the release build served by xtask's server (precompressed .br/.gz, the cache headers and CSP of
// docs/hosting.md), passed as ECOMAP_URL:
//
// 1. Lighthouse 12 (npm `lighthouse`, Debian's Chromium through chrome-launcher, headless), RUNS runs each of
//    - `desktop`: the desktop preset (lighthouse/core/config/desktop-config.js: simulated throttling),
//    - `mobile`: the default (mobile) preset (Moto G Power emulation, simulated slow 4G and 4x CPU),
//    - `mobile-applied`: the mobile preset with `throttlingMethod: "devtools"`: the same network and CPU
//      throttling applied for real while the page loads, so the page's own marks (the user-timings audit,
//      read from the trace) are throttled figures. Simulated throttling only recomputes Lighthouse's metrics;
//      the marks it reports are the unthrottled ones of that run.
//    Printed per run: the four category scores, CLS, LCP, TBT, FCP, speed index, the bytes transferred, and
//    the `ecomap:first-map-drawn` mark; the audits that cost points as `# ` notes.
// 2. Unthrottled (no Lighthouse; Playwright, a 1280x800 window, a fresh context per run), RUNS loads of the
//    demo: the `ecomap:first-map-drawn` mark and the first view's transfer size: the navigation and every
//    resource whose response ended before that mark (Resource Timing `transferSize`: compressed body plus
//    headers, as sent over the wire), listed per file; and, from the first run and one more load at the mobile
//    preset's 412x823, the layout shifts (with the elements that moved) and the LCP element, as `# ` notes
//    (Lighthouse 12.2.3's own layout-shift and LCP-element audits fail on Chromium 156's trace format).
//
// Output: `BENCH name=lh preset=P run=N metric=M value=V` (scores 0..1, times in ms, bytes) and
// `BENCH name=first_map_drawn run=N ms=X`, `BENCH name=first_view_bytes run=N value=B`; xtask takes medians.
// ECOMAP_LH_DIR, when set, receives each Lighthouse report as JSON (`<preset>-<run>.json`).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import * as chromeLauncher from "chrome-launcher";
import { launchChromium } from "./lib/chromium.mjs";

const base = (process.env.ECOMAP_URL || "").replace(/\/+$/, "");
if (!base) {
  console.error("ECOMAP_URL is not set (run `cargo xtask bench page`)");
  process.exit(2);
}
const RUNS = Number(process.env.PAGE_RUNS || 3);
const MARK = "ecomap:first-map-drawn";
const URL_ = `${base}/`;
const CHROME = process.env.CHROMIUM_PATH || process.env.CHROME_PATH || "/usr/bin/chromium";
// Headless, as root, nothing from other hosts (the flags of every other benchmark, bench/lib/chromium.mjs);
// the GPU process stays on, so WebGL2 runs on SwiftShader as in the other WebGL benchmarks.
const FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const METRICS = {
  cls: "cumulative-layout-shift",
  lcp: "largest-contentful-paint",
  tbt: "total-blocking-time",
  fcp: "first-contentful-paint",
  si: "speed-index",
  bytes: "total-byte-weight",
};

const mobileApplied = {
  extends: "lighthouse:default",
  settings: { throttlingMethod: "devtools" },
};
const PRESETS = [
  ["desktop", desktopConfig],
  ["mobile", undefined],
  ["mobile-applied", mobileApplied],
];

function emit(fields, v) {
  const kv = Object.entries(fields).map(([k, x]) => `${k}=${x}`);
  console.log(`BENCH ${kv.join(" ")} value=${Number(v).toFixed(4)}`);
}

/// The audits of a category that cost points (weighted, score below 0.9), once per preset.
const told = new Set();
function tellLosses(preset, lhr) {
  for (const id of CATEGORIES) {
    const cat = lhr.categories[id];
    if (!cat || cat.score === 1) continue;
    for (const ref of cat.auditRefs) {
      const a = lhr.audits[ref.id];
      if (!a || ref.weight === 0 || a.score === null || a.score >= 0.9) continue;
      const key = `${preset} ${id} ${ref.id}`;
      if (told.has(key)) continue;
      told.add(key);
      const shown = a.displayValue ? ` (${a.displayValue})` : "";
      console.log(`# ${preset}: ${id} loses on \`${ref.id}\`: ${a.title}${shown}, score ${a.score}`);
    }
  }
}

async function lighthouseRuns(outDir) {
  for (const [preset, config] of PRESETS) {
    for (let run = 1; run <= RUNS; run++) {
      const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: FLAGS });
      try {
        const flags = { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES };
        const result = await lighthouse(URL_, flags, config);
        const lhr = result?.lhr;
        if (!lhr) throw new Error("no report");
        if (lhr.runtimeError) console.error(`[${preset} ${run}] runtime error: ${lhr.runtimeError.message}`);
        if (outDir) writeFileSync(join(outDir, `${preset}-${run}.json`), result.report);
        const f = { name: "lh", preset, run };
        for (const id of CATEGORIES) {
          const s = lhr.categories[id]?.score;
          if (typeof s === "number") emit({ ...f, metric: id }, s);
        }
        for (const [key, id] of Object.entries(METRICS)) {
          const v = lhr.audits[id]?.numericValue;
          if (typeof v === "number") emit({ ...f, metric: key }, v);
        }
        const timings = lhr.audits["user-timings"]?.details?.items ?? [];
        const mark = timings.find((t) => t.name === MARK);
        if (mark) emit({ ...f, metric: "first_map" }, mark.startTime);
        else console.error(`[${preset} ${run}] no ${MARK} among the user timings`);
        tellLosses(preset, lhr);
      } catch (e) {
        console.error(`[${preset} ${run}] failed: ${e.message}`);
        process.exitCode = 1;
      } finally {
        await chrome.kill();
      }
    }
  }
}

/// Records layout shifts and LCP candidates from the start of the page (injected before any page script).
function observeShifts() {
  const describe = (n) => {
    if (n && n.nodeType !== 1) n = n.parentElement;
    if (!n) return "?";
    const id = n.id ? `#${n.id}` : "";
    const cls = n.classList.length ? `.${[...n.classList].join(".")}` : "";
    const testid = n.dataset?.testid ? `[data-testid=${n.dataset.testid}]` : "";
    return `${n.tagName.toLowerCase()}${id}${cls}${testid}`;
  };
  window.__ecomapShifts = [];
  window.__ecomapLcp = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      const sources = (e.sources || []).map((s) => describe(s.node));
      window.__ecomapShifts.push({ value: e.value, at: e.startTime, sources });
    }
  }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__ecomapLcp.push({ at: e.startTime, size: e.size, node: describe(e.element) });
  }).observe({ type: "largest-contentful-paint", buffered: true });
}

/// The layout shifts and the LCP element of a loaded page, as notes.
async function tellShifts(page, label) {
  await page.waitForTimeout(1000); // shifts and paints after the first map, if any
  const { shifts, lcp } = await page.evaluate(() => ({ shifts: window.__ecomapShifts, lcp: window.__ecomapLcp }));
  const sum = shifts.reduce((s, x) => s + x.value, 0);
  console.log(`# unthrottled, ${label}: ${shifts.length} layout shifts, summed ${sum.toFixed(3)}`);
  for (const x of shifts.filter((x) => x.value >= 0.001)) {
    console.log(`# unthrottled, ${label}: shift ${x.value.toFixed(3)} at ${x.at.toFixed(0)} ms, moved: ${x.sources.join(", ")}`);
  }
  const last = lcp.at(-1);
  if (last) console.log(`# unthrottled, ${label}: the LCP element is ${last.node} (${last.size} px²) at ${last.at.toFixed(0)} ms`);
}

const VIEWPORTS = [
  ["1280x800", { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 }],
  ["412x823 (the mobile preset's screen)", { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true }],
];

/// Unthrottled: the first drawn map and the first view's bytes, RUNS fresh loads at 1280x800, then one at the
/// mobile preset's screen size for its layout shifts.
async function unthrottled() {
  const browser = await launchChromium({ webgl: true });
  try {
    for (let run = 1; run <= RUNS + 1; run++) {
      const [label, screen] = VIEWPORTS[run > RUNS ? 1 : 0];
      const context = await browser.newContext({ ...screen, locale: "en-US" });
      await context.addInitScript(observeShifts);
      const page = await context.newPage();
      page.on("pageerror", (e) => console.error(`[unthrottled ${run}] pageerror: ${e}`));
      page.on("console", (m) => m.type() === "error" && console.error(`[unthrottled ${run}] console.error: ${m.text()}`));
      try {
        await page.goto(URL_, { waitUntil: "load" });
        await page.waitForFunction((m) => performance.getEntriesByName(m, "mark").length > 0, MARK, {
          timeout: 60_000,
        });
        const got = await page.evaluate((m) => {
          const at = performance.getEntriesByName(m, "mark")[0].startTime;
          const nav = performance.getEntriesByType("navigation")[0];
          const files = [{ name: "index.html", bytes: nav.transferSize, raw: nav.decodedBodySize }];
          for (const r of performance.getEntriesByType("resource")) {
            if (r.responseEnd <= at) {
              files.push({ name: new URL(r.name).pathname.replace(/^\//, ""), bytes: r.transferSize, raw: r.decodedBodySize });
            }
          }
          const renderer = document.querySelector("[data-testid=map]")?.dataset.renderer ?? "?";
          return { at, files, renderer };
        }, MARK);
        if (run === 1 || run > RUNS) await tellShifts(page, label);
        if (run > RUNS) continue;
        console.log(`BENCH name=first_map_drawn run=${run} renderer=${got.renderer} ms=${got.at.toFixed(1)}`);
        const total = got.files.reduce((s, f) => s + f.bytes, 0);
        console.log(`BENCH name=first_view_bytes run=${run} files=${got.files.length} value=${total}`);
        if (run === 1) {
          for (const f of got.files) {
            console.log(`BENCH name=first_view_file file=${f.name} raw=${f.raw} value=${f.bytes}`);
          }
        }
      } catch (e) {
        console.error(`[unthrottled ${run}] failed: ${e.message}`);
        process.exitCode = 1;
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
}

const outDir = process.env.ECOMAP_LH_DIR || "";
if (outDir) mkdirSync(outDir, { recursive: true });
await unthrottled();
await lighthouseRuns(outDir);
