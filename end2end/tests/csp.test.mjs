// The strict Content-Security-Policy (docs/hosting.md): `style-src 'self'` without 'unsafe-inline'. The app sets
// its positions and colours through the CSSOM, which a CSP allows; a `style` attribute would be refused (and the
// row, tooltip, inset or hint would sit in the wrong place). Every view in each mode, with the elements that carry
// computed positions on screen, and no `securitypolicyviolation` event.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp, appUrl, fixtureUrl, waitReady } from "../helpers.mjs";

let browser;
before(async () => {
  browser = await launch();
  // Every violation of the page's policy, whatever caused it, from the first script on.
  await browser.context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample ?? ""}`.trim()),
    );
  });
});
after(async () => { await browser?.close(); });

const violations = (page) => page.evaluate(() => window.__csp);

test("the policy allows styles from the app's origin only", async () => {
  const res = await fetch(`${appUrl()}/`);
  const csp = res.headers.get("content-security-policy") ?? "";
  assert.match(csp, /(^|; )style-src 'self';/);
  assert.doesNotMatch(csp, /unsafe-inline/);
});

test("every view by its tab, the detail and the share dialog: positions set, no violation", async () => {
  const { page } = browser;
  await openApp(page, "lang=en&view=list");
  // The virtual list places its rows by a transform: row 2 sits one row below row 1.
  const tops = await page.$$eval("[data-testid=result-row]", (rows) => rows.slice(0, 2).map((r) => r.getBoundingClientRect().top));
  assert.ok(tops[1] > tops[0], `rows placed one below the other: ${tops}`);
  await page.click("[data-testid=result-row]");
  await page.waitForSelector("[data-testid=detail-title]");

  await page.click("[data-testid=tab-map]");
  await page.waitForSelector("[data-testid=map][data-drawn=true]");
  // Hover a marker: the tooltip appears beside the pointer (its left/top through the CSSOM).
  const stage = await page.locator("[data-testid=map-stage]").boundingBox();
  const item = await page.$eval("[data-testid=map-item]", (e) => ({ x: Number(e.dataset.x), y: Number(e.dataset.y) }));
  await page.mouse.move(stage.x + item.x, stage.y + item.y);
  const tip = await page.waitForSelector("[data-testid=map-tooltip]");
  const box = await tip.boundingBox();
  assert.ok(Math.abs(box.x - (stage.x + item.x)) < 80 && Math.abs(box.y - (stage.y + item.y)) < 80, "the tooltip sits by the marker");
  const inset = await page.$("[data-testid=map-inset]:not([hidden])");
  if (inset) {
    const left = await inset.evaluate((e) => e.style.left);
    assert.match(left, /^\d+px$/, "the Berlin inset is placed");
  }

  await page.click("[data-testid=tab-network]");
  await page.waitForSelector("[data-testid=network-view][data-drawn=true]");
  await page.click("[data-testid=tab-charts]");
  await page.waitForSelector("[data-testid=charts][data-drawn=true]");
  const swatch = await page.$eval("[data-testid=charts] .swatch", (e) => getComputedStyle(e).backgroundColor);
  assert.notEqual(swatch, "rgba(0, 0, 0, 0)", "the legend's swatches have their colours");

  // The share dialog and its live preview (the app in an embed frame, under the same policy).
  await page.click("[data-testid=share]");
  await page.waitForSelector("[data-testid=share-dialog]");
  const preview = await (await page.waitForSelector("[data-testid=share-preview]")).contentFrame();
  await preview.waitForSelector("[data-drawn=true]", { timeout: 60_000 });
  assert.deepEqual(await violations(preview), [], "in the preview");
  await page.keyboard.press("Escape");
  assert.deepEqual(await violations(page), []);
});

test("a framed map, presentation and kiosk: no violation; the gesture hint is placed", async () => {
  const { page } = browser;
  // In a page that scrolls around the frame, a plain wheel scrolls that page and the stage says how to zoom,
  // its text in the middle of the part that shows.
  await page.goto(fixtureUrl("framed-map.html"), { waitUntil: "load" });
  const frame = await (await page.waitForSelector("iframe")).contentFrame();
  await waitReady(frame);
  await frame.waitForSelector("[data-testid=map][data-drawn=true]", { state: "attached" });
  await page.evaluate(() => document.querySelector("iframe").scrollIntoView({ block: "center" }));
  // The middle of the part of the stage that shows, below the map's buttons.
  const stage = await frame.locator("[data-testid=map-stage]").boundingBox();
  const outer = await page.locator("iframe").boundingBox();
  const top = Math.max(stage.y + 100, outer.y, 0);
  const bottom = Math.min(stage.y + stage.height, outer.y + outer.height, page.viewportSize().height);
  await page.mouse.move(stage.x + stage.width / 2, (top + bottom) / 2);
  await page.mouse.wheel(0, -200);
  const hint = await frame.waitForSelector("[data-testid=gesture-hint][data-hint=wheel] > *", { state: "attached" });
  assert.match(await hint.evaluate((e) => e.style.top), /^\d+px$/, "the hint's text is placed");
  assert.deepEqual(await violations(frame), []);
  assert.deepEqual(await violations(page), [], "the host page");

  for (const mode of ["present", "kiosk"]) {
    // Each plays the demo tour from its first step, whatever view the link names.
    await openApp(page, `lang=en&mode=${mode}`);
    await page.waitForSelector("[data-drawn=true]", { state: "attached" });
    assert.deepEqual(await violations(page), [], mode);
  }
});
