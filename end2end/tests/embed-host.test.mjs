// Embedding on partner sites (docs/embedding.md), seen from the partner's page: the page is served on
// `localhost` and the app on `127.0.0.1` of the same test server, another site and not only another origin
// (Chromium maps localhost to 127.0.0.1 here, so nothing depends on ::1). The partner pages are
// end2end/fixtures/embed/ (partner.js points their embeds at 127.0.0.1 and loads the app's embed.js from there);
// the server sends them a strict policy of their own (xtask/src/server.rs, HOST_PAGE_CSP), so embed.js also
// proves it runs without inline script or eval.
//
// Tests marked "embed mode" need the app's embed mode (branch `embed`: no app header, the frame posts its own
// events); they are skipped until crates/core/src/embed.rs exists, and run once both branches are merged.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { launch, openApp, appUrl, allowErrors, CHROMIUM_ARGS } from "../helpers.mjs";

const EMBED_MODE = existsSync(new URL("../../crates/core/src/embed.rs", import.meta.url));
const EMBED_ONLY = { skip: EMBED_MODE ? false : "embed mode (branch embed) is not merged yet" };

const APP = appUrl();
const HOST = `http://localhost:${new URL(APP).port}`;
const ROOTS = { map: "[data-testid=map]", network: "[data-testid=network-view]", charts: "[data-testid=charts]" };

/** Chromium with localhost mapped to 127.0.0.1 (the test server listens there only). */
function launchHost(options = {}) {
  return launch({ args: [...CHROMIUM_ARGS, "--host-resolver-rules=MAP localhost 127.0.0.1"], ...options });
}

/** Scrolls an embed into view and waits until its frame shows the app's `view`, drawn; returns the frame. */
async function drawnFrame(page, id, view) {
  const iframe = await page.waitForSelector(`#${id} iframe`, { state: "attached" });
  await iframe.scrollIntoViewIfNeeded();
  const frame = await iframe.contentFrame();
  await frame.waitForURL(/^http:\/\/127\.0\.0\.1:/, { timeout: 60_000 });
  await frame.waitForSelector(`${ROOTS[view]}[data-drawn=true]`, { timeout: 90_000 });
  return frame;
}

const frameHeight = (page, id) => page.$eval(`#${id} iframe`, (f) => f.style.height);
const events = (page) => page.evaluate(() => window.__events);

test("a partner page on another site shows three embeds, each drawing its view, with its text above and below", async () => {
  const { page, close } = await launchHost();
  try {
    await page.goto(`${HOST}/fixtures/embed/partner.html`);
    assert.equal(new URL(page.url()).hostname, "localhost");
    for (const [id, view] of [["embed-map", "map"], ["embed-network", "network"], ["embed-charts", "charts"]]) {
      const frame = await drawnFrame(page, id, view);
      const u = new URL(frame.url());
      assert.equal(u.origin, new URL(APP).origin, "the frame is the app on 127.0.0.1");
      assert.equal(u.searchParams.get("view"), view);
      const attrs = await page.$eval(`#${id} iframe`, (f) => ({
        title: f.title,
        loading: f.getAttribute("loading"),
        allow: f.getAttribute("allow"),
        width: f.getBoundingClientRect().width,
        box: f.parentElement.getBoundingClientRect().width,
        border: getComputedStyle(f).borderTopWidth,
      }));
      assert.equal(attrs.title, id === "embed-map" ? "Map of the ecosystem" : "ecomap: interactive map of the ecosystem");
      assert.equal(attrs.loading, "lazy");
      assert.equal(attrs.allow, "fullscreen");
      assert.equal(attrs.width, attrs.box, "the frame takes the element's width");
      assert.equal(attrs.border, "0px");
    }
    const pos = await page.evaluate(() =>
      ["above", "embed-map", "embed-charts", "below"].map((id) => document.getElementById(id).getBoundingClientRect().top + scrollY),
    );
    assert.ok(pos[0] < pos[1] && pos[2] < pos[3], `the text stays above and below the embeds: ${pos}`);
  } finally {
    await close();
  }
});

