// Issue 17 in the app: the ecosystem profile, the comparison, the regional strengths and gaps and the partner
// suggestions, computed by the insight worker (a second wasm module the page loads only when an insight view
// opens). Opening the AI profile from the technology detail, its sections, centrality arriving in a second
// answer, the years changing the figures, links to actors and neighbour technologies, comparing AI and IoT
// with the shared actors in both columns, every technology's strengths and gaps, following a partner
// suggestion to its detail, no insight code on the first view, and axe audits. One browser for the file.
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

  // Regions: every district and county, one with fewer than 5 technology actors never ahead of one with enough,
  // and "strength" only with 5 or more.
  const regionRows = await page.locator(`${section("profile-regions")} tbody tr`).evaluateAll((rows) =>
    rows.map((r) => ({ standing: r.cells[2].textContent, n: Number(r.cells[3].textContent.replace(/\D/g, "")) })));
  assert.equal(regionRows.length, 30);
  const firstFew = regionRows.findIndex((r) => r.n < 5);
  assert.ok(firstFew === -1 || regionRows.slice(firstFew).every((r) => r.n < 5), JSON.stringify(regionRows));
  assert.ok(regionRows.every((r) => r.standing !== "strength" || r.n >= 5), JSON.stringify(regionRows));

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

const compare = "[data-testid=compare]";
const inCompare = (id) => `${compare} [data-testid=${id}]`;

test("the profile links to a comparison; AI and IoT side by side, the shared actors in both columns", async () => {
  const { page } = browser;
  await openApp(page, "view=profile&lang=en&technology=ai&kind=university");
  await complete(page);
  await page.click(`${section("profile-neighbours")} a[data-nav]:text-is("Compare with Internet of Things")`);
  await page.waitForURL(/view=compare/);
  // The link keeps the filters and names both technologies; the page did not reload (the app follows it).
  assert.match(page.url(), /compare=ai,iot/);
  assert.match(page.url(), /kind=university/);
  await page.waitForSelector(`${compare}[data-final=true] [data-testid=compare-central] tbody tr`, { timeout: 60_000 });
  assert.match(await page.textContent(`${compare} h2`), /^Comparison: Artificial Intelligence · Internet of Things$/);
  // Aligned columns: a figure per row, one column per technology.
  assert.deepEqual(await page.locator(`${inCompare("compare-summary")} thead th`).allTextContents(),
    ["Figure", "Artificial Intelligence", "Internet of Things"]);

  // The actors active in both: each row marked in both columns, and each actor lists both technologies.
  const shared = await page.locator(`${inCompare("compare-shared")} tbody tr`).evaluateAll((rows) =>
    rows.map((r) => [...r.cells].map((c) => c.textContent.trim())));
  assert.ok(shared.length >= 1, "some actor works on both");
  for (const [, ai, iot] of shared) assert.deepEqual([ai, iot], ["✓", "✓"]);
  const first = page.locator(`${inCompare("compare-shared")} tbody tr button`).first();
  await first.click();
  await page.waitForURL(/actor=/);
  const chips = await page.locator("[data-testid=detail] .chips").textContent();
  assert.match(chips, /Artificial Intelligence/);
  assert.match(chips, /Internet of Things/);
  assert.equal((await page.textContent("[data-testid=detail] .detail-kind")).trim(), "University");

  // The overlap: an UpSet chart (a column of dots per combination) and its table, whose counts add up to the
  // actors of either technology.
  const combos = await page.locator(`${inCompare("compare-overlap")} tbody tr`).evaluateAll((rows) =>
    rows.map((r) => [r.cells[0].textContent, Number(r.cells[1].textContent.replace(/\D/g, ""))]));
  assert.equal(await page.locator(`${inCompare("compare-overlap")} svg circle`).count(), combos.length * 2);
  const both = combos.find(([c]) => c.includes(" + "));
  if (shared.length < 50) assert.equal(both?.[1], shared.length, "the overlap counts the shared actors");
  // The shared projects each name both technologies.
  for (const techs of await page.locator(`${inCompare("compare-projects")} tbody tr td:nth-child(2)`).allTextContents()) {
    assert.equal(techs, "Artificial Intelligence, Internet of Things");
  }

  // Add a third technology, then remove it again.
  await page.click(`${inCompare("compare-summary")} a[data-nav]:text-is("add: Blockchain")`);
  await page.waitForURL(/compare=ai,iot,blockchain/);
  await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes("Blockchain"), `${compare} h2`);
  assert.equal(await page.locator(`${inCompare("compare-summary")} thead th`).count(), 4);
  await page.goBack();
  await page.waitForFunction((sel) => !document.querySelector(sel)?.textContent.includes("Blockchain"), `${compare} h2`);
});

test("every technology's regional strengths and gaps, from the profile", async () => {
  const { page } = browser;
  await openApp(page, "view=profile&lang=en&technology=ai");
  await complete(page);
  await page.click(`${section("profile-regions")} a[data-nav]`);
  await page.waitForURL(/view=regions/);
  const regions = "[data-testid=regions]";
  await page.waitForSelector(`${regions} [data-testid=regions-table] tbody tr`);
  const techCount = await page.evaluate(async () => (await (await fetch("data/demo.json")).json()).technologies.length);
  // One row per technology with its strengths and gaps; one map per technology with actors; one legend.
  assert.equal(await page.locator(`${regions} [data-testid=regions-gaps] tbody tr`).count(), techCount);
  const svg = await page.locator(`${regions} [data-testid=regions-maps] svg`).innerHTML();
  assert.ok((svg.match(/<polygon/g) || []).length >= 42 * 2, "a map per technology");
  assert.equal((svg.match(/strength: LQ 1.25 or more/g) || []).length, 1, "one legend");
  // The full table: 30 regions, a column per technology, each cell its quotient, count and class.
  const rows = await page.locator(`${regions} [data-testid=regions-table] tbody tr`).evaluateAll((rs) =>
    rs.map((r) => [...r.cells].map((c) => c.textContent)));
  assert.equal(rows.length, 30);
  assert.equal(rows[0].length, 2 + techCount);
  for (const row of rows) for (const c of row.slice(2)) assert.match(c, /^(–|\d+\.\d\d) · \d+ · (strength|above|below|gap|too few|no actors)/);
  // A strength has 5 or more technology actors.
  for (const row of rows) for (const c of row.slice(2)) if (/strength$/.test(c)) assert.ok(Number(c.split(" · ")[1]) >= 5, c);
});

