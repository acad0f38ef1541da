// The charts view: click-to-filter on a year bar, SVG export, money per language, the timeline's play button,
// data text never becoming markup, and the ecomap:charts measure. One browser for the file.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { launch, openApp } from "../helpers.mjs";
import { resultsCount } from "./ui.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const drawn = (page) => page.waitForSelector("[data-testid=charts][data-drawn=true] [data-testid=chart-volume-by-year] svg");
const chart = (id) => `[data-testid=chart-${id}]`;

/** Clicks the column of `year` in the per-year volume chart (on its axis label, which is part of the column). */
async function clickYearBar(page, year) {
  const label = page.locator(`${chart("volume-by-year")} [data-testid=chart-svg] svg text`, { hasText: new RegExp(`^\\s*${year}\\s*$`) });
  await label.first().click();
}

test("clicking a year bar filters the list and records the year in the URL", async () => {
  const { page } = browser;
  await openApp(page, "view=charts&lang=en");
  await drawn(page);
  const all = await resultsCount(page);
  await clickYearBar(page, 2019);
  await page.waitForURL(/years=2019-2019/);
  await page.waitForFunction((n) => {
    const t = document.querySelector("[data-testid=results-count]")?.textContent ?? "";
    return Number(t.replace(/[^\d]/g, "")) !== n;
  }, all);
  assert.ok((await resultsCount(page)) < all, "actors founded after 2019 leave the list");
  assert.match(await page.textContent(`${chart("volume-by-year")} [data-testid=chart-summary]`), /^2019: /);
  // Clicking the chosen year again clears it.
  await clickYearBar(page, 2019);
  await page.waitForFunction(() => !location.search.includes("years="));
  assert.equal(await resultsCount(page), all);
});

test("the exported SVG is valid XML and contains the selected totals", async () => {
  const { page } = browser;
  await openApp(page, "view=charts&lang=en&years=2024-2024");
  await drawn(page);
  const volume = (await page.textContent("[data-testid=headline-volume] dd")).trim();
  const projects = (await page.textContent("[data-testid=headline-projects] dd")).trim();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click(`${chart("volume-by-year")} [data-testid=export-svg]`),
  ]);
  assert.match(download.suggestedFilename(), /^ecomap-volume-by-year_years-2024-2024\.svg$/);
  const svg = await readFile(await download.path(), "utf8");
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    return {
      error: doc.getElementsByTagName("parsererror").length,
      root: doc.documentElement.nodeName,
      text: doc.documentElement.textContent,
    };
  }, svg);
  assert.equal(parsed.error, 0, "no parsererror");
  assert.equal(parsed.root, "svg");
  assert.ok(parsed.text.includes(`2024: ${projects} projects, ${volume}`), `totals ${projects} / ${volume} in the SVG`);
});

test("the PNG export is drawn at devicePixelRatio x 2", async () => {
  const { page } = browser;
  await openApp(page, "view=charts&lang=en");
  await drawn(page);
  const cssWidth = await page.$eval(`${chart("top-actors")} [data-testid=chart-svg] svg`, (s) => Number(s.getAttribute("width")));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click(`${chart("top-actors")} [data-testid=export-png]`),
  ]);
  assert.match(download.suggestedFilename(), /^ecomap-top-actors\.png$/);
  const png = await readFile(await download.path());
  assert.equal(png.subarray(1, 4).toString("latin1"), "PNG");
  assert.equal(png.readUInt32BE(16), cssWidth * 2, "width in device pixels (DPR 1 x 2)");
});

test("switching the language reformats the money in the charts", async () => {
  const { page } = browser;
  await openApp(page, "view=charts&lang=en");
  await drawn(page);
  const summary = `${chart("volume-by-year")} [data-testid=chart-summary]`;
  assert.match(await page.textContent(summary), /€68\.9M/);
  assert.ok(await page.locator(`${chart("volume-by-year")} svg text`, { hasText: "€68.9M" }).count() > 0, "direct label on the 2025 column");
  await page.click("[data-testid=lang-de]");
  await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes("68,9 Mio. €"), summary);
  assert.ok(await page.locator(`${chart("volume-by-year")} svg text`, { hasText: "68,9 Mio. €" }).count() > 0);
  assert.equal(await page.locator(`${chart("volume-by-year")} svg text`, { hasText: "€68.9M" }).count(), 0);
});

test("pressing play advances the year and the headline tiles change", async () => {
  const { page } = browser;
  await openApp(page, "view=charts&lang=en&years=2019-2019");
  await drawn(page);
  assert.equal((await page.textContent("[data-testid=timeline-year]")).trim(), "2019");
  const before = await page.textContent("[data-testid=headline-projects]");
  await page.click("[data-testid=timeline-play]");
  await page.waitForFunction(() => document.querySelector("[data-testid=timeline-year]")?.textContent.trim() === "2020");
  await page.waitForURL(/years=2020-2020/);
  assert.notEqual(await page.textContent("[data-testid=headline-projects]"), before);
  assert.equal(await page.getAttribute("[data-testid=timeline-play]", "aria-pressed"), "true");
  await page.click("[data-testid=timeline-play]");
  assert.equal(await page.getAttribute("[data-testid=timeline-play]", "aria-pressed"), "false");
  // Arrow keys step the slider, on every view.
  await page.click("[data-testid=tab-list]");
  const year = Number((await page.textContent("[data-testid=timeline-year]")).trim());
  await page.focus("[data-testid=timeline-slider]");
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction((y) => document.querySelector("[data-testid=timeline-year]")?.textContent.trim() === String(y + 1), year);
});

test("a table view offers every bar as a button; actor names stay text", async () => {
  const { page } = browser;
  // broken.json has an actor named <img src=x onerror=alert(1)> (and import problems the app reports).
  await openApp(page, "view=charts&lang=en&data=fixtures/broken.json");
  await page.waitForSelector("[data-testid=charts][data-drawn=true]");
  assert.equal(await page.locator(".chart-svg img, .chart-table img").count(), 0, "no element made from a name");
  await page.click(`${chart("volume-by-technology")} [data-testid=toggle-table]`);
  const row = page.locator(`${chart("volume-by-technology")} [data-testid=chart-table] tbody button`).first();
  await row.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/tech=/);
});

test("the charts record their redraw time", async () => {
  const { page } = browser;
  await openApp(page, "view=charts&lang=en");
  await drawn(page);
  await clickYearBar(page, 2022);
  await page.waitForURL(/years=2022-2022/);
  const n = await page.evaluate(() => performance.getEntriesByName("ecomap:charts", "measure").length);
  assert.ok(n >= 2, "one measure per redraw");
});
