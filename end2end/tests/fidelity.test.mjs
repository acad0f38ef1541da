// One truth in every view: under a year filter the list, the header, the charts, the map and the network count
// the same projects (the ones active in the year, with a selected participant; core decides, the views read);
// nothing is thinned without saying so; the actor open in the detail panel and the actor hovered in one view are
// marked in the others. Counts are checked against the demo export itself, read here by brute force.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp, appUrl } from "../helpers.mjs";

let browser;
let demo;
before(async () => {
  browser = await launch({ viewport: { width: 1440, height: 900 } });
  demo = await (await fetch(`${appUrl()}/data/demo.json`)).json();
});
after(async () => {
  await browser?.close();
});

const firstYear = () => Math.min(...demo.projects.map((p) => p.start));

/** Projects in view for year `y` with no other filter: active in y, with a participant founded by y (or unknown). */
function projectsInView(y) {
  const founded = new Map(demo.actors.map((a) => [a.id, a.founded]));
  return demo.projects.filter(
    (p) => p.start <= y && y <= p.end && p.participants.some((x) => (founded.get(x.actor) ?? -Infinity) <= y),
  );
}

/** Collaboration-mode edges in view for year `y`: pairs sharing a project in view, and every explicit link. */
function collaborationEdges(y) {
  const pairs = new Set();
  const key = (a, b) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  for (const p of projectsInView(y)) {
    const ids = [...new Set(p.participants.map((x) => x.actor))];
    if (ids.length > 100) continue;
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.add(key(ids[i], ids[j]));
  }
  for (const l of demo.links ?? []) if (l.source !== l.target) pairs.add(key(l.source, l.target));
  return pairs.size;
}

test("at the first year every view counts the projects active that year", async () => {
  const { page } = browser;
  const y = firstYear();
  const expected = projectsInView(y).length;
  assert.ok(expected > 0 && expected < demo.projects.length);
  await openApp(page, `view=charts&lang=en&years=${y}`);
  // The header: the year's projects.
  const header = await page.textContent("header");
  assert.match(header, new RegExp(`projects in ${y}\\s*${expected}(?!\\d)`));
  // The charts: the per-year summary names the same year and count.
  await page.waitForSelector("[data-testid=charts][data-drawn=true]");
  const charts = await page.textContent("[data-testid=charts]");
  assert.match(charts, new RegExp(`${y}: ${expected} projects`));
  // The network, collaboration mode: exactly the collaborations of that year's projects (and the links).
  await page.click("[data-testid=tab-network]");
  await page.waitForSelector("[data-testid=network-view][data-drawn=true]");
  await page.selectOption("[data-testid=network-mode]", "collaboration");
  await page.waitForSelector("[data-testid=network-view][data-mode=collaboration][data-drawn=true]");
  await page.waitForFunction(
    (n) => document.querySelector("[data-testid=network-view]")?.dataset.edgeCount === String(n),
    collaborationEdges(y),
  );
  // Without the year filter the network has more edges (projects of other years join).
  const yearEdges = collaborationEdges(y);
  await page.click("[data-testid=tab-map]");
  await page.waitForSelector("[data-testid=map][data-drawn=true]");
  await page.check("[data-testid=map-arcs]");
  await page.waitForFunction(() => Number(document.querySelector("[data-testid=map]")?.dataset.arcsInView) >= 0);
  const arcsInYear = Number(await page.getAttribute("[data-testid=map]", "data-arcs-in-view"));
  await openApp(page, "view=map&lang=en");
  await page.waitForSelector("[data-testid=map][data-drawn=true]");
  await page.check("[data-testid=map-arcs]");
  await page.waitForFunction(() => Number(document.querySelector("[data-testid=map]")?.dataset.arcsInView) > 0);
  const arcsAll = Number(await page.getAttribute("[data-testid=map]", "data-arcs-in-view"));
  assert.ok(arcsInYear < arcsAll, `arcs in ${y}: ${arcsInYear}, all years: ${arcsAll}`);
  // And the network of all years has every collaboration: more than the first year's.
  await page.click("[data-testid=tab-network]");
  await page.waitForSelector("[data-testid=network-view][data-drawn=true]");
  await page.selectOption("[data-testid=network-mode]", "collaboration");
  await page.waitForSelector("[data-testid=network-view][data-mode=collaboration][data-drawn=true]");
  const allEdges = Number(await page.getAttribute("[data-testid=network-view]", "data-edge-count"));
  assert.ok(allEdges > yearEdges, `all years ${allEdges} edges, ${y}: ${yearEdges}`);
});

test("the network draws every link at rest and says so when a frame leaves links out", async () => {
  const { page } = browser;
  await openApp(page, "view=network&lang=en");
  await page.waitForSelector("[data-testid=network-view][data-layout=done][data-drawn=true]");
  const root = "[data-testid=network-view]";
  assert.equal(await page.getAttribute(root, "data-edges-shown"), await page.getAttribute(root, "data-edge-count"));
  assert.equal(await page.$("[data-testid=network-thinned]"), null, "nothing is thinned at rest");
});