test("embed mode: the frames show their view without the app's header", EMBED_ONLY, async () => {
  const { page, close } = await launchHost();
  try {
    await page.goto(`${HOST}/fixtures/embed/partner.html`);
    for (const [id, view] of [["embed-map", "map"], ["embed-network", "network"], ["embed-charts", "charts"]]) {
      const frame = await drawnFrame(page, id, view);
      assert.equal(await frame.getAttribute("html", "data-mode"), "embed");
      assert.equal(await frame.locator("header.app-header").isVisible(), false, `${id}: no app header`);
    }
  } finally {
    await close();
  }
});

test("each frame's height follows its own ecomap:height messages, and only its own", async () => {
  const { page, close } = await launchHost();
  try {
    await page.goto(`${HOST}/fixtures/embed/partner.html`);
    const map = await drawnFrame(page, "embed-map", "map");
    const network = await drawnFrame(page, "embed-network", "network");
    const post = (frame, msg) => frame.evaluate((m) => parent.postMessage(m, "*"), msg);
    const before = { network: await frameHeight(page, "embed-network"), charts: await frameHeight(page, "embed-charts") };

    await post(map, { type: "ecomap:height", version: 1, height: 345.2 });
    await page.waitForFunction(() => document.querySelector("#embed-map iframe").style.height === "346px");
    assert.equal(await frameHeight(page, "embed-network"), before.network, "another embed keeps its height");

    // Not from the map's frame (the host page itself), or not version 1: the height stays.
    await page.evaluate(() => window.postMessage({ type: "ecomap:height", version: 1, height: 999 }, "*"));
    await post(map, { type: "ecomap:height", version: 2, height: 777 });
    await post(map, { type: "ecomap:height", version: 1, height: "900" });
    await post(network, { type: "ecomap:height", version: 1, height: 412 });
    await page.waitForFunction(() => document.querySelector("#embed-network iframe").style.height === "412px");
    assert.equal(await frameHeight(page, "embed-map"), "346px");
    assert.equal(await frameHeight(page, "embed-charts"), before.charts);
  } finally {
    await close();
  }
});

test("embed mode: the frames report their height and the loader follows it", EMBED_ONLY, async () => {
  const { page, close } = await launchHost();
  try {
    await page.goto(`${HOST}/fixtures/embed/partner.html`);
    await drawnFrame(page, "embed-charts", "charts");
    await page.waitForFunction(() => window.__events.some((e) => e.id === "embed-charts" && e.type === "ecomap:height"));
    await page.waitForFunction(() => {
      const last = window.__events.filter((e) => e.id === "embed-charts" && e.type === "ecomap:height").pop();
      return document.querySelector("#embed-charts iframe").style.height === `${Math.ceil(last.detail.height)}px`;
    });
  } finally {
    await close();
  }
});

test("every ecomap:* message of a frame is a CustomEvent on its element; setQuery posts to that frame", async () => {
  const { page, close } = await launchHost();
  try {
    await page.goto(`${HOST}/fixtures/embed/partner.html`);
    const map = await drawnFrame(page, "embed-map", "map");
    const network = await drawnFrame(page, "embed-network", "network");
    const focus = { type: "ecomap:focus", version: 1, actor: "tu-berlin", technology: null };
    await map.evaluate((m) => {
      parent.postMessage("hello", "*");
      parent.postMessage({ type: "other:focus" }, "*");
      parent.postMessage(m, "*");
      parent.postMessage({ type: "ecomap:test", version: 1 }, "*");
    }, focus);
    await page.waitForFunction(() => window.__events.some((e) => e.type === "ecomap:test"));
    const got = (await events(page)).filter((e) => e.type === "ecomap:focus" || e.type === "ecomap:test");
    assert.deepEqual(got, [
      { id: "embed-map", type: "ecomap:focus", detail: focus },
      { id: "embed-map", type: "ecomap:test", detail: { type: "ecomap:test", version: 1 } },
    ]);
    await network.evaluate(() => {
      window.__got = [];
      addEventListener("message", (e) => window.__got.push({ origin: e.origin, data: e.data }));
    });
    await page.evaluate(() => document.getElementById("embed-network").ecomap.setQuery("?tech=ai"));
    await network.waitForFunction(() => window.__got.some((m) => m.data?.type === "ecomap:setQuery"));
    const got2 = (await network.evaluate(() => window.__got)).filter((m) => m.data?.type === "ecomap:setQuery");
    assert.deepEqual(got2, [{ origin: HOST, data: { type: "ecomap:setQuery", version: 1, query: "tech=ai" } }]);
  } finally {
    await close();
  }
});

