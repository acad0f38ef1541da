// Soak benchmark: two minutes of a visitor (or a kiosk) switching views by their tabs, filtering and playing
// the timeline on the demo. Wasm memory never shrinks, so a leak shows as growth round after round; the app's
// own count of live WebGL contexts (`html[data-webgl-contexts]`, src/views/gl.rs) must never exceed the views
// on screen that draw with WebGL (one: the map or the network).
//
//   ECOMAP_URL=http://127.0.0.1:PORT node soak.mjs          (SOAK_SECONDS overrides the 120 s)
//
// Prints one line per round: `BENCH data=demo name=soak round=N wasm_mb=X contexts_max=Y ms=ELAPSED`, and a
// summary `BENCH data=demo name=soak_summary ...`. Fails (exit 1) on a panic, an uncaught error or a console
// error, like the end-to-end tests.
import { launchChromium } from "./lib/chromium.mjs";

const base = (process.env.ECOMAP_URL || "").replace(/\/+$/, "");
if (!base) {
  console.error("ECOMAP_URL is not set");
  process.exit(2);
}
const SECONDS = Number(process.env.SOAK_SECONDS || 120);
const WALK = ["map", "network", "charts", "list", "network", "map", "charts", "network", "list", "charts", "map", "list"];
const ROOTS = { map: "[data-testid=map]", network: "[data-testid=network-view]", charts: "[data-testid=charts]" };

const browser = await launchChromium({ webgl: true });
const problems = [];
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, locale: "en-US" });
  const page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && problems.push(`console.error: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${base}/?view=list&lang=en`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "true", undefined, { timeout: 60_000 });
  // The wasm instance's exports (wasm-bindgen's init returns the running instance's exports when called again).
  const wasmMb = () =>
    page.evaluate(async () => {
      const el = document.querySelector("script[data-ecomap-loader]");
      const mod = await import(new URL(el.dataset.js, document.baseURI).href);
      const exports = await mod.default();
      return exports.memory.buffer.byteLength / 2 ** 20;
    });
  const contexts = () => page.evaluate(() => Number(document.documentElement.dataset.webglContexts ?? 0));
  const t0 = Date.now();
  const rounds = [];
  let contextsMax = 0;
  for (let round = 1; Date.now() - t0 < SECONDS * 1000; round++) {
    for (const v of WALK) {
      await page.click(`[data-testid=tab-${v}]`);
      if (v === "list") await page.waitForSelector("[data-testid=result-row]");
      else await page.waitForSelector(`${ROOTS[v]}[data-drawn=true]`, { timeout: 60_000 });
      contextsMax = Math.max(contextsMax, await contexts());
      // Filter on every other view: tick or untick the first technology.
      if (v !== "list") await page.click("[data-testid=facet-technology] input[type=checkbox] >> nth=0");
    }
    // Play the timeline for a few steps, then stop it.
    const play = page.locator("[data-testid=timeline-play]");
    if (await play.count()) {
      await play.click();
      await page.waitForTimeout(1500);
      if ((await play.getAttribute("aria-pressed")) === "true") await play.click();
    }
    const mb = await wasmMb();
    rounds.push(mb);
    console.log(`BENCH data=demo name=soak round=${round} wasm_mb=${mb.toFixed(2)} contexts_max=${contextsMax} ms=${Date.now() - t0}`);
    if (problems.length) break;
  }
  const overlay = await page.$("#panic-overlay");
  if (overlay) problems.push("the panic overlay is on screen");
  // Growth after the first rounds: the last round against the third (the first rounds fill caches and pools).
  const ref = rounds[Math.min(2, rounds.length - 1)];
  const growth = rounds[rounds.length - 1] - ref;
  console.log(
    `BENCH data=demo name=soak_summary rounds=${rounds.length} wasm_mb_first=${rounds[0].toFixed(2)} ` +
      `wasm_mb_round3=${ref.toFixed(2)} wasm_mb_last=${rounds[rounds.length - 1].toFixed(2)} ` +
      `growth_after_round3_mb=${growth.toFixed(2)} contexts_max=${contextsMax} ms=${Date.now() - t0}`,
  );
  await context.close();
} finally {
  await browser.close();
}
if (problems.length) {
  console.error(`soak: errors in the page:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
