// The map view: basemap and clusters drawn, zoom splits clusters, clicking a region filters the list,
// clicking a marker opens it, fit-to-selection, keyboard pan, the camera in the URL hash, list hover, the
// "not on the map" note, no request to other hosts, and a screenshot of the basemap against a reference.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { launch, recordHosts, fixtureUrl, waitReady } from "../helpers.mjs";
import { resultsCount, facetCount, checkFacet, openMap, camera, pagePoint } from "./ui.mjs";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "map");
const POTSDAM = { lon: 13.06566, lat: 52.39886 };
const COTTBUS = { lon: 14.32888, lat: 51.75769 };
const SCHWEDT = { lon: 14.28, lat: 53.06 }; // Uckermark, away from the demo's markers

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Visible markers (from the accessible list): kind, count and position in page coordinates. */
async function markers(page) {
  const box = await page.locator("[data-testid=map-stage]").boundingBox();
  const items = await page.$$eval("[data-testid=map-item]", (els) =>
    els.map((e) => ({
      kind: e.dataset.kind,
      count: Number(e.dataset.count),
      x: Number(e.dataset.x),
      y: Number(e.dataset.y),
      name: e.textContent,
    })),
  );
  return items.map((m) => ({ ...m, x: m.x + box.x + 1, y: m.y + box.y + 1 }));
}

/** Gives the map a fixed size (so references do not depend on the layout around it) and waits for the redraw. */
async function fixStage(page) {
  // A constructed style sheet: the page's CSP (style-src 'self') refuses an inline <style>.
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      ".map-stage { width: 960px !important; height: 540px !important; flex: none !important; }" +
        ".map-overlay, .map-controls, .map-credits, .map-inset { visibility: hidden !important; }",
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  await page.waitForFunction(() => {
    const c = document.querySelector("[data-testid=map-canvas]");
    return c.width === 958 && c.height === 538;
  });
  // The resize redraws at once; wait for the marker list of that frame too.
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=map-item]").length > 0);
  // The whole region framed in this stage, whatever size the page gave the stage before.
  const before = await page.getAttribute("[data-testid=map]", "data-frames");
  await page.evaluate(() => document.querySelector("[data-testid=map-reset]").click());
  await page.waitForFunction((n) => document.querySelector("[data-testid=map]").dataset.frames !== n, before);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

const near = (p, q, r) => Math.hypot(p.x - q.x, p.y - q.y) <= r;

