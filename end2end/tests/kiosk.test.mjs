// Kiosk mode (docs/presenting.md, src/kiosk/): a touch screen at a stand, 1920x1080. The tour plays as an
// attract loop until the first touch; the explorer is then touch first (44 px targets, no search, no text
// selection, no context menu, no pinch zoom of the page); an outbound link shows a QR code instead of leaving;
// idle, a countdown and the attract loop again; a panic starts the kiosk over by itself; a long press in the
// corner and the PIN of config.json leave kiosk mode.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp, waitReady, allowErrors } from "../helpers.mjs";
import { panicOnPurpose } from "./ui.mjs";

const TOUR = "fixtures/tours/short.json";
const KIOSK = { pin: "2468", idleSeconds: 6 };

let browser;
before(async () => {
  browser = await launch({ viewport: { width: 1920, height: 1080 }, hasTouch: true });
  // The kiosk's settings as a site would configure them (a short idle time, so the test need not wait long).
  await browser.context.route("**/config.json", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ kiosk: KIOSK }) }),
  );
});
after(async () => {
  await browser?.close();
});

const shown = (page, sel) => page.isVisible(sel);
const attract = (page) => page.waitForSelector("[data-testid=kiosk-attract]:not([hidden])");

/** Opens the kiosk and waits until its attract loop plays the tour's first step. */
async function openKiosk(page) {
  await openApp(page, `mode=kiosk&lang=en&tour=${TOUR}`);
  await attract(page);
  await page.waitForFunction(() => /First of three/.test(document.querySelector("[data-testid=present-caption]")?.textContent));
}

/** Ends the attract loop with a touch on the middle of the screen. */
async function touchToExplore(page) {
  await page.touchscreen.tap(960, 600);
  await page.waitForSelector("[data-testid=kiosk-attract][hidden]", { state: "attached" });
  await page.waitForSelector(".app-header", { state: "visible" });
}

test("the tour plays as an attract loop; a touch leaves the explorer there, touch first", async () => {
  const { page } = browser;
  await openKiosk(page);
  assert.equal(await page.getAttribute("html", "data-kiosk"), "on");
  assert.ok(await shown(page, "[data-testid=present-caption]"));
  assert.equal(await shown(page, "[data-testid=present-exit]"), false, "no exit offered to visitors");
  // The loop goes on by itself (1 s steps) and comes back to the first step.
  await page.waitForFunction(() => /Third of three/.test(document.querySelector("[data-testid=present-caption]").textContent));
  await page.waitForFunction(() => /First of three/.test(document.querySelector("[data-testid=present-caption]").textContent));
  await touchToExplore(page);
  assert.equal(await shown(page, "[data-testid=present-bar]"), false);
  assert.equal(new URL(page.url()).searchParams.get("mode"), "kiosk", "still a kiosk");
  // Nothing that needs a keyboard or leaves the kiosk.
  for (const gone of [".search", "[data-testid=share]", ".settings", ".tour-editor"]) {
    assert.equal(await shown(page, gone), false, `${gone} is not shown`);
  }
  const style = await page.evaluate(() => ({
    select: getComputedStyle(document.body).userSelect,
    touch: getComputedStyle(document.documentElement).touchAction,
    viewport: document.querySelector("meta[name=viewport]").content,
  }));
  assert.equal(style.select, "none");
  assert.equal(style.touch, "pan-x pan-y", "the page itself does not pinch-zoom");
  assert.doesNotMatch(style.viewport, /user-scalable|maximum-scale/, "zoom stays possible outside the kiosk");
  // Every visible control is at least 44 px high and wide.
  const small = await page.$$eval("button, select, summary, [role=tab], a[href]", (els) =>
    els
      .filter((e) => e.offsetParent !== null && !e.closest("[aria-hidden=true], .visually-hidden"))
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.height < 44 || r.width < 44))
      .map(({ e, r }) => `${e.tagName.toLowerCase()} "${e.textContent.trim().slice(0, 30)}" ${r.width.toFixed(0)}x${r.height.toFixed(0)}`),
  );
  assert.deepEqual(small, [], "targets of at least 44 px");
  // A checkbox's target is its row (box and label), 44 px high; none is cut off by its column.
  const rows = await page.$$eval("input[type=checkbox]", (els) =>
    els
      .filter((e) => e.offsetParent !== null)
      .map((e) => (e.closest("li") ?? e.closest("label")).getBoundingClientRect())
      .filter((r) => r.height < 44)
      .map((r) => r.height),
  );
  assert.deepEqual(rows, [], "checkbox rows of at least 44 px");
  const cut = await page.$$eval(".filters button", (els) =>
    els.filter((e) => e.offsetParent !== null && e.getBoundingClientRect().right > e.closest(".filters").getBoundingClientRect().right + 0.5)
      .map((e) => e.getAttribute("aria-label") ?? e.textContent),
  );
  assert.deepEqual(cut, [], "no control sticks out of the filter column");
  const menu = await page.evaluate(() => {
    const ev = new MouseEvent("contextmenu", { bubbles: true, cancelable: true });
    document.querySelector("main").dispatchEvent(ev);
    return ev.defaultPrevented;
  });
  assert.equal(menu, true, "no context menu");
});

