// Other exports: a broken one shows its report beside the valid rest; text from data is never markup;
// malformed JSON, a missing file, a missing or wrong basemap, a locally picked file and one over the size limit.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, openApp, waitReady, allowErrors } from "../helpers.mjs";
import { resultsCount, rowNames } from "./ui.mjs";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures");
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("a broken export shows the report with the valid rest", async () => {
  const { page } = browser;
  await openApp(page, "lang=en&data=fixtures/broken.json");
  const names = await rowNames(page);
  for (const n of ["Valid Alpha GmbH", "Valid Beta UG", "Far Away Ltd", "Ghost Tech AG"]) {
    assert.ok(names.includes(n), `${n} kept: ${names.join(" | ")}`);
  }
  assert.ok(!names.includes("Duplicate of Alpha"), "the duplicate is skipped");
  const badge = await page.textContent("[data-testid=report-badge]");
  assert.match(badge, /errors?/);
  assert.match(badge, /warnings?/);
  await page.click("[data-testid=report-badge]");
  const panel = await page.textContent("[data-testid=report-panel]");
  assert.match(panel, /\$\.actors\[3\]/, "duplicate reported with its JSON path");
  assert.match(panel, /ok-1/, "with its record id");
  assert.match(panel, /quantum/, "unknown technology named");
});

test("an actor named <img src=x onerror=alert(1)> renders as text and runs nothing", async () => {
  const { page } = browser;
  let dialogs = 0;
  page.on("dialog", async (d) => { dialogs += 1; await d.dismiss(); });
  await openApp(page, "lang=en&data=fixtures/broken.json&actor=xss");
  assert.ok((await rowNames(page)).includes("<img src=x onerror=alert(1)>"));
  assert.equal((await page.textContent("[data-testid=detail-title]")).trim(), "<img src=x onerror=alert(1)>");
  assert.equal(await page.$$eval("img", (imgs) => imgs.length), 0, "no <img> element was created");
  assert.equal(dialogs, 0);
});

test("malformed JSON: one clear error with line and column, and the page stays usable", async () => {
  const { page } = browser;
  await openApp(page, "lang=en&data=fixtures/malformed.json");
  const panel = await page.textContent("[data-testid=report-panel]");
  assert.match(panel, /line 3/i);
  assert.match(panel, /column/i);
  assert.equal(await resultsCount(page), 0);
  assert.ok(await page.isVisible("[data-testid=title]"));
});

test("a missing export says so, with the address", async () => {
  const { page } = browser;
  // The browser's own line about the failed download (the app shows its message in the page).
  allowErrors("console.error: Failed to load resource: the server responded with a status of 404 (Not Found)");
  await page.goto(`${process.env.ECOMAP_URL}/?lang=en&data=fixtures/nope.json`);
  await page.waitForSelector("[data-testid=load-error]");
  const text = await page.textContent("[data-testid=load-error]");
  assert.match(text, /404/);
  assert.match(text, /nope\.json/);
});

test("a missing or wrong basemap says so, names the file, and a retry recovers", async () => {
  const page = await browser.context.newPage();
  allowErrors("console.error: Failed to load resource: the server responded with a status of 404 (Not Found)");
  await page.route("**/data/basemap.geojson", (route) => route.fulfill({ status: 404, body: "" }));
  await page.goto(`${process.env.ECOMAP_URL}/?lang=en`);
  await page.waitForSelector("[data-testid=load-error]");
  let text = await page.textContent("[data-testid=load-error]");
  assert.match(text, /basemap\.geojson/);
  assert.match(text, /404/);
  assert.equal(await page.getAttribute("html", "data-ready"), "error");
  assert.ok(await page.isVisible("[data-testid=title]"), "the page is there, not blank");

  // A file that is not the basemap (here an empty collection) is refused by name, in German too.
  await page.unroute("**/data/basemap.geojson");
  await page.route("**/data/basemap.geojson", (route) =>
    route.fulfill({ status: 200, contentType: "application/geo+json", body: '{"type":"FeatureCollection","features":[]}' }),
  );
  await page.goto(`${process.env.ECOMAP_URL}/?lang=de`);
  await page.waitForSelector("[data-testid=load-error]");
  text = await page.textContent("[data-testid=load-error]");
  assert.match(text, /basemap\.geojson/);
  assert.match(text, /nicht die Karte der 30 Regionen \(sie enthält 0 davon\)/);

  // The real file again: the retry button loads the basemap and the export.
  await page.unroute("**/data/basemap.geojson");
  await page.click("[data-testid=load-error] button");
  await page.waitForFunction(() => document.documentElement.dataset.ready === "true");
  assert.ok((await rowNames(page)).length > 0);
  await page.close();
});

