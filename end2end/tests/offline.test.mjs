// Offline (docs/presenting.md, "Offline and USB"): the only browser test with the service worker allowed.
// A first visit online keeps the app and its export (and Chromium finds the app installable); with the network cut, a reload shows the app, the map
// and the offline note with the export's date, and an ecosystem profile (its files kept at install); back online, a changed export is what the next start shows
// (and what the cache keeps from then on).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, rmSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, openApp, waitReady } from "../helpers.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const FILE = "offline-export.generated.json";
const path = join(here, "..", "fixtures", FILE);
const demo = JSON.parse(readFileSync(join(here, "..", "..", "public", "data", "demo.json"), "utf8"));

/** The demo export under another title and date. */
function writeExport(title, date) {
  writeFileSync(path, JSON.stringify({ ...demo, meta: { ...demo.meta, title: { de: title, en: title }, date } }));
}

let browser;
after(async () => {
  await browser?.close();
  rmSync(path, { force: true });
});

/** Waits (up to 30 s) until the service worker is active and keeps `url` (relative to the page). */
async function waitKept(page, url) {
  const kept = await page.evaluate(async (u) => {
    const href = new URL(u, document.baseURI).href;
    for (let i = 0; i < 300; i++) {
      const reg = await navigator.serviceWorker.getRegistration();
      if (reg?.active?.state === "activated" && (await caches.match(href, { ignoreVary: true }))) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  }, url);
  assert.ok(kept, `the service worker keeps ${url}`);
}

const title = (page) => page.textContent("[data-testid=title]");

async function mapDrawn(page) {
  await page.waitForSelector("[data-testid=map][data-drawn=true]");
  return Number(await page.getAttribute("[data-testid=map]", "data-markers"));
}

test("after a first visit the app starts offline with its data, and a new export replaces the kept one", async () => {
  writeExport("Offline test A", "2026-01-15");
  browser = await launch({ serviceWorkers: "allow" });
  const { context, page } = browser;
  const query = `lang=en&view=map&data=fixtures/${FILE}`;
  await openApp(page, query);
  assert.match(await title(page), /Offline test A/);
  assert.equal(await page.$("[data-testid=offline-note]"), null, "no note online");
  await waitKept(page, `fixtures/${FILE}`);
  await waitKept(page, "data/basemap.geojson");
  // The insight views' files, which the page itself has not asked for yet.
  await waitKept(page, "ecomap-insight-worker_bg.wasm");
  await waitKept(page, "insight.js");
  // Installable: Chromium finds nothing missing (manifest, icons, start URL, the worker).
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  assert.deepEqual(installabilityErrors, [], "Chromium would offer to install the app");

  await context.setOffline(true);
  await page.reload();
  await waitReady(page);
  assert.match(await title(page), /Offline test A/, "the kept export");
  assert.ok((await mapDrawn(page)) > 0, "the map draws its markers offline");
  const note = page.locator("[data-testid=offline-note]");
  assert.equal((await note.textContent()).trim(), "Offline – data as of 2026-01-15");
  // An ecosystem profile, never opened online, works offline too (its worker imports the kept export).
  const at = (view, technology) => {
    const u = new URL(page.url());
    u.searchParams.set("view", view);
    if (technology) u.searchParams.set("technology", technology);
    else u.searchParams.delete("technology");
    return u.href;
  };
  await page.goto(at("profile", "ai"));
  await page.waitForSelector("[data-testid=profile][data-final=true] [data-testid=profile-central] tbody tr", { timeout: 60_000 });
  // Back to the map, so that the reloads below do not cut a profile's worker short while it starts.
  await page.goto(at("map"));
  assert.match(page.url(), /view=map/);
  await waitReady(page);

  // Online again, with a changed export on the server: the next start shows it, without the note.
  writeExport("Offline test B", "2026-02-20");
  await context.setOffline(false);
  await page.reload();
  await waitReady(page);
  assert.match(await title(page), /Offline test B/, "the new export");
  assert.equal(await page.$("[data-testid=offline-note]"), null);

  // And the cache keeps the new one: offline again, still B, in German too.
  await context.setOffline(true);
  await page.goto(page.url().replace("lang=en", "lang=de"));
  await waitReady(page);
  assert.match(await title(page), /Offline test B/);
  assert.equal((await note.textContent()).trim(), "Offline – Daten vom 2026-02-20");
  await context.setOffline(false);
});
