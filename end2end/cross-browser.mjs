// Cross-browser smoke check over WebDriver (not part of `cargo xtask test`: the drivers need Xvfb and a
// `cargo install`). Opens each view of the demo (the insight views too) in a real Firefox or WebKitGTK, waits for the view's ready
// marker, prints what it reports and saves a screenshot per view. Then the journey of
// end2end/tests/journey.test.mjs: every ordered pair of views by clicking their tabs (leaving the network after
// its layout stopped, then while it runs), then three quick switches; it fails on the panic overlay or any
// console error or uncaught error (recorded by a small hook the script installs in the page). Last, the partner
// page with 8 embeds (map, network, charts mixed; fixtures/embed/partner-8.html, served by this script on
// `localhost`, the app's frames from ECOMAP_URL: another site): each frame scrolled into view must draw its
// view, and after the walk back to the top every map and network frame must hold a live WebGL context. Then
// presentation mode (the demo tour: step 1, Pause, Next: step 2 with another caption; body text >= 24 px) and
// kiosk mode (the attract loop, then the explorer after a click).
// See ARCHITECTURE.md, "Testing".
//
//   ECOMAP_URL=http://127.0.0.1:PORT WEBDRIVER_URL=http://127.0.0.1:4444 BROWSER=webkit node cross-browser.mjs
//
// BROWSER is `webkit` (WebKitWebDriver + MiniBrowser) or `firefox` (geckodriver + firefox-esr). Exits 1 when
// a view does not get ready or reports a failure.
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

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
  // The insight views (a second wasm module in a Web Worker): ready with their last answer.
  { view: "profile", extra: "&technology=ai", root: "[data-testid=profile]", ready: (d) => d.final === "true" },
  { view: "compare", extra: "&compare=ai,iot", root: "[data-testid=compare]", ready: (d) => d.final === "true" },
  { view: "regions", root: "[data-testid=regions]", ready: (d) => d.final === "true" },
];

