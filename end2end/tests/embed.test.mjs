// Embed mode (docs/embedding.md): `?embed=1` shows the chosen view with a slim bar instead of the explorer's
// header; locked filters can be narrowed and never widened; the frame is a good guest (no history entries, no
// localStorage); it tells its host what happens and takes filters from it, from allowed origins only and in
// the right shape; it gives back its WebGL context while far out of view. The host page
// (fixtures/embed/recorder.html) is served on `localhost`, the app on `127.0.0.1`: another site.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp, appUrl, waitReady } from "../helpers.mjs";
import { dropExport } from "./ui.mjs";

let browser;
before(async () => {
  browser = await launch();
  // Chromium asks before a page frames a loopback address (Local Network Access); the visitor says yes.
  await browser.context.grantPermissions(["local-network-access"]);
  // The test server sends partner pages under fixtures/embed/ a partner's policy of their own, which lets
  // them frame the app (xtask/src/server.rs, HOST_PAGE_CSP).
});
after(async () => {
  await browser?.close();
});

/** The app's config.json as a test wants it (every request of the context, frames included). */
async function config(context, messageOrigins) {
  await context.unroute("**/config.json");
  await context.route("**/config.json", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ messageOrigins }) }),
  );
}

/** Opens the recorder host page on localhost, framing the app on 127.0.0.1 with `query`; returns the frame. */
async function openHost(page, query) {
  const app = appUrl();
  const host = app.replace("//127.0.0.1", "//localhost");
  assert.notEqual(host, app, "the host page is on another site than the app");
  await page.goto(`${host}/fixtures/embed/recorder.html?src=${encodeURIComponent(`${app}/?${query}`)}`);
  const frame = await (await page.waitForSelector("#frame")).contentFrame();
  await waitReady(frame);
  return frame;
}

/** The messages of `type` the host received so far (their data). */
const received = (page, type) =>
  page.evaluate((t) => window.received.filter((m) => m.data?.type === t).map((m) => m.data), type);

/** How many messages of `type` the host received so far. */
const count = async (page, type) => (await received(page, type)).length;

/** Waits until the host received `n` messages of `type`; returns the last. */
async function waitMessage(page, type, n = 1) {
  await page.waitForFunction(
    ([t, k]) => window.received.filter((m) => m.data?.type === t).length >= k,
    [type, n],
  );
  return (await received(page, type)).at(-1);
}

const search = (frame, name) => new URL(frame.url()).searchParams.getAll(name);

/** Actor ids of the demo export with any of `techs`, read from the export itself. */
async function demoActorsWith(techs) {
  const demo = await (await fetch(`${appUrl()}/data/demo.json`)).json();
  return new Set(demo.actors.filter((a) => a.technologies.some((t) => techs.includes(t))).map((a) => a.id));
}

test("embed mode: the chosen view with a slim bar, no explorer chrome, and a link to the full explorer", async () => {
  const { page, context } = browser;
  await config(context, ["*"]);
  await openApp(page, "embed=1&view=map&lang=en&tech=ai&lock=tech&theme=dark");
  await page.waitForSelector("[data-testid=map][data-drawn=true]");
  assert.equal(await page.getAttribute("html", "data-mode"), "embed");
  for (const gone of [".app-header", "[data-testid=view-tabs]", "[data-testid=filters-button]", "[data-testid=filters]", "[data-testid=results]"]) {
    assert.equal(await page.isVisible(gone), false, `${gone} is not shown`);
  }
  assert.ok(await page.isVisible("[data-testid=embed-bar]"));
  assert.match(await page.textContent("[data-testid=embed-bar] [data-testid=title]"), /ecosystem/);
  assert.match(await page.textContent("[data-testid=embed-credits]"), /Data as of 2026-11-01/);
  // The link carries the state (view, filters, language) without the embed options, and opens a new tab.
  const link = page.locator("[data-testid=open-explorer]");
  assert.equal(await link.getAttribute("target"), "_blank");
  assert.equal(await link.getAttribute("rel"), "noopener");
  const href = new URL(await link.getAttribute("href"), page.url());
  assert.equal(href.origin + href.pathname, `${appUrl()}/`);
  assert.equal(href.searchParams.get("view"), "map");
  assert.equal(href.searchParams.get("tech"), "ai");
  assert.equal(href.searchParams.get("lang"), "en");
  for (const p of ["embed", "lock", "theme", "panels", "height"]) assert.equal(href.searchParams.get(p), null, p);
  // theme=dark: the page is dark whatever the system says.
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, "rgb(20, 23, 28)");
  // Opened, the link shows the explorer with the same state.
  const [tab] = await Promise.all([context.waitForEvent("page"), link.click()]);
  await waitReady(tab);
  assert.ok(await tab.isVisible(".app-header"));
  assert.deepEqual(new URL(tab.url()).searchParams.getAll("tech"), ["ai"]);
  assert.equal(await tab.locator("[data-testid=filter-chip]").count(), 1);
  await tab.close();
});

