// The printed report (docs/report.md): headless Chromium prints each view to an A4 PDF, as "Print / save as
// PDF" does; poppler's pdftotext reads the PDF's text and pdfimages lists its pictures. Each page is also drawn
// as a PNG into end2end/test-results/print/ for a look (not compared).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { join, dirname } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { launch, openApp } from "../helpers.mjs";

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "test-results", "print");
const work = mkdtempSync(join(tmpdir(), "ecomap-print-"));
let browser;
before(async () => {
  mkdirSync(out, { recursive: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Prints the page to an A4 PDF; returns its text (pages in order), its number of pictures and of pages. */
async function print(page, name) {
  // As the print dialog does, Chromium's printing sends `beforeprint` (the canvases become pictures, the charts
  // show their tables), lays the page out for print, and sends `afterprint`.
  const pdf = join(work, `${name}.pdf`);
  writeFileSync(pdf, await page.pdf({ format: "A4", printBackground: true }));
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  const images = execFileSync("pdfimages", ["-list", pdf], { encoding: "utf8" }).trim().split("\n").length - 2;
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))[1]);
  execFileSync("pdftoppm", ["-png", "-r", "60", pdf, join(out, name)]);
  return { text, images, pages };
}

/** The report's head on every printout: title, figures, the data's date, the selection, the link back. */
function assertHead(text, { view, selection }) {
  assert.match(text, /ICT, Media and Creative Industries/, "the export's title");
  assert.match(text, /\d+\s+projects in 2025\s+€[\d.]+M volume/, "the headline figures");
  assert.match(text, /Data as of: \d{4}-\d{2}-\d{2}/, "the data's date");
  assert.match(text, new RegExp(`Selection: ${view}[^\\n]*${selection}`), "the selection written out");
  assert.match(text, /Link: http:\/\/127\.0\.0\.1:\d+\/\?/, "the link back");
  assert.doesNotMatch(text, /Print \/ save as PDF|\bShare\b|Settings/, "no screen controls");
}

test("the map prints as a picture under the report's head", async () => {
  const { page } = browser;
  await openApp(page, "lang=en&view=map&tech=ai");
  await page.waitForSelector("[data-testid=map][data-drawn=true]");
  const { text, images, pages } = await print(page, "map");
  assertHead(text, { view: "Map", selection: "Technology field: Artificial Intelligence" });
  assert.equal(images, 1, `one picture of the map (${images})`);
  assert.equal(pages, 1, "one A4 page");
  // The picture has the map in it: not one colour (the picture print.js makes, looked at on the page).
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  const colours = await page.$eval("[data-testid=print-snapshot]", async (img) => {
    await img.decode();
    const c = document.createElement("canvas");
    [c.width, c.height] = [img.naturalWidth, img.naturalHeight];
    const ctx = c.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 4 * 97) seen.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
    return seen.size;
  });
  await page.evaluate(() => dispatchEvent(new Event("afterprint")));
  assert.ok(colours > 20, `the map's picture shows the map (${colours} colours)`);
  assert.equal(await page.$("[data-testid=print-snapshot]"), null, "the pictures go after printing");
});

test("the network prints as a picture; the charts as vector graphics with their tables", async () => {
  const { page } = browser;
  await openApp(page, "lang=en&view=network");
  await page.waitForSelector("[data-testid=network-view][data-drawn=true]");
  const net = await print(page, "network");
  assertHead(net.text, { view: "Network", selection: "" });
  assert.equal(net.images, 1, `one picture of the network (${net.images})`);

  await page.click("[data-testid=tab-charts]");
  await page.waitForSelector("[data-testid=charts][data-drawn=true]");
  const charts = await print(page, "charts");
  assertHead(charts.text, { view: "Charts", selection: "" });
  assert.equal(charts.images, 0, "the charts are vector graphics, not pictures");
  const titles = await page.$$eval("[data-testid=charts] h3", (hs) => hs.map((h) => h.textContent.trim()));
  assert.ok(titles.length >= 6, `the charts (${titles.length})`);
  for (const t of titles) assert.ok(charts.text.includes(t), `chart "${t}" printed`);
  assert.match(charts.text, /Total/, "the charts' tables are printed");
  assert.match(charts.text, /\n\s*2025\s+42\s+56\s+98\s*\n/, "with their rows' years (2025: 42 new, 56 ongoing, 98)");
  assert.equal(await page.$("[data-testid=chart-table]"), null, "the tables close again after printing");
});

/** The insight view `sel` with its last answer (centrality included) rendered. */
const complete = (page, sel) => page.waitForSelector(`${sel}[data-final=true] .insight-section`, { timeout: 60_000 });

test("the ecosystem profile and the comparison print with every section, their charts as vector graphics", async () => {
  const { page } = browser;
  await openApp(page, "lang=en&view=profile&technology=ai");
  await complete(page, "[data-testid=profile]");
  const profile = await print(page, "profile");
  assertHead(profile.text, { view: "Ecosystem profile", selection: "" });
  assert.match(profile.text, /Ecosystem profile: Artificial Intelligence/);
  for (const heading of ["Over the years", "Most central actors", "Regions", "Neighbour technologies"]) {
    assert.ok(profile.text.includes(heading), `section "${heading}" printed`);
  }
  assert.match(profile.text, /Betweenness (computed exactly|estimated from)/, "the centrality's method");
  // The tables' names print (they are buttons on screen), the links to other views do not.
  const central = (await page.locator("[data-testid=profile-central] tbody tr button").first().textContent()).trim();
  assert.ok(profile.text.includes(central), `the most central actor "${central}" printed`);
  assert.doesNotMatch(profile.text, /Compare with/);
  assert.equal(profile.images, 0, "the chart and the map are vector graphics, not pictures");

  await openApp(page, "lang=en&view=compare&compare=ai,iot");
  await complete(page, "[data-testid=compare]");
  const cmp = await print(page, "compare");
  assertHead(cmp.text, { view: "Comparison", selection: "" });
  assert.match(cmp.text, /Comparison: Artificial Intelligence · Internet of Things/);
  for (const heading of ["Over the years", "Overlap", "Actors active in several", "Shared projects", "Most central actors", "Regions"]) {
    assert.ok(cmp.text.includes(heading), `section "${heading}" printed`);
  }
  const shared = (await page.locator("[data-testid=compare-shared] tbody tr button").first().textContent()).trim();
  assert.ok(cmp.text.includes(shared), `a shared actor "${shared}" printed`);
  assert.equal(cmp.images, 0, "the UpSet chart is a vector graphic");
  assert.ok(cmp.pages >= 2, `${cmp.pages} pages`);
});
