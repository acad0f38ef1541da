// The panic message: when the app panics (here on purpose, through `ecomap_test_panic` in src/test_hooks.rs, an
// export of the app's module that no URL or control reaches), a readable message covers the page, its
// Reload button has the keyboard focus, and Reload brings back the state the URL describes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp, waitReady, allowErrors } from "../helpers.mjs";
import { panicOnPurpose } from "./ui.mjs";

/** WCAG contrast ratio of two CSS colours "rgb(r, g, b)" (opaque). */
function contrast(a, b) {
  const lum = (css) => {
    const [r, g, bl] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test("a panic shows a readable message, and Reload restores the state from the URL", async () => {
  const b = await launch();
  const { page } = b;
  try {
    const query = "view=charts&lang=de&kind=research";
    await openApp(page, query);
    const countBefore = await page.textContent("[data-testid=results-count]");
    // The panic's console message (its first line; the stack follows) and the trap that ends the call.
    allowErrors("console.error: panicked at src/test_hooks.rs:10:5:", "pageerror: unreachable");
    await panicOnPurpose(page);
    const overlay = page.locator("[data-testid=panic]");
    await overlay.waitFor();
    assert.equal(await page.getAttribute("html", "data-ready"), "error");
    // Readable: the message and the button, each against its own background, at least 4.5:1.
    for (const sel of ["#panic-overlay p", "#panic-overlay button"]) {
      const { color, background } = await page.$eval(sel, (el) => {
        const s = getComputedStyle(el);
        return { color: s.color, background: s.backgroundColor };
      });
      assert.doesNotMatch(background, /rgba\(.*, 0\)|transparent/, `${sel} has a background of its own`);
      const ratio = contrast(color, background);
      assert.ok(ratio >= 4.5, `${sel}: contrast ${ratio.toFixed(2)}:1 (${color} on ${background})`);
    }
    assert.match(await overlay.textContent(), /Something went wrong/);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Reload / Neu laden");
    // Reload: the same URL, so the same view, language and filters; no overlay.
    const urlBefore = page.url();
    await Promise.all([page.waitForEvent("load"), page.keyboard.press("Enter")]);
    await waitReady(page);
    assert.equal(page.url(), urlBefore);
    assert.equal(await page.$("#panic-overlay"), null);
    assert.equal(await page.getAttribute("[data-testid=tab-charts]", "aria-selected"), "true");
    assert.equal(await page.getAttribute("html", "lang"), "de");
    assert.ok(await page.isChecked("[data-testid=facet-kind] input[value=research]"), "the kind filter is back");
    assert.equal(await page.textContent("[data-testid=results-count]"), countBefore);
  } finally {
    await b.close();
  }
});