test("a presentation mode is refused in an embed, with a notice", async () => {
  const { page, context } = browser;
  await config(context, ["*"]);
  await openApp(page, "embed=1&mode=present&lang=en");
  assert.equal(await page.getAttribute("html", "data-mode"), "embed");
  assert.match(await page.textContent("[data-testid=link-notices]"), /“mode=present” was ignored/);
});

test("locked filters: narrowed inside, never widened; the counts never exceed the locked set", async () => {
  const { page, context } = browser;
  await config(context, ["*"]);
  const locked = await demoActorsWith(["ai", "iot"]);
  const frame = await openHost(page, "embed=1&view=map&lang=en&panels=filters,list&lock=tech&tech=ai&tech=iot");
  const first = await waitMessage(page, "ecomap:selection");
  assert.equal(first.actors, locked.size, "the embed starts with the locked set");
  // The locked chips carry the lock and no remove button.
  const chips = frame.locator("[data-testid=filter-chip]");
  assert.equal(await chips.count(), 2);
  assert.equal(await frame.locator("[data-testid=filter-chip][data-locked=true]").count(), 2);
  assert.equal(await chips.locator("button:visible").count(), 0, "no remove button");
  assert.equal(await chips.locator(".lock-mark:visible").count(), 2, "a lock each");
  // The technology group offers the locked values only.
  await frame.click("[data-testid=filters-button]");
  const group = frame.locator("[data-testid=facet-technology]");
  assert.equal(await group.getAttribute("data-locked"), "true");
  assert.deepEqual(await group.locator("input").evaluateAll((els) => els.map((e) => e.value)), ["ai", "iot"]);
  // Narrow: untick one of the two.
  const n = await count(page, "ecomap:selection");
  await group.locator("input[value=iot]").click();
  await frame.waitForFunction(() => !new URL(location.href).searchParams.getAll("tech").includes("iot"));
  const narrowed = await waitMessage(page, "ecomap:selection", n + 1);
  assert.ok(narrowed.actors < locked.size);
  // The last locked value cannot be unticked: that would show every technology.
  await group.locator("input[value=ai]").click();
  assert.equal(await group.locator("input[value=ai]").isChecked(), true);
  assert.deepEqual(search(frame, "tech"), ["ai"]);
  // A filter outside the lock narrows further; "clear all" returns to the whole lock, not to everything.
  await frame.locator("[data-testid=facet-kind] input[value=startup]").check();
  await frame.waitForFunction(() => new URL(location.href).searchParams.get("kind") === "startup");
  await frame.click("[data-testid=clear-filters]");
  await frame.waitForFunction(() => new URL(location.href).searchParams.getAll("tech").join() === "ai,iot");
  assert.equal(search(frame, "kind").length, 0);
  const all = await received(page, "ecomap:selection");
  assert.equal(all.at(-1).actors, locked.size);
  for (const s of all) {
    assert.ok(s.actors <= locked.size, `${s.actors} <= ${locked.size}`);
    assert.ok(s.ids.every((id) => locked.has(id)), "every id is in the locked set");
  }
});

