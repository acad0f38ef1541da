// The header search with suggestions: from every view, typing part of an actor's name suggests it and
// choosing it opens its detail panel; German transliteration ("mueggel" finds "Müggel..."); keyboard only
// (ArrowDown + Enter); a technology or a region suggestion becomes a filter chip; Enter without a suggestion
// keeps the text as the filter of every view; the combobox's ARIA state follows.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp } from "../helpers.mjs";
import { resultsCount } from "./ui.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const SEARCH = "[data-testid=search]";
const OPTION = "[data-testid=search-option]";

/** What marks each view as drawn. */
const DRAWN = {
  map: "[data-testid=map][data-drawn=true]",
  list: "[data-testid=result-row]",
  network: "[data-testid=network-view][data-drawn=true]",
  charts: "[data-testid=charts][data-drawn=true]",
};

/** The suggestions on screen: kind and text of each, in order. */
async function suggestions(page) {
  return page.$$eval("[data-testid=search-option]", (os) =>
    os.map((o) => ({ kind: o.dataset.kind, name: o.querySelector(".search-option-name").textContent })));
}

async function typeInSearch(page, text) {
  await page.click(SEARCH);
  await page.fill(SEARCH, "");
  await page.keyboard.type(text);
  await page.locator(OPTION).first().waitFor();
}

for (const view of ["map", "list", "network", "charts"]) {
  test(`from the ${view} view: part of an actor's name suggests it, and choosing it opens its detail`, async () => {
    const { page } = browser;
    await openApp(page, `view=${view}&lang=en`);
    await page.waitForSelector(DRAWN[view]);
    // The field is in the header, on screen without scrolling.
    const box = await page.locator(SEARCH).boundingBox();
    const header = await page.locator("header.app-header").boundingBox();
    assert.ok(box.y >= header.y && box.y + box.height <= header.y + header.height, "the search field is in the header");
    await typeInSearch(page, "eeport kommu");
    const name = "Spreeport Kommunikation UG (haftungsbeschränkt)";
    const found = await suggestions(page);
    assert.deepEqual(found[0], { kind: "actor", name }, JSON.stringify(found));
    await page.locator(OPTION, { hasText: "Spreeport" }).click();
    await page.waitForSelector("[data-testid=detail]");
    assert.equal((await page.textContent("[data-testid=detail-title]")).trim(), name);
    // Choosing replaces the typed text: the list closes, the field is empty, the view stays.
    assert.equal(await page.getAttribute(SEARCH, "aria-expanded"), "false");
    assert.equal(await page.inputValue(SEARCH), "");
    assert.equal(new URL(page.url()).searchParams.get("view"), view);
    await page.waitForSelector(DRAWN[view]);
  });
}

test("German transliteration, keyboard only: 'mueggel' + ArrowDown + Enter opens 'Müggel…'", async () => {
  const { page } = browser;
  await openApp(page, "view=map&lang=en");
  await page.focus(SEARCH);
  await page.keyboard.type("mueggel");
  await page.locator(OPTION).first().waitFor();
  const found = await suggestions(page);
  assert.ok(found.length >= 4 && found.every((s) => s.kind === "actor" && s.name.startsWith("Müggel")), JSON.stringify(found));
  assert.equal(await page.getAttribute(SEARCH, "role"), "combobox");
  assert.equal(await page.getAttribute(SEARCH, "aria-expanded"), "true");
  assert.equal(await page.getAttribute(SEARCH, "aria-controls"), "search-suggestions");
  assert.equal(await page.getAttribute("#search-suggestions", "role"), "listbox");
  assert.equal(await page.getAttribute(SEARCH, "aria-activedescendant"), null);
  // ArrowDown moves to the first suggestion, ArrowUp wraps to the last and back.
  await page.keyboard.press("ArrowDown");
  const first = await page.getAttribute(SEARCH, "aria-activedescendant");
  assert.equal(await page.getAttribute(`#${first}`, "aria-selected"), "true");
  await page.keyboard.press("ArrowUp");
  const last = await page.getAttribute(SEARCH, "aria-activedescendant");
  assert.equal(last, `search-option-${found.length - 1}`);
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.getAttribute(SEARCH, "aria-activedescendant"), first);
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-testid=detail]");
  assert.equal((await page.textContent("[data-testid=detail-title]")).trim(), found[0].name);
  assert.equal(await page.getAttribute(SEARCH, "aria-expanded"), "false");
  // Escape closes an open list and keeps the text.
  await page.keyboard.type("mueggel");
  await page.locator(OPTION).first().waitFor();
  await page.keyboard.press("Escape");
  assert.equal(await page.getAttribute(SEARCH, "aria-expanded"), "false");
  assert.ok(await page.isHidden("#search-suggestions"));
  assert.equal(await page.inputValue(SEARCH), "mueggel");
});

test("a technology suggestion sets the filter (a chip appears); a region one too, with German headings", async () => {
  const { page } = browser;
  await openApp(page, "view=list&lang=de");
  const all = await resultsCount(page);
  await typeInSearch(page, "künstliche");
  assert.equal(await page.textContent("#search-group-technology"), "Technologien");
  await page.locator(`${OPTION}[data-kind=technology]`, { hasText: "Künstliche Intelligenz" }).click();
  await page.waitForSelector("[data-testid=filter-chip]:has-text('Künstliche Intelligenz')");
  assert.equal(new URL(page.url()).searchParams.get("tech"), "ai");
  assert.equal(new URL(page.url()).searchParams.get("q"), null, "the typed text gave way to the filter");
  await page.waitForFunction((n) => {
    const c = Number(document.querySelector("[data-testid=results-count]")?.textContent.replace(/\D/g, ""));
    return c > 0 && c < n;
  }, all);
  await typeInSearch(page, "kopenick");
  const found = await suggestions(page);
  assert.ok(found.some((s) => s.kind === "region" && s.name === "Treptow-Köpenick"), JSON.stringify(found));
  assert.equal(await page.textContent("#search-group-region"), "Regionen");
  await page.locator(`${OPTION}[data-kind=region]`, { hasText: "Treptow-Köpenick" }).click();
  await page.waitForSelector("[data-testid=filter-chip]:has-text('Treptow-Köpenick')");
  assert.deepEqual(new URL(page.url()).searchParams.getAll("region"), ["11009"]);
  assert.equal(await page.locator("[data-testid=filter-chip]").count(), 2);
});

test("Enter without a chosen suggestion keeps the text as the filter of every view", async () => {
  const { page } = browser;
  await openApp(page, "view=network&lang=en");
  await page.waitForSelector(DRAWN.network);
  const all = await resultsCount(page);
  await typeInSearch(page, "müggel");
  await page.keyboard.press("Enter");
  assert.equal(await page.getAttribute(SEARCH, "aria-expanded"), "false");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("q") === "müggel");
  await page.waitForFunction(
    () => Number(document.querySelector("[data-testid=results-count]")?.textContent.replace(/\D/g, "")) === 8,
  );
  assert.ok(all > 8);
  await page.waitForSelector("[data-testid=filter-chip]:has-text('müggel')");
  assert.equal(await page.$("[data-testid=detail]"), null, "nothing opened");
});