test("map_draws_basemap_clusters_and_credits without other hosts", async () => {
  const { page } = browser;
  const hosts = recordHosts(page);
  await openMap(page);
  const map = page.locator("[data-testid=map]");
  assert.ok(["webgl2", "canvas2d"].includes(await map.getAttribute("data-renderer")));
  const items = await markers(page);
  const total = items.reduce((s, m) => s + m.count, 0);
  assert.equal(total, await resultsCount(page), "every selected actor is in some marker");
  assert.ok(items.some((m) => m.kind === "cluster"), "zoomed out, actors are clustered");
  assert.match(
    await page.textContent("[data-testid=map-credits]"),
    /© GeoBasis-DE \/ BKG \(VG250\), Daten verändert · Geoportal Berlin \/ Ortsteile · GeoNames \(CC BY 4\.0\)/,
  );
  assert.equal(await page.locator("[data-testid=map-missing]").count(), 0, "the demo has coordinates for all");
  await page.click("[data-testid=map-zoom-in]");
  await page.waitForFunction(() => /^#map=/.test(location.hash));
  assert.deepEqual(hosts.foreignHosts(), [], "tiles are off: no request to another host");
});

test("zoom_towards_potsdam splits its cluster", async () => {
  const { page } = browser;
  await openMap(page);
  const p0 = await pagePoint(page, POTSDAM);
  // The cluster that holds Potsdam's actors is the nearest one (its centre is their weighted mean).
  const before = (await markers(page)).filter((m) => m.kind === "cluster" && near(m, p0, 100));
  before.sort((a, b) => Math.hypot(a.x - p0.x, a.y - p0.y) - Math.hypot(b.x - p0.x, b.y - p0.y));
  const cluster = before[0];
  assert.ok(cluster, "a cluster near Potsdam at the start");
  const z0 = (await camera(page)).zoom;
  await page.mouse.move(p0.x, p0.y);
  for (let i = 1; i <= 3; i++) {
    await page.mouse.wheel(0, -250);
    await page.waitForFunction((z) => Number(document.querySelector("[data-testid=map]").dataset.zoom) >= z, z0 + i - 0.01);
  }
  // After the camera rests, the hash records it and the marker list follows.
  await page.waitForFunction((z) => {
    const m = /^#map=([\d.]+)\//.exec(location.hash);
    return m && Number(m[1]) >= z;
  }, z0 + 2.99);
  const p1 = await pagePoint(page, POTSDAM);
  assert.ok(near(p0, p1, 6), `wheel zoom keeps the point under the pointer: ${JSON.stringify([p0, p1, await page.evaluate(() => scrollY)])}`);
  await page.waitForFunction(
    ([x, y, count]) => {
      const box = document.querySelector("[data-testid=map-stage]").getBoundingClientRect();
      const around = [...document.querySelectorAll("[data-testid=map-item]")].filter(
        (e) => Math.hypot(Number(e.dataset.x) + box.x + 1 - x, Number(e.dataset.y) + box.y + 1 - y) < 150,
      );
      return around.length >= 2 && around.every((e) => Number(e.dataset.count) < count);
    },
    [p1.x, p1.y, cluster.count],
  );
  const cam = await camera(page);
  assert.ok(Math.abs(cam.lat - POTSDAM.lat) < 0.3 && Math.abs(cam.lon - POTSDAM.lon) < 0.5, JSON.stringify(cam));
});

test("click_cluster zooms in until it splits; click_actor opens the detail panel", async () => {
  const { page } = browser;
  await openMap(page);
  const z0 = (await camera(page)).zoom;
  const biggest = (await markers(page)).sort((a, b) => b.count - a.count)[0];
  await page.mouse.click(biggest.x, biggest.y);
  await page.waitForFunction((z) => Number(document.querySelector("[data-testid=map]").dataset.zoom) > z, z0);
  await page.waitForFunction(
    (n) => {
      const items = [...document.querySelectorAll("[data-testid=map-item]")];
      return items.length > 1 && items.every((e) => Number(e.dataset.count) < n);
    },
    biggest.count,
  );
  // A single actor: click it, the detail panel shows its name.
  await openMap(page);
  const one = (await markers(page)).find((m) => m.kind === "actor");
  assert.ok(one, "a single actor is visible at the start");
  await page.mouse.move(one.x, one.y);
  await page.waitForSelector("[data-testid=map-tooltip]");
  assert.equal((await page.textContent("[data-testid=map-tooltip] strong")).trim(), one.name.trim());
  await page.mouse.click(one.x, one.y);
  await page.waitForSelector("[data-testid=detail]");
  assert.match(await page.textContent("[data-testid=detail]"), new RegExp(one.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
});

test("click_region filters the list by that region", async () => {
  const { page } = browser;
  await openMap(page);
  const all = await resultsCount(page);
  const expected = await facetCount(page, "facet-region-bb", "12073");
  assert.ok(expected > 0 && expected < all);
  const p = await pagePoint(page, SCHWEDT);
  await page.mouse.move(p.x, p.y);
  await page.waitForFunction(() => /Uckermark/.test(document.querySelector("[data-testid=map-tooltip]")?.textContent ?? ""));
  await page.mouse.click(p.x, p.y);
  await page.waitForFunction((n) => {
    const t = document.querySelector("[data-testid=results-count]")?.textContent ?? "";
    return Number(t.replace(/[^\d]/g, "")) === n;
  }, expected);
  assert.match(page.url(), /region=12073/);
  // The map shows only that region's actors now.
  await page.waitForFunction(
    (n) => [...document.querySelectorAll("[data-testid=map-item]")].reduce((s, e) => s + Number(e.dataset.count), 0) === n,
    expected,
  );
});

test("fit_to_selection zooms to the selected actors", async () => {
  const { page } = browser;
  await openMap(page);
  const z0 = (await camera(page)).zoom;
  await checkFacet(page, "facet-region-bb", "12052"); // Cottbus
  await page.click("[data-testid=map-fit]");
  await page.waitForFunction((z) => Number(document.querySelector("[data-testid=map]").dataset.zoom) > z + 2, z0);
  const cam = await camera(page);
  assert.ok(Math.abs(cam.lat - COTTBUS.lat) < 0.1 && Math.abs(cam.lon - COTTBUS.lon) < 0.15, JSON.stringify(cam));
  // Whole region again.
  await page.click("[data-testid=map-reset]");
  await page.waitForFunction((z) => Math.abs(Number(document.querySelector("[data-testid=map]").dataset.zoom) - z) < 0.01, z0);
});

test("keyboard_pan and zoom move the camera, and the hash reopens the same view", async () => {
  const { page } = browser;
  await openMap(page);
  const c0 = await camera(page);
  await page.focus("[data-testid=map-stage]");
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction((lon) => {
    const c = document.querySelector("[data-testid=map]").dataset.camera.split("/");
    return Number(c[2]) > lon + 0.01;
  }, c0.lon);
  await page.keyboard.press("+");
  await page.waitForFunction((z) => Number(document.querySelector("[data-testid=map]").dataset.zoom) > z + 0.5, c0.zoom);
  await page.waitForFunction(() => location.hash === `#${document.querySelector("[data-testid=map]").dataset.camera}`);
  const hash = await page.evaluate(() => location.hash.slice(1));
  // A link with this hash opens the same camera.
  await openMap(page, "lang=en", hash);
  assert.equal(await page.getAttribute("[data-testid=map]", "data-camera"), hash);
  // Going back to a hand-edited hash moves the map too.
  await page.evaluate(() => (location.hash = "map=11.00/52.39886/13.06566"));
  await page.waitForFunction(() => document.querySelector("[data-testid=map]").dataset.camera === "map=11.00/52.39886/13.06566");
});

test("hovering a list row highlights its marker", async () => {
  const { page } = browser;
  await openMap(page);
  assert.equal(await page.getAttribute("[data-testid=map]", "data-highlighted"), "0");
  await page.hover("[data-testid=result-row] >> nth=0");
  await page.waitForSelector("[data-testid=map][data-highlighted='1']");
  await page.mouse.move(5, 5);
  await page.waitForSelector("[data-testid=map][data-highlighted='0']");
});

test("actors without coordinates are counted in a note and stay in the list", async () => {
  const { page } = browser;
  await openMap(page, `lang=en&data=${encodeURIComponent(fixtureUrl("map/three-without-coordinates.json"))}`);
  assert.match(await page.textContent("[data-testid=map-missing]"), /^3 actors without coordinates/);
  const total = (await markers(page)).reduce((s, m) => s + m.count, 0);
  assert.equal(total + 3, await resultsCount(page));
});

test("basemap screenshot matches the committed reference", async () => {
  // A browser of its own: the Canvas 2D setting must not leak into other tests.
  const own = await launch();
  after(() => own.close());
  const { page } = own;
  await page.addInitScript(() => localStorage.setItem("ecomap.map.renderer", "canvas2d"));
  await openMap(page);
  assert.equal(await page.getAttribute("[data-testid=map]", "data-renderer"), "canvas2d");
  // Only the base canvas (regions and markers), read from the canvas itself: no text, no page layout.
  await fixStage(page);
  const url = await page.evaluate(() => document.querySelector("[data-testid=map-canvas]").toDataURL("image/png"));
  const shot = PNG.sync.read(Buffer.from(url.split(",")[1], "base64"));
  const refPath = join(FIXTURES, "basemap-canvas2d.png");
  if (!existsSync(refPath) || process.env.UPDATE_SNAPSHOTS) {
    writeFileSync(refPath, PNG.sync.write(shot));
    if (!process.env.UPDATE_SNAPSHOTS) assert.fail(`no reference yet: wrote ${refPath}; commit it and rerun`);
  }
  const ref = PNG.sync.read(readFileSync(refPath));
  assert.equal(`${shot.width}x${shot.height}`, `${ref.width}x${ref.height}`, "same canvas size");
  const diff = new PNG({ width: ref.width, height: ref.height });
  const changed = pixelmatch(ref.data, shot.data, diff.data, ref.width, ref.height, { threshold: 0.1 });
  const share = changed / (ref.width * ref.height);
  if (share > 0.005) writeFileSync(join(FIXTURES, "basemap-canvas2d.diff.png"), PNG.sync.write(diff));
  assert.ok(share <= 0.005, `${(share * 100).toFixed(2)}% of pixels differ from the reference`);
});

test("webgl2 draws the same basemap as Canvas 2D, and recovers from a lost context", async () => {
  // Tall enough that the fixed 960x540 stage is on screen whole (its pixels are read from a screenshot).
  const own = await launch({ viewport: { width: 1280, height: 1000 } });
  after(() => own.close());
  const { page } = own;
  await openMap(page);
  assert.equal(await page.getAttribute("[data-testid=map]", "data-renderer"), "webgl2");
  await fixStage(page);
  const ref = PNG.sync.read(readFileSync(join(FIXTURES, "basemap-canvas2d.png")));
  const compare = async () => {
    // A WebGL canvas cannot be read back after compositing: take the page's pixels at the canvas's box.
    const box = await page.locator("[data-testid=map-canvas]").boundingBox();
    const clip = { x: Math.round(box.x), y: Math.round(box.y), width: ref.width, height: ref.height };
    const shot = PNG.sync.read(await page.screenshot({ clip }));
    assert.equal(`${shot.width}x${shot.height}`, `${ref.width}x${ref.height}`);
    // Land and water are close colours, so a blank map differs from the reference by only ~1 %: probe them.
    const land = await pagePoint(page, SCHWEDT);
    const px = (x, y) => {
      const i = (Math.round(y) * shot.width + Math.round(x)) * 4;
      return [shot.data[i], shot.data[i + 1], shot.data[i + 2]];
    };
    const close = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 6);
    assert.ok(close(px(land.x - clip.x, land.y - clip.y), [0xfb, 0xfa, 0xf6]), `land at Schwedt: ${px(land.x - clip.x, land.y - clip.y)}`);
    assert.ok(close(px(4, 4), [0xe8, 0xee, 0xf3]), `water in the corner: ${px(4, 4)}`);
    // Different rasterisers antialias edges differently: compare loosely.
    const changed = pixelmatch(ref.data, shot.data, null, ref.width, ref.height, { threshold: 0.1 });
    return changed / (ref.width * ref.height);
  };
  const share = await compare();
  assert.ok(share <= 0.006, `${(share * 100).toFixed(2)}% of pixels differ from the Canvas 2D reference`);
  // Lose the context: the view notices; restore it: the map is drawn again.
  await page.evaluate(() => {
    const gl = document.querySelector("[data-testid=map-canvas]").getContext("webgl2");
    window.__loseContext = gl.getExtension("WEBGL_lose_context");
    window.__loseContext.loseContext();
  });
  await page.waitForSelector("[data-testid=map][data-context=lost]");
  const frames = Number(await page.getAttribute("[data-testid=map]", "data-frames"));
  await page.evaluate(() => window.__loseContext.restoreContext());
  await page.waitForSelector("[data-testid=map][data-context=ok]");
  await page.waitForFunction((n) => Number(document.querySelector("[data-testid=map]").dataset.frames) > n, frames);
  const restored = await compare();
  assert.ok(restored <= 0.006, `after restore, ${(restored * 100).toFixed(2)}% of pixels differ`);
});

test("collaboration arcs aggregate between clusters; regions can be shaded with a legend", async () => {
  const { page } = browser;
  await openMap(page);
  assert.equal(await page.getAttribute("[data-testid=map]", "data-arcs"), "0", "arcs are off by default");
  await page.check("[data-testid=map-arcs]");
  await page.waitForFunction(() => Number(document.querySelector("[data-testid=map]").dataset.arcs) > 0);
  const zoomedOut = Number(await page.getAttribute("[data-testid=map]", "data-arcs"));
  const bubbles = (await markers(page)).length;
  // Between n items there are at most n(n-1)/2 arcs: aggregated, never one per actor pair.
  assert.ok(zoomedOut <= (bubbles * (bubbles - 1)) / 2, `${zoomedOut} arcs between ${bubbles} items`);
  await page.selectOption("[data-testid=map-shading]", "actors");
  await page.waitForSelector("[data-testid=map-choropleth-legend] li >> nth=4");
  assert.match(await page.textContent("[data-testid=map-choropleth-legend]"), /≤ \d+/);
});

test("touch on a phone: one finger pans, two fingers pinch-zoom", async () => {
  const phone = await launch({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  after(() => phone.close());
  const { page, context } = phone;
  await openMap(page);
  const cdp = await context.newCDPSession(page);
  const box = await page.locator("[data-testid=map-stage]").boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2 + 40;
  const c0 = await camera(page);
  const touch = (type, points) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points });
  await touch("touchStart", [{ x: cx, y: cy, id: 1 }]);
  for (let i = 1; i <= 8; i++) await touch("touchMove", [{ x: cx - i * 10, y: cy, id: 1 }]);
  await touch("touchEnd", []);
  await page.waitForFunction((lon) => {
    const c = document.querySelector("[data-testid=map]").dataset.camera.split("/");
    return Number(c[2]) > lon + 0.01;
  }, c0.lon);
  const c1 = await camera(page);
  await touch("touchStart", [{ x: cx - 20, y: cy, id: 1 }, { x: cx + 20, y: cy, id: 2 }]);
  for (let i = 1; i <= 8; i++) {
    await touch("touchMove", [{ x: cx - 20 - i * 10, y: cy, id: 1 }, { x: cx + 20 + i * 10, y: cy, id: 2 }]);
  }
  await touch("touchEnd", []);
  await page.waitForFunction((z) => Number(document.querySelector("[data-testid=map]").dataset.zoom) > z + 0.5, c1.zoom);
});

test("shading and marker size: a link reopens them, a change writes the link, the link wins over the remembered choice", async () => {
  const other = await launch();
  try {
    const { page } = other;
    // Choices remembered from an earlier visit (set once, before the first page of this context).
    await page.addInitScript(() => {
      if (sessionStorage.getItem("seeded")) return;
      sessionStorage.setItem("seeded", "1");
      localStorage.setItem("ecomap.map.shading", "volume");
      localStorage.setItem("ecomap.map.markers", "volume");
    });
    // The link's values win over the remembered ones.
    await openMap(page, "lang=en&shading=actors&markers=projects&arcs=on&arcweight=volume");
    assert.equal(await page.inputValue("[data-testid=map-shading]"), "actors");
    assert.equal(await page.inputValue("[data-testid=map-size]"), "projects");
    assert.ok(await page.isChecked("[data-testid=map-arcs]"));
    assert.equal(await page.inputValue("[data-testid=map-arc-weight]"), "volume");
    await page.waitForSelector("[data-testid=map-choropleth-legend] li >> nth=4");
    assert.doesNotMatch(await page.textContent("[data-testid=map-choropleth-legend]"), /€/, "shaded by actors");
    await page.waitForFunction(() => Number(document.querySelector("[data-testid=map]").dataset.arcs) > 0);
    // Without a link the remembered choices apply.
    await openMap(page, "lang=en");
    assert.equal(await page.inputValue("[data-testid=map-shading]"), "volume");
    assert.equal(await page.inputValue("[data-testid=map-size]"), "volume");
    assert.match(await page.textContent("[data-testid=map-choropleth-legend]"), /€/, "shaded by volume");
    assert.equal(await page.getAttribute("[data-testid=map]", "data-arcs"), "0", "arcs stay off");
    // A visitor's change goes into the link (and a reload keeps it); the default leaves the link.
    await page.selectOption("[data-testid=map-shading]", "actors");
    await page.waitForFunction(() => new URLSearchParams(location.search).get("shading") === "actors");
    await page.selectOption("[data-testid=map-size]", "uniform");
    await page.waitForFunction(() => !/[?&]markers=/.test(location.search));
    await page.reload();
    await waitReady(page);
    await page.waitForSelector("[data-testid=map][data-drawn=true]");
    assert.equal(await page.inputValue("[data-testid=map-shading]"), "actors");
    assert.equal(await page.inputValue("[data-testid=map-size]"), "uniform", "the visitor's last choice is remembered");
  } finally {
    await other.close();
  }
});

test("online tiles: only from a server the site's config.json allows, and those load under its CSP", async () => {
  const { page } = browser;
  await page.setViewportSize({ width: 1440, height: 900 });
  // The shipped config.json allows the default template's server; here it answers from the test itself.
  const tile = PNG.sync.write(new PNG({ width: 256, height: 256 }));
  let served = 0;
  await page.route("https://tile.openstreetmap.org/**", (route) => {
    served += 1;
    return route.fulfill({ status: 200, contentType: "image/png", body: tile });
  });
  const other = [];
  await page.route("https://tiles.other.example/**", (route) => {
    other.push(route.request().url());
    return route.abort();
  });
  await openMap(page);
  const settings = page.locator("[data-testid=map-tiles-settings]");
  await settings.locator("summary").click();
  const [template] = await settings.locator("input").all();
  await template.fill("https://tiles.other.example/{z}/{x}/{y}.png");
  await settings.getByRole("button", { name: "Turn on" }).click();
  await page.waitForFunction(() => document.querySelector("[data-testid=tiles-refused]").textContent !== "");
  assert.equal(
    await page.textContent("[data-testid=tiles-refused]"),
    "This site allows tiles only from: https://tile.openstreetmap.org",
  );
  assert.equal(await page.locator("[data-testid=map-tiles]").count(), 0, "a refused server gets no tiles");
  await template.fill("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
  await settings.getByRole("button", { name: "Turn on" }).click();
  await page.waitForSelector("[data-testid=map-tiles] img");
  await page.waitForFunction(() =>
    [...document.querySelectorAll("[data-testid=map-tiles] img")].every((i) => i.complete && i.naturalWidth === 256),
  );
  assert.ok(served > 0, "the tiles were requested and drawn (the CSP's img-src allows the server)");
  assert.equal(await page.textContent("[data-testid=tiles-refused]"), "", "the refusal is gone");
  assert.deepEqual(other, [], "nothing was asked of the refused server");
  await settings.getByRole("button", { name: "Turn off" }).click();
  assert.equal(await page.locator("[data-testid=map-tiles]").count(), 0);
  await page.unroute("https://tile.openstreetmap.org/**");
  await page.unroute("https://tiles.other.example/**");
});
