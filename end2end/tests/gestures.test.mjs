// The input policy of the map and the network (src/views/input_policy, docs/map.md "Gestures"): framed in a
// page that scrolls (end2end/fixtures/framed-*.html), one finger scrolls that page and leaves the camera
// where it is, two fingers pinch-zoom, a plain wheel scrolls the page and Ctrl + wheel zooms, each with a
// hint; in the app itself on a phone one finger pans and the page stays.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp, fixtureUrl, waitReady } from "../helpers.mjs";

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

/** What each view shows of its camera, and when it is ready for gestures. */
const VIEWS = {
  map: {
    root: "[data-testid=map]",
    stage: "[data-testid=map-stage]",
    ready: "[data-testid=map][data-drawn=true]",
    hint: { touch: "Use two fingers to move the map", wheel: "Use Ctrl + scroll to zoom the map" },
    /** { zoom, x, y } from data-camera ("map=z/lat/lon"). */
    parse(text) {
      const [zoom, lat, lon] = text.replace("map=", "").split("/").map(Number);
      return { zoom, x: lon, y: lat };
    },
  },
  network: {
    root: "[data-testid=network-view]",
    stage: "[data-testid=network-stage]",
    ready: "[data-testid=network-view][data-layout=done][data-drawn=true]",
    hint: { touch: "Use two fingers to move the network", wheel: "Use Ctrl + scroll to zoom the network" },
    /** { zoom, x, y } from data-camera ("x/y/scale"): zoom in powers of two, like the map's. */
    parse(text) {
      const [x, y, scale] = text.split("/").map(Number);
      return { zoom: Math.log2(scale), x, y };
    },
  },
};

async function camera(frame, view) {
  return VIEWS[view].parse(await frame.getAttribute(VIEWS[view].root, "data-camera"));
}

/** Two animation frames in `frame`: whatever the last input changed has been published. */
async function settle(frame) {
  await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Opens the page that frames the app's `view`; returns the app's frame once the view is ready. */
async function openFramed(page, view) {
  await page.goto(fixtureUrl(`framed-${view}.html`), { waitUntil: "load" });
  const frame = await (await page.waitForSelector("iframe")).contentFrame();
  await waitReady(frame);
  await frame.waitForSelector(VIEWS[view].ready, { timeout: 30_000 });
  // The frame in the middle of the window, so the page can scroll both ways.
  await page.evaluate(() => document.querySelector("iframe").scrollIntoView({ block: "center" }));
  return frame;
}

/** The middle of the part of the stage the visitor sees, below the map's buttons (window coordinates of the
 * top page). */
async function stagePoint(page, frame, view) {
  const stage = await frame.locator(VIEWS[view].stage).boundingBox();
  const outer = page === frame ? null : await page.locator("iframe").boundingBox();
  const { height } = page.viewportSize();
  const top = Math.max(stage.y + 100, outer?.y ?? 0, 0);
  const bottom = Math.min(stage.y + stage.height, outer ? outer.y + outer.height : height, height);
  assert.ok(bottom - top > 120, `the stage shows at least 120 px (${top}..${bottom})`);
  return { x: stage.x + stage.width / 2, y: (top + bottom) / 2 };
}

const scrollY = (page) => page.evaluate(() => window.scrollY);

/** Waits until the page's scrolling has come to rest (the same scrollY for 10 animation frames): a touch
 * during a fling reaches the page uncancelable, so the next gesture must wait for it. */
async function scrollRest(page) {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        let last = window.scrollY;
        let same = 0;
        const frame = () => {
          if (window.scrollY !== last) [last, same] = [window.scrollY, 0];
          else if (++same >= 10) return resolve();
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
}

/** One finger moves down by 8 × 12 px: in a page that scrolls it scrolls the page up (the frame's own
 * document is at its top, so the gesture goes to the page around it). */
async function oneFingerSwipe(cdp, { x, y }) {
  const touch = (type, points) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points });
  await touch("touchStart", [{ x, y: y - 50, id: 1 }]);
  for (let i = 1; i <= 8; i++) await touch("touchMove", [{ x, y: y - 50 + i * 12, id: 1 }]);
  await touch("touchEnd", []);
}

/** Two fingers spread apart around (x, y) and move down together (a pan the page would take as a scroll). */
async function pinchOut(cdp, { x, y }) {
  const touch = (type, points) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points });
  const y0 = y - 40;
  await touch("touchStart", [{ x: x - 20, y: y0, id: 1 }, { x: x + 20, y: y0, id: 2 }]);
  for (let i = 1; i <= 8; i++) {
    const yi = y0 + i * 10;
    await touch("touchMove", [{ x: x - 20 - i * 10, y: yi, id: 1 }, { x: x + 20 + i * 10, y: yi, id: 2 }]);
  }
  await touch("touchEnd", []);
}

