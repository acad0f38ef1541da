// The page's shell: the map is the start view and every link names its view; active filters show as chips
// above every view, and removing one updates the list and the view on screen; nothing in the list looks
// chosen before the visitor chooses.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp, allowErrors } from "../helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("the app opens on the map and the URL says so; a list link stays a list link", async () => {
  const { page } = browser;
  await openApp(page, "lang=en");
  assert.equal(await page.getAttribute("[data-testid=tab-map]", "aria-selected"), "true");
  await page.waitForSelector("[data-testid=map][data-drawn=true]");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("view") === "map");
  await openApp(page, "view=list&lang=en");
  assert.equal(await page.getAttribute("[data-testid=tab-list]", "aria-selected"), "true");
  assert.equal(await page.$("[data-testid=map]"), null);
  // Nothing looks chosen: the keyboard's row is marked only while the list has the focus.
  const bg = await page.$eval("[data-testid=result-row]", (r) => getComputedStyle(r).boxShadow);
  assert.equal(bg, "none");
});

test("active filters show as chips above every view; removing one updates the list and the view", async () => {
  const { page } = browser;
  await openApp(page, "view=network&lang=en&tech=ai&kind=startup&years=2024");
  const chips = page.locator("[data-testid=filter-chip]");
  await chips.first().waitFor();
  assert.equal(await chips.count(), 3);
  const texts = await chips.allTextContents();
  assert.ok(texts.some((t) => /Artificial Intelligence/.test(t)), texts.join(" | "));
  assert.ok(texts.some((t) => /Start-up/.test(t)));
  assert.ok(texts.some((t) => /2024/.test(t)));
  await page.waitForSelector("[data-testid=network-view][data-drawn=true]");
  const before = {
    count: await page.textContent("[data-testid=results-count]"),
    visible: await page.getAttribute("[data-testid=network-view]", "data-visible-count"),
  };
  // Remove the kind: more actors in the list and more nodes shown in the network.
  await page.click("[data-testid=filter-chip]:has-text('Start-up') button");
  await page.waitForFunction((c) => document.querySelector("[data-testid=results-count]")?.textContent !== c, before.count);
  assert.equal(await chips.count(), 2);
  assert.equal(new URL(page.url()).searchParams.get("kind"), null);
  await page.waitForFunction(
    (v) => Number(document.querySelector("[data-testid=network-view]")?.dataset.visibleCount) > Number(v),
    before.visible,
  );
  // Clear all: no chip, no filter.
  await page.click("[data-testid=chips-clear]");
  await page.waitForFunction(() => !document.querySelector("[data-testid=filter-chips]"));
  assert.equal(new URL(page.url()).searchParams.get("tech"), null);
});

test("before the WebAssembly runs the page shows its skeleton (JavaScript off), and the app replaces it", async () => {
  const noJs = await launch({ javaScriptEnabled: false });
  // Without JavaScript the browser still sees the app's module preload and refuses it (a CSP report).
  const html = await (await fetch(`${process.env.ECOMAP_URL}/`)).text();
  const js = html.match(/data-js="\.\/([^"]+\.js)"/)?.[1];
  allowErrors(`requestfailed: /${js} csp`);
  try {
    await noJs.page.goto(`${process.env.ECOMAP_URL}/?lang=en`, { waitUntil: "load" });
    assert.ok(await noJs.page.isVisible("#skeleton .app-title"), "the title is painted without the wasm");
    assert.ok(await noJs.page.isVisible("[data-testid=skeleton-view]"));
  } finally {
    await noJs.close();
  }
  const { page } = browser;
  await openApp(page, "lang=en");
  assert.equal(await page.$("#skeleton"), null, "the app removed the skeleton");
});