test("a good guest: clicking around adds no history entry and stores nothing", async () => {
  const { page, context } = browser;
  await config(context, ["*"]);
  const frame = await openHost(page, "embed=1&view=map&lang=en&panels=legend,filters,list");
  await frame.waitForSelector("[data-testid=map][data-drawn=true]");
  const length = await page.evaluate(() => history.length);
  await frame.click("[data-testid=filters-button]");
  await frame.locator("[data-testid=facet-kind] input[value=university]").check();
  await frame.waitForFunction(() => new URL(location.href).searchParams.get("kind") === "university");
  await frame.click("[data-testid=show-results]");
  await frame.locator("[data-testid=result-row]").first().click();
  await frame.waitForSelector("[data-testid=detail]");
  await frame.click("[data-testid=map-zoom-in]");
  await frame.waitForFunction(() => location.hash.startsWith("#map="));
  await frame.locator("[data-testid=detail-close]").click();
  await frame.waitForFunction(() => !new URL(location.href).searchParams.get("actor"));
  assert.equal(await page.evaluate(() => history.length), length, "the host's Back button leaves the page");
  assert.equal(await frame.evaluate(() => history.length), length);
  assert.equal(await frame.evaluate(() => document.cookie), "");
  // Framed on another site the browser may refuse storage altogether; opened on its own, an embed keeps
  // nothing either, where the explorer remembers the visitor's choice.
  await openApp(page, "view=map&lang=en");
  await page.locator("[data-testid=map-arcs]").check();
  await page.waitForFunction(() => localStorage.length > 0);
  await page.evaluate(() => localStorage.clear());
  // The embed's options come from its link (their controls stay in the explorer); what a visitor does in it
  // (filter, open an actor, zoom) is kept nowhere either.
  await openApp(page, "embed=1&view=map&lang=en&arcs=on&shading=actors&panels=legend,filters");
  await page.waitForSelector("[data-testid=map][data-drawn=true]");
  await page.waitForFunction(() => Number(document.querySelector("[data-testid=map]").dataset.arcs) > 0);
  // At this width the filters stand beside the view (a drawer on narrower pages).
  const university = page.locator("[data-testid=facet-kind] input[value=university]");
  if (!(await university.isVisible())) await page.click("[data-testid=filters-button]");
  await university.check();
  await page.waitForFunction(() => new URL(location.href).searchParams.get("kind") === "university");
  if (await page.isVisible("[data-testid=show-results]")) await page.click("[data-testid=show-results]");
  await page.click("[data-testid=map-zoom-in]");
  await page.waitForFunction(() => location.hash.startsWith("#map="));
  assert.equal(await page.evaluate(() => localStorage.length), 0, "nothing in localStorage");
});

test("events reach the host, and the host's setQuery filters the frame within the lock", async () => {
  const { page, context } = browser;
  await config(context, ["*"]);
  const frame = await openHost(page, "embed=1&view=map&lang=en&panels=list&lock=tech&tech=ai");
  const ready = await waitMessage(page, "ecomap:ready");
  assert.deepEqual(ready, { type: "ecomap:ready", version: 1, view: "map" });
  const sel = await waitMessage(page, "ecomap:selection");
  assert.equal(sel.version, 1);
  assert.equal(await frame.textContent("[data-testid=results-count]"), `${sel.actors} results`);
  assert.ok(sel.projects > 0);
  assert.equal(sel.ids.length, sel.actors);
  assert.equal((await received(page, "ecomap:height")).length, 0, "no height events without height=auto");
  // Opening an actor: ecomap:focus with its id; closing: null.
  await frame.locator("[data-testid=result-row]").first().click();
  const focus = await waitMessage(page, "ecomap:focus");
  assert.equal(focus.actor, search(frame, "actor")[0]);
  assert.equal(focus.technology, null);
  assert.equal(focus.actor, sel.ids[0], "the first row is the first id");
  // setQuery: kind and years apply; the technology stays inside the lock.
  let n = await count(page, "ecomap:selection");
  await page.evaluate(() =>
    window.sendToFrame({ type: "ecomap:setQuery", version: 1, query: "tech=iot&tech=ai&kind=university&years=2020-2025" }),
  );
  await frame.waitForFunction(() => new URL(location.href).searchParams.get("kind") === "university");
  assert.deepEqual(search(frame, "tech"), ["ai"]);
  assert.deepEqual(search(frame, "years"), ["2020-2025"]);
  assert.equal(search(frame, "actor").length, 1, "the opened actor stays open");
  const narrowed = await waitMessage(page, "ecomap:selection", n + 1);
  assert.ok(narrowed.actors < sel.actors);
  assert.equal(await frame.locator("[data-testid=filter-chip]").count(), 3);
  // A query without the locked facet gives the whole lock back.
  n = await count(page, "ecomap:selection");
  await page.evaluate(() => window.sendToFrame({ type: "ecomap:setQuery", version: 1, query: "" }));
  await frame.waitForFunction(() => !new URL(location.href).searchParams.get("kind"));
  assert.deepEqual(search(frame, "tech"), ["ai"]);
  assert.equal((await waitMessage(page, "ecomap:selection", n + 1)).actors, sel.actors);
});

