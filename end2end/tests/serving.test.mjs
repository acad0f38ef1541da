// Served like production (docs/hosting.md): the wasm, the js and the demo export come precompressed as brotli
// or gzip by the request's Accept-Encoding (identity otherwise), their bytes decompress to the file itself,
// the cache headers (no-cache for the unhashed names and data, a year for the hashed ones), what the browser
// receives and transfers for the first view, and the link preview tags only when the build had a public URL.
// Requests go through node:http, which neither asks for nor decodes an encoding by itself.
import { test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import zlib from "node:zlib";
import { appUrl, launch, openApp } from "../helpers.mjs";

const YEAR = "public, max-age=31536000, immutable";

/** A request to the app's server: { status, headers, body (Buffer) }; `accept` is sent as Accept-Encoding. */
function request(path, { accept, method = "GET" } = {}) {
  return new Promise((resolve, reject) => {
    const headers = accept === undefined ? {} : { "accept-encoding": accept };
    const req = http.request(`${appUrl()}/${path}`, { method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** The app's own files, as index.html names them: { wasm, js, css: [...] } (paths relative to the app). */
async function assets() {
  const html = (await request("")).body.toString("utf8");
  const wasm = html.match(/data-wasm="\.\/([^"]+\.wasm)"/)?.[1];
  const js = html.match(/data-js="\.\/([^"]+\.js)"/)?.[1];
  const css = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"/g)].map((m) => m[1]);
  assert.ok(wasm && js && css.length > 0, "index.html names the wasm, the js and the css");
  return { wasm, js, css };
}

const decode = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync };

test("the wasm, the js and the demo export are sent as br, gzip or as they are, by Accept-Encoding", async () => {
  const { wasm, js } = await assets();
  const files = [
    [wasm, /^application\/wasm$/],
    [js, /^text\/javascript(;|$)/],
    ["data/demo.json", /^application\/json(;|$)/],
  ];
  for (const [path, type] of files) {
    const plain = await request(path);
    assert.equal(plain.status, 200, path);
    assert.equal(plain.headers["content-encoding"], undefined, `${path}: no Accept-Encoding, no encoding`);
    assert.match(plain.headers["content-type"], type, path);
    assert.equal(Number(plain.headers["content-length"]), plain.body.length, `${path}: Content-Length`);
    const cases = [
      ["br, gzip", "br"],
      ["gzip, deflate, br, zstd", "br"], // what Chromium sends over https
      ["gzip", "gzip"],
      ["gzip, deflate", "gzip"], // what Chromium sends over http
      ["identity", undefined],
      ["deflate", undefined],
    ];
    for (const [accept, expected] of cases) {
      const res = await request(path, { accept });
      const what = `${path} with Accept-Encoding: ${accept}`;
      assert.equal(res.status, 200, what);
      assert.equal(res.headers["content-encoding"], expected, what);
      assert.equal(res.headers["content-type"], plain.headers["content-type"], `${what}: the file's own type`);
      assert.match(res.headers.vary ?? "", /accept-encoding/i, `${what}: Vary`);
      assert.equal(Number(res.headers["content-length"]), res.body.length, `${what}: Content-Length of what is sent`);
      const bytes = expected ? decode[expected](res.body) : res.body;
      assert.ok(bytes.equals(plain.body), `${what}: the decoded bytes are the file's`);
      if (expected) assert.ok(res.body.length < plain.body.length * 0.5, `${what}: ${res.body.length} bytes`);
    }
    const head = await request(path, { accept: "br", method: "HEAD" });
    const br = await request(path, { accept: "br" });
    assert.equal(head.headers["content-length"], br.headers["content-length"], `${path}: HEAD as GET`);
    assert.equal(head.body.length, 0);
  }
});

test("cache headers: no-cache for index.html, loader.js, the worker and data; a year for hashed names", async () => {
  const { wasm, js, css } = await assets();
  const revalidate = ["", "index.html", "loader.js", "layout-worker.js", "sw.js", "manifest.webmanifest", "data/demo.json", "data/basemap.geojson"];
  for (const path of revalidate) {
    const res = await request(path, { accept: "br, gzip", method: "HEAD" });
    assert.equal(res.status, 200, path);
    assert.equal(res.headers["cache-control"], "no-cache", `/${path}`);
  }
  for (const path of [wasm, js, ...css]) {
    const res = await request(path, { accept: "br, gzip", method: "HEAD" });
    assert.equal(res.headers["cache-control"], YEAR, path);
    assert.equal(res.headers["content-encoding"], "br", path);
  }
});

test("installable: the manifest, its PNG icons at their sizes, the service worker, and a policy that allows them", async () => {
  const html = (await request("")).body.toString("utf8");
  assert.match(html, /<link rel="manifest" href="manifest.webmanifest">/);
  const res = await request("manifest.webmanifest");
  assert.equal(res.headers["content-type"], "application/manifest+json");
  const manifest = JSON.parse(res.body.toString("utf8"));
  assert.equal(manifest.start_url, "./");
  assert.equal(manifest.display, "standalone");
  const pngs = manifest.icons.filter((i) => i.type === "image/png");
  assert.deepEqual(pngs.map((i) => `${i.sizes} ${i.purpose}`), ["192x192 any", "512x512 any", "512x512 maskable"]);
  for (const icon of pngs) {
    const png = await request(icon.src);
    assert.equal(png.headers["content-type"], "image/png", icon.src);
    // The IHDR chunk: width and height at bytes 16 and 20.
    assert.equal(`${png.body.readUInt32BE(16)}x${png.body.readUInt32BE(20)}`, icon.sizes, icon.src);
  }
  const sw = await request("sw.js");
  assert.equal(sw.status, 200);
  assert.equal(sw.headers["content-type"], "text/javascript; charset=utf-8");
  const csp = sw.headers["content-security-policy"];
  assert.match(csp, /worker-src 'self'/);
  assert.match(csp, /manifest-src 'self'/);
});

test("link preview tags only when the build was given a public URL", async () => {
  const html = (await request("")).body.toString("utf8");
  const publicUrl = process.env.ECOMAP_PUBLIC_URL;
  if (!publicUrl) {
    assert.doesNotMatch(html, /property="og:|name="twitter:/, "no og or twitter tag without a public URL");
    return;
  }
  const base = publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`;
  const image = html.match(/<meta property="og:image" content="([^"]+)">/)?.[1];
  assert.equal(image, `${base}og-image.png`, "an absolute image URL");
  assert.match(html, new RegExp(`<meta property="og:url" content="${base.replace(/[.?*+^$()|[\]\\]/g, "\\$&")}">`));
  assert.match(html, /<meta property="og:title" content="[^"]+">/);
  assert.match(html, /<meta property="og:description" content="[^"]+">/);
  assert.match(html, /<meta name="twitter:card" content="summary_large_image">/);
  const png = await request("og-image.png");
  assert.equal(png.headers["content-type"], "image/png");
  assert.deepEqual([png.body.readUInt32BE(16), png.body.readUInt32BE(20)], [1200, 630], "1200x630");
});

test("the browser gets the wasm and the demo compressed; the first view's transfer", async (t) => {
  const { page, close } = await launch();
  try {
    const encodings = new Map();
    page.on("response", async (res) => {
      const path = new URL(res.url()).pathname;
      if (/\.wasm$|\/data\/demo\.json$/.test(path)) encodings.set(path, (await res.allHeaders())["content-encoding"]);
    });
    await openApp(page, "view=map");
    await page.waitForSelector("[data-testid=map][data-drawn=true]");
    assert.equal(encodings.size, 2, [...encodings.keys()].join(", "));
    for (const [path, enc] of encodings) assert.ok(["br", "gzip"].includes(enc), `${path}: ${enc}`);
    const sizes = await page.evaluate(() =>
      [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].map((e) => ({
        name: new URL(e.name).pathname,
        transfer: e.transferSize,
        decoded: e.decodedBodySize,
      })),
    );
    const sum = (k) => sizes.reduce((s, e) => s + e[k], 0);
    t.diagnostic(
      `first view (map, demo): ${sizes.length} requests, ${(sum("transfer") / 1024).toFixed(1)} KB transferred ` +
        `(${[...new Set(encodings.values())].join("/")}), ${(sum("decoded") / 1024).toFixed(1)} KB decoded`,
    );
    for (const e of sizes) t.diagnostic(`  ${e.name}: ${e.transfer} B transferred, ${e.decoded} B decoded`);
    assert.ok(sum("transfer") < sum("decoded") * 0.5, "less than half of the decoded bytes travel");
  } finally {
    await close();
  }
});
