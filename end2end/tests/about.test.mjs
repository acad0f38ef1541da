// The About page (public/about.html, written by `cargo xtask licences`): linked from the header, it lists the
// crates compiled into the app with their licences and the data's licences and credits, under the app's CSP.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp } from "../helpers.mjs";

test("the header's About link lists the shipped crates with their licences and the data's credits", async () => {
  const b = await launch();
  try {
    const { page } = b;
    await openApp(page, "view=list&lang=en");
    await Promise.all([page.waitForURL(/about\.html$/), page.click("[data-testid=about]")]);
    const rows = await page.$$eval("tbody tr", (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    const byName = Object.fromEntries(rows.map(([name, version, licence]) => [name, { version, licence }]));
    assert.ok(rows.length > 50, `${rows.length} crates`);
    assert.equal(byName.leptos?.licence, "MIT");
    assert.match(byName.qrcodegen?.licence ?? "", /MIT/);
    assert.ok(byName["ecomap-core"], "our own crates too");
    assert.equal(byName.trunk, undefined, "build tools are not shipped");
    assert.equal(byName.leptos_macro, undefined, "proc-macros run at build time only");
    const text = await page.textContent("main");
    for (const credit of ["© GeoBasis-DE / BKG (VG250)", "Geoportal Berlin / Ortsteile", "GeoNames (CC BY 4.0)", "CC0 1.0"]) {
      assert.ok(text.includes(credit), credit);
    }
    await Promise.all([page.waitForURL(/\/$/), page.click("text=← ecomap")]);
  } finally {
    await b.close();
  }
});
