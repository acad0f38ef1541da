// Shared helpers for the end-to-end tests (node:test + playwright-core + Debian's Chromium).
// Run by `cargo xtask test`, which serves the release build (dist/) on a free 127.0.0.1 port and
// passes its URL in ECOMAP_URL. Fixtures in end2end/fixtures/ are served under `${ECOMAP_URL}/fixtures/`.
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Base URL of the served app, without a trailing slash. Throws when it was not given. */
export function appUrl() {
  const url = process.env.ECOMAP_URL;
  if (!url) throw new Error("ECOMAP_URL is not set: run the tests with `cargo xtask test`");
  return url.replace(/\/+$/, "");
}

/** URL of a fixture file (end2end/fixtures/NAME), as served by xtask's server. */
export function fixtureUrl(name) {
  return `${appUrl()}/fixtures/${name}`;
}

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Launches headless Chromium with a fresh user data dir and returns
 * { context, page, close } with a fixed viewport (1280x800, DPR 1), reduced motion and en-US locale.
 * Pass options to override context options (e.g. { locale: "de-DE" }).
 */
export async function launch(options = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), "ecomap-e2e-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    reducedMotion: "reduce",
    locale: "en-US",
    timezoneId: "Europe/Berlin",
    ...options,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, page, close };
}

/**
 * Opens the app with the given query string (without '?', e.g. "view=list&lang=de") and waits
 * until it is ready: `html[data-ready="true"]` (data loaded, first results shown).
 * Throws if the app reports `data-ready="error"` or does not get ready within the timeout.
 */
export async function openApp(page, query = "", { timeout = 30_000 } = {}) {
  const url = query ? `${appUrl()}/?${query}` : `${appUrl()}/`;
  await page.goto(url, { waitUntil: "load" });
  await waitReady(page, { timeout });
  return page;
}

/** Waits for html[data-ready] to become "true"; throws on "error" or time-out. */
export async function waitReady(page, { timeout = 30_000 } = {}) {
  const handle = await page.waitForFunction(
    () => {
      const r = document.documentElement.dataset.ready;
      return r === "true" || r === "error" ? r : false;
    },
    undefined,
    { timeout },
  );
  const state = await handle.jsonValue();
  if (state !== "true") throw new Error(`app reported data-ready="${state}"`);
}

/**
 * Collects console errors, page errors (uncaught exceptions) and failed requests.
 * Call before navigating; `collector.assertClean()` throws listing everything collected.
 * `ignore` is a list of RegExps for messages a test expects.
 */
export function collectErrors(page, { ignore = [] } = {}) {
  const errors = [];
  const ignored = (text) => ignore.some((re) => re.test(text));
  page.on("console", (msg) => {
    if (msg.type() === "error" && !ignored(msg.text())) errors.push(`console.error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => {
    const text = String(err?.stack || err);
    if (!ignored(text)) errors.push(`pageerror: ${text}`);
  });
  page.on("requestfailed", (req) => {
    const text = `${req.url()} ${req.failure()?.errorText ?? ""}`;
    if (!ignored(text)) errors.push(`requestfailed: ${text}`);
  });
  return {
    errors,
    assertClean() {
      if (errors.length) throw new Error(`errors in the page:\n  ${errors.join("\n  ")}`);
    },
  };
}

/**
 * Records the host (host:port) of every request the page makes (data: and blob: URLs excluded).
 * `recorder.foreignHosts()` lists hosts other than the app's own.
 */
export function recordHosts(page) {
  const hosts = new Set();
  page.on("request", (req) => {
    const u = new URL(req.url());
    if (u.protocol === "http:" || u.protocol === "https:" || u.protocol === "ws:" || u.protocol === "wss:") {
      hosts.add(u.host);
    }
  });
  return {
    hosts,
    foreignHosts() {
      const own = new URL(appUrl()).host;
      return [...hosts].filter((h) => h !== own);
    },
  };
}

/** All `performance.measure` entries whose name starts with "ecomap:", as {name, duration}. */
export async function ecomapMeasures(page) {
  return page.evaluate(() =>
    performance
      .getEntriesByType("measure")
      .filter((m) => m.name.startsWith("ecomap:"))
      .map((m) => ({ name: m.name, duration: m.duration, startTime: m.startTime })),
  );
}