test("embed mode: the frames announce themselves, and setQuery filters the frame", EMBED_ONLY, async () => {
  const { page, close } = await launchHost();
  try {
    await page.goto(`${HOST}/fixtures/embed/partner.html`);
    const network = await drawnFrame(page, "embed-network", "network");
    await page.waitForFunction(() => window.__events.some((e) => e.id === "embed-network" && e.type === "ecomap:ready"));
    const ready = (await events(page)).find((e) => e.id === "embed-network" && e.type === "ecomap:ready");
    assert.deepEqual(ready.detail, { type: "ecomap:ready", version: 1, view: "network" });
    await page.evaluate(() => document.getElementById("embed-network").ecomap.setQuery("tech=ai"));
    await network.waitForFunction(() => new URLSearchParams(location.search).getAll("tech").includes("ai"));
    await page.waitForFunction(() => window.__events.some((e) => e.id === "embed-network" && e.type === "ecomap:selection"));
  } finally {
    await close();
  }
});

test("a context given back and asked for again at once (scrolled out and straight back) comes back drawn", async () => {
  const { page, close } = await launchHost();
  try {
    await openApp(page, "lang=en&embed=1&view=map");
    await page.waitForSelector("[data-testid=map][data-drawn=true][data-context=ok]");
    // The browser sends its loss event after this task; the restore must follow it, and the map draw again.
    await page.evaluate(async () => {
      const map = document.querySelector("[data-testid=map]");
      window.__contexts = [];
      new MutationObserver(() => window.__contexts.push(map.dataset.context)).observe(map, {
        attributes: true,
        attributeFilter: ["data-context"],
      });
      const el = document.querySelector("script[data-ecomap-loader]");
      const mod = await import(new URL(el.dataset.js, document.baseURI).href);
      mod.ecomap_test_park_and_return();
    });
    await page.waitForFunction(() => window.__contexts.join(" ") === "lost ok", undefined, { timeout: 10_000 });
    await page.waitForSelector("[data-testid=map][data-drawn=true][data-context=ok]");
    assert.equal(await page.getAttribute("html", "data-webgl-contexts"), "1");
  } finally {
    await close();
  }
});

test("a page with 8 embeds shows 8 drawn views and loses no WebGL context", async () => {
  const { page, close } = await launchHost();
  const warnings = [];
  // Chromium's warning when it takes a context away from a page that holds too many.
  page.on("console", (m) => /too many active webgl contexts/i.test(m.text()) && warnings.push(m.text()));
  try {
    await page.goto(`${HOST}/fixtures/embed/partner-8.html`);
    const views = ["map", "network", "charts", "map", "network", "charts", "map", "network"];
    for (const [i, view] of views.entries()) await drawnFrame(page, `embed-${i + 1}`, view);
    // Back to each one: still drawn, its context alive (an embed may release it while far out of view and
    // restore it when it returns), at most one context per frame.
    for (const [i, view] of views.entries()) {
      const frame = await drawnFrame(page, `embed-${i + 1}`, view);
      if (view !== "charts") {
        await frame.waitForSelector(`${ROOTS[view]}[data-context=ok]`);
        const contexts = Number(await frame.getAttribute("html", "data-webgl-contexts"));
        assert.ok(contexts <= 1, `embed-${i + 1}: ${contexts} WebGL contexts`);
      }
    }
    assert.deepEqual(warnings, [], "no WebGL context was lost or evicted");
  } finally {
    await close();
  }
});

