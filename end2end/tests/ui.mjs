// Small page-object helpers for the app's controls (data-testid based). Not a test file.
import { appUrl, openApp, waitReady } from "../helpers.mjs";

export async function resultsCount(page) {
  const text = await page.textContent("[data-testid=results-count]");
  return Number(text.replace(/[^\d]/g, ""));
}

export async function rowNames(page) {
  return page.$$eval("[data-testid=result-row] .row-name", (els) => els.map((e) => e.textContent.trim()));
}

export async function facetCount(page, facet, value) {
  const text = await page.textContent(`[data-testid=${facet}] li:has(input[value="${value}"]) [data-testid=count]`);
  return Number(text.replace(/[^\d]/g, ""));
}

/** Ticks a facet value and waits until the list shows the new selection. */
export async function checkFacet(page, facet, value) {
  const before = await page.textContent("[data-testid=results-count]");
  const expected = await facetCount(page, facet, value);
  await page.check(`[data-testid=${facet}] input[value="${value}"]`);
  await page.waitForFunction(
    ([b, n]) => {
      const t = document.querySelector("[data-testid=results-count]")?.textContent ?? "";
      return t !== b || Number(t.replace(/[^\d]/g, "")) === n;
    },
    [before, expected],
  );
}

/** Opens the filter panel if it is closed (a drawer below 1280 px, a column wider). */
export async function openFilters(page) {
  if ((await page.getAttribute("[data-testid=filters-button]", "aria-expanded")) !== "true") {
    await page.click("[data-testid=filters-button]");
  }
  await page.waitForSelector("[data-testid=filters]", { state: "visible" });
}

/** Chooses the renderer of the map and the network in the settings panel, and closes the panel again. */
export async function chooseRenderer(page, renderer) {
  await page.click("[data-testid=settings]");
  await page.selectOption("[data-testid=network-renderer]", renderer);
  await page.click("[data-testid=settings]");
}

/** Opens the map and waits until it has drawn the selection (`hash`: a camera such as "map=z/lat/lon"). */
export async function openMap(page, query = "lang=en", hash = "") {
  if (hash) {
    await page.goto(`${appUrl()}/?view=map&${query}#${hash}`, { waitUntil: "load" });
    await waitReady(page);
  } else {
    await openApp(page, `view=map&${query}`);
  }
  await page.waitForSelector("[data-testid=map][data-drawn=true]");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=map-item]").length > 0);
}

/** The camera the map shows, from its data-camera attribute ("map=z/lat/lon"). */
export async function camera(page) {
  const text = await page.getAttribute("[data-testid=map]", "data-camera");
  const [zoom, lat, lon] = text.replace("map=", "").split("/").map(Number);
  return { zoom, lat, lon };
}

/** Page coordinates of a lon/lat on the map (Web Mercator, as in ecomap_core::projection). */
export async function pagePoint(page, { lon, lat }) {
  const cam = await camera(page);
  const box = await page.locator("[data-testid=map-stage]").boundingBox();
  const X = (l) => l / 360 + 0.5;
  const Y = (p) => {
    const s = Math.sin((p * Math.PI) / 180);
    return 0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI;
  };
  const scale = 256 * 2 ** cam.zoom;
  // The stage has a 1px border; the canvas fills its padding box.
  return {
    x: box.x + 1 + (X(lon) - X(cam.lon)) * scale + (box.width - 2) / 2,
    y: box.y + 1 + (Y(lat) - Y(cam.lat)) * scale + (box.height - 2) / 2,
  };
}

/**
 * Panics on purpose: calls the app's test hook `ecomap_test_panic` (src/test_hooks.rs) through the app's own
 * module, the instance the page runs. The panic traps the call; the hook has shown its message by then.
 */
export async function panicOnPurpose(page) {
  await page.evaluate(async () => {
    const el = document.querySelector("script[data-ecomap-loader]");
    const mod = await import(new URL(el.dataset.js, document.baseURI).href);
    try {
      mod.ecomap_test_panic();
    } catch {
      // The wasm trap that ends the call.
    }
  });
}

/** Drops a small export named `name` on the page's drop zone; whether the page took the drop. */
export async function dropExport(page, name) {
  return page.evaluate(async (n) => {
    const text = JSON.stringify({ meta: { title: { en: n, de: n } }, actors: [], projects: [], links: [] });
    const dt = new DataTransfer();
    dt.items.add(new File([text], `${n}.json`, { type: "application/json" }));
    const zone = document.querySelector(".drop-zone");
    zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const over = zone.classList.contains("drag-over");
    const ev = new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true });
    zone.dispatchEvent(ev);
    return { over, prevented: ev.defaultPrevented };
  }, name);
}
