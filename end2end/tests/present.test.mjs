// Presentation mode and tours (issue 15, docs/presenting.md) at a projector's 1920x1080: the app's chrome
// gives way to the presentation's bar, text meets 24 px (body) and 18 px (everything else) by computed style,
// the demo tour steps by keys (ArrowRight, Space, PageDown and back), the caption, progress, Query and camera
// change, pause stops the timer, and the tour editor records, reorders, downloads (checked by the CLI) and plays.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, openApp } from "../helpers.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

let browser;
before(async () => {
  browser = await launch({ viewport: { width: 1920, height: 1080 }, serviceWorkers: "block" });
});
after(async () => { await browser?.close(); });

const caption = (page) => page.textContent("[data-testid=present-caption]");
const step = async (page) => Number(await page.getAttribute("[data-testid=present-progress]", "data-step"));
const param = (page, name) => page.evaluate((n) => new URL(location.href).searchParams.getAll(n).join(","), name);

async function waitStep(page, n) {
  await page.waitForSelector(`[data-testid=present-progress][data-step="${n}"]`);
}

test("present mode hides the chrome and its text is at least 24 px (body) and 18 px (everything)", async () => {
  const { page } = browser;
  await openApp(page, "mode=present&lang=en");
  await waitStep(page, 1);
  await page.waitForSelector("[data-testid=map][data-drawn=true]");
  assert.equal(await page.getAttribute("html", "data-mode"), "present");
  for (const sel of [".app-header", "[data-testid=filters-button]", ".tabs", ".filters", "[data-testid=results-count]", ".map-controls"]) {
    assert.equal(await page.locator(sel).filter({ visible: true }).count(), 0, `${sel} is shown`);
  }
  assert.match(await caption(page), /ICT, media and creative industries/);
  assert.match(await page.textContent("[data-testid=present-progress]"), /Step 1 of 10/);
  assert.match(await page.textContent("[data-testid=present-credits]"), /Data as of 2026-11-01/);
  const sizes = await page.evaluate(() => {
    const small = [];
    for (const el of document.body.querySelectorAll("*")) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own || !el.checkVisibility() || el.closest(".visually-hidden")) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < 18) small.push(`${el.className || el.tagName}: ${px}px "${el.textContent.trim().slice(0, 30)}"`);
    }
    return { body: parseFloat(getComputedStyle(document.body).fontSize), small };
  });
  assert.ok(sizes.body >= 24, `body ${sizes.body}px`);
  assert.deepEqual(sizes.small, []);
});

test("the demo tour steps by ArrowRight, Space, PageDown and back; caption, progress, Query and camera change", async () => {
  const { page } = browser;
  await openApp(page, "mode=present&lang=en");
  await waitStep(page, 1);
  await page.waitForSelector("[data-testid=map][data-drawn=true]");
  // The steps wait for the visitor (8 s each): pause, so the timer cannot move them during the test.
  await page.keyboard.press("p");
  assert.equal(await page.getAttribute("[data-testid=present-pause]", "aria-pressed"), "true");
  const camera = () => page.getAttribute("[data-testid=map]", "data-camera");
  const cameraChanged = (from) =>
    page.waitForFunction((c) => document.querySelector("[data-testid=map]").dataset.camera !== c, from);
  const cam1 = await camera();
  const first = await caption(page);

  await page.keyboard.press("ArrowRight");
  await waitStep(page, 2);
  assert.match(await caption(page), /Artificial intelligence/);
  assert.notEqual(await caption(page), first);
  assert.equal(await param(page, "tech"), "ai");
  assert.equal(await param(page, "mode"), "present", "the page stays a presentation");
  await cameraChanged(cam1);
  await page.waitForFunction(() => location.hash.includes("map=10.30/52.49000/13.40000"));
  const cam2 = await camera();

  await page.keyboard.press(" ");
  await waitStep(page, 3);
  assert.match(await caption(page), /Internet of Things/);
  assert.equal(await param(page, "tech"), "iot");
  assert.equal(await param(page, "shading"), "actors");
  await cameraChanged(cam2);
  const cam3 = await camera();

  await page.keyboard.press("PageDown");
  await waitStep(page, 4);
  assert.equal(await param(page, "tech"), "vr");
  assert.match(await page.textContent("[data-testid=present-progress]"), /Step 4 of 10/);
  await cameraChanged(cam3);

  await page.keyboard.press("ArrowLeft");
  await waitStep(page, 3);
  await page.keyboard.press("PageUp");
  await waitStep(page, 2);
  assert.equal(await param(page, "tech"), "ai");
  assert.equal(await param(page, "shading"), "", "the step's Query replaces the last one's");
  await page.keyboard.press("End");
  await waitStep(page, 10);
  assert.equal(await param(page, "view"), "charts");
  await page.waitForSelector("[data-testid=charts]");
});

test("a swipe beside the stage steps; full screen is granted or refused with a notice, never an error", async () => {
  const { page } = browser;
  await openApp(page, "mode=present&lang=en");
  await waitStep(page, 1);
  await page.keyboard.press("p");
  const swipe = (from, to) =>
    page.evaluate(([a, b]) => {
      const el = document.querySelector("[data-testid=present-caption]");
      const ev = (type, x) => new PointerEvent(type, { pointerType: "touch", clientX: x, clientY: 40, bubbles: true, isPrimary: true });
      el.dispatchEvent(ev("pointerdown", a));
      el.dispatchEvent(ev("pointerup", b));
    }, [from, to]);
  await swipe(900, 600);
  await waitStep(page, 2);
  await swipe(600, 900);
  await waitStep(page, 1);
  await swipe(600, 620);
  assert.equal(await step(page), 1, "a short move is no swipe");

  await page.click("[data-testid=present-fullscreen]");
  await page.waitForFunction(() => {
    const b = document.querySelector("[data-testid=present-fullscreen]");
    const notice = [...document.querySelectorAll(".present-error[role=status]")].some((e) => !e.hidden);
    return b.getAttribute("aria-pressed") === "true" || notice;
  });
  if ((await page.getAttribute("[data-testid=present-fullscreen]", "aria-pressed")) === "true") {
    assert.match(await page.textContent("[data-testid=present-fullscreen]"), /Leave full screen/);
    await page.click("[data-testid=present-fullscreen]");
    await page.waitForSelector('[data-testid=present-fullscreen][aria-pressed="false"]');
  }
});

