// Smoke test: the release build loads with the demo data under the strict CSP, reaches
// data-ready="true", requests nothing from another host and logs no errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp, collectErrors, recordHosts } from "../helpers.mjs";

test("app loads the demo data and gets ready, with no foreign requests and no errors", async () => {
  const { page, close } = await launch();
  try {
    const errors = collectErrors(page);
    const hosts = recordHosts(page);
    await openApp(page);
    assert.equal(await page.getAttribute("html", "lang") !== null, true, "html has a lang attribute");
    assert.deepEqual(hosts.foreignHosts(), [], "requests to other hosts");
    errors.assertClean();
  } finally {
    await close();
  }
});
