// The shell at the four widths it is designed for (phone 390x844 with touch, tablet 1024x768, laptop 1440x900,
// projector 1920x1080), every view: the page is exactly the screen (it scrolls neither way), the view fills what
// the header leaves, and the page looks like its reference screenshot (end2end/fixtures/layout/; rewrite them
// with UPDATE_SNAPSHOTS=1 after a deliberate change, and look at them). Then the panels: at 1024 px with the
// detail open the view keeps at least 60 % of the width; on a phone the filters are a drawer that "Show N
// results" closes and the detail a bottom sheet; the settings panel holds the renderer.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { launch, openApp } from "../helpers.mjs";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "layout");
const WIDTHS = [
  { name: "phone", width: 390, height: 844, touch: true },
  { name: "tablet", width: 1024, height: 768 },
  { name: "laptop", width: 1440, height: 900 },
  { name: "projector", width: 1920, height: 1080 },
];
const VIEWS = ["map", "list", "network", "charts"];
const READY = {
  map: "[data-testid=map][data-drawn=true]",
  list: "[data-testid=result-row]",
  network: "[data-testid=network-view][data-drawn=true][data-layout=done]",
  charts: "[data-testid=charts][data-drawn=true]",
};

function sizeOptions({ width, height, touch }) {
  return { viewport: { width, height }, hasTouch: !!touch, isMobile: !!touch };
}

/** Compares a screenshot with its reference (at most 1 % of the pixels may differ, for anti-aliasing). */
function compare(name, png) {
  mkdirSync(FIXTURES, { recursive: true });
  const refPath = join(FIXTURES, `${name}.png`);
  const shot = PNG.sync.read(png);
  if (!existsSync(refPath) || process.env.UPDATE_SNAPSHOTS) {
    writeFileSync(refPath, png);
    if (!process.env.UPDATE_SNAPSHOTS) assert.fail(`no reference yet: wrote ${refPath}; look at it, commit it and rerun`);
    return;
  }
  const ref = PNG.sync.read(readFileSync(refPath));
  assert.deepEqual([shot.width, shot.height], [ref.width, ref.height], `${name}: size`);
  const diff = new PNG({ width: ref.width, height: ref.height });
  const changed = pixelmatch(ref.data, shot.data, diff.data, ref.width, ref.height, { threshold: 0.1 });
  const share = changed / (ref.width * ref.height);
  if (share > 0.01) writeFileSync(join(FIXTURES, `${name}.diff.png`), PNG.sync.write(diff));
  assert.ok(share <= 0.01, `${name}: ${(share * 100).toFixed(2)} % of pixels differ (tolerance 1 %; see ${name}.diff.png)`);
}

/** Boxes of the parts of the shell, and how far the page itself could scroll. */
function measure(page) {
  return page.evaluate(() => {
    const box = (s) => {
      const e = document.querySelector(s);
      if (!e || !e.getClientRects().length) return null;
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height, bottom: r.bottom, right: r.right };
    };
    const se = document.scrollingElement;
    return {
      header: box(".app-header"),
      body: box(".view-body"),
      stage: box(".map-stage") ?? box(".network-stage"),
      detail: box("[data-testid=detail]"),
      filters: box("[data-testid=filters]"),
      overflowX: se.scrollWidth - innerWidth,
      overflowY: se.scrollHeight - innerHeight,
      vw: innerWidth,
      vh: innerHeight,
    };
  });
}

for (const size of WIDTHS) {
  test(`every view at ${size.width}x${size.height} (${size.name}): the view fills the screen below the header, as in the reference`, async () => {
    const b = await launch(sizeOptions(size));
    try {
      const { page } = b;
      for (const view of VIEWS) {
        await openApp(page, `view=${view}&lang=en`);
        await page.waitForSelector(READY[view]);
        await page.mouse.move(0, 0);
        const m = await measure(page);
        assert.ok(m.overflowX <= 0 && m.overflowY <= 0, `${view}: the page itself scrolls (${m.overflowX}, ${m.overflowY})`);
        // The header stays compact: at most a quarter of a phone's height, 130 px elsewhere.
        assert.ok(m.header.h <= (size.touch ? size.height / 4 : 130), `${view}: header ${m.header.h} px tall`);
        // The view body reaches the bottom of the screen and takes most of the width.
        assert.ok(m.body.bottom >= m.vh - 8, `${view}: the view ends at ${m.body.bottom} of ${m.vh}`);
        assert.ok(m.body.w >= m.vw * (size.width >= 1280 ? 0.7 : 0.95), `${view}: the view is ${m.body.w} of ${m.vw} px wide`);
        if (m.stage) {
          // The map or network stage is the largest part of the screen.
          assert.ok(m.stage.w * m.stage.h >= 0.4 * m.vw * m.vh, `${view}: stage ${m.stage.w}x${m.stage.h}`);
          assert.ok(m.stage.bottom <= m.vh, `${view}: the stage runs below the screen (${m.stage.bottom})`);
        }
        compare(`${view}-${size.width}`, await page.screenshot());
      }
    } finally {
      await b.close();
    }
  });
}

