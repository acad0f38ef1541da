// Accessibility audit with axe-core (issue 16, item 12): every view (list, map, network, charts), an actor's
// detail, the share dialog and, on a phone, the filter drawer, at desktop (1440x900) and phone (390x844) sizes,
// light and dark: no serious or critical violation. The moderate ones are counted and printed
// (`# a11y moderate: N`, in docs/benchmarks.md). axe runs in the page through the test's evaluate, which the
// app's CSP does not govern.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { launch, openApp } from "../helpers.mjs";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let moderate = 0;
after(() => console.log(`# a11y moderate: ${moderate}`));

/** axe's violations of the page as it stands: serious or critical ones in full, moderate ones counted. */
async function audit(page, where) {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () =>
    (await window.axe.run(document, { resultTypes: ["violations"] })).violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`),
    })),
  );
  moderate += found.filter((v) => v.impact === "moderate").reduce((n, v) => n + v.nodes.length, 0);
  const bad = found.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad, [], `${where}: serious or critical violations`);
}

const READY = {
  list: "[data-testid=result-row]",
  map: "[data-testid=map][data-drawn=true]",
  network: "[data-testid=network-view][data-drawn=true][data-layout=done]",
  charts: "[data-testid=charts][data-drawn=true]",
};

for (const [label, viewport, colorScheme] of [
  ["desktop light", { width: 1440, height: 900 }, "light"],
  ["desktop dark", { width: 1440, height: 900 }, "dark"],
  ["phone light", { width: 390, height: 844 }, "light"],
  ["phone dark", { width: 390, height: 844 }, "dark"],
]) {
  test(`axe: every view, an actor's detail and the dialogs, ${label}`, async () => {
    const b = await launch({ viewport, colorScheme });
    try {
      const { page } = b;
      for (const view of ["list", "map", "network", "charts"]) {
        await openApp(page, `view=${view}&lang=en`);
        await page.waitForSelector(READY[view], { timeout: 60_000 });
        await audit(page, `${label}, ${view}`);
      }
      await openApp(page, "view=list&lang=en&actor=tu-berlin");
      await page.waitForSelector("[data-testid=detail] h2");
      await audit(page, `${label}, detail`);
      await page.click("[data-testid=share]");
      await page.waitForSelector("[data-testid=share-dialog][open]");
      await audit(page, `${label}, share dialog`);
      await page.keyboard.press("Escape");
      if (viewport.width < 760) {
        await openApp(page, "view=map&lang=en");
        await page.click("[data-testid=filters-button]");
        await page.waitForSelector("[data-testid=filters-close]");
        await audit(page, `${label}, filter drawer`);
      }
    } finally {
      await b.close();
    }
  });
}