test("messages of another shape, or from an origin config.json does not allow, change nothing", async () => {
  const { page, context } = browser;
  const notices = [];
  page.on("console", (m) => m.type() === "info" && m.text().startsWith("ecomap:") && notices.push(m.text()));
  await config(context, ["https://partner.example"]);
  let frame = await openHost(page, "embed=1&view=map&lang=en");
  await waitMessage(page, "ecomap:ready");
  const url = frame.url();
  await page.evaluate(() => window.sendToFrame({ type: "ecomap:setQuery", version: 1, query: "kind=startup" }));
  while (!notices.some((n) => n.includes("from an origin"))) await page.waitForEvent("console");
  assert.equal(frame.url(), url, "a message from localhost is not allowed");

  await config(context, ["*"]);
  frame = await openHost(page, "embed=1&view=map&lang=en");
  await waitMessage(page, "ecomap:ready");
  const bad = [
    "kind=startup",
    { type: "ecomap:setQuery", version: 2, query: "kind=startup" },
    { type: "ecomap:setQuery", version: 2, query: "kind=sme" },
    { type: "ecomap:setquery", version: 1, query: "kind=startup" },
    { type: "ecomap:setQuery", version: 1, query: ["kind=startup"] },
    { type: "ecomap:setQuery", version: 1, query: "view=network" },
    { type: "ecomap:setQuery", version: 1, query: "kind=startup&data=https://evil.example/x.json" },
    { type: "ecomap:setQuery", version: 1, query: `q=${"x".repeat(2001)}` },
  ];
  await page.evaluate((msgs) => msgs.forEach((m) => window.sendToFrame(m)), bad);
  // The last, well-formed message applies alone: none of the others changed anything before it.
  await page.evaluate(() =>
    window.sendToFrame({ type: "ecomap:setQuery", version: 1, query: "q=<img src=x onerror=alert(1)>" }),
  );
  await frame.waitForFunction(() => new URL(location.href).searchParams.get("q"));
  const params = [...new URL(frame.url()).searchParams.keys()].sort();
  assert.deepEqual(params, ["embed", "lang", "q", "view"]);
  assert.equal(search(frame, "view")[0], "map");
  // Text from a message is text: the chip shows it, no element was made of it.
  assert.match(await frame.textContent("[data-testid=filter-chip]"), /<img src=x onerror=alert\(1\)>/);
  assert.equal(await frame.locator("img[src=x]").count(), 0);
  // One console notice per kind, never an error.
  const kinds = ["not an object", "unknown type", "\"version\" is not 1", "not a string", "not a filter"];
  for (const k of kinds) assert.equal(notices.filter((n) => n.includes(k)).length, 1, `${k}: ${notices.join(" | ")}`);
});

test("height=auto: the frame reports its content height", async () => {
  const { page, context } = browser;
  await config(context, ["*"]);
  const frame = await openHost(page, "embed=1&view=charts&lang=en&height=auto");
  await frame.waitForSelector("[data-testid=charts][data-drawn=true]");
  const height = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await page.waitForFunction(
    (h) => window.received.some((m) => m.data?.type === "ecomap:height" && m.data.height === h),
    height,
  );
  const h = (await received(page, "ecomap:height")).at(-1).height;
  assert.ok(h > 1000, `the charts are taller than the frame (${h} px)`);
});

test("far out of view the frame gives back its WebGL context, and draws again when it returns", async () => {
  const { page, context } = browser;
  const warnings = [];
  page.on("console", (m) => /WebGL/i.test(m.text()) && /lost|too many/i.test(m.text()) && warnings.push(m.text()));
  await config(context, ["*"]);
  const frame = await openHost(page, "embed=1&view=map&lang=en");
  await frame.waitForSelector("[data-testid=map][data-drawn=true]");
  await frame.waitForSelector("html[data-webgl-contexts='1']");
  await page.evaluate(() => document.getElementById("end").scrollIntoView());
  await frame.waitForSelector("html[data-webgl-contexts='0']");
  await frame.waitForSelector("[data-testid=map][data-context=lost]", { state: "attached" });
  await page.evaluate(() => document.getElementById("frame").scrollIntoView());
  await frame.waitForSelector("html[data-webgl-contexts='1']");
  await frame.waitForSelector("[data-testid=map][data-context=ok][data-drawn=true]");
  // Given back and taken again without a word from WebGL (no call on the lost context).
  assert.deepEqual(warnings, []);
});

