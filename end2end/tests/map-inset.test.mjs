// The map's start framing and its Berlin inset: at every width the whole of Berlin-Brandenburg is on the map
// with a margin and no marker hides under the inset; at 1440x900 the inset shows Berlin split into several
// groups, and activating it (Enter, Space, a click) shows Berlin in the main view and hides the inset; on a
// phone a compact "Berlin" button does the same.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, openApp } from "../helpers.mjs";
import { openMap, camera, pagePoint } from "./ui.mjs";

/** Berlin-Brandenburg's box, from the basemap the app ships. */
const BASEMAP = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "public", "data", "basemap.geojson");
const REGION = (() => {
  const b = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  const walk = (c) => {
    if (typeof c[0] === "number") {
      b.minLon = Math.min(b.minLon, c[0]);
      b.maxLon = Math.max(b.maxLon, c[0]);
      b.minLat = Math.min(b.minLat, c[1]);
      b.maxLat = Math.max(b.maxLat, c[1]);
    } else c.forEach(walk);
  };
  for (const f of JSON.parse(readFileSync(BASEMAP, "utf8")).features) walk(f.geometry.coordinates);
  return b;
})();
const ALEXANDERPLATZ = { lon: 13.41053, lat: 52.52437 };

const inset = "[data-testid=map-inset]";

/** The whole region is on the stage with at least `margin` px on every side; no marker lies under the inset. */
async function assertFramed(page, label, margin = 20) {
  const stage = await page.locator("[data-testid=map-stage]").boundingBox();
  const nw = await pagePoint(page, { lon: REGION.minLon, lat: REGION.maxLat });
  const se = await pagePoint(page, { lon: REGION.maxLon, lat: REGION.minLat });
  const gaps = [nw.x - stage.x, nw.y - stage.y, stage.x + stage.width - se.x, stage.y + stage.height - se.y];
  assert.ok(Math.min(...gaps) >= margin, `${label}: margins ${gaps.map(Math.round)} around the region`);
  // The region uses the stage: at least 60 % of its width or of its height.
  assert.ok(se.x - nw.x >= 0.6 * stage.width || se.y - nw.y >= 0.6 * stage.height, `${label}: the region is small`);
  const box = await page.locator(inset).boundingBox();
  assert.ok(box, `${label}: the inset or the Berlin button shows at the start`);
  const under = await page.$$eval(
    "[data-testid=map-item]",
    (els, [sx, sy, b]) =>
      els.filter((e) => {
        const x = Number(e.dataset.x) + sx + 1;
        const y = Number(e.dataset.y) + sy + 1;
        return x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height;
      }).length,
    [stage.x, stage.y, box],
  );
  assert.equal(under, 0, `${label}: markers under the inset`);
}

/** Waits until the main camera shows Berlin (the hash records it) and the inset is hidden. */
async function assertShowsBerlin(page, zoomBefore) {
  // The camera rests on Berlin and the hash records it.
  await page.waitForFunction((z) => {
    const m = /^#map=([\d.]+)\//.exec(location.hash);
    return m && Number(m[1]) >= z;
  }, zoomBefore + 1.5);
  await page.waitForFunction((s) => {
    const e = document.querySelector(s);
    return e.hidden && e.dataset.mode === "hidden" && e.getBoundingClientRect().width === 0;
  }, inset);
  const [zoom, lat, lon] = (await page.evaluate(() => location.hash)).replace("#map=", "").split("/").map(Number);
  assert.equal(`map=${zoom.toFixed(2)}/${lat.toFixed(5)}/${lon.toFixed(5)}`, await page.getAttribute("[data-testid=map]", "data-camera"));
  assert.ok(Math.abs(lat - 52.5) < 0.1 && Math.abs(lon - 13.4) < 0.15, `centred on Berlin: ${lat}/${lon}`);
  // Berlin fills the stage: the Alexanderplatz is well inside it.
  const p = await pagePoint(page, ALEXANDERPLATZ);
  const stage = await page.locator("[data-testid=map-stage]").boundingBox();
  assert.ok(p.x > stage.x + stage.width * 0.3 && p.x < stage.x + stage.width * 0.7, "Berlin in the middle");
}

test("the whole region is framed at 390, 1024, 1440 and 1920 px, clear of the inset", async () => {
  for (const [width, height] of [[390, 844], [1024, 768], [1440, 900], [1920, 1080]]) {
    const b = await launch({ viewport: { width, height } });
    try {
      await openMap(b.page);
      await assertFramed(b.page, `${width}x${height}`);
      const mode = await b.page.getAttribute(inset, "data-mode");
      assert.equal(mode, width < 600 ? "button" : "inset", `${width}x${height}`);
    } finally {
      await b.close();
    }
  }
});