const session = await call("POST", "/session", { capabilities: { alwaysMatch: capabilities } });
const id = session.sessionId;
let failed = false;
try {
  await call("POST", `/session/${id}/window/rect`, { width: 1280, height: 900 });
  for (const { view, extra, root, ready } of views) {
    await call("POST", `/session/${id}/url`, { url: `${base}/?view=${view}&lang=en${extra || ""}` });
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

  // The journey: tabs clicked as a visitor does, in every order.
  const WALK = ["list", "map", "network", "charts", "list", "network", "map", "charts", "network", "list", "charts", "map", "list"];
  const roots = Object.fromEntries(views.map((v) => [v.view, v]));
  const exec = (script, args = []) => call("POST", `/session/${id}/execute/sync`, { script, args });
  const waitFor = async (what, fn, timeout = 60_000) => {
    const until = Date.now() + timeout;
    while (Date.now() < until) {
      if (await fn()) return true;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    throw new Error(`${browser}: timed out waiting for ${what}`);
  };
  const dataOf = (root) =>
    exec("const el = document.querySelector(arguments[0]); return el ? Object.assign({}, el.dataset) : null;", [root]);
  const clickTab = async (v) => {
    const el = await call("POST", `/session/${id}/element`, { using: "css selector", value: `[data-testid=tab-${v}]` });
    await call("POST", `/session/${id}/element/${Object.values(el)[0]}/click`, {});
  };
  const problems = () =>
    exec("return (window.__journeyErrors || []).concat(document.getElementById('panic-overlay') ? ['panic overlay on screen'] : []);");
  await call("POST", `/session/${id}/url`, { url: `${base}/?view=list&lang=en` });
  await waitFor("the app", async () => (await exec("return document.documentElement.dataset.ready;")) === "true");
  await exec(`window.__journeyErrors = [];
    const orig = console.error.bind(console);
    console.error = (...a) => { window.__journeyErrors.push("console.error: " + a.map(String).join(" ")); orig(...a); };
    window.addEventListener("error", (e) => window.__journeyErrors.push("error: " + e.message));
    window.addEventListener("unhandledrejection", (e) => window.__journeyErrors.push("rejection: " + e.reason));`);
  const drawn = async (v) => {
    if (v === "list") return (await exec("return document.querySelectorAll('[data-testid=result-row]').length;")) > 0;
    const d = await dataOf(roots[v].root);
    return d && d.drawn === "true";
  };
  let steps = 0;
  for (const layoutDone of [true, false]) {
    for (let k = 1; k < WALK.length; k++) {
      const [from, to] = [WALK[k - 1], WALK[k]];
      if (from === "network" && layoutDone) {
        await waitFor("the network layout", async () => (await dataOf(roots.network.root))?.layout === "done");
      }
      await clickTab(to);
      if (to === "network" && !layoutDone) await waitFor("the network", async () => (await dataOf(roots.network.root)) !== null);
      else await waitFor(`${to} drawn`, () => drawn(to));
      await new Promise((ok) => setTimeout(ok, 100));
      const p = await problems();
      steps++;
      if (p.length) {
        failed = true;
        console.log(`${browser} journey ${from} -> ${to}: ${p.join("; ")}`);
        break;
      }
    }
  }
  for (const seq of [["network", "list", "map"], ["charts", "network", "list"], ["network", "charts", "network"]]) {
    for (const v of seq) await clickTab(v);
    await waitFor(`${seq[2]} drawn`, () => drawn(seq[2]));
    steps++;
  }
  await new Promise((ok) => setTimeout(ok, 300));
  const p = await problems();
  if (p.length) failed = true;
  console.log(`${browser} journey: ${steps} switches, ${p.length ? "FAILED: " + p.join("; ") : "no panic, no error"}`);
  const png = await call("GET", `/session/${id}/screenshot`);
  writeFileSync(`${outDir}/${browser}-journey.png`, Buffer.from(png, "base64"));
  failed = (await eightEmbeds(exec)) || failed;
  failed = (await presentAndKiosk(exec)) || failed;
} finally {
  await call("DELETE", `/session/${id}`);
}
process.exit(failed ? 1 : 0);

/** Presentation mode steps its tour by the Next button; kiosk mode plays its attract loop until a click. */
async function presentAndKiosk(exec) {
  let bad = false;
  const until = async (what, fn) => {
    const end = Date.now() + 60_000;
    while (Date.now() < end) {
      const v = await fn();
      if (v) return v;
      await new Promise((ok) => setTimeout(ok, 250));
    }
    bad = true;
    console.log(`${browser} ${what}: NOT REACHED`);
    return null;
  };
  const click = async (sel) => {
    const el = await call("POST", `/session/${id}/element`, { using: "css selector", value: sel });
    await call("POST", `/session/${id}/element/${Object.values(el)[0]}/click`, {});
  };
  const step = () => exec("return document.querySelector('[data-testid=present-progress]')?.dataset.step ?? null;");
  const caption = () => exec("return document.querySelector('[data-testid=present-caption]')?.textContent ?? '';");
  await call("POST", `/session/${id}/url`, { url: `${base}/?mode=present&lang=en` });
  await until("present: first step", async () => (await step()) === "1" && (await caption()).length > 0);
  const first = await caption();
  // Pause first, so the step's own timer does not move on while the script looks.
  await click("[data-testid=present-pause]");
  await click("[data-testid=present-next]");
  const second = await until("present: second step", async () => ((await step()) === "2" ? caption() : null));
  const size = await exec("return parseFloat(getComputedStyle(document.body).fontSize);");
  const ok = second && second !== first && size >= 24;
  bad ||= !ok;
  console.log(`${browser} present: ${ok ? "ok" : "FAILED"} (step 1 "${first.slice(0, 40)}", step 2 "${(second ?? "").slice(0, 40)}", body ${size} px)`);
  const png = await call("GET", `/session/${id}/screenshot`);
  writeFileSync(`${outDir}/${browser}-present.png`, Buffer.from(png, "base64"));

  await call("POST", `/session/${id}/url`, { url: `${base}/?mode=kiosk&lang=en` });
  const attract = () => exec("const a = document.querySelector('[data-testid=kiosk-attract]'); return a ? !a.hidden : null;");
  await until("kiosk: attract loop", async () => (await attract()) === true && (await step()) !== null);
  await click("main");
  const explored = await until("kiosk: explorer after a click", async () => (await attract()) === false);
  const kiosk = await exec("return document.documentElement.dataset.kiosk ?? null;");
  const k = explored && kiosk === "on";
  bad ||= !k;
  console.log(`${browser} kiosk: ${k ? "ok (attract loop, then the explorer on a click)" : "FAILED"}`);
  const p = await exec("return (window.__journeyErrors || []).concat(document.getElementById('panic-overlay') ? ['panic overlay'] : []);");
  if (p.length) {
    bad = true;
    console.log(`${browser} present/kiosk: ${p.join("; ")}`);
  }
  return bad;
}

/** Serves fixtures/embed/ on localhost (a port of its own) for the partner page. */
function servePartnerPages() {
  const dir = join(dirname(fileURLToPath(import.meta.url)), "fixtures", "embed");
  const types = { html: "text/html", js: "text/javascript", css: "text/css" };
  const server = createServer((req, res) => {
    const name = new URL(req.url, "http://x").pathname.replace(/^\/+/, "");
    try {
      if (!/^[\w-]+\.(html|js|css)$/.test(name)) throw new Error("not a fixture");
      const body = readFileSync(join(dir, name));
      res.writeHead(200, { "content-type": `${types[name.split(".").pop()]}; charset=utf-8` }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

/** The 8-embed partner page: every frame draws its view; maps and networks keep a live context. */
async function eightEmbeds(exec) {
  const server = await servePartnerPages();
  const views = ["map", "network", "charts", "map", "network", "charts", "map", "network"];
  const roots = { map: "[data-testid=map]", network: "[data-testid=network-view]", charts: "[data-testid=charts]" };
  let bad = false;
  try {
    const page = `http://localhost:${server.address().port}/partner-8.html?app=${encodeURIComponent(base + "/")}`;
    await call("POST", `/session/${id}/url`, { url: page });
    const inFrame = async (i, script) => {
      const el = await call("POST", `/session/${id}/element`, { using: "css selector", value: `#embed-${i} iframe` });
      await exec("arguments[0].scrollIntoView({ block: 'center' });", [el]);
      await call("POST", `/session/${id}/frame`, { id: el });
      try {
        return await exec(script, [roots[views[i - 1]]]);
      } finally {
        await call("POST", `/session/${id}/frame/parent`, {});
      }
    };
    const state = "const el = document.querySelector(arguments[0]); return el ? { drawn: el.dataset.drawn, context: el.dataset.context ?? '-', contexts: document.documentElement.dataset.webglContexts ?? '-' } : null;";
    for (const pass of ["down", "back"]) {
      for (let i = 1; i <= views.length; i++) {
        let s = null;
        const until = Date.now() + 60_000;
        while (Date.now() < until) {
          s = await inFrame(i, state);
          if (s?.drawn === "true" && (views[i - 1] === "charts" || s.context === "ok")) break;
          await new Promise((ok) => setTimeout(ok, 250));
        }
        const ok = s?.drawn === "true" && (views[i - 1] === "charts" || (s.context === "ok" && Number(s.contexts) <= 1));
        bad ||= !ok;
        console.log(`${browser} 8 embeds, ${pass}: embed-${i} (${views[i - 1]}) ${ok ? "drawn" : "NOT DRAWN"} ${JSON.stringify(s)}`);
      }
    }
    const png = await call("GET", `/session/${id}/screenshot`);
    writeFileSync(`${outDir}/${browser}-8-embeds.png`, Buffer.from(png, "base64"));
  } finally {
    server.close();
  }
  return bad;
}