async function hintShows(frame, kind, text) {
  await frame.waitForSelector(`[data-testid=gesture-hint][data-hint=${kind}]`);
  assert.equal((await frame.textContent("[data-testid=gesture-hint]")).trim(), text);
  // It goes by itself (about 1.5 s).
  await frame.waitForSelector('[data-testid=gesture-hint][data-hint=""]', { state: "attached" });
}

for (const view of ["map", "network"]) {
  test(`framed ${view} on a phone: one finger scrolls the page, two fingers zoom`, async () => {
    const phone = await launch(PHONE);
    after(() => phone.close());
    const { page, context } = phone;
    const frame = await openFramed(page, view);
    assert.equal(await frame.getAttribute(VIEWS[view].stage, "data-input"), "cooperative");
    const cdp = await context.newCDPSession(page);
    const at = await stagePoint(page, frame, view);
    const y0 = await scrollY(page);
    const c0 = await camera(frame, view);

    await oneFingerSwipe(cdp, at);
    await page.waitForFunction((y) => window.scrollY < y - 40, y0);
    await settle(frame);
    assert.deepEqual(await camera(frame, view), c0, "one finger leaves the camera where it is");
    await hintShows(frame, "touch", VIEWS[view].hint.touch);

    await scrollRest(page);
    await page.evaluate(() => document.querySelector("iframe").scrollIntoView({ block: "center" }));
    await scrollRest(page);
    const at2 = await stagePoint(page, frame, view);
    const y1 = await scrollY(page);
    await pinchOut(cdp, at2);
    await frame.waitForFunction(
      ({ root, z, view }) => {
        const text = document.querySelector(root).dataset.camera;
        const zoom = view === "map" ? Number(text.split("/")[0].replace("map=", "")) : Math.log2(Number(text.split("/")[2]));
        return zoom > z + 0.5;
      },
      { root: VIEWS[view].root, z: c0.zoom, view },
    );
    await scrollRest(page);
    assert.equal(await scrollY(page), y1, "two fingers leave the page where it is");
  });
}

test("framed map with a mouse: a plain wheel scrolls the page, Ctrl + wheel zooms the map", async () => {
  const desk = await launch();
  after(() => desk.close());
  const { page } = desk;
  const frame = await openFramed(page, "map");
  const at = await stagePoint(page, frame, "map");
  await page.mouse.move(at.x, at.y);
  const y0 = await scrollY(page);
  const c0 = await camera(frame, "map");

  await page.mouse.wheel(0, -200);
  await page.waitForFunction((y) => window.scrollY < y - 40, y0);
  await settle(frame);
  assert.deepEqual(await camera(frame, "map"), c0, "a plain wheel leaves the camera where it is");
  await hintShows(frame, "wheel", VIEWS.map.hint.wheel);

  await scrollRest(page);
  await page.evaluate(() => document.querySelector("iframe").scrollIntoView({ block: "center" }));
  await scrollRest(page);
  const at2 = await stagePoint(page, frame, "map");
  await page.mouse.move(at2.x, at2.y);
  const y1 = await scrollY(page);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -200);
  await page.keyboard.up("Control");
  await frame.waitForFunction((z) => Number(document.querySelector("[data-testid=map]").dataset.zoom) > z + 0.3, c0.zoom);
  await scrollRest(page);
  assert.equal(await scrollY(page), y1, "Ctrl + wheel leaves the page where it is");
  assert.equal(await frame.$('[data-testid=gesture-hint]:not([data-hint=""])'), null, "no hint when the map zooms");
});

for (const view of ["map", "network"]) {
  test(`the app on a phone: one finger pans the ${view}, the page stays`, async () => {
    const phone = await launch(PHONE);
    after(() => phone.close());
    const { page, context } = phone;
    await openApp(page, `view=${view}&lang=en`);
    await page.waitForSelector(VIEWS[view].ready, { timeout: 30_000 });
    assert.equal(await page.getAttribute(VIEWS[view].stage, "data-input"), "direct");
    const cdp = await context.newCDPSession(page);
    const at = await stagePoint(page, page, view);
    const y0 = await scrollY(page);
    const c0 = await camera(page, view);
    const touch = (type, points) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points });
    await touch("touchStart", [{ x: at.x, y: at.y - 40, id: 1 }]);
    for (let i = 1; i <= 8; i++) await touch("touchMove", [{ x: at.x - i * 10, y: at.y - 40 + i * 10, id: 1 }]);
    await touch("touchEnd", []);
    await page.waitForFunction(
      ({ root, c0, view }) => {
        const text = document.querySelector(root).dataset.camera;
        const x = view === "map" ? Number(text.split("/")[2]) : Number(text.split("/")[0]);
        return Math.abs(x - c0.x) > 1e-3;
      },
      { root: VIEWS[view].root, c0, view },
    );
    await scrollRest(page);
    assert.equal(await scrollY(page), y0, "the page does not scroll under the finger");
    assert.equal(await page.$('[data-testid=gesture-hint]:not([data-hint=""])'), null, "no hint in the app itself");
  });
}
