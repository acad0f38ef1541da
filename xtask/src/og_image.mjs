// The link preview's picture of the map (run by xtask/src/og.rs at build time, only with a public URL):
//   node xtask/src/og_image.mjs APP_URL OUT.png WIDTH HEIGHT
// Opens the demo's map view of the app served at APP_URL in Debian's headless Chromium (playwright-core from
// end2end/node_modules; CHROMIUM_PATH overrides the binary), waits until the map has drawn, and saves a
// WIDTH x HEIGHT PNG of the map alone: the viewport is sized so that the map's stage has the picture's
// proportions, and the stage is drawn at 1.5x (its zoom buttons hidden, its credits kept).
import { writeFileSync } from "node:fs";
import { launchChromium } from "./chromium.mjs";

const [appUrl, out, w, h] = process.argv.slice(2);
const width = Number(w);
const height = Number(h);
if (!appUrl || !out || !(width > 0) || !(height > 0)) {
  console.error("usage: node og_image.mjs APP_URL OUT.png WIDTH HEIGHT");
  process.exit(2);
}

const STAGE = "[data-testid=map-stage]";
// Drawn at this pixel ratio: the picture is WIDTH x HEIGHT pixels of a stage WIDTH/SCALE x HEIGHT/SCALE CSS
// pixels wide, so that its labels stay readable when a preview shows the picture at half its size.
const SCALE = 1.5;

const browser = await launchChromium();
try {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    deviceScaleFactor: SCALE,
    reducedMotion: "reduce",
    locale: "en-US",
    timezoneId: "Europe/Berlin",
  });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  const target = { width: Math.round(width / SCALE), height: Math.round(height / SCALE) };
  // The stage's size follows the viewport's (not one to one: e.g. a height in vh): open the map, measure the
  // stage, move the viewport by a secant step towards the target and open it again (the map frames the
  // region for the size it starts with); a pixel off is covered below.
  let box;
  let prev;
  for (let attempt = 0; attempt < 6; attempt++) {
    await openMap(page);
    box = await page.locator(STAGE).boundingBox();
    const vp = page.viewportSize();
    const off = { width: target.width - box.width, height: target.height - box.height };
    if (Math.abs(off.width) < 1 && Math.abs(off.height) < 1) break;
    const next = {};
    for (const k of ["width", "height"]) {
      const slope = prev && prev.vp[k] !== vp[k] ? (box[k] - prev.box[k]) / (vp[k] - prev.vp[k]) : 1;
      next[k] = Math.max(320, Math.round(vp[k] + off[k] / (Math.abs(slope) > 0.05 ? slope : 1)));
    }
    prev = { vp, box };
    await page.setViewportSize(next);
  }
  // The picture shows the map and its credits, not the zoom buttons.
  await page.addStyleTag({ content: ".map-controls { display: none !important; }" });
  const shot = await page.locator(STAGE).screenshot({ type: "png", animations: "disabled" });
  if (errors.length) throw new Error(`the page reported errors:\n${errors.join("\n")}`);
  // Exactly WIDTH x HEIGHT: the stage's picture scaled to cover it (a no-op when the stage had the target size).
  const frame = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  await frame.setContent(
    `<body style="margin:0"><img style="display:block;width:${width}px;height:${height}px;object-fit:cover" ` +
      `src="data:image/png;base64,${shot.toString("base64")}"></body>`,
  );
  await frame.waitForFunction(() => document.images[0].complete);
  writeFileSync(out, await frame.screenshot({ type: "png" }));
  console.log(`og image: stage ${Math.round(box.width)}x${Math.round(box.height)} CSS px at ${SCALE}x -> ${width}x${height}`);
} finally {
  await browser.close();
}

/** Opens the demo's map view and waits until it has drawn its markers. */
async function openMap(page) {
  await page.goto(new URL("?view=map&lang=en", appUrl).href, { waitUntil: "load" });
  await page.waitForFunction(() => ["true", "error"].includes(document.documentElement.dataset.ready), null, {
    timeout: 60_000,
  });
  if ((await page.getAttribute("html", "data-ready")) !== "true") throw new Error("the app did not get ready");
  await page.waitForSelector("[data-testid=map][data-drawn=true]", { timeout: 60_000 });
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=map-item]").length > 0);
}
