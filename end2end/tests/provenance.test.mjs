// Where the data comes from is always visible (issue 16, item 7; ecomap_core::provenance): the app's own export
// has no note; another file, or a visitor's own file, gets a persistent note naming it; a `data:` address is
// refused with the link's notice, and the app's own export is shown.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp } from "../helpers.mjs";
import { dropExport } from "./ui.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("the app's own export has no note; another file is named, in both languages", async () => {
  const { page } = browser;
  await openApp(page, "view=list&lang=en");
  assert.equal(await page.locator("[data-testid=data-source]").count(), 0);
  await openApp(page, "view=list&lang=en&data=fixtures/generated-30.json");
  assert.equal(
    await page.textContent("[data-testid=data-source]"),
    "Data from fixtures/generated-30.json, not the cluster's export.",
  );
  await page.click("[data-testid=lang-de]");
  await page.waitForFunction(() => /^Daten aus fixtures/.test(document.querySelector("[data-testid=data-source]").textContent));
  assert.equal(await page.locator("[data-testid=data-source] button").count(), 0, "it cannot be closed");
});

test("a visitor's own file is named as theirs; a data: address is refused and the own export shown", async () => {
  const { page } = browser;
  await openApp(page, "view=list&lang=en");
  await dropExport(page, "mine");
  await page.waitForSelector("[data-testid=data-source]");
  assert.equal(
    await page.textContent("[data-testid=data-source]"),
    "Data from your file mine.json (only in this browser), not the cluster's export.",
  );
  const payload = encodeURIComponent('data:application/json,{"meta":{"title":{"en":"Spoof"}},"actors":[]}');
  await openApp(page, `view=list&lang=en&data=${payload}`);
  assert.match(await page.textContent("[data-testid=link-notices]"), /data/);
  assert.doesNotMatch(await page.textContent(".app-header [data-testid=title]"), /Spoof/);
  assert.equal(await page.locator("[data-testid=data-source]").count(), 0, "the app's own export is shown");
});
