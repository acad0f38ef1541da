// State in the URL: reload, back/forward and shared links restore it; language switch keeps it;
// unknown link parameters are ignored with a notice.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp, waitReady } from "../helpers.mjs";
import { resultsCount, checkFacet } from "./ui.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("reload restores filters, search, focus and view from the URL", async () => {
  const { page } = browser;
  await openApp(page, "lang=en");
  await checkFacet(page, "facet-technology", "ai");
  await checkFacet(page, "facet-region-be", "11001");
  await page.fill("[data-testid=search]", "lab");
  await page.waitForFunction(() => location.search.includes("q=lab"));
  await page.click("[data-testid=result-row] >> nth=0");
  await page.waitForSelector("[data-testid=detail]");
  const title = (await page.textContent("[data-testid=detail-title]")).trim();
  const count = await resultsCount(page);
  await page.click("[data-testid=tab-charts]");
  const url = page.url();

  await page.reload();
  await waitReady(page);
  assert.equal(page.url(), url);
  assert.equal(await resultsCount(page), count);
  assert.ok(await page.isChecked("[data-testid=facet-technology] input[value=ai]"));
  assert.ok(await page.isChecked("[data-testid=facet-region-be] input[value='11001']"));
  assert.equal(await page.inputValue("[data-testid=search]"), "lab");
  assert.equal((await page.textContent("[data-testid=detail-title]")).trim(), title);
  assert.equal(await page.getAttribute("[data-testid=tab-charts]", "aria-selected"), "true");
});

test("back and forward step through filter changes", async () => {
  const { page } = browser;
  await openApp(page, "lang=en");
  const all = await resultsCount(page);
  await checkFacet(page, "facet-kind", "startup");
  const startups = await resultsCount(page);
  await checkFacet(page, "facet-sector", "games");
  const both = await resultsCount(page);
  assert.ok(both < startups && startups < all);
  await page.goBack();
  await page.waitForFunction((n) => document.querySelector("[data-testid=results-count]").textContent.replace(/[^\d]/g, "") === String(n), startups);
  assert.ok(!(await page.isChecked("[data-testid=facet-sector] input[value=games]")));
  await page.goBack();
  await page.waitForFunction((n) => document.querySelector("[data-testid=results-count]").textContent.replace(/[^\d]/g, "") === String(n), all);
  await page.goForward();
  await page.waitForFunction((n) => document.querySelector("[data-testid=results-count]").textContent.replace(/[^\d]/g, "") === String(n), startups);
});

test("switching language translates the interface, reformats numbers and keeps the state", async () => {
  const { page } = browser;
  await openApp(page, "lang=en&kind=university");
  const count = await resultsCount(page);
  assert.match(await page.textContent("[data-testid=headline-volume]"), /volume/);
  await page.click("[data-testid=lang-de]");
  await page.waitForFunction(() => document.documentElement.lang === "de");
  assert.match(await page.textContent("[data-testid=facet-kind] legend"), /Art des Akteurs/);
  assert.match(await page.textContent("[data-testid=results-count]"), /Treffer/);
  assert.match(page.url(), /lang=de/);
  assert.match(page.url(), /kind=university/);
  assert.equal(await resultsCount(page), count);
  assert.ok(await page.isChecked("[data-testid=facet-kind] input[value=university]"));
});

test("German is chosen from the browser language when the link does not say", async () => {
  const de = await launch({ locale: "de-DE" });
  try {
    await openApp(de.page, "");
    assert.equal(await de.page.getAttribute("html", "lang"), "de");
    assert.match(await de.page.textContent("[data-testid=headline-volume]"), /68,9 Mio\. €/);
  } finally {
    await de.close();
  }
});

test("unknown or invalid link parameters are ignored with a notice", async () => {
  const { page } = browser;
  await openApp(page, "lang=en&foo=1&kind=alien&tech=no-such-tech&tech=ai");
  const notices = await page.textContent("[data-testid=link-notices]");
  assert.match(notices, /foo/);
  assert.match(notices, /alien/);
  assert.match(notices, /no-such-tech/);
  assert.ok(await page.isChecked("[data-testid=facet-technology] input[value=ai]"), "the valid rest applies");
});

test("an unknown value of a view option is ignored with a notice; the valid rest applies", async () => {
  const { page } = browser;
  await openApp(page, "lang=en&view=network&mode=globe&ego=9&nodes=volume");
  const notices = await page.textContent("[data-testid=link-notices]");
  assert.match(notices, /“mode” has an invalid value “globe”/);
  assert.match(notices, /“ego” has an invalid value “9”/);
  await page.waitForSelector("[data-testid=network-view][data-size-by=volume]");
  assert.equal(await page.getAttribute("[data-testid=network-view]", "data-mode"), "ecosystems");
});