test("the embed loader is small, plain and served beside the app; config.json and the frame policy agree", async () => {
  const js = await fetch(`${APP}/embed.js`);
  assert.equal(js.status, 200);
  assert.match(js.headers.get("content-type") ?? "", /^text\/javascript/);
  const text = await js.text();
  assert.ok(text.length < 6000, `embed.js is ${text.length} bytes`);
  assert.doesNotMatch(text, /\beval\(|new Function|innerHTML|document\.write/);
  const res = await fetch(`${APP}/config.json`);
  const config = await res.json();
  assert.deepEqual(Object.keys(config).sort(), ["dataOrigins", "embedOrigins", "messageOrigins", "tileOrigins"]);
  const csp = (await fetch(`${APP}/`)).headers.get("content-security-policy") ?? "";
  assert.match(csp, new RegExp(`frame-ancestors ${config.embedOrigins.join(" ").replace(/\*/g, "\\*")}$`));
  assert.ok(csp.includes(`img-src 'self' data: blob: ${config.tileOrigins.join(" ")};`), csp);
});

/**
 * Opens the share dialog of the app at `query` with the keyboard. Each option a test changes reloads the
 * preview, and a load it replaces is aborted, which the helpers report for scripts: those are allowed here.
 */
async function openShare(page, query) {
  const html = await (await fetch(`${APP}/`)).text();
  const js = html.match(/data-js="\.\/([^"]+)"/)?.[1];
  allowErrors(...["loader.js", "print.js", "layout-worker.js", js].map((f) => `requestfailed: /${f} net::ERR_ABORTED`));
  await openApp(page, query);
  await page.focus("[data-testid=share]");
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-testid=share-dialog][open]");
}

test("the share dialog: copy the link, embed options as form controls, a live preview; Escape closes it", async () => {
  const { page, close } = await launchHost({ permissions: ["clipboard-read", "clipboard-write"] });
  try {
    await openShare(page, "view=map&lang=en&tech=ai");
    const active = await page.evaluate(() => document.activeElement?.id);
    assert.equal(active, "share-link", "the focus is in the dialog, on the link");
    assert.equal(await page.inputValue("[data-testid=share-link]"), page.url());
    await page.click("[data-testid=share-link-copy]");
    await page.waitForSelector("#share-link-status:has-text('Copied.')");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());

    await page.selectOption("[data-testid=share-view]", "charts");
    await page.check("[data-testid=share-panel-timeline]");
    await page.check("[data-testid=share-lock]");
    await page.selectOption("[data-testid=share-theme]", "dark");
    await page.selectOption("[data-testid=share-lang]", "de");
    await page.selectOption("[data-testid=share-height]", "400");
    const iframe = await page.inputValue("[data-testid=share-iframe]");
    const loader = await page.inputValue("[data-testid=share-loader]");
    const src = await page.getAttribute("[data-testid=share-preview]", "src");
    const u = new URL(src);
    assert.equal(u.origin + u.pathname, `${APP}/`);
    const p = Object.fromEntries(u.searchParams);
    assert.deepEqual(
      { view: p.view, lang: p.lang, tech: p.tech, embed: p.embed, panels: p.panels, lock: p.lock, theme: p.theme, height: p.height },
      { view: "charts", lang: "de", tech: "ai", embed: "1", panels: "legend,timeline", lock: "tech", theme: "dark", height: "400" },
    );
    const attr = src.replaceAll("&", "&amp;");
    assert.equal(
      iframe,
      `<iframe src="${attr}" title="Ökosystem IKT, Medien und Kreativwirtschaft Berlin-Brandenburg (Demo)" width="100%" height="400" loading="lazy" allow="fullscreen" frameborder="0"></iframe>`,
    );
    assert.equal(
      loader,
      `<div data-ecomap-src="${attr}" data-ecomap-title="Ökosystem IKT, Medien und Kreativwirtschaft Berlin-Brandenburg (Demo)"></div>\n<script src="${APP}/embed.js" async></script>`,
    );
    assert.equal(await page.getAttribute("[data-testid=share-iframe]", "readonly"), "", "snippets are read-only text");
    const preview = await (await page.$("[data-testid=share-preview]")).contentFrame();
    await preview.waitForSelector(`${ROOTS.charts}[data-drawn=true]`, { timeout: 60_000 });
    assert.equal(new URL(preview.url()).searchParams.get("view"), "charts");
    assert.equal(await preview.locator(".charts-grid h3").count(), 6, "all six charts by default");
    // One chart alone: the preview shows just that one.
    await page.selectOption("[data-testid=share-chart]", "top-actors");
    await page.waitForFunction(() =>
      document.querySelector("[data-testid=share-iframe]").value.includes("chart=top-actors"),
    );
    const one = await (await page.$("[data-testid=share-preview]")).contentFrame();
    await one.waitForFunction(() => new URL(location.href).searchParams.get("chart") === "top-actors");
    await one.waitForSelector(`${ROOTS.charts}[data-drawn=true]`, { timeout: 60_000 });
    assert.deepEqual(await one.$$eval(".charts-grid h3", (hs) => hs.map((h) => h.textContent)), [
      "Die 10 Akteure mit dem größten Projektvolumen",
    ]);

    await page.keyboard.press("Escape");
    await page.waitForSelector("[data-testid=share-dialog]:not([open])", { state: "attached" });
    assert.equal(await page.evaluate(() => document.activeElement?.id), "share-button", "the focus returns");
    // The dialog's `close` event (a task after the open attribute goes) removes the content and its preview.
    await page.waitForSelector("[data-testid=share-preview]", { state: "detached", timeout: 5_000 });
  } finally {
    await close();
  }
});