test("an actor's partner suggestions, each with its reason, and following one to its detail", async () => {
  const { page } = browser;
  const requests = recordInsight(page);
  await openApp(page, "view=map&lang=en&actor=tu-berlin");
  await page.waitForSelector("[data-testid=detail-title]");
  assert.deepEqual(requests, [], "nothing of the insight worker before the visitor asks");
  await page.click("[data-testid=suggest-partners]");
  const list = "[data-testid=detail] [data-testid=suggestions]";
  await page.waitForSelector(`${list}[data-final=true] tbody tr`, { timeout: 60_000 });
  const rows = await page.locator(`${list} tbody tr`).evaluateAll((rs) => rs.map((r) => [...r.cells].map((c) => c.textContent)));
  assert.ok(rows.length >= 3 && rows.length <= 10, `${rows.length} suggestions`);
  // Each reason in one line; the best first.
  for (const [, why] of rows) assert.match(why, /works on .* like you|shared partner|km away/);
  const scores = rows.map((r) => Number(r[2]));
  assert.deepEqual([...scores].sort((a, b) => b - a), scores);
  // Never an existing partner: none of them is among the actor's related actors.
  const related = await page.locator("[data-testid=related] a").allTextContents();
  for (const [name] of rows) assert.ok(!related.includes(name), `${name} already works with TU Berlin`);

  const name = rows[0][0];
  await page.click(`${list} tbody tr:first-child button`);
  await page.waitForURL(/actor=/);
  assert.equal((await page.textContent("[data-testid=detail-title]")).trim(), name);
  // The suggestions stay open and are now the followed actor's own (it never suggests itself).
  await page.waitForFunction(
    ([sel, n]) => {
      const names = [...document.querySelectorAll(`${sel} tbody tr td:first-child`)].map((td) => td.textContent);
      return names.length > 0 && !names.includes(n);
    },
    [list, name],
  );
  assert.equal(page.workers().filter((w) => /insight-worker/.test(w.url())).length, 1, "one worker for the export");
});

test("the comparison and the strengths and gaps in German, and axe finds no serious violation", async () => {
  const { page } = browser;
  for (const q of ["view=compare&lang=de&compare=ai,iot,vr", "view=regions&lang=de"]) {
    await openApp(page, q);
    await page.waitForSelector("[data-insight][data-final=true]", { timeout: 60_000 });
    assert.match(await page.textContent("[data-insight] h2"), /^(Vergleich: |Regionale Stärken und Lücken)/);
    await page.evaluate(AXE);
    const bad = await page.evaluate(async () =>
      (await window.axe.run(document, { resultTypes: ["violations"] })).violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    );
    assert.deepEqual(bad, [], q);
  }
});

test("a visitor's own file: its profile and suggestions come from the file, which is never uploaded", async () => {
  const { page } = browser;
  const demo = JSON.parse(readFileSync(new URL("../../public/data/demo.json", import.meta.url), "utf8"));
  const ai = demo.technologies.find((t) => t.id === "ai");
  ai.name = { de: "KI aus einer Datei", en: "AI from a file" };
  await openApp(page, "lang=en&view=map");
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.setInputFiles("[data-testid=file-input]", { name: "mine.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(demo)) });
  await page.waitForFunction(() => document.documentElement.dataset.ready === "true" && document.body.textContent.includes("AI from a file"));
  await page.click("[data-testid=open-technology] >> nth=0");
  await page.click("[data-testid=detail] [data-testid=open-profile]");
  await complete(page);
  assert.equal(await page.textContent(`${profile} h2`), "Ecosystem profile: AI from a file");
  await page.click(`${section("profile-central")} tbody tr button`);
  await page.click("[data-testid=suggest-partners]");
  await page.waitForSelector("[data-testid=suggestions][data-final=true] tbody tr", { timeout: 60_000 });
  assert.deepEqual(requests.filter((u) => /mine\.json|demo\.json/.test(u)), [], "the file was neither fetched nor uploaded");
});

test("a view and the detail's suggestions that both wait for the worker's import are both answered", async () => {
  const { page } = browser;
  // The worker's wasm module is held back: the profile's and the suggestions' requests both reach the worker
  // before its import of the export has finished, and both wait there.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route("**/ecomap-insight-worker_bg.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await openApp(page, "view=profile&lang=en&technology=ai");
  await page.waitForSelector(`${profile} .insight-message`);
  // An actor from the technology's detail: the profile keeps its technology, the actor's detail asks too.
  await page.click("[data-testid=tech-leading] a >> nth=0");
  await page.waitForURL(/actor=/);
  await page.click("[data-testid=suggest-partners]");
  await page.waitForSelector("[data-testid=suggestions] .insight-message");
  release();
  await complete(page);
  await page.waitForSelector("[data-testid=suggestions][data-final=true] tbody tr", { timeout: 60_000 });
  await page.unroute("**/ecomap-insight-worker_bg.wasm");
});
