// Cross-browser smoke check over WebDriver (not part of `cargo xtask test`: the drivers need Xvfb and a
// `cargo install`). Opens each view of the demo in a real Firefox or WebKitGTK, waits for the view's ready
// marker, prints what it reports and saves a screenshot per view. See docs/hosting.md, "Other browsers".
//
//   ECOMAP_URL=http://127.0.0.1:PORT WEBDRIVER_URL=http://127.0.0.1:4444 BROWSER=webkit node cross-browser.mjs
//
// BROWSER is `webkit` (WebKitWebDriver + MiniBrowser) or `firefox` (geckodriver + firefox-esr). Exits 1 when
// a view does not get ready or reports a failure.
import { writeFileSync } from "node:fs";

const base = (process.env.ECOMAP_URL || "").replace(/\/+$/, "");
const driver = (process.env.WEBDRIVER_URL || "http://127.0.0.1:4444").replace(/\/+$/, "");
const browser = process.env.BROWSER || "webkit";
const outDir = process.env.SHOT_DIR || ".";
if (!base) {
  console.error("ECOMAP_URL is not set");
  process.exit(2);
}

const capabilities = {
  webkit: {
    browserName: "MiniBrowser",
    "webkitgtk:browserOptions": { binary: "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser", args: ["--automation"] },
  },
  firefox: { browserName: "firefox", "moz:firefoxOptions": { binary: "/usr/bin/firefox-esr" } },
}[browser];
if (!capabilities) {
  console.error(`unknown BROWSER ${browser} (webkit or firefox)`);
  process.exit(2);
}

async function call(method, path, body) {
  const res = await fetch(driver + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
  return json.value;
}

// Per view: the root's selector and the markers that say it is ready.
const views = [
  { view: "list", root: "html", ready: (d) => d.ready === "true" },
  { view: "map", root: "[data-testid=map]", ready: (d) => d.drawn === "true" },
  { view: "network", root: "[data-testid=network-view]", ready: (d) => d.layout === "done" && d.drawn === "true" },
  { view: "charts", root: "[data-testid=charts]", ready: (d) => d.drawn === "true" },
];

const session = await call("POST", "/session", { capabilities: { alwaysMatch: capabilities } });
const id = session.sessionId;
let failed = false;
try {
  await call("POST", `/session/${id}/window/rect`, { width: 1280, height: 900 });
  for (const { view, root, ready } of views) {
    await call("POST", `/session/${id}/url`, { url: `${base}/?view=${view}&lang=en` });
    let data = {};
    const until = Date.now() + 60_000;
    while (Date.now() < until) {
      data = await call("POST", `/session/${id}/execute/sync`, {
        script: "const el = document.querySelector(arguments[0]); return el ? Object.assign({}, el.dataset, { appReady: document.documentElement.dataset.ready }) : {};",
        args: [root],
      });
      if (data.appReady === "error" || ready(data)) break;
      await new Promise((ok) => setTimeout(ok, 250));
    }
    const ok = data.appReady !== "error" && ready(data);
    failed ||= !ok;
    console.log(`${browser} ${view}: ${ok ? "ready" : "NOT READY"} ${JSON.stringify(data)}`);
    const png = await call("GET", `/session/${id}/screenshot`);
    writeFileSync(`${outDir}/${browser}-${view}.png`, Buffer.from(png, "base64"));
  }
} finally {
  await call("DELETE", `/session/${id}`);
}
process.exit(failed ? 1 : 0);