test("an outbound link shows a QR code instead of leaving the kiosk", async () => {
  const { page, context } = browser;
  await openKiosk(page);
  await touchToExplore(page);
  await page.evaluate(() => {
    const u = new URL(location.href);
    u.searchParams.set("view", "list");
    u.searchParams.set("actor", "tu-berlin");
    history.replaceState(null, "", u);
    dispatchEvent(new PopStateEvent("popstate"));
  });
  const link = page.locator("[data-testid=detail] a[href^='https://www.tu.berlin']").first();
  await link.waitFor();
  const pages = context.pages().length;
  const before = page.url();
  await link.tap();
  await page.waitForSelector("[data-testid=kiosk-qr][open]");
  assert.equal(await page.textContent("[data-testid=kiosk-qr-url]"), await link.evaluate((a) => a.href));
  const d = await page.getAttribute("[data-testid=kiosk-qr-code] path", "d");
  assert.ok(d.length > 200 && d.startsWith("M"), "the code is drawn");
  assert.equal(context.pages().length, pages, "no new tab");
  assert.equal(page.url(), before, "the kiosk stays where it was");
  await page.locator("[data-testid=kiosk-qr] [data-action=close]").tap();
  await page.waitForSelector("[data-testid=kiosk-qr]:not([open])", { state: "attached" });
});

test("idle, a visible countdown, then the attract loop from the first step; a touch in the countdown stays", async () => {
  const { page } = browser;
  await openKiosk(page);
  await touchToExplore(page);
  await page.waitForSelector("[data-testid=kiosk-countdown]:not([hidden])", { timeout: 15_000 });
  assert.match(await page.textContent("[data-testid=kiosk-countdown]"), /Starting over in \d s/);
  await page.touchscreen.tap(960, 700);
  await page.waitForSelector("[data-testid=kiosk-countdown][hidden]", { state: "attached" });
  assert.equal(await shown(page, "[data-testid=kiosk-attract]"), false, "the visitor carries on");
  // Left alone again: the countdown, then the tour from its first step.
  await attract(page);
  assert.match(await page.textContent("[data-testid=present-caption]"), /First of three/);
});

test("a long press in the corner and the PIN leave kiosk mode; a wrong PIN does not", async () => {
  const { page } = browser;
  await openKiosk(page);
  await touchToExplore(page);
  const corner = await page.locator("[data-testid=kiosk-exit-corner]").boundingBox();
  await page.mouse.move(corner.x + 20, corner.y + 20);
  await page.mouse.down();
  await page.waitForSelector("[data-testid=kiosk-pin][open]", { timeout: 5_000 });
  await page.mouse.up();
  for (const k of ["1", "2", "3", "4", "ok"]) await page.click(`[data-testid=kiosk-pin-${k}]`);
  assert.equal(await page.textContent("#kiosk-pin-wrong"), "Wrong PIN.");
  assert.equal(await page.getAttribute("html", "data-kiosk"), "on");
  const nav = page.waitForURL((u) => !u.searchParams.has("mode"));
  for (const k of [..."2468", "ok"]) await page.click(`[data-testid=kiosk-pin-${k}]`);
  await nav;
  await waitReady(page);
  assert.equal(await page.getAttribute("html", "data-kiosk"), null, "the explorer again");
  assert.ok(await shown(page, ".search"), "with its search");
});

test("after a panic the kiosk starts over by itself", async () => {
  const { page } = browser;
  await openKiosk(page);
  allowErrors("console.error: panicked at src/test_hooks.rs:10:5:", "pageerror: unreachable");
  // The restart is a navigation: whatever is loading then (the network's layout worker fetching the app's
  // script, during the tour's network step) is aborted, as by any reload.
  const html = await (await fetch(page.url())).text();
  const js = html.match(/data-js="\.\/([^"]+)"/)?.[1];
  allowErrors(...["print.js", "layout-worker.js", js].map((f) => `requestfailed: /${f} net::ERR_ABORTED`));
  await panicOnPurpose(page);
  await page.waitForSelector("[data-testid=panic]");
  // Nobody presses Reload: within 5 s the kiosk reloads its start address and plays the tour again.
  await page.waitForSelector("[data-testid=panic]", { state: "detached", timeout: 15_000 });
  await waitReady(page);
  await attract(page);
  assert.equal(await page.getAttribute("html", "data-kiosk"), "on");
});
