// How every benchmark starts Debian's Chromium (headless, a fresh temporary profile of its own; CHROMIUM_PATH
// overrides the binary). The shell, map and charts benchmarks run with --disable-gpu; the network benchmark
// passes `{ webgl: true }` to keep WebGL2 (SwiftShader) for its renderer and for sigma.
// (In bench/lib/ so that `cargo xtask bench`, which runs every bench/*.mjs, does not run it as a benchmark.)
import { chromium } from "playwright-core";

const COMMON = [
  "--no-sandbox",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium({ webgl = false } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: webgl ? COMMON : ["--headless", "--disable-gpu", ...COMMON],
  });
}
