// The app icons of the web app manifest (public/manifest.webmanifest), drawn from our own SVG
// (public/icons/icon.svg) by Debian's headless Chromium: `cargo xtask icons` runs
//   node xtask/src/icons.mjs public/icons
// and writes icon-192.png, icon-512.png (the SVG as it is) and maskable-512.png (the SVG at 80 % on a full
// square of its blue, so that a launcher's round or squircle mask never cuts into the drawing). The PNGs are
// committed; run this again after changing the SVG.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launchChromium } from "./chromium.mjs";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node icons.mjs ICON_DIR");
  process.exit(2);
}
const svg = readFileSync(join(dir, "icon.svg"), "utf8");
const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
const BLUE = "#0b5cad";

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 }, deviceScaleFactor: 1 });
  for (const [name, size, maskable] of [["icon-192.png", 192, false], ["icon-512.png", 512, false], ["maskable-512.png", 512, true]]) {
    await page.setViewportSize({ width: size, height: size });
    const inner = maskable ? size * 0.8 : size;
    const pad = (size - inner) / 2;
    const background = maskable ? BLUE : "transparent";
    await page.setContent(
      `<html><body style="margin:0;background:${background}"><img src="${src}" width="${inner}" height="${inner}" style="display:block;margin:${pad}px"></body></html>`,
    );
    await page.waitForFunction(() => document.images[0].complete);
    const png = await page.screenshot({ omitBackground: !maskable, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(join(dir, name), png);
    console.log(`wrote ${join(dir, name)} (${size}x${size}, ${png.length} bytes)`);
  }
} finally {
  await browser.close();
}
