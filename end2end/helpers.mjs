// Shared helpers for the end-to-end tests (node:test + playwright-core + Debian's Chromium).
// Run by `cargo xtask test`, which serves the release build (dist/) on a free 127.0.0.1 port and
// passes its URL in ECOMAP_URL. Fixtures in end2end/fixtures/ are served under `${ECOMAP_URL}/fixtures/`.
import { afterEach } from "node:test";
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

export const CHROMIUM_ARGS = [
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
 * Service workers are blocked (the app's offline worker would answer requests the tests' routes must see);
 * only the offline test passes { serviceWorkers: "allow" }.
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
    serviceWorkers: "block",
    ...options,
  });
  watchContext(context);
  const page = context.pages()[0] ?? (await context.newPage());
  // Closing checks the pages first (a test that owns its browser), and closes even when that check fails.
  const close = async () => {
    let failure;
    try {
      await assertPagesClean();
    } catch (e) {
      failure = e;
    }
    contexts.delete(context);
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
    if (failure) throw failure;
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

// ---------------------------------------------------------------------------------------------------------
// Every test fails on any panic, uncaught error, console error or failed request in any page of any browser
// context that `launch()` started, and when the panic overlay is on screen. Nothing to ask for: importing
// this module registers a file-level `afterEach` that checks (node:test runs each file in its own process).
// A test that expects an error allows it by its exact text with `allowErrors(...)`, for that test only.

/** Contexts started by `launch()` and not closed yet. */
const contexts = new Set();
/** What went wrong since the last check: { page, text }. */
let problems = [];
/** Exact texts the current test expects (cleared after each test). */
let allowed = [];

/** A URL of the app's own origin as its path alone (stable across ports and build hashes). */
function shortUrl(url) {
  try {
    const u = new URL(url);
    return u.origin === new URL(appUrl()).origin ? u.pathname : url;
  } catch {
    return url;
  }
}

function watchPage(page) {
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console.error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err?.message ?? String(err)}`));
  page.on("requestfailed", (req) => {
    // A navigation away from a page aborts its pending requests: not a failure of the app.
    if (req.failure()?.errorText === "net::ERR_ABORTED" && req.resourceType() !== "script") return;
    problems.push(`requestfailed: ${shortUrl(req.url())} ${req.failure()?.errorText ?? ""}`.trim());
  });
}

function watchContext(context) {
  contexts.add(context);
  for (const p of context.pages()) watchPage(p);
  context.on("page", watchPage);
}

/**
 * Allows, for the running test only, problems whose text (or its first line, e.g. a panic's
 * "console.error: panicked at src/test_hooks.rs:12:5:" without the stack) is exactly one of `texts`
 * (as reported: "console.error: ...", "pageerror: ...", "requestfailed: /path net::ERR_...").
 * Each allowed text may occur any number of times.
 */
export function allowErrors(...texts) {
  allowed.push(...texts);
}

/** The problems recorded so far in this test that are not allowed (for tests that check mid-way). */
export function unexpectedErrors() {
  return problems.filter((t) => !allowed.includes(t) && !allowed.includes(t.split("\n")[0]));
}

/** Throws when a page shows the panic overlay or anything unexpected was recorded; resets the record. */
export async function assertPagesClean() {
  const found = unexpectedErrors();
  for (const context of contexts) {
    for (const page of context.pages()) {
      if (page.isClosed()) continue;
      const overlay = await page.$("#panic-overlay").catch(() => null);
      if (overlay) found.push(`the panic overlay is on screen (${page.url()})`);
    }
  }
  problems = [];
  allowed = [];
  if (found.length) throw new Error(`errors in the page:\n  ${found.join("\n  ")}`);
}

afterEach(async () => {
  await assertPagesClean();
});