test("at 1440x900 the inset splits Berlin into groups; Enter, Space and a click show Berlin", async () => {
  const b = await launch({ viewport: { width: 1440, height: 900 } });
  try {
    const { page } = b;
    await openMap(page);
    await page.waitForSelector(`${inset}[data-mode=inset]`, { state: "visible" });
    // The main map holds most of Berlin in one bubble; the inset shows it as several groups.
    const largest = Math.max(...(await page.$$eval("[data-testid=map-item]", (els) => els.map((e) => Number(e.dataset.count)))));
    assert.ok(largest >= 200, `one bubble over Berlin in the main view: ${largest}`);
    const groups = Number(await page.getAttribute(inset, "data-groups"));
    const actors = Number(await page.getAttribute(inset, "data-actors"));
    assert.ok(groups > 1, `groups over Berlin in the inset: ${groups}`);
    assert.ok(actors >= largest * 0.75, `${actors} actors over Berlin in the inset, ${largest} in the bubble`);
    const name = await page.getAttribute(inset, "aria-label");
    assert.equal(name, `Berlin: ${actors} actors in ${groups} groups; show on the map`);
    assert.equal(await page.getByRole("button", { name: /^Berlin: \d+ actors in \d+ groups/ }).count(), 1);
    assert.equal((await page.textContent(`${inset} .map-inset-label`)).trim(), "Berlin");
    // The inset is drawn: mostly land (Berlin fills it) with dark bubble outlines and counts.
    const pixels = await page.$eval(`${inset} canvas`, (c) => {
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      let land = 0;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (Math.abs(d[i] - 0xfb) < 4 && Math.abs(d[i + 1] - 0xfa) < 4 && Math.abs(d[i + 2] - 0xf6) < 4) land++;
        if (d[i] < 80 && d[i + 1] < 80 && d[i + 2] < 80) dark++;
      }
      return { land: land / (d.length / 4), dark, width: c.width, height: c.height };
    });
    const box = await page.locator(inset).boundingBox();
    assert.ok(Math.abs(pixels.width - box.width) <= 1 && Math.abs(pixels.height - box.height) <= 1, JSON.stringify([pixels, box]));
    assert.ok(pixels.land > 0.25 && pixels.dark > 50, `the inset is drawn: ${JSON.stringify(pixels)}`);
    // Drawn when what it shows changes, not on every frame of the main camera: panning leaves it alone.
    const draws = Number(await page.getAttribute(inset, "data-draws"));
    assert.ok(draws >= 1);
    const c0 = await camera(page);
    await page.focus("[data-testid=map-stage]");
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowUp");
    await page.waitForFunction((lat) => Number(document.querySelector("[data-testid=map]").dataset.camera.split("/")[1]) > lat + 0.05, c0.lat);
    const frames = Number(await page.getAttribute("[data-testid=map]", "data-frames"));
    await page.waitForFunction((n) => Number(document.querySelector("[data-testid=map]").dataset.frames) >= n, frames);
    assert.equal(Number(await page.getAttribute(inset, "data-draws")), draws, "a pan does not redraw the inset");
    // Shading the regions does.
    await page.selectOption("[data-testid=map-shading]", "actors");
    await page.waitForFunction(([s, n]) => Number(document.querySelector(s).dataset.draws) > n, [inset, draws]);
    await page.click("[data-testid=map-reset]");
    // The reset is drawn in the next frame (and the shading's legend may have changed the stage's size).
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const z0 = (await camera(page)).zoom;
    const activations = [
      ["Enter", () => page.focus(inset).then(() => page.keyboard.press("Enter"))],
      ["Space", () => page.focus(inset).then(() => page.keyboard.press(" "))],
      ["click", () => page.click(inset)],
    ];
    for (const [how, activate] of activations) {
      await activate();
      await assertShowsBerlin(page, z0).catch((e) => {
        throw new Error(`${how}: ${e.message}`);
      });
      // The inset hid with the focus on it: the focus is on the map now.
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "map-stage", how);
      // "Whole region" brings the start framing and the inset back.
      await page.click("[data-testid=map-reset]");
      await page.waitForSelector(`${inset}[data-mode=inset]`, { state: "visible" });
      assert.ok(Math.abs((await camera(page)).zoom - z0) < 0.01, how);
    }
    // Zooming the main map in on Berlin hides the inset too.
    const alex = await pagePoint(page, ALEXANDERPLATZ);
    await page.mouse.move(alex.x, alex.y);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -250);
    await page.waitForFunction((s) => document.querySelector(s).dataset.mode === "hidden", inset);
    assert.equal(await page.locator(inset).isVisible(), false);
  } finally {
    await b.close();
  }
});

test("the inset's name and caption follow the language", async () => {
  const b = await launch({ viewport: { width: 1440, height: 900 }, locale: "de-DE" });
  try {
    const { page } = b;
    await openApp(page, "view=map&lang=de");
    await page.waitForSelector(`${inset}[data-mode=inset]`, { state: "visible" });
    await page.waitForFunction((s) => Number(document.querySelector(s).dataset.groups) > 1, inset);
    assert.match(await page.getAttribute(inset, "aria-label"), /^Berlin: \d+ Akteure in \d+ Gruppen; auf der Karte zeigen$/);
  } finally {
    await b.close();
  }
});

test("on a phone a compact Berlin button shows Berlin", async () => {
  const b = await launch({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  try {
    const { page } = b;
    await openMap(page);
    await page.waitForSelector(`${inset}[data-mode=button]`, { state: "visible" });
    const box = await page.locator(inset).boundingBox();
    assert.ok(box.height >= 44 && box.width >= 44, `a touch target: ${JSON.stringify(box)}`);
    assert.equal(await page.getAttribute(inset, "aria-label"), "Berlin: show on the map");
    assert.equal(await page.locator(`${inset} canvas`).isVisible(), false, "no map drawn in the button");
    const z0 = (await camera(page)).zoom;
    await page.tap(inset);
    await assertShowsBerlin(page, z0);
  } finally {
    await b.close();
  }
});