test("a picked file is read locally and replaces the data", async () => {
  const { page } = browser;
  await openApp(page, "lang=en");
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.setInputFiles("[data-testid=file-input]", join(fixtures, "broken.json"));
  await page.waitForFunction(() => document.querySelector("[data-testid=title]")?.textContent.includes("Broken test export"));
  await waitReady(page);
  assert.ok((await rowNames(page)).includes("Valid Alpha GmbH"));
  assert.deepEqual(requests.filter((u) => u.includes("broken.json")), [], "nothing was fetched or uploaded");
});

test("a file over the size limit is refused before a byte is read, with its size", async () => {
  const { page } = browser;
  await openApp(page, "lang=en");
  // 201 MiB made of one 1 MiB part repeated: the browser holds the part once, so the test stays light.
  await page.evaluate(() => {
    const part = new Blob([new Uint8Array(1024 * 1024).fill(32)]);
    const file = new File(Array(201).fill(part), "huge.json", { type: "application/json" });
    const input = document.querySelector("[data-testid=file-input]");
    const dt = new DataTransfer();
    dt.items.add(file);
    input.files = dt.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await page.waitForSelector("[data-testid=load-error]");
  const text = await page.textContent("[data-testid=load-error]");
  assert.match(text, /huge\.json/);
  assert.match(text, /201 MB or more; the limit is 200 MB, so it was not read/);
  // Had it been read, the importer would have refused it in the report panel instead (file-too-large).
  assert.equal(await page.getAttribute("html", "data-ready"), "error", "never stuck at preparing");
});

test("a trap in the wasm during an import (out of memory) ends in a message with the size, not at Preparing", async () => {
  const { page } = browser;
  await openApp(page, "lang=en");
  // What the app sets while importing, then the event a trap inside the import's task raises.
  await page.evaluate(() => {
    document.documentElement.dataset.importing = String(150 * 1024 * 1024);
    const reason = new WebAssembly.RuntimeError("unreachable");
    const promise = Promise.reject(reason);
    promise.catch(() => {});
    dispatchEvent(new PromiseRejectionEvent("unhandledrejection", { promise, reason }));
  });
  const text = await page.textContent("[data-testid=wasm-trap]");
  assert.match(text, /ran out of memory importing a file of 150 MB/);
  assert.equal(await page.getAttribute("html", "data-ready"), "error");
});

// One load at a time (src/load.rs, `Ticket`): the export at fixtures/slow/ is held by the test until the newer
// data shows, then delivered; it must never replace what came after it.
async function slowExport(page) {
  let release;
  const held = new Promise((r) => { release = r; });
  // The stale load cancels its body as soon as a chunk comes: the request then ends as aborted, not finished.
  const done = new Promise((resolve) => {
    const mine = (r) => { if (r.url().includes("/fixtures/slow/")) resolve(); };
    page.on("requestfinished", mine);
    page.on("requestfailed", mine);
  });
  await page.route("**/fixtures/slow/**", async (route) => {
    await held;
    await route.fulfill({ path: join(fixtures, "generated-30.json"), contentType: "application/json" });
  });
  // After the late response: its bytes read and the stale load's next steps given their turn.
  const deliver = async () => {
    release();
    await done;
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
  };
  return deliver;
}

const title = (page) => page.textContent("[data-testid=title]");

test("one load at a time: a slow download finishing after a picked file never replaces it", async () => {
  const { page } = browser;
  const deliver = await slowExport(page);
  await page.goto(`${process.env.ECOMAP_URL}/?lang=en&view=list&data=fixtures/slow/generated-30.json`);
  await page.waitForSelector("[data-testid=file-input]", { state: "attached" });
  await page.setInputFiles("[data-testid=file-input]", join(fixtures, "broken.json"));
  await page.waitForFunction(() => document.querySelector("[data-testid=title]")?.textContent.includes("Broken test export"));
  await waitReady(page);
  await deliver();
  assert.match(await title(page), /Broken test export/, "the picked file stays");
  assert.ok((await rowNames(page)).includes("Valid Alpha GmbH"));
  assert.equal(await page.getAttribute("html", "data-ready"), "true");
  assert.equal(await page.$("[data-testid=loading]"), null, "no progress bar of the old download");
});

test("one load at a time: back while a slow export downloads shows the page gone back to", async () => {
  const { page } = browser;
  const deliver = await slowExport(page);
  await openApp(page, "lang=en&view=list&data=fixtures/broken.json");
  // A link inside the app to another export (as a visitor follows one), then Back before it arrives.
  await page.evaluate(() => {
    history.pushState(null, "", "?lang=en&view=list&data=fixtures/slow/generated-30.json");
    dispatchEvent(new PopStateEvent("popstate"));
  });
  await page.waitForSelector("[data-testid=loading]");
  await page.goBack();
  await page.waitForFunction(() => document.querySelector("[data-testid=title]")?.textContent.includes("Broken test export"));
  await waitReady(page);
  await deliver();
  assert.match(await title(page), /Broken test export/, "the export of the page gone back to stays");
  assert.ok((await rowNames(page)).includes("Valid Alpha GmbH"));
  assert.match(page.url(), /data=fixtures%2Fbroken\.json|data=fixtures\/broken\.json/);
});
