// Journeys through the views by their tabs, as a visitor clicks them: every ordered pair of the four views
// (the three that leave the network both while its layout runs and after it stopped), then three switches
// within one second; with the demo, with a generated 10,000-actor export, and on a phone. After every switch
// the new view draws, the old one is gone, and nothing panicked or logged an error (the shared fixture in
// helpers.mjs fails the test on any console error, uncaught error or the panic overlay).
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp, unexpectedErrors } from "../helpers.mjs";

const VIEWS = ["list", "map", "network", "charts"];
// An Euler circuit of the complete directed graph on the four views: each of the 12 ordered pairs once.
const WALK = ["list", "map", "network", "charts", "list", "network", "map", "charts", "network", "list", "charts", "map", "list"];
const ROOTS = { map: "[data-testid=map]", network: "[data-testid=network-view]", charts: "[data-testid=charts]" };

/** Waits until view `v` is on screen and drawn, and the other views are gone. */
async function drawn(page, v, timeout) {
  if (v === "list") {
    await page.waitForSelector("[data-testid=result-row]", { timeout });
  } else {
    await page.waitForSelector(`${ROOTS[v]}[data-drawn=true]`, { timeout });
  }
  for (const other of VIEWS.filter((o) => o !== v && o !== "list")) {
    assert.equal(await page.$(ROOTS[other]), null, `${other} is still on the page after switching to ${v}`);
  }
  assert.equal(await page.getAttribute(`[data-testid=tab-${v}]`, "aria-selected"), "true");
}

/** Two animation frames and a macrotask: whatever a left view scheduled would run by now. */
async function settle(page) {
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))),
  );
}

function assertNoErrorsYet(where) {
  const errs = unexpectedErrors();
  assert.deepEqual(errs, [], `errors after ${where}`);
}

/**
 * Walks WALK by clicking tabs. `layoutDone`: wait for the network layout to stop before leaving the network
 * (else leave as soon as the network is on screen, while its layout runs). Returns how often the network was
 * left while its layout was still running.
 */
async function walk(page, { layoutDone, timeout }) {
  let leftRunning = 0;
  for (let k = 1; k < WALK.length; k++) {
    const [from, to] = [WALK[k - 1], WALK[k]];
    if (from === "network") {
      if (layoutDone) {
        await page.waitForSelector(`${ROOTS.network}[data-layout=done][data-drawn=true]`, { timeout });
      } else if ((await page.getAttribute(ROOTS.network, "data-layout")) === "running") {
        leftRunning++;
      }
    }
    await page.click(`[data-testid=tab-${to}]`);
    if (to === "network" && !layoutDone) {
      await page.waitForSelector(ROOTS.network, { timeout });
    } else {
      await drawn(page, to, timeout);
    }
    await settle(page);
    assertNoErrorsYet(`${from} -> ${to}${from === "network" && !layoutDone ? " (layout running)" : ""}`);
  }
  return leftRunning;
}

/** Three switches within one second, then the last view draws. */
async function quickSwitches(page, timeout) {
  for (const seq of [["network", "list", "map"], ["charts", "network", "list"], ["network", "charts", "network"]]) {
    const t0 = Date.now();
    for (const v of seq) await page.click(`[data-testid=tab-${v}]`);
    assert.ok(Date.now() - t0 < 1000, `three switches took ${Date.now() - t0} ms`);
    await drawn(page, seq[2], timeout);
    await settle(page);
    assertNoErrorsYet(`quick switches ${seq.join(" -> ")}`);
  }
}

async function journey(page, query, { timeout = 30_000, expectRunning = false } = {}) {
  await openApp(page, `view=list&lang=en${query ? "&" + query : ""}`, { timeout: 60_000 });
  await drawn(page, "list", timeout);
  // Leaving the network after its layout stopped, then while it runs.
  await walk(page, { layoutDone: true, timeout });
  const leftRunning = await walk(page, { layoutDone: false, timeout });
  if (expectRunning) assert.ok(leftRunning >= 1, "the walk never left the network while its layout ran");
  await quickSwitches(page, timeout);
  // No WebGL context outlives its view: at most one view (map or network) draws with WebGL at a time.
  const contexts = Number((await page.getAttribute("html", "data-webgl-contexts")) ?? 0);
  assert.ok(contexts <= 1, `${contexts} live WebGL contexts with one view on screen`);
}

test("every view by its tab, in every order, on the demo (desktop 1440x900)", async () => {
  const b = await launch({ viewport: { width: 1440, height: 900 } });
  try {
    await journey(b.page, "");
  } finally {
    await b.close();
  }
});

test("every view by its tab, in every order, with a 10,000-actor export (layout left while it runs)", async () => {
  const b = await launch({ viewport: { width: 1440, height: 900 } });
  try {
    await journey(b.page, "data=fixtures/gen-10000.generated.json", { timeout: 90_000, expectRunning: true });
  } finally {
    await b.close();
  }
});

test("every view by its tab, in every order, on a phone (390x844, touch)", async () => {
  const b = await launch({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  try {
    await journey(b.page, "");
  } finally {
    await b.close();
  }
});