test("one chart alone; the views' option controls stay in the full explorer", async () => {
  const { page, context } = browser;
  await config(context, ["*"]);
  await openApp(page, "embed=1&view=charts&chart=top-actors&lang=en");
  await page.waitForSelector("[data-testid=charts][data-drawn=true]");
  const titles = await page.$$eval(".charts-grid h3, .charts-grid h2", (hs) => hs.map((h) => h.textContent.trim()));
  assert.deepEqual(titles, ["Top 10 actors by project volume"], "only the chosen chart is drawn");
  // The full explorer shows all six, whatever the link says.
  await openApp(page, "view=charts&chart=top-actors&lang=en");
  await page.waitForSelector("[data-testid=charts][data-drawn=true]");
  assert.equal(await page.locator(".charts-grid h3, .charts-grid h2").count(), 6);

  await openApp(page, "embed=1&view=map&lang=en&shading=actors");
  await page.waitForSelector("[data-testid=map][data-drawn=true]");
  for (const gone of ["#map-choices", "[data-testid=map-options-toggle]", "[data-testid=map-tiles-settings]"]) {
    assert.equal(await page.isVisible(gone), false, `${gone} is not shown in an embed`);
  }
  assert.ok(await page.isVisible(".map-legend"), "the legend stays (panels= default)");
  await openApp(page, "embed=1&view=network&lang=en");
  // Drawn with its layout done: the layout worker has loaded (a navigation before would abort its script).
  await page.waitForSelector("[data-testid=network-view][data-layout=done][data-drawn=true]");
  assert.equal(await page.isVisible("#network-options"), false, "the network's choices are not shown");
  assert.ok(await page.isVisible("[data-testid=network-fit]"), "fitting the graph stays");
});

test("a file dropped on an embed is not loaded (its data is the host's choice); in the explorer it is", async () => {
  const { page, context } = browser;
  await config(context, ["*"]);
  await openApp(page, "view=list&lang=en");
  assert.deepEqual(await dropExport(page, "Dropped export"), { over: true, prevented: true });
  await page.waitForFunction(() => document.querySelector(".app-header [data-testid=title]")?.textContent === "Dropped export");

  await openApp(page, "embed=1&view=list&lang=en&panels=list");
  const title = await page.textContent("[data-testid=embed-bar] [data-testid=title]");
  const results = await page.textContent("[data-testid=results-count]");
  assert.deepEqual(
    await dropExport(page, "Dropped export"),
    { over: false, prevented: true },
    "no drop hint, and the browser does not open the file in the frame either",
  );
  // A dropped file is read and imported within a few frames (the explorer above); give it those and more.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
  assert.equal(await page.textContent("[data-testid=embed-bar] [data-testid=title]"), title);
  assert.equal(await page.textContent("[data-testid=results-count]"), results);
});

test("keyboard focus passes through an embed and out again, both ways", async () => {
  const { page, context } = browser;
  await config(context, ["*"]);
  await openHost(page, "embed=1&view=map&lang=en&tech=blockchain");
  await page.waitForFunction(() => !!document.querySelector("#frame"));
  const frame = await (await page.$("#frame")).contentFrame();
  await frame.waitForSelector("[data-testid=map][data-drawn=true]");
  const walk = async (start, goal, key) => {
    await page.focus(start);
    let entered = false;
    for (let i = 0; i < 400; i += 1) {
      await page.keyboard.press(key);
      const at = await page.evaluate(() => document.activeElement?.id ?? "");
      if (at === "frame") entered = true;
      if (at === goal) return { entered, reached: true };
    }
    return { entered, reached: false };
  };
  assert.deepEqual(await walk("#before-frame", "after-frame", "Tab"), { entered: true, reached: true });
  assert.deepEqual(await walk("#after-frame", "before-frame", "Shift+Tab"), { entered: true, reached: true });
});