test("without a clipboard, copying selects the text for the keyboard", async () => {
  const { page, close } = await launchHost();
  try {
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }));
    await openShare(page, "view=network&lang=de");
    await page.click("[data-testid=share-loader-copy]");
    await page.waitForSelector("#share-loader-status:has-text('Markiert')");
    const selected = await page.evaluate(() => {
      const f = document.activeElement;
      return f.id === "share-loader" && f.selectionStart === 0 && f.selectionEnd === f.value.length;
    });
    assert.ok(selected, "the loader snippet is focused and selected");
    await page.click("[data-testid=share-dialog] .close");
    await page.waitForSelector("[data-testid=share-dialog]:not([open])", { state: "attached" });
  } finally {
    await close();
  }
});

test("the builder's snippets, pasted into a fresh page on another site, give the embed of its preview", async () => {
  const { page, close } = await launchHost();
  try {
    await openShare(page, "view=map&lang=en&kind=startup");
    await page.selectOption("[data-testid=share-view]", "network");
    await page.selectOption("[data-testid=share-height]", "600");
    const src = await page.getAttribute("[data-testid=share-preview]", "src");
    const preview = await (await page.$("[data-testid=share-preview]")).contentFrame();
    await preview.waitForSelector(`${ROOTS.network}[data-drawn=true]`, { timeout: 60_000 });
    const counts = (frame) =>
      frame.$eval(ROOTS.network, (n) => [n.dataset.mode, n.dataset.visibleCount, n.dataset.edgeCount].join(" "));
    const expected = await counts(preview);
    const snippets = {
      loader: await page.inputValue("[data-testid=share-loader]"),
      iframe: await page.inputValue("[data-testid=share-iframe]"),
    };
    await page.keyboard.press("Escape");
    for (const [kind, snippet] of Object.entries(snippets)) {
      await page.goto(`${HOST}/fixtures/embed/blank.html`);
      await page.setContent(`<!DOCTYPE html><html lang="en"><body><p>Pasted:</p>${snippet}</body></html>`);
      const frameEl = await page.waitForSelector("iframe", { state: "attached" });
      assert.equal(await frameEl.getAttribute("src"), src, `${kind}: the preview's address`);
      const frame = await frameEl.contentFrame();
      await frame.waitForURL(/^http:\/\/127\.0\.0\.1:/);
      await frame.waitForSelector(`${ROOTS.network}[data-drawn=true]`, { timeout: 60_000 });
      const height = await frameEl.evaluate((f) => f.getBoundingClientRect().height);
      assert.equal(height, 600, `${kind}: the chosen height`);
      assert.equal(await counts(frame), expected, `${kind}: the same graph as the preview`);
    }
  } finally {
    await close();
  }
});
