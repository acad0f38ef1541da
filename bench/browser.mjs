// Browser benchmark of the release build, run by `cargo xtask bench` (which builds dist/, generates
// exports into dist/data/gen-N.json, serves dist/ on 127.0.0.1 and passes ECOMAP_URL).
//
//   node browser.mjs LABEL=QUERY ...      e.g.  demo=  gen-50000=data=data/gen-50000.json
//
// For each dataset: open `${ECOMAP_URL}/?QUERY`, wait for html[data-ready="true"], print every
// `performance.measure` named `ecomap:*`; then drive filter changes (first checkbox of
// [data-testid=facet-technology], typing into [data-testid=search]) and print the `ecomap:filter`
// measures. Output lines: `BENCH data=LABEL name=MEASURE ms=X` (xtask parses them).
import { launchChromium } from "./lib/chromium.mjs";

const base = (process.env.ECOMAP_URL || "").replace(/\/+$/, "");
if (!base) {
  console.error("ECOMAP_URL is not set (run `cargo xtask bench`)");
  process.exit(2);
}
const READY_TIMEOUT = 180_000;
const FILTER_TIMEOUT = 20_000;

const datasets = process.argv.slice(2).map((a) => {
  const i = a.indexOf("=");
  return { label: a.slice(0, i), query: a.slice(i + 1) };
});

function emit(label, name, ms) {
  console.log(`BENCH data=${label} name=${name} ms=${ms.toFixed(3)}`);
}

const measures = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType("measure")
      .filter((m) => m.name.startsWith("ecomap:"))
      .map((m) => ({ name: m.name, duration: m.duration })),
  );

const filterCount = (page) =>
  page.evaluate(() => performance.getEntriesByType("measure").filter((m) => m.name === "ecomap:filter").length);

async function waitFilters(page, n) {
  await page.waitForFunction(
    (n) => performance.getEntriesByType("measure").filter((m) => m.name === "ecomap:filter").length >= n,
    n,
    { timeout: FILTER_TIMEOUT },
  );
}

async function runDataset(browser, { label, query }) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    reducedMotion: "reduce",
    locale: "en-US",
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`[${label}] pageerror: ${e}`));
  page.on("console", (m) => m.type() === "error" && console.error(`[${label}] console.error: ${m.text()}`));
  try {
    const url = query ? `${base}/?${query}` : `${base}/`;
    console.error(`[${label}] opening ${url}`);
    await page.goto(url, { waitUntil: "load" });
    const handle = await page.waitForFunction(
      () => {
        const r = document.documentElement.dataset.ready;
        return r === "true" || r === "error" ? r : false;
      },
      undefined,
      { timeout: READY_TIMEOUT },
    );
    const state = await handle.jsonValue();
    if (state !== "true") throw new Error(`data-ready="${state}"`);
    for (const m of await measures(page)) {
      if (m.name !== "ecomap:filter") emit(label, m.name, m.duration);
    }

    // Filter changes (only on the generated exports; the demo gives the first-results figure).
    if (label !== "demo") {
      let before = await filterCount(page);
      const box = page.locator("[data-testid=facet-technology] input[type=checkbox]").first();
      if ((await box.count()) > 0) {
        for (let i = 0; i < 2; i++) {
          await box.click();
          await waitFilters(page, ++before).catch((e) => console.error(`[${label}] facet: ${e.message}`));
          before = await filterCount(page);
        }
      } else {
        console.error(`[${label}] no [data-testid=facet-technology] checkbox: facet change not measured`);
      }
      const search = page.locator("[data-testid=search]").first();
      if ((await search.count()) > 0) {
        for (const text of ["ber", ""]) {
          await search.fill(text);
          await waitFilters(page, before + 1).catch((e) => console.error(`[${label}] search: ${e.message}`));
          before = await filterCount(page);
        }
        await search.pressSequentially("tech", { delay: 50 });
        await waitFilters(page, before + 1).catch((e) => console.error(`[${label}] typing: ${e.message}`));
      } else {
        console.error(`[${label}] no [data-testid=search]: search not measured`);
      }
      for (const m of await measures(page)) {
        if (m.name === "ecomap:filter") emit(label, m.name, m.duration);
      }
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
  for (const d of datasets) await runDataset(browser, d);
} finally {
  await browser.close();
}
