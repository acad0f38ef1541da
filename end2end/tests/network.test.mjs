// The network view on the demo: the layout finishes by itself (in a Web Worker, or on the page without one,
// with the same result), hover highlights a neighbourhood, a click
// opens the detail panel, filters hide nodes, the layout can be paused, keyboard focus moves between nodes,
// the ego network narrows the graph, and the drawing matches a reference screenshot (with a tolerance).
// Both renderers: nodes and edges are drawn where the view says they are, size by project volume draws a
// known actor larger; WebGL2 survives a context loss; on a phone the graph is in the first screen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { launch, openApp, allowErrors } from "../helpers.mjs";
import { checkFacet, chooseRenderer, facetCount } from "./ui.mjs";

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
  await openNetwork(page);
  // WebGL2 is the default renderer (Canvas 2D is the fallback and a choice).
  assert.equal(await attr(page, "data-renderer"), "webgl2");
  // 319 actors; technologies with at least one actor are shown too.
  const visible = Number(await attr(page, "data-visible-count"));
  assert.ok(visible >= 319 && visible <= 319 + 8, `visible ${visible}`);
  assert.ok(Number(await attr(page, "data-iterations")) > 5);
  assert.match(await page.textContent("[data-testid=network-status]"), /Layout done/);
});

test("the layout runs in a Web Worker; without one the page lays out the same picture", async () => {
  const { page, context } = browser;
  await openNetwork(page);
  assert.equal(await attr(page, "data-layout-runner"), "worker");
  const inWorker = { iterations: await attr(page, "data-iterations"), list: await nodes(page) };
  assert.ok(inWorker.list.length > 10);
  // No worker script (a host that does not serve it, or a browser without module workers): the page runs
  // the same ForceAtlas2 itself and ends at exactly the same positions.
  const blocked = /layout-worker\.js/;
  allowErrors("requestfailed: /layout-worker.js net::ERR_ABORTED");
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
  // Once it stopped by itself nothing moves, so there is nothing to pause: the button goes. Refining the layout
  // (running on from where it is) is a developer's choice in the settings panel.
  assert.equal(await page.isVisible("[data-testid=network-pause]"), false);
  const before = Number(await attr(page, "data-iterations"));
  await page.click("[data-testid=settings]");
  await page.click("[data-testid=network-refine]");
  await page.waitForFunction(
    ([r, n]) => { const e = document.querySelector(r); return e.dataset.layout === "running" || Number(e.dataset.iterations) > n; },
    [ROOT, before],
  );
  await page.waitForSelector(`${ROOT}[data-layout=done]`);
  await page.click("[data-testid=settings]");
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

test("the drawing matches the reference screenshot (Canvas 2D)", async () => {
  const { page } = browser;
  await openNetwork(page);
  await chooseRenderer(page, "canvas2d");
  await page.waitForSelector(`${ROOT}[data-renderer=canvas2d][data-layout=done][data-drawn=true]`);
  await page.mouse.move(0, 0);
  let shot;
  try {
    shot = PNG.sync.read(await page.locator(".network-stage").screenshot());
  } finally {
    await chooseRenderer(page, "webgl2");
  }
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

test("without WebGL2 the view draws with Canvas 2D", async () => {
  const other = await launch();
  try {
    const { page } = other;
    // A browser or device without WebGL2: the context request fails.
    await page.addInitScript(() => {
      const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return kind === "webgl2" ? null : get.call(this, kind, ...rest);
      };
    });
    await openNetwork(page);
    assert.equal(await attr(page, "data-renderer"), "canvas2d");
    const hub = (await nodes(page)).find((n) => /Artificial Intelligence/.test(n.name));
    assert.ok(ink(await stageShot(page), hub.x, hub.y), "the hub is drawn");
  } finally {
    await other.close();
  }
});

test("the WebGL2 renderer draws the same graph and highlights on hover", async () => {
  const { page } = browser;
  await openNetwork(page);
  await chooseRenderer(page, "webgl2");
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
    await chooseRenderer(page, "webgl2");
  }
});

/** The stage as a PNG, a reader of one pixel's [r, g, b] (stage coordinates, CSS px × device ratio) and the
 * stage's background colour. */
async function stageShot(page) {
  const shot = PNG.sync.read(await page.locator(".network-stage").screenshot());
  const px = (x, y) => {
    const k = (Math.round(y) * shot.width + Math.round(x)) * 4;
    return [shot.data[k], shot.data[k + 1], shot.data[k + 2]];
  };
  const bg = await page.$eval(".network-stage", (el) => getComputedStyle(el).backgroundColor.match(/\d+/g).slice(0, 3).map(Number));
  return { shot, px, bg };
}

const near = (a, b, tol) => a.every((v, i) => Math.abs(v - b[i]) <= tol);

/** Any pixel of the 3×3 window at (x, y) differs from the stage's background. */
function ink({ px, bg }, x, y) {
  for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (!near(px(x + dx, y + dy), bg, 12)) return true;
  return false;
}

for (const renderer of ["canvas2d", "webgl2"]) {
  test(`size by project volume: a known actor is drawn larger (${renderer}); the choice is remembered`, async () => {
    const { page } = browser;
    await openNetwork(page);
    await chooseRenderer(page, renderer);
    await page.waitForSelector(`${ROOT}[data-renderer=${renderer}][data-layout=done][data-drawn=true]`);
    try {
      const find = async (name) => (await nodes(page)).find((n) => n.name === name);
      const r = async (name) => Number(await page.getAttribute(`[data-testid=network-nodes] button[data-node="${(await find(name)).node}"]`, "data-r"));
      // Pixels of the university colour within a box around the node (labels may cover its centre).
      const fill = await page.$eval(".network-stage", (el) => {
        const hex = getComputedStyle(el).getPropertyValue("--kind-university").trim().replace("#", "");
        return [0, 2, 4].map((k) => parseInt(hex.slice(k, k + 2), 16));
      });
      const area = async (name) => {
        const n = await find(name);
        const s = await stageShot(page);
        let count = 0;
        for (let y = n.y - 16; y <= n.y + 16; y++) for (let x = n.x - 16; x <= n.x + 16; x++) if (near(s.px(x, y), fill, 30)) count++;
        return { count };
      };
      assert.equal(await attr(page, "data-size-by"), "degree");
      assert.match(await page.textContent("[data-testid=network-legend-size]"), /number of connections/);
      const tu = "Technische Universität Berlin";
      const before = { r: await r(tu), ...(await area(tu)) };
      const hub = await r("Artificial Intelligence (Technology)");
      await page.selectOption("[data-testid=network-size]", "volume");
      await page.waitForSelector(`${ROOT}[data-size-by=volume]`);
      await page.waitForFunction(([n, r0]) => Number(document.querySelector(`[data-testid=network-nodes] button[data-node="${n}"]`)?.dataset.r) !== r0, [(await find(tu)).node, before.r]);
      const after = { r: await r(tu), ...(await area(tu)) };
      assert.match(await page.textContent("[data-testid=network-legend-size]"), /volume of projects/);
      // The university with the largest project volume of the demo gets the largest actor size.
      assert.ok(after.r > before.r * 2, `radius ${before.r} -> ${after.r}`);
      assert.ok(after.count > before.count * 2 && after.count > 150, `drawn pixels of its colour ${before.count} -> ${after.count}`);
      assert.equal(await r("Artificial Intelligence (Technology)"), hub, "technologies keep their hub size");
      await page.reload();
      await page.waitForSelector(`${ROOT}[data-layout=done][data-drawn=true]`);
      assert.equal(await page.inputValue("[data-testid=network-size]"), "volume");
      assert.equal(await attr(page, "data-size-by"), "volume");
    } finally {
      await page.selectOption("[data-testid=network-size]", "degree");
      await chooseRenderer(page, "webgl2");
    }
  });

  test(`${renderer} draws nodes and edges where they are: an actor's ego network, hidden rest`, async () => {
    const { page } = browser;
    await openNetwork(page);
    await chooseRenderer(page, renderer);
    await page.waitForSelector(`${ROOT}[data-renderer=${renderer}][data-layout=done][data-drawn=true]`);
    try {
      const tu = (await nodes(page)).find((n) => n.name === "Technische Universität Berlin");
      const box = await stageBox(page);
      await page.mouse.click(box.x + tu.x, box.y + tu.y);
      await page.waitForSelector("[data-testid=detail-title]");
      await page.selectOption("[data-testid=network-filtered]", "hide");
      await page.selectOption("[data-testid=network-ego]", "1");
      await page.waitForFunction((r) => Number(document.querySelector(r).dataset.visibleCount) < 20, ROOT);
      await page.mouse.move(box.x + 2, box.y + 2);
      await page.waitForFunction((r) => document.querySelector(r).dataset.hovered === "", ROOT);
      // The list now holds the shown nodes: the actor and its technologies, each joined to it by an edge.
      // (The detail panel took room from the stage: the view follows its new size.)
      const list = await nodes(page);
      const now = await stageBox(page);
      const centre = list.find((n) => n.node === tu.node);
      const techs = list.filter((n) => n.node !== tu.node);
      assert.ok(centre && techs.length >= 1, `shown: ${list.map((n) => n.name).join(", ")}`);
      const s = await stageShot(page);
      for (const n of list) assert.ok(ink(s, n.x, n.y), `${n.name} is drawn at (${n.x}, ${n.y})`);
      for (const t of techs) {
        const [mx, my] = [(centre.x + t.x) / 2, (centre.y + t.y) / 2];
        assert.ok(ink(s, mx, my), `the edge to ${t.name} is drawn through (${mx}, ${my})`);
      }
      // Far from every node and edge: background.
      assert.ok(!ink(s, now.width - 24, now.height - 24), "far from the nodes: background");
      assert.ok(Math.abs(centre.x - now.width / 2) < 2, `the actor is centred: ${centre.x} of ${now.width}`);
    } finally {
      await page.selectOption("[data-testid=network-ego]", "0");
      await page.selectOption("[data-testid=network-filtered]", "fade");
      await chooseRenderer(page, "webgl2");
    }
  });
}

test("WebGL2: a lost context pauses drawing, a restored one draws again", async () => {
  const { page } = browser;
  await openNetwork(page);
  await chooseRenderer(page, "webgl2");
  await page.waitForSelector(`${ROOT}[data-renderer=webgl2][data-layout=done][data-drawn=true][data-context=ok]`);
  try {
    const hub = (await nodes(page)).find((n) => /Artificial Intelligence/.test(n.name));
    assert.ok(ink(await stageShot(page), hub.x, hub.y));
    await page.evaluate(() => {
      const canvas = [...document.querySelectorAll(".network-canvas")].find((c) => !c.classList.contains("network-overlay"));
      window.__loseNetwork = canvas.getContext("webgl2").getExtension("WEBGL_lose_context");
      window.__loseNetwork.loseContext();
    });
    await page.waitForSelector(`${ROOT}[data-context=lost]`);
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    assert.ok(!ink(await stageShot(page), hub.x, hub.y), "nothing is drawn while the context is lost");
    await page.evaluate(() => window.__loseNetwork.restoreContext());
    await page.waitForSelector(`${ROOT}[data-context=ok]`);
    await page.waitForFunction(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(true)))));
    assert.ok(ink(await stageShot(page), hub.x, hub.y), "the hub is drawn again after the restore");
  } finally {
    await chooseRenderer(page, "webgl2");
  }
});

