// Exploring the demo: filters with live counts, search with and without umlauts, detail panels,
// headline figures. One browser for the file; each test opens the app afresh.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp } from "../helpers.mjs";
import { resultsCount, rowNames, facetCount, checkFacet } from "./ui.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("headline shows the cluster's figures for the demo's latest year", async () => {
  const { page } = browser;
  await openApp(page, "lang=en");
  assert.match(await page.textContent("[data-testid=headline-projects]"), /98/);
  assert.match(await page.textContent("[data-testid=headline-volume]"), /€68\.9M/);
  assert.match(await page.textContent("[data-testid=headline-new]"), /42/);
  assert.match(await page.textContent("[data-testid=data-note] summary"), /real research institutions and networks, invented companies/);
});

test("a synthetic export says that every record is invented", async () => {
  const { page } = browser;
  // `ecomap generate --actors 30 --seed 1`: every actor is marked fictional.
  await openApp(page, "lang=en&data=fixtures/generated-30.json");
  const summary = await page.textContent("[data-testid=data-note] summary");
  assert.match(summary, /every actor and project is invented/);
  assert.doesNotMatch(summary, /real/);
});

test("filter_by_technology: counts and list change, and the URL records it", async () => {
  const { page } = browser;
  await openApp(page, "lang=en");
  const all = await resultsCount(page);
  const sectorBefore = await facetCount(page, "facet-sector", "software");
  const expected = await facetCount(page, "facet-technology", "blockchain");
  assert.ok(expected > 0 && expected < all, `blockchain count ${expected} of ${all}`);
  await checkFacet(page, "facet-technology", "blockchain");
  assert.equal(await resultsCount(page), expected, "list shows what the facet count promised");
  assert.ok((await facetCount(page, "facet-sector", "software")) < sectorBefore, "other facets' counts follow");
  assert.match(page.url(), /tech=blockchain/);
});

test("filter_by_sector and kind combine with AND across facets, OR within", async () => {
  const { page } = browser;
  await openApp(page, "lang=en");
  const games = await facetCount(page, "facet-sector", "games");
  await checkFacet(page, "facet-sector", "games");
  assert.equal(await resultsCount(page), games);
  const film = await facetCount(page, "facet-sector", "film");
  await checkFacet(page, "facet-sector", "film");
  const both = await resultsCount(page);
  assert.ok(both >= games && both <= games + film, `OR within sector: ${both}`);
  const startups = await facetCount(page, "facet-kind", "startup");
  await checkFacet(page, "facet-kind", "startup");
  assert.equal(await resultsCount(page), startups);
  assert.ok(startups < both, "AND across facets narrows");
});

test("search finds Universität with and without umlauts, any case", async () => {
  const { page } = browser;
  await openApp(page, "lang=en");
  await page.fill("[data-testid=search]", "universitat");
  const plain = await rowNames(page);
  assert.ok(plain.some((n) => n.includes("Technische Universität Berlin")), plain.join(" | "));
  const n = await resultsCount(page);
  await page.fill("[data-testid=search]", "UNIVERSITÄT");
  assert.equal(await resultsCount(page), n);
  await page.fill("[data-testid=search]", "zzzz-nothing");
  assert.equal(await resultsCount(page), 0);
  await page.waitForSelector("[data-testid=no-results]");
});

test("open an actor: all fields, projects, related actors, provenance, safe website link", async () => {
  const { page } = browser;
  await openApp(page, "lang=en&q=spree");
  const first = (await rowNames(page))[0];
  await page.click("[data-testid=result-row] >> nth=0");
  await page.waitForSelector("[data-testid=detail]");
  assert.equal((await page.textContent("[data-testid=detail-title]")).trim(), first);
  assert.match(await page.textContent("[data-testid=provenance]"), /as of \d{4}-\d{2}-\d{2}/);
  assert.match(page.url(), /actor=/);
  const link = await page.$("[data-testid=website]");
  if (link) {
    assert.equal(await link.getAttribute("rel"), "noopener noreferrer");
    assert.match(await link.getAttribute("href"), /^https?:\/\//);
  }
  await page.keyboard.press("Escape");
});

test("open a technology: its ecosystem by kind, leading actors, projects and volume", async () => {
  const { page } = browser;
  await openApp(page, "lang=en");
  await page.click("[data-testid=facet-technology] li:has(input[value=ai]) [data-testid=open-technology]");
  await page.waitForSelector("[data-testid=tech-by-kind] li");
  assert.equal((await page.textContent("[data-testid=detail-title]")).trim(), "Artificial Intelligence");
  assert.ok((await page.$$("[data-testid=tech-leading] li")).length > 0);
  assert.match(await page.textContent("[data-testid=tech-volume]"), /€/);
  // A leading actor opens its own detail.
  const leader = (await page.textContent("[data-testid=tech-leading] li a")).trim();
  await page.click("[data-testid=tech-leading] li a");
  await page.waitForFunction((n) => document.querySelector("[data-testid=detail-title]")?.textContent.trim() === n, leader);
});

test("keyboard: arrow down and Enter open the second result", async () => {
  const { page } = browser;
  await openApp(page, "lang=en");
  const names = await rowNames(page);
  await page.focus("[data-testid=results]");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-testid=detail]");
  assert.equal((await page.textContent("[data-testid=detail-title]")).trim(), names[1]);
});
