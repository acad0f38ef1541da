// Issue 17 in the app: the ecosystem profile, computed by the insight worker (a second wasm module the page
// loads only when an insight view opens). Opening the AI profile from the technology detail, its sections,
// centrality arriving in a second answer, the years changing the figures, links to actors and neighbour
// technologies, no insight code on the first view, and an axe audit of the profile. One browser for the file.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { launch, openApp } from "../helpers.mjs";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Records the page's requests for the insight worker's files (the worker script, its JS and its wasm). */
function recordInsight(page) {
  const urls = [];
  page.on("request", (req) => {
    if (/insight-worker/.test(req.url())) urls.push(req.url());
  });
  return urls;
}

const profile = "[data-testid=profile]";
const section = (id) => `${profile} [data-testid=${id}]`;
/** The profile with its last answer (centrality included) rendered. */
const complete = (page) => page.waitForSelector(`${profile}[data-final=true] [data-testid=profile-central] tbody tr`, { timeout: 60_000 });

test("the first view requests no insight code; the AI profile opens from the technology detail", async () => {
  const { page } = browser;
  const requests = recordInsight(page);
  await openApp(page, "view=map&lang=en");
  await page.waitForSelector("[data-testid=map][data-drawn=true]", { timeout: 60_000 });
  assert.deepEqual(requests, [], "the map view loads nothing of the insight worker");

  await openApp(page, "view=map&lang=en&technology=ai");
  await page.click("[data-testid=detail] [data-testid=open-profile]");
  await page.waitForURL(/view=profile/);
  assert.match(page.url(), /technology=ai/);
  await page.waitForSelector(section("profile-years"));
  assert.match(await page.textContent(`${profile} h2`), /Ecosystem profile: .*(AI|Artificial)/i);
  // The worker's module was requested now, and only now.
  assert.ok(requests.some((u) => /ecomap-insight-worker_bg\.wasm$/.test(u)), `insight wasm requested: ${requests.join(", ")}`);

  // Years: a chart (SVG through the allow-list) and a table with one row per year.
  assert.equal(await page.locator(`${section("profile-years")} svg`).count(), 1);
  assert.ok((await page.locator(`${section("profile-years")} tbody tr`).count()) >= 2);

  // Centrality comes in a second answer, with its method and error stated.
  await complete(page);
  const central = await page.textContent(section("profile-central"));
  assert.match(central, /Betweenness (computed exactly|estimated from)/);
  assert.ok((await page.locator(`${section("profile-central")} tbody tr`).count()) >= 3);

  // Regions: every district and county, "too few" never ahead of a region with enough actors.
  const standings = await page.locator(`${section("profile-regions")} tbody tr td:nth-child(3)`).allTextContents();
  assert.equal(standings.length, 30);
  const firstTooFew = standings.findIndex((s) => /too few|no actors/.test(s));
  assert.ok(firstTooFew === -1 || standings.slice(firstTooFew).every((s) => /too few|no actors/.test(s)), standings.join(" | "));

  // Neighbour technologies with their overlap.
  assert.ok((await page.locator(`${section("profile-neighbours")} tbody tr`).count()) >= 3);
  assert.match(await page.textContent(`${section("profile-neighbours")} tbody tr`), /\d+ %/);
});

test("changing the years changes the profile's figures", async () => {
  const { page } = browser;
  await openApp(page, "view=profile&lang=en&technology=ai");
  await complete(page);
  const summary = async () => (await page.textContent(section("profile-summary"))).trim();
  const rows = () => page.locator(`${section("profile-years")} tbody tr`).count();
  const before = await summary();
  const yearsBefore = await rows();
  // The timeline's slider chooses one year (a visitor's keystroke), as in every view.
  await page.focus("[data-testid=timeline-slider]");
  await page.keyboard.press("Home");
  await page.waitForURL(/years=/);
  await page.waitForFunction(
    ([sel, old]) => document.querySelector(sel)?.textContent.trim() !== old,
    [section("profile-summary"), before],
  );
  assert.notEqual(await summary(), before);
  assert.equal(await rows(), 1, `one year in the table (was ${yearsBefore})`);
});

test("an actor and a neighbour technology in the profile open their detail and profile", async () => {
  const { page } = browser;
  await openApp(page, "view=profile&lang=en&technology=ai");
  await complete(page);
  const actor = page.locator(`${section("profile-central")} tbody tr button`).first();
  const name = (await actor.textContent()).trim();
  await actor.click();
  await page.waitForURL(/actor=/);
  assert.equal((await page.textContent("[data-testid=detail-title]")).trim(), name);
  // The profile stays on its technology while the actor shows in the panel.
  assert.match(await page.textContent(`${profile} h2`), /Ecosystem profile: /);
  const before = await page.textContent(`${profile} h2`);

  const neighbour = page.locator(`${section("profile-neighbours")} tbody tr button`).first();
  const tech = (await neighbour.textContent()).trim();
  await neighbour.click();
  await page.waitForFunction(([sel, t]) => document.querySelector(sel)?.textContent.endsWith(t), [`${profile} h2`, tech]);
  assert.notEqual(await page.textContent(`${profile} h2`), before);
  assert.match(page.url(), /view=profile/);

  // Leaving the view terminates its worker.
  const insightWorkers = () => page.workers().filter((w) => /insight-worker/.test(w.url())).length;
  assert.equal(insightWorkers(), 1);
  await page.click("#tab-list");
  await page.waitForURL(/view=list/);
  for (let i = 0; i < 100 && insightWorkers() > 0; i++) await page.waitForTimeout(50);
  assert.equal(insightWorkers(), 0, "the insight worker is gone with its view");
});

test("the profile in German, and axe finds no serious violation", async () => {
  const { page } = browser;
  await openApp(page, "view=profile&lang=de&technology=ai");
  await complete(page);
  assert.match(await page.textContent(`${profile} h2`), /^Ökosystem-Profil: /);
  assert.match(await page.textContent(section("profile-regions")), /Standortquotient/);
  await page.evaluate(AXE);
  const bad = await page.evaluate(async () =>
    (await window.axe.run(document, { resultTypes: ["violations"] })).violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  );
  assert.deepEqual(bad, []);
});
