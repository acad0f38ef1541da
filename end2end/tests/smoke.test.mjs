// Smoke tests: the release build loads with the demo data under the strict CSP, reaches
// data-ready="true", requests nothing from another host and logs no errors; also below a path prefix.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp, appUrl, recordHosts } from "../helpers.mjs";

test("app loads the demo data and gets ready, with no foreign requests and no errors", async () => {
  const { page, close } = await launch();
  try {
    const hosts = recordHosts(page);
    await openApp(page);
    assert.ok(await page.getAttribute("html", "lang"), "html has a lang attribute");
    assert.deepEqual(hosts.foreignHosts(), [], "requests to other hosts");
  } finally {
    await close();
  }
});

test("the page is served with the strict Content-Security-Policy and wasm as application/wasm", async () => {
  const res = await fetch(`${appUrl()}/`);
  assert.equal(res.status, 200);
  const csp = res.headers.get("content-security-policy") ?? "";
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(csp, /unsafe-inline'[^;]*;.*script-src|script-src[^;]*unsafe-inline/);
  const html = await res.text();
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, "no inline <script> in index.html");
  const wasm = html.match(/data-wasm="\.\/([^"]+\.wasm)"/);
  assert.ok(wasm, "index.html names the wasm for loader.js");
  const w = await fetch(`${appUrl()}/${wasm[1]}`, { method: "HEAD" });
  assert.equal(w.headers.get("content-type"), "application/wasm");
});

test("app works below a path prefix (relative asset URLs)", async () => {
  const { page, close } = await launch();
  try {
    const url = `${appUrl()}/some/prefix/`;
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(() => ["true", "error"].includes(document.documentElement.dataset.ready));
    assert.equal(await page.getAttribute("html", "data-ready"), "true");
  } finally {
    await close();
  }
});
