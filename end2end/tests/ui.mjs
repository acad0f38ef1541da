// Small page-object helpers for the app's controls (data-testid based). Not a test file.
export async function resultsCount(page) {
  const text = await page.textContent("[data-testid=results-count]");
  return Number(text.replace(/[^\d]/g, ""));
}

export async function rowNames(page) {
  return page.$$eval("[data-testid=result-row] .row-name", (els) => els.map((e) => e.textContent.trim()));
}

export async function facetCount(page, facet, value) {
  const text = await page.textContent(`[data-testid=${facet}] li:has(input[value="${value}"]) [data-testid=count]`);
  return Number(text.replace(/[^\d]/g, ""));
}

/** Ticks a facet value and waits until the list shows the new selection. */
export async function checkFacet(page, facet, value) {
  const before = await page.textContent("[data-testid=results-count]");
  const expected = await facetCount(page, facet, value);
  await page.check(`[data-testid=${facet}] input[value="${value}"]`);
  await page.waitForFunction(
    ([b, n]) => {
      const t = document.querySelector("[data-testid=results-count]")?.textContent ?? "";
      return t !== b || Number(t.replace(/[^\d]/g, "")) === n;
    },
    [before, expected],
  );
}

/** Opens the filter panel if it is closed (a drawer below 1280 px, a column wider). */
export async function openFilters(page) {
  if ((await page.getAttribute("[data-testid=filters-button]", "aria-expanded")) !== "true") {
    await page.click("[data-testid=filters-button]");
  }
  await page.waitForSelector("[data-testid=filters]", { state: "visible" });
}

/** Chooses the renderer of the map and the network in the settings panel, and closes the panel again. */
export async function chooseRenderer(page, renderer) {
  await page.click("[data-testid=settings]");
  await page.selectOption("[data-testid=network-renderer]", renderer);
  await page.click("[data-testid=settings]");
}
