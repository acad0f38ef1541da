// Browser benchmark of the embeds (docs/embedding.md): for each embed kind (map, network, charts, one chart, list), the
// transfer size and the time to the first drawn view, with the demo data, cold (a fresh browser context: empty
// cache), as a partner's visitor first meets it. Run by `cargo xtask bench`, or by hand against any server of
// dist/ (xtask's sends the precompressed .br/.gz files):
//
//   ECOMAP_URL=http://127.0.0.1:8080 node embed.mjs
//
// The frame's address is opened as the page itself (800x600, the size of an embed in an article): what it
// loads is what the frame loads. Time: from navigation start until the view's root says it drew
// (`data-drawn="true"` on the map, network or charts root; the list: `html[data-ready="true"]`, its first
// results), observed by a MutationObserver installed before the app runs. Transfer: every response of the page
// and its workers, encoded body and headers (Playwright's request sizes). Median of RUNS runs.
// Prints `BENCH name=embed-first-drawn view=V kb=TRANSFER responses=N ms=X` and `# embed V: ...` notes
// (xtask/src/bench/embeds.rs writes them into docs/benchmarks.md).
import { launchChromium } from "./lib/chromium.mjs";

const base = (process.env.ECOMAP_URL || "").replace(/\/+$/, "");
if (!base) {
  console.error("ECOMAP_URL is not set (run `cargo xtask bench`)");
  process.exit(2);
}
const RUNS = 5;
// `kind` names the row: "chart" is one chart alone (`chart=`), the others a whole view.
const KINDS = [
  { kind: "map", query: "view=map", root: "[data-testid=map]" },
  { kind: "network", query: "view=network", root: "[data-testid=network-view]" },
  { kind: "charts", query: "view=charts", root: "[data-testid=charts]" },
  { kind: "chart", query: "view=charts&chart=volume-by-year", root: "[data-testid=charts]" },
  { kind: "list", query: "view=list", root: null },
];

/** Records, in the page, when the view's root first says it drew. */
function watchDrawn(root) {
  window.__drawnAt = null;
  const done = () => {
    const drawn = root
      ? document.querySelector(`${root}[data-drawn="true"]`)
      : document.documentElement.dataset.ready === "true";
    if (drawn && window.__drawnAt === null) window.__drawnAt = performance.now();
    return drawn;
  };
  new MutationObserver((_, obs) => done() && obs.disconnect()).observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ["data-drawn", "data-ready"],
  });
}

async function run(browser, { kind, query, root }) {
  const context = await browser.newContext({
    viewport: { width: 800, height: 600 },
    deviceScaleFactor: 1,
    reducedMotion: "reduce",
    locale: "en-US",
  });
  const sizes = [];
  const encodings = new Set();
  context.on("requestfinished", (req) =>
    sizes.push(
      (async () => {
        const s = await req.sizes();
        const enc = (await req.response())?.headers()["content-encoding"] ?? "identity";
        encodings.add(`${req.url().split("?")[0].split("/").pop().replace(/-[0-9a-f]{8,16}/, "") || "index.html"} ${enc}`);
        return s.responseBodySize + s.responseHeadersSize;
      })().catch(() => 0),
    ),
  );
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`[${kind}] pageerror: ${e}`));
  await page.addInitScript(watchDrawn, root);
  await page.goto(`${base}/?embed=1&${query}&lang=en&height=auto`);
  await page.waitForFunction(() => window.__drawnAt !== null, undefined, { timeout: 60_000 });
  const ms = await page.evaluate(() => window.__drawnAt);
  // Whatever the view still fetches right after drawing (the network's layout worker) counts too.
  await page.waitForLoadState("networkidle");
  const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  await context.close();
  return { ms, bytes, requests: sizes.length, encodings: [...encodings].sort() };
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

const browser = await launchChromium();
try {
  for (const kind of KINDS) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await run(browser, kind));
    const ms = median(runs.map((r) => r.ms));
    const kb = median(runs.map((r) => r.bytes)) / 1024;
    const responses = runs[0].requests;
    console.log(`BENCH name=embed-first-drawn view=${kind.kind} kb=${kb.toFixed(1)} responses=${responses} ms=${ms.toFixed(1)}`);
    console.log(
      `# embed ${kind.kind} (${kind.query}): first drawn view ${ms.toFixed(0)} ms (median of ${RUNS}, cold), ` +
        `transfer ${kb.toFixed(1)} KB in ${responses} responses (${runs[0].encodings.join(", ")})`,
    );
  }
} finally {
  await browser.close();
}