test("steps move on by their duration, pause stops them, resume goes on; a network step sets the network's camera", async () => {
  const { page } = browser;
  await openApp(page, "mode=present&lang=en&tour=fixtures/tours/short.json");
  await waitStep(page, 1);
  assert.match(await caption(page), /First of three/);
  await waitStep(page, 2);
  await page.keyboard.press("k");
  assert.equal(await page.getAttribute("[data-testid=present-pause]", "aria-pressed"), "true");
  assert.match(await page.textContent("[data-testid=present-pause]"), /Resume/);
  await page.waitForTimeout(2500);
  assert.equal(await step(page), 2, "paused: no step moved on");
  await page.click("[data-testid=present-pause]");
  await waitStep(page, 3);
  assert.match(await caption(page), /Third of three/);
  await page.waitForSelector("[data-testid=network-view][data-drawn=true]");
  await page.waitForFunction(() => document.querySelector("[data-testid=network-view]").dataset.camera === "0.00/0.00/2.00000");
  await page.waitForTimeout(1500);
  assert.equal(await step(page), 3, "a one-way tour rests on its last step");
});

test("the tour editor records two steps, reorders them, downloads a tour the CLI accepts and plays it", async () => {
  const { page } = browser;
  await openApp(page, "view=map&tech=ai&lang=en");
  await page.click("[data-testid=tour-button]");
  await page.click("[data-testid=tour-add]");
  await page.click("[data-testid=tab-network]");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("view") === "network");
  await page.click("[data-testid=tour-add]");
  const steps = page.locator("[data-testid=tour-step]");
  assert.equal(await steps.count(), 2);
  await steps.nth(0).locator("[data-testid=tour-caption-en]").fill("AI on the map");
  await steps.nth(0).locator("[data-testid=tour-caption-en]").press("Tab");
  await steps.nth(1).locator("[data-testid=tour-caption-de]").fill("KI im Netzwerk");
  await steps.nth(1).locator("[data-testid=tour-caption-de]").press("Tab");
  await steps.nth(1).locator("[data-testid=tour-up]").click();
  assert.match(await steps.nth(0).textContent(), /Network/);
  assert.equal(await steps.nth(0).locator("[data-testid=tour-caption-de]").inputValue(), "KI im Netzwerk");

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=tour-download]")]);
  const file = join(mkdtempSync(join(tmpdir(), "ecomap-tour-")), "tour.json");
  await download.saveAs(file);
  const tour = JSON.parse(readFileSync(file, "utf8"));
  assert.deepEqual(tour.steps.map((s) => [s.view, s.query]), [["network", "tech=ai"], ["map", "tech=ai"]]);
  assert.equal(tour.steps[1].caption.en, "AI on the map");
  const out = execFileSync("cargo", ["run", "-q", "-p", "ecomap-cli", "--", "tour", "check", file, "public/data/demo.json"], { cwd: ROOT, encoding: "utf8" });
  assert.match(out, /2 steps, valid/);
  // A tour naming a technology the export does not have fails the check, with its step.
  writeFileSync(file, JSON.stringify({ ...tour, steps: [tour.steps[0], { ...tour.steps[1], query: "tech=robotics" }] }));
  assert.throws(
    () => execFileSync("cargo", ["run", "-q", "-p", "ecomap-cli", "--", "tour", "check", file, "public/data/demo.json"], { cwd: ROOT, encoding: "utf8", stdio: "pipe" }),
    (e) => e.status === 1 && /step 2: “robotics”/.test(e.stdout),
  );

  await page.click("[data-testid=tour-play]");
  await page.waitForSelector("[data-testid=present-bar]");
  assert.equal(await page.getAttribute("html", "data-mode"), "present");
  assert.equal(await caption(page), tour.steps[0].caption.en);
  assert.equal(await param(page, "view"), "network");
  await page.keyboard.press("ArrowRight");
  await waitStep(page, 2);
  assert.equal(await caption(page), "AI on the map");
  await page.click("[data-testid=present-exit]");
  await page.waitForSelector(".app-header");
  assert.equal(await page.getAttribute("html", "data-mode"), "full");
  assert.equal(await param(page, "mode"), "");
});

test("on a laptop (1280x800) the bar stays low: the controls go below the caption, which keeps the width", async () => {
  const { page } = browser;
  await page.setViewportSize({ width: 1280, height: 800 });
  try {
    await openApp(page, "mode=present&lang=en");
    await page.waitForSelector("[data-testid=present-progress][data-step='1']");
    const bar = await page.locator("[data-testid=present-bar]").boundingBox();
    const caption = await page.locator("[data-testid=present-caption]").boundingBox();
    const controls = await page.locator(".present-controls").boundingBox();
    assert.ok(bar.height <= 800 * 0.3, `the bar is ${bar.height} px high`);
    assert.ok(caption.width >= 1280 * 0.8, `the caption is ${caption.width} px wide`);
    assert.ok(controls.y >= caption.y + caption.height - 1, "the controls are below the caption");
  } finally {
    await page.setViewportSize({ width: 1920, height: 1080 });
  }
});
