// Hostile data in every output (issue 16, item 10): an export whose every text field looks like markup or
// script (fixtures/hostile-all.json: names, descriptions, project titles, the export's title and source,
// websites with javascript:, data:, vbscript: and an attribute break-out) is shown in every view by its tab, in
// the detail of every actor, in the search suggestions and the tooltip; nothing runs, no dialog opens, no
// element or attribute comes from the data, no javascript: link exists, and the names read as text.
// (The charts' SVG path has its own deeper test: charts-hostile.test.mjs.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { launch, openApp, allowErrors } from "../helpers.mjs";

let browser;
before(async () => {
  browser = await launch({ viewport: { width: 1440, height: 900 } });
});
after(async () => {
  await browser?.close();
});

const EXPORT = JSON.parse(await readFile(new URL("../fixtures/hostile-all.json", import.meta.url), "utf8"));

/** What the page must never hold: scripts beyond the app's own, frames, payload images, handlers, script links. */
function scan() {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    if (["iframe", "object", "embed", "foreignobject", "base", "meta"].includes(tag) && !el.closest("head")) found.push(tag);
    if (tag === "script" && !el.closest("head")) found.push("script in body");
    if (tag === "style" && !el.closest("head")) found.push("style in body");
    for (const a of el.attributes) {
      if (a.name.startsWith("on")) found.push(`${tag}[${a.name}]`);
      if (["href", "src", "xlink:href", "action", "formaction"].includes(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value)) {
        if (!(tag === "link" && a.value.startsWith("data:,"))) found.push(`${tag}[${a.name}=${a.value.slice(0, 30)}]`);
      }
    }
  }
  return { found, pwned: window.__pwned ?? null };
}

test("every view, every detail, the search and the tooltip show hostile data as text; nothing runs", async () => {
  const { page } = browser;
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    return d.dismiss();
  });
  // Payload URLs the data names (<img src=x>, /pwned.js) must never be requested.
  const payloads = [];
  page.on("request", (r) => /\/(x|pwned\.js)(\?|$)/.test(new URL(r.url()).pathname) && payloads.push(r.url()));
  await openApp(page, "view=list&lang=en&data=fixtures/hostile-all.json");
  // The export's title is text in the header.
  assert.equal(await page.textContent(".app-header [data-testid=title]"), EXPORT.meta.title.en);
  for (const view of ["map", "network", "charts", "list", "map"]) {
    await page.click(`[data-testid=tab-${view}]`);
    const root = { map: "[data-testid=map][data-drawn=true]", network: "[data-testid=network-view][data-drawn=true]", charts: "[data-testid=charts][data-drawn=true]", list: "[data-testid=result-row]" }[view];
    await page.waitForSelector(root);
    assert.deepEqual(await page.evaluate(scan), { found: [], pwned: null }, `view ${view}`);
  }
  // Every actor's detail: its name as the heading's text, no link from a non-http website.
  for (const a of EXPORT.actors) {
    await page.evaluate((id) => {
      const u = new URL(location.href);
      u.searchParams.set("actor", id);
      history.pushState(null, "", u);
      dispatchEvent(new PopStateEvent("popstate"));
    }, a.id);
    await page.waitForSelector("[data-testid=detail] h2");
    assert.equal(await page.textContent("[data-testid=detail] h2"), a.name, a.id);
    const links = await page.$$eval("[data-testid=detail] a[href]", (as) => as.map((x) => x.href));
    assert.ok(links.every((h) => /^https?:/.test(h)), `${a.id}: ${links}`);
    assert.deepEqual(await page.evaluate(scan), { found: [], pwned: null }, `detail of ${a.id}`);
  }
  // The search box's suggestions show the names as text.
  await page.fill("[role=combobox]", "Gamma");
  await page.waitForSelector("[data-testid=search-suggestions] [role=option]");
  assert.match(await page.textContent("[data-testid=search-suggestions]"), /<style>\*\{display:none\}<\/style>Gamma/);
  assert.deepEqual(await page.evaluate(scan), { found: [], pwned: null }, "search suggestions");
  await page.keyboard.press("Escape");
  // The map's tooltip over a marker.
  await page.click("[data-testid=tab-map]");
  await page.waitForSelector("[data-testid=map][data-drawn=true]");
  const item = await page.$eval("[data-testid=map-item]", (e) => ({ x: Number(e.dataset.x), y: Number(e.dataset.y) }));
  const box = await page.locator("[data-testid=map-stage]").boundingBox();
  await page.mouse.move(box.x + item.x + 1, box.y + item.y + 1);
  await page.waitForSelector("[data-testid=map-tooltip]:not([hidden])").catch(() => {});
  assert.deepEqual(await page.evaluate(scan), { found: [], pwned: null }, "tooltip");
  assert.deepEqual(dialogs, [], "no dialog opened");
  assert.deepEqual(payloads, [], "no payload was requested");
});