test("the actor open in the detail panel is marked in the list, on the map and in the network", async () => {
  const { page } = browser;
  await openApp(page, "view=map&lang=en");
  await page.waitForSelector("[data-testid=map][data-drawn=true]");
  assert.equal(await page.getAttribute("[data-testid=map]", "data-highlighted"), "0");
  const row = page.locator("[data-testid=result-row]").first();
  const name = (await row.locator(".row-name").textContent()).trim();
  await row.click();
  await page.waitForSelector("[data-testid=detail-title]");
  // The row stays marked once the pointer leaves it, because it is open.
  await page.mouse.move(5, 5);
  await page.waitForSelector("[data-testid=result-row][data-open=true]");
  await page.waitForFunction(() => Number(document.querySelector("[data-testid=map]")?.dataset.highlighted) >= 1);
  await page.click("[data-testid=tab-network]");
  await page.waitForSelector("[data-testid=network-view][data-layout=done][data-drawn=true]");
  await page.waitForFunction(
    (n) => document.querySelector("[data-testid=network-view]")?.dataset.keyboard === n,
    name,
  );
});

test("hovering an actor in the list marks it in the network, and hovering a node marks its row", async () => {
  const { page } = browser;
  await openApp(page, "view=network&lang=en");
  await page.waitForSelector("[data-testid=network-view][data-layout=done][data-drawn=true]");
  const row = page.locator("[data-testid=result-row]").first();
  const name = (await row.locator(".row-name").textContent()).trim();
  await row.hover();
  await page.waitForFunction(
    (n) => document.querySelector("[data-testid=network-view]")?.dataset.hovered === n,
    name,
  );
  await page.mouse.move(2, 2);
  await page.waitForFunction(() => document.querySelector("[data-testid=network-view]")?.dataset.hovered === "");
  // A node hovered on the canvas: its row (if in the rendered window) is marked as hovered elsewhere.
  const node = await page.$$eval("[data-testid=network-nodes] button", (bs) =>
    bs.map((b) => ({ name: b.textContent.trim(), x: Number(b.dataset.x), y: Number(b.dataset.y) }))
      .find((n) => !n.name.endsWith(")")),
  );
  assert.ok(node, "an actor node in the accessible list");
  await page.locator(".network-stage").scrollIntoViewIfNeeded();
  const stage = await page.locator(".network-stage").boundingBox();
  await page.mouse.move(stage.x + 1 + node.x, stage.y + 1 + node.y);
  await page.waitForFunction(
    (n) => document.querySelector("[data-testid=network-view]")?.dataset.hovered === n,
    node.name,
  );
  await page.fill("[data-testid=search]", node.name);
  // The search's suggestions may cover the node and the filter chip moves the view down: close the
  // suggestions (the text stays the filter) and point at the node where it is now.
  await page.keyboard.press("Escape");
  await page.mouse.move(2, 2);
  // Hovering the row scrolled the view body down to the list: back up to the graph, as a visitor would.
  await page.locator(".network-stage").scrollIntoViewIfNeeded();
  const moved = await page.$$eval("[data-testid=network-nodes] button", (bs, n) => {
    const b = bs.find((e) => e.textContent.trim() === n);
    return { x: Number(b.dataset.x), y: Number(b.dataset.y) };
  }, node.name);
  const now = await page.locator(".network-stage").boundingBox();
  await page.mouse.move(now.x + 1 + moved.x, now.y + 1 + moved.y);
  await page.waitForFunction(
    (n) => [...document.querySelectorAll("[data-testid=result-row].linked .row-name")].some((e) => e.textContent.trim() === n),
    node.name,
  );
});

test("a region's figure on the map equals the list filtered by that region", async () => {
  const { page } = browser;
  await openApp(page, "view=map&lang=en");
  await page.waitForSelector("[data-testid=map][data-drawn=true]");
  await page.selectOption("[data-testid=map-shading]", "actors");
  await page.waitForSelector("[data-testid=map-region-table] tbody tr");
  // The region with the most selected actors.
  const rows = await page.$$eval("[data-testid=map-region-table] tbody tr", (trs) =>
    trs.map((tr) => ({ key: tr.dataset.region, actors: Number(tr.querySelector("[data-testid=region-actors]").textContent.replace(/\D/g, "")) })),
  );
  const top = rows.sort((a, b) => b.actors - a.actors)[0];
  assert.ok(top.actors > 0);
  await page.check(`input[type=checkbox][value="${top.key}"]`);
  await page.waitForFunction(
    (n) => Number(document.querySelector("[data-testid=results-count]")?.textContent.replace(/\D/g, "")) === n,
    top.actors,
  );
});
