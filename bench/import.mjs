// Import in the browser, run by `cargo xtask bench import` (the release build in dist/, exports generated into
// dist/data/gen-N.json, served on 127.0.0.1, ECOMAP_URL passed):
//
//   node import.mjs LABEL=PATH ...      e.g.  gen-50000=data/gen-50000.json
//
// For each export, RUNS fresh pages: open `?view=list&data=PATH`, wait for html[data-ready="true"], read the
// `ecomap:import` and `ecomap:index` measures and the wasm memory's size (it never shrinks, so it is the
// peak). Output lines: `BENCH data=LABEL run=N import=MS index=MS memory_mb=MB`.
import { launchChromium } from "./lib/chromium.mjs";

const base = (process.env.ECOMAP_URL || "").replace(/\/+$/, "");
if (!base) {
  console.error("ECOMAP_URL is not set (run `cargo xtask bench import`)");
  process.exit(2);
}
const RUNS = Number(process.env.ECOMAP_BENCH_RUNS || 3);

const browser = await launchChromium();
let failed = false;
for (const arg of process.argv.slice(2)) {
  const [label, path] = arg.split("=");
  for (let run = 1; run <= RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.on("pageerror", (e) => console.error(`[${label}] pageerror: ${e}`));
    try {
      await page.goto(`${base}/?view=list&lang=en&data=${encodeURIComponent(path)}`);
      await page.waitForFunction(() => document.documentElement.dataset.ready === "true", undefined, {
        timeout: 180_000,
      });
      const r = await page.evaluate(async () => {
        const m = (name) => performance.getEntriesByName(name, "measure").map((e) => e.duration)[0] ?? NaN;
        const el = document.querySelector("script[data-ecomap-loader]");
        const mod = await import(new URL(el.dataset.js, document.baseURI).href);
        const exports = await mod.default();
        return { import: m("ecomap:import"), index: m("ecomap:index"), mb: exports.memory.buffer.byteLength / 2 ** 20 };
      });
      console.log(
        `BENCH data=${label} run=${run} import=${r.import.toFixed(1)} index=${r.index.toFixed(1)} memory_mb=${r.mb.toFixed(1)}`,
      );
    } catch (e) {
      failed = true;
      console.error(`[${label}] run ${run} failed: ${e}`);
    } finally {
      await context.close();
    }
  }
}
await browser.close();
process.exit(failed ? 1 : 0);
