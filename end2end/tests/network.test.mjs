// The network view on the demo: the layout finishes by itself (in a Web Worker, or on the page without one,
// with the same result), hover highlights a neighbourhood, a click
// opens the detail panel, filters hide nodes, the layout can be paused, keyboard focus moves between nodes,
// the ego network narrows the graph, and the drawing matches a reference screenshot (with a tolerance).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { launch, openApp, collectErrors } from "../helpers.mjs";
import { checkFacet, facetCount } from "./ui.mjs";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "network");
const ROOT = "[data-testid=network-view]";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Opens the network view and waits until the layout stopped by itself and the canvas is drawn. */
async function openNetwork(page, query = "") {
  await openApp(page, `view=network&lang=en${query ? "&" + query : ""}`);
  await page.waitForSelector(`${ROOT}[data-layout=done][data-drawn=true]`, { timeout: 30_000 });
}

const attr = (page, name) => page.getAttribute(ROOT, name);

/** The accessible node list: name and screen position (relative to the stage) of the top nodes. */
async function nodes(page) {
  return page.$$eval("[data-testid=network-nodes] button", (bs) =>
    bs.map((b) => ({ node: Number(b.dataset.node), name: b.textContent.trim(), x: Number(b.dataset.x), y: Number(b.dataset.y) })));
}

async function stageBox(page) {
  return page.locator(".network-stage").boundingBox();
}

test("the layout stops by itself and draws every node of the demo", async () => {
  const { page } = browser;
  const errors = collectErrors(page);
  await openNetwork(page);
  assert.equal(await attr(page, "data-renderer"), "canvas2d");
  // 319 actors; technologies with at least one actor are shown too.
  const visible = Number(await attr(page, "data-visible-count"));
  assert.ok(visible >= 319 && visible <= 319 + 8, `visible ${visible}`);
  assert.ok(Number(await attr(page, "data-iterations")) > 5);
  assert.match(await page.textContent("[data-testid=network-status]"), /Layout done/);
  errors.assertClean();
});

test("the layout runs in a Web Worker; without one the page lays out the same picture", async () => {
  const { page, context } = browser;
  const errors = collectErrors(page);
  await openNetwork(page);
  assert.equal(await attr(page, "data-layout-runner"), "worker");
  const inWorker = { iterations: await attr(page, "data-iterations"), list: await nodes(page) };
  assert.ok(inWorker.list.length > 10);
  errors.assertClean();
  // No worker script (a host that does not serve it, or a browser without module workers): the page runs
  // the same ForceAtlas2 itself and ends at exactly the same positions.
  const blocked = /layout-worker\.js/;
  await context.route(blocked, (route) => route.abort());
  try {
    await openNetwork(page);
    assert.equal(await attr(page, "data-layout-runner"), "page");
    assert.equal(await attr(page, "data-iterations"), inWorker.iterations);
    assert.deepEqual(await nodes(page), inWorker.list);
  } finally {
    await context.unroute(blocked);
  }
});

test("hovering a technology hub highlights it and its neighbours", async () => {
  const { page } = browser;
  await openNetwork(page);
  const list = await nodes(page);
  const hub = list.find((n) => /Artificial Intelligence/.test(n.name));
  assert.ok(hub, `hub in the list: ${list.map((n) => n.name).join(", ")}`);
  const box = await stageBox(page);
  await page.mouse.move(box.x + hub.x, box.y + hub.y);
  await page.waitForFunction((r) => document.querySelector(r).dataset.hovered !== "", ROOT);
  assert.equal(await attr(page, "data-hovered"), "Artificial Intelligence");
  const count = Number(await attr(page, "data-highlighted-count"));
  const ai = await facetCount(page, "facet-technology", "ai");
  assert.equal(count, ai + 1, "the hub and each of its actors");
  await page.mouse.move(box.x + 2, box.y + 2);
  await page.waitForFunction((r) => document.querySelector(r).dataset.hovered === "", ROOT);
  assert.equal(await attr(page, "data-highlighted-count"), "0");
});

test("clicking a node opens its detail panel and records it in the URL", async () => {
  const { page } = browser;
  await openNetwork(page);
  const actor = (await nodes(page)).find((n) => !/Technology|Artificial|Reality|Blockchain|Internet|security|Usability/.test(n.name));
  assert.ok(actor);
  const box = await stageBox(page);
  await page.mouse.click(box.x + actor.x, box.y + actor.y);
  await page.waitForSelector("[data-testid=detail-title]");
  assert.equal((await page.textContent("[data-testid=detail-title]")).trim(), actor.name);
  assert.match(page.url(), /actor=/);
});

test("filters fade or hide the other nodes; hiding is remembered", async () => {
  const { page } = browser;
  await openNetwork(page);
  const all = Number(await attr(page, "data-visible-count"));
  const blockchain = await facetCount(page, "facet-technology", "blockchain");
  await checkFacet(page, "facet-technology", "blockchain");
  await page.waitForFunction(([r, n]) => Number(document.querySelector(r).dataset.visibleCount) < n, [ROOT, all]);
  const shown = Number(await attr(page, "data-visible-count"));
  assert.ok(shown >= blockchain + 1 && shown <= blockchain + 8, `${shown} shown for ${blockchain} actors`);
  await page.selectOption("[data-testid=network-filtered]", "hide");
  await page.reload();
  await page.waitForSelector(`${ROOT}[data-layout=done][data-drawn=true]`);
  assert.equal(await page.inputValue("[data-testid=network-filtered]"), "hide");
  await page.selectOption("[data-testid=network-filtered]", "fade");
});