test("phone: the graph is in the first screen, the choices fold behind Options, WebGL2 draws at device resolution", async () => {
  const phone = await launch({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  try {
    const { page } = phone;
    await page.addInitScript(() => localStorage.setItem("ecomap.network.renderer", "webgl2"));
    await openNetwork(page);
    assert.equal(await attr(page, "data-renderer"), "webgl2");
    const box = await stageBox(page);
    assert.ok(box.y + 240 <= 844, `the stage starts at ${box.y} px: at least 240 px of it in the first screen`);
    assert.ok(box.width >= 300, `stage width ${box.width}`);
    // The choices are folded away until Options is pressed.
    assert.equal(await page.isVisible("[data-testid=network-size]"), false);
    await page.click("[data-testid=network-options]");
    assert.equal(await page.getAttribute("[data-testid=network-options]", "aria-expanded"), "true");
    assert.equal(await page.isVisible("[data-testid=network-size]"), true);
    await page.click("[data-testid=network-options]");
    assert.equal(await page.isVisible("[data-testid=network-size]"), false);
    // Crisp on a high-DPI screen: the backing store has a pixel per device pixel. Folding the choices away
    // gave the stage its height back; the canvas follows at the next resize callback, so wait for it.
    await page.waitForFunction(() => {
      const c = document.querySelector(".network-canvas:not(.network-overlay)");
      return c.width === Math.round(c.clientWidth * 2) && c.height === Math.round(c.clientHeight * 2);
    }, null, { timeout: 5_000 });
    const store = await page.$eval(".network-canvas:not(.network-overlay)", (c) => [c.width, c.height, c.clientWidth, c.clientHeight]);
    assert.deepEqual([store[0], store[1]], [Math.round(store[2] * 2), Math.round(store[3] * 2)]);
    const hub = (await nodes(page)).find((n) => /Artificial Intelligence/.test(n.name));
    const s = await stageShot(page);
    assert.ok(ink(s, hub.x * 2, hub.y * 2), "a node is drawn");
  } finally {
    await phone.close();
  }
});

test("desktop: the choices stay in the toolbar (no Options button)", async () => {
  const { page } = browser;
  await openNetwork(page);
  assert.equal(await page.isVisible("[data-testid=network-options]"), false);
  assert.equal(await page.isVisible("[data-testid=network-size]"), true);
});

test("a link with the network mode and ego depth reopens them around its actor", async () => {
  const { page } = browser;
  // Collaboration mode has no technology nodes: every demo actor is a node.
  await openNetwork(page, "mode=collaboration&actor=tu-berlin");
  assert.equal(await attr(page, "data-mode"), "collaboration");
  const all = Number(await attr(page, "data-visible-count"));
  assert.equal(all, 319, "without ego depth every actor is shown");
  await openNetwork(page, "mode=collaboration&ego=1&actor=tu-berlin");
  await page.waitForSelector("[data-testid=detail-title]");
  assert.equal((await page.textContent("[data-testid=detail-title]")).trim(), "Technische Universität Berlin");
  assert.equal(await attr(page, "data-mode"), "collaboration");
  assert.equal(await page.inputValue("[data-testid=network-mode]"), "collaboration");
  assert.equal(await page.inputValue("[data-testid=network-ego]"), "1");
  await page.waitForFunction(([r, n]) => Number(document.querySelector(r).dataset.visibleCount) < n, [ROOT, all]);
  const depth1 = Number(await attr(page, "data-visible-count"));
  assert.ok(depth1 >= 2 && depth1 < all, `the ego network narrows ${all} nodes to ${depth1}`);
  // The link keeps both (and the actor) as it was opened.
  assert.match(page.url(), /mode=collaboration/);
  assert.match(page.url(), /ego=1/);
  assert.match(page.url(), /actor=tu-berlin/);
});

test("changing the mode writes it into the URL; the default leaves the link", async () => {
  const { page } = browser;
  await openNetwork(page);
  assert.equal(await attr(page, "data-mode"), "ecosystems");
  assert.doesNotMatch(page.url(), /mode=/);
  await page.selectOption("[data-testid=network-mode]", "all");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("mode") === "all");
  await page.waitForSelector(`${ROOT}[data-mode=all][data-layout=done][data-drawn=true]`);
  await page.selectOption("[data-testid=network-ego]", "2");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("ego") === "2");
  // Back to the defaults: nothing of them stays in the link.
  await page.selectOption("[data-testid=network-mode]", "ecosystems");
  await page.selectOption("[data-testid=network-ego]", "0");
  await page.waitForFunction(() => !/[?&](mode|ego)=/.test(location.search));
  await page.waitForSelector(`${ROOT}[data-mode=ecosystems][data-layout=done][data-drawn=true]`);
});

test("a link wins over the choices this browser remembers; without one the remembered choices apply", async () => {
  const other = await launch();
  try {
    const { page } = other;
    await page.addInitScript(() => {
      localStorage.setItem("ecomap.network.size", "volume");
      localStorage.setItem("ecomap.network.hide", "1");
    });
    await openNetwork(page, "nodes=degree&unselected=fade");
    assert.equal(await attr(page, "data-size-by"), "degree");
    assert.equal(await page.inputValue("[data-testid=network-size]"), "degree");
    assert.equal(await page.inputValue("[data-testid=network-filtered]"), "fade");
    await openNetwork(page);
    assert.equal(await attr(page, "data-size-by"), "volume");
    assert.equal(await page.inputValue("[data-testid=network-size]"), "volume");
    assert.equal(await page.inputValue("[data-testid=network-filtered]"), "hide");
    // The renderer is this device's setting, never part of a link.
    await chooseRenderer(page, "canvas2d");
    await page.waitForSelector(`${ROOT}[data-renderer=canvas2d]`);
    assert.doesNotMatch(page.url(), /canvas2d|webgl/);
  } finally {
    await other.close();
  }
});
