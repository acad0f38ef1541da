// Debian's headless Chromium for xtask's node scripts (og_image.mjs, icons.mjs), driven by playwright-core
// from end2end/node_modules (`npm ci` there first; CHROMIUM_PATH overrides the binary).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { chromium } = createRequire(join(root, "end2end", "package.json"))("playwright-core");

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}