test("the layout can be paused and resumed", async () => {
  const { page } = browser;
  await openNetwork(page);
  // Resume and pause within one task: no animation frame runs in between, so this is not a race.
  const states = await page.evaluate(async (r) => {
    const root = document.querySelector(r);
    const btn = document.querySelector("[data-testid=network-pause]");
    const settle = async () => { for (let i = 0; i < 10; i++) await Promise.resolve(); };
    btn.click();
    await settle();
    const a = [root.dataset.layout, btn.textContent.trim()];
    btn.click();
    await settle();
    const b = [root.dataset.layout, btn.textContent.trim(), btn.getAttribute("aria-pressed")];
    return { a, b, it: root.dataset.iterations };
  }, ROOT);
  assert.deepEqual(states.a, ["running", "Pause layout"]);
  assert.deepEqual(states.b, ["paused", "Resume layout", "true"]);
  // Paused stays paused over several frames: no more iterations.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(ok)))));
  assert.equal(await attr(page, "data-layout"), "paused");
  assert.equal(await attr(page, "data-iterations"), states.it);
  await page.click("[data-testid=network-pause]");
  await page.waitForSelector(`${ROOT}[data-layout=done]`);
});

test("keyboard: arrows move the focus ring between nodes, N walks neighbours, Enter opens", async () => {
  const { page } = browser;
  await openNetwork(page);
  await page.focus(".network-stage");
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction((r) => document.querySelector(r).dataset.keyboard !== "", ROOT);
  const first = await attr(page, "data-keyboard");
  await page.keyboard.press("ArrowDown");
  await page.waitForFunction(([r, f]) => document.querySelector(r).dataset.keyboard !== f, [ROOT, first]);
  await page.keyboard.press("n");
  await page.waitForFunction((r) => document.querySelector(r).dataset.hovered !== "", ROOT);
  const neighbour = await attr(page, "data-hovered");
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-testid=detail-title]");
  assert.equal((await page.textContent("[data-testid=detail-title]")).trim(), neighbour);
});

test("the ego network of the opened actor shows only its neighbourhood", async () => {
  const { page } = browser;
  await openNetwork(page);
  const actor = (await nodes(page)).find((n) => !/Artificial|Reality|Blockchain|Internet|security|Usability/.test(n.name));
  const box = await stageBox(page);
  await page.mouse.click(box.x + actor.x, box.y + actor.y);
  await page.waitForSelector("[data-testid=detail-title]");
  await page.selectOption("[data-testid=network-ego]", "1");
  await page.waitForFunction((r) => Number(document.querySelector(r).dataset.visibleCount) < 100, ROOT);
  const depth1 = Number(await attr(page, "data-visible-count"));
  await page.selectOption("[data-testid=network-ego]", "2");
  await page.waitForFunction(([r, n]) => Number(document.querySelector(r).dataset.visibleCount) > n, [ROOT, depth1]);
  assert.ok(depth1 >= 2, `depth 1 shows the actor and at least one neighbour (${depth1})`);
});

test("the drawing matches the reference screenshot", async () => {
  const { page } = browser;
  await openNetwork(page);
  await page.mouse.move(0, 0);
  const shot = PNG.sync.read(await page.locator(".network-stage").screenshot());
  const refPath = join(FIXTURES, "demo-canvas2d.png");
  if (!existsSync(refPath) || process.env.UPDATE_SNAPSHOTS) {
    writeFileSync(refPath, PNG.sync.write(shot));
    if (!process.env.UPDATE_SNAPSHOTS) assert.fail(`no reference yet: wrote ${refPath}; commit it and rerun`);
  }
  const ref = PNG.sync.read(readFileSync(refPath));
  assert.deepEqual([shot.width, shot.height], [ref.width, ref.height]);
  const diff = new PNG({ width: ref.width, height: ref.height });
  const changed = pixelmatch(ref.data, shot.data, diff.data, ref.width, ref.height, { threshold: 0.1 });
  const share = changed / (ref.width * ref.height);
  if (share > 0.01) writeFileSync(join(FIXTURES, "demo-canvas2d.diff.png"), PNG.sync.write(diff));
  assert.ok(share <= 0.01, `${(share * 100).toFixed(2)} % of pixels differ (tolerance 1 %)`);
});

test("the WebGL2 renderer draws the same graph and highlights on hover", async () => {
  const { page } = browser;
  await openNetwork(page);
  await page.selectOption("[data-testid=network-renderer]", "webgl2");
  await page.waitForSelector(`${ROOT}[data-renderer=webgl2][data-layout=done][data-drawn=true]`);
  try {
    // Not blank: a good share of the stage's pixels are not the background.
    const shot = PNG.sync.read(await page.locator(".network-stage").screenshot());
    let ink = 0;
    for (let k = 0; k < shot.data.length; k += 4) if (shot.data[k] < 200 || shot.data[k + 2] < 200) ink++;
    assert.ok(ink / (shot.width * shot.height) > 0.005, `ink share ${ink / (shot.width * shot.height)}`);
    const hub = (await nodes(page)).find((n) => /Artificial Intelligence/.test(n.name));
    const box = await stageBox(page);
    await page.mouse.move(box.x + hub.x, box.y + hub.y);
    await page.waitForFunction((r) => document.querySelector(r).dataset.hovered !== "", ROOT);
    assert.equal(await attr(page, "data-hovered"), "Artificial Intelligence");
    assert.ok(Number(await attr(page, "data-highlighted-count")) > 1);
  } finally {
    await page.selectOption("[data-testid=network-renderer]", "canvas2d");
  }
});