test("at 1024 px with the detail open the map keeps at least 60 % of the width", async () => {
  const b = await launch(sizeOptions(WIDTHS[1]));
  try {
    const { page } = b;
    await openApp(page, "view=map&lang=en&actor=tu-berlin");
    await page.waitForSelector("[data-testid=detail]");
    await page.waitForSelector(READY.map);
    const m = await measure(page);
    assert.ok(m.stage.w >= 0.6 * 1024, `map ${m.stage.w} px wide with the detail open`);
    assert.ok(m.detail.x >= m.stage.right - 1, "the detail sits beside the map, not over it");
    assert.equal(m.filters, null, "the filter drawer starts closed below 1280 px");
  } finally {
    await b.close();
  }
});

test("on a phone the filters are a drawer that 'Show N results' closes, and the detail is a bottom sheet", async () => {
  const b = await launch(sizeOptions(WIDTHS[0]));
  try {
    const { page } = b;
    await openApp(page, "view=map&lang=en");
    await page.waitForSelector(READY.map);
    assert.equal(await page.isVisible("[data-testid=filters]"), false);
    await page.click("[data-testid=filters-button]");
    await page.waitForSelector("[data-testid=filters]", { state: "visible" });
    // The drawer takes the focus, and covers the screen's width.
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "filters-close");
    const drawer = (await measure(page)).filters;
    assert.ok(drawer.w >= 380, `drawer ${drawer.w} px wide`);
    await page.check("[data-testid=facet-kind] input[value=startup]");
    const label = await page.textContent("[data-testid=show-results]");
    const startups = Number(label.replace(/\D/g, ""));
    assert.ok(startups > 0 && startups < 319, label);
    await page.click("[data-testid=show-results]");
    await page.waitForSelector("[data-testid=filters]", { state: "hidden" });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "filters-button");
    assert.match(await page.textContent("[data-testid=filters-button]"), /\(1\)/);
    assert.equal(await page.locator("[data-testid=filter-chip]").count(), 1);
    // The detail opens as a sheet over the lower part of the screen; the map stays visible above it.
    await openApp(page, "view=map&lang=en&actor=tu-berlin");
    await page.waitForSelector("[data-testid=detail]");
    const m = await measure(page);
    assert.ok(m.detail.bottom >= m.vh - 1 && m.detail.y > m.vh * 0.3, `sheet at ${m.detail.y}..${m.detail.bottom}`);
    await page.click("[data-testid=detail-close]");
    await page.waitForSelector("[data-testid=detail]", { state: "detached" });
  } finally {
    await b.close();
  }
});

test("the settings panel holds the renderer; Escape closes it and gives the focus back", async () => {
  const b = await launch();
  try {
    const { page } = b;
    await openApp(page, "view=network&lang=en");
    await page.waitForSelector(READY.network);
    assert.equal(await page.isVisible("[data-testid=network-renderer]"), false, "no renderer choice in the toolbar");
    await page.click("[data-testid=settings]");
    await page.selectOption("[data-testid=network-renderer]", "canvas2d");
    await page.waitForSelector("[data-testid=network-view][data-renderer=canvas2d][data-drawn=true]");
    await page.focus("[data-testid=network-renderer]");
    await page.keyboard.press("Escape");
    await page.waitForSelector("[data-testid=settings-panel]", { state: "hidden" });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "settings");
    // A device setting: it stays after a reload, and never goes into the link.
    await page.reload();
    await page.waitForSelector("[data-testid=network-view][data-renderer=canvas2d]");
    assert.ok(!page.url().includes("canvas2d"));
    await page.click("[data-testid=settings]");
    await page.selectOption("[data-testid=network-renderer]", "webgl2");
    await page.waitForSelector("[data-testid=network-view][data-renderer=webgl2]");
  } finally {
    await b.close();
  }
});
