// Keyboard, focus, contrast, small screens and the accessibility statement (issue 16, items 13 and 14;
// docs/accessibility.md). a11y.test.mjs runs axe on every view; this file checks what axe cannot: that a
// focused map marker or network node shows a ring on the canvas (both renderers), that the list's
// aria-activedescendant always names a rendered row, contrast computed from the real controls' styles in light
// and dark, no horizontal scrolling at 320 px and at 200 % zoom, and the statement page with and without the
// operator's addresses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PNG } from "pngjs";
import { appUrl, launch, openApp } from "../helpers.mjs";
import { chooseRenderer, openMap } from "./ui.mjs";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The colour of one page pixel (CSS px) as [r, g, b]. */
async function pixel(page, x, y) {
  const png = PNG.sync.read(await page.screenshot({ clip: { x: Math.round(x), y: Math.round(y), width: 1, height: 1 } }));
  return [png.data[0], png.data[1], png.data[2]];
}

const luminance = ([r, g, b]) => {
  const lin = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

test("a map marker focused by the keyboard shows a ring at its place, in both renderers", async () => {
  const b = await launch();
  try {
    const { page } = b;
    for (const renderer of ["webgl2", "canvas2d"]) {
      // The map's renderer is remembered in localStorage (docs/map.md).
      await openApp(page, "view=list&lang=en");
      await page.evaluate((r) => localStorage.setItem("ecomap.map.renderer", r), renderer);
      await openMap(page);
      assert.equal(await page.getAttribute("[data-testid=map]", "data-renderer"), renderer);
      // Tab from the stage to the first marker (the controls and the inset may come first).
      await page.focus("[data-testid=map-stage]");
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press("Tab");
        if (await page.evaluate(() => document.activeElement?.dataset.testid === "map-item")) break;
      }
      const ring = await page.evaluate(() => {
        const el = document.activeElement;
        const stage = document.querySelector("[data-testid=map-stage]").getBoundingClientRect();
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        return {
          testid: el.dataset.testid,
          x: stage.left + Number(el.dataset.x),
          y: stage.top + Number(el.dataset.y),
          cx: r.left + r.width / 2,
          cy: r.top + r.height / 2,
          w: r.width,
          outline: s.outlineStyle,
          outlineWidth: parseFloat(s.outlineWidth),
        };
      });
      assert.equal(ring.testid, "map-item", `${renderer}: Tab reaches a marker`);
      assert.ok(Math.abs(ring.cx - ring.x) < 1.5 && Math.abs(ring.cy - ring.y) < 1.5, `${renderer}: ring centred on the marker: ${JSON.stringify(ring)}`);
      assert.ok(ring.w >= 24 && ring.outline === "solid" && ring.outlineWidth >= 3, `${renderer}: ${JSON.stringify(ring)}`);
      // The ring is drawn: its dark band (just outside the button's edge) against the land's light colour.
      const band = await pixel(page, ring.cx + ring.w / 2 + 1, ring.cy);
      assert.ok(contrast(band, [0xe8, 0xee, 0xf3]) >= 3, `${renderer}: ring pixel ${band} stands out from the land`);
      // Enter opens the marker as a click would; arrows on it do not pan the map under the ring.
      const camera = await page.getAttribute("[data-testid=map]", "data-camera");
      await page.keyboard.press("ArrowLeft");
      assert.equal(await page.getAttribute("[data-testid=map]", "data-camera"), camera);
    }
  } finally {
    await b.close();
  }
});

test("the network's keyboard walk draws its ring on the canvas, in both renderers", async () => {
  const b = await launch();
  try {
    const { page } = b;
    for (const renderer of ["webgl2", "canvas2d"]) {
      await openApp(page, "view=network&lang=en");
      await chooseRenderer(page, renderer);
      const root = `[data-testid=network-view][data-renderer=${renderer}][data-layout=done][data-drawn=true]`;
      await page.waitForSelector(root, { timeout: 60_000 });
      await page.focus(".network-stage");
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction(() => document.querySelector("[data-testid=network-view]").dataset.keyboard !== "");
      const name = await page.getAttribute("[data-testid=network-view]", "data-keyboard");
      const node = await page.waitForFunction(
        (n) => {
          const el = [...document.querySelectorAll("[data-testid=network-nodes] button")].find((e) => e.textContent.startsWith(n));
          return el && { x: Number(el.dataset.x), y: Number(el.dataset.y), r: Number(el.dataset.r) };
        },
        name,
      );
      const { x, y, r } = await node.jsonValue();
      const box = await page.locator(".network-stage").boundingBox();
      // The ring: 3 px of the focus token at the node's radius + 4 px.
      const focus = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--focus").trim());
      const want = [1, 3, 5].map((i) => parseInt(focus.slice(i, i + 2), 16));
      const near = (c) => c.every((v, i) => Math.abs(v - want[i]) < 40);
      const png = PNG.sync.read(
        await page.screenshot({ clip: { x: Math.round(box.x + x), y: Math.round(box.y + y), width: Math.round(3 * r + 16), height: 1 } }),
      );
      const row = [];
      for (let i = 0; i < png.width; i++) row.push([png.data[4 * i], png.data[4 * i + 1], png.data[4 * i + 2]]);
      assert.ok(row.some(near), `${renderer}: no pixel of the focus colour ${want} right of the node: ${JSON.stringify(row)}`);
    }
  } finally {
    await b.close();
  }
});

test("the list's aria-activedescendant always names a rendered row", async () => {
  const b = await launch();
  try {
    const { page } = b;
    await openApp(page, "view=list&lang=en");
    const named = () =>
      page.evaluate(() => {
        const id = document.querySelector("[data-testid=results]").getAttribute("aria-activedescendant");
        return { id, rendered: id ? !!document.getElementById(id) : null };
      });
    await page.focus("[data-testid=results]");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    assert.deepEqual(await named(), { id: "result-2", rendered: true });
    // Scrolled far away (the mouse wheel would do this): the active row is no longer rendered.
    await page.evaluate(() => {
      const s = document.querySelector("[data-testid=results]");
      s.scrollTop = s.scrollHeight;
      s.dispatchEvent(new Event("scroll"));
    });
    await page.waitForFunction(() => !document.getElementById("result-2"));
    const away = await named();
    assert.ok(away.id === null || away.rendered, `names no missing row: ${JSON.stringify(away)}`);
    // The next key brings the active row back into view, and the attribute with it.
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction(() => document.getElementById("result-3"));
    assert.deepEqual(await named(), { id: "result-3", rendered: true });
  } finally {
    await b.close();
  }
});

/** In the page: contrast of each control's border (and the focused search field's ring) and each kind mark
 * against the colour behind it, from computed styles. */
function measureContrast() {
  const rgb = (s) => (s.match(/[\d.]+/g) ?? []).map(Number);
  const opaque = (s) => s && s !== "transparent" && !(rgb(s).length === 4 && rgb(s)[3] === 0);
  const behind = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (opaque(c)) return rgb(c).slice(0, 3);
    }
    return [255, 255, 255];
  };
  const lum = ([r, g, b]) => {
    const lin = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const ratio = (a, b) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
    return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
  };
  const out = [];
  const controls = ["#search-input", "[data-testid=share]", "[data-testid=filters-button]", "[data-testid=lang-en]", "[data-testid=settings]"];
  for (const sel of controls) {
    const el = document.querySelector(sel);
    if (!el) continue;
    out.push({ what: `border of ${sel}`, ratio: ratio(rgb(getComputedStyle(el).borderTopColor).slice(0, 3), behind(el.parentElement)) });
  }
  const focused = document.activeElement;
  if (focused && focused !== document.body) {
    out.push({ what: `focus ring of #${focused.id}`, ratio: ratio(rgb(getComputedStyle(focused).outlineColor).slice(0, 3), behind(focused.parentElement)) });
  }
  for (const mark of document.querySelectorAll(".kind-legend .kind-mark :is(polygon, circle)")) {
    const name = mark.closest("li")?.textContent.trim();
    out.push({ what: `kind mark ${name}`, ratio: ratio(rgb(getComputedStyle(mark).fill).slice(0, 3), behind(mark.closest("li"))) });
  }
  return out;
}

for (const colorScheme of ["light", "dark"]) {
  test(`borders, the focus ring and kind marks have at least 3:1, ${colorScheme}`, async () => {
    const b = await launch({ colorScheme, viewport: { width: 1440, height: 900 } });
    try {
      const { page } = b;
      await openMap(page);
      await page.focus("#search-input");
      const found = await page.evaluate(measureContrast);
      assert.ok(found.length >= 12, `measured ${JSON.stringify(found)}`);
      assert.ok(found.some((f) => f.what.startsWith("focus ring")), "the focus ring was measured");
      const low = found.filter((f) => f.ratio < 3);
      assert.deepEqual(low, [], `${colorScheme}: under 3:1`);
    } finally {
      await b.close();
    }
  });
}

const READY = {
  list: "[data-testid=result-row]",
  map: "[data-testid=map][data-drawn=true]",
  network: "[data-testid=network-view][data-drawn=true][data-layout=done]",
  charts: "[data-testid=charts][data-drawn=true]",
};

for (const [label, options] of [
  ["320 px wide", { viewport: { width: 320, height: 640 } }],
  // A 1280x800 window at 200 % zoom: 640x400 CSS px drawn with two device pixels each.
  ["200 % zoom", { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }],
]) {
  test(`${label}: no view scrolls sideways and the controls stay reachable`, async () => {
    const b = await launch(options);
    try {
      const { page } = b;
      for (const view of ["list", "map", "network", "charts"]) {
        await openApp(page, `view=${view}&lang=de`);
        await page.waitForSelector(READY[view], { timeout: 60_000 });
        const m = await page.evaluate(() => {
          const w = document.documentElement.clientWidth;
          const outside = [...document.querySelectorAll("button, a[href], input, select, [tabindex='0']")]
            .filter((e) => e.getClientRects().length && !e.closest(".visually-hidden, .skip-link, .map-items, [data-testid=network-nodes]"))
            // Inside a box that scrolls sideways by itself (the view tabs, the headline figures): reachable there.
            .filter((e) => {
              for (let p = e.parentElement; p; p = p.parentElement) {
                if (/auto|scroll/.test(getComputedStyle(p).overflowX) && p.scrollWidth > p.clientWidth) return false;
              }
              return true;
            })
            .filter((e) => getComputedStyle(e).visibility !== "hidden")
            .filter((e) => {
              const r = e.getBoundingClientRect();
              return r.width > 1 && (r.right > w + 1 || r.left < -1);
            })
            .map((e) => e.dataset.testid || e.id || e.className || e.tagName);
          return { scroll: document.documentElement.scrollWidth, width: w, outside };
        });
        assert.ok(m.scroll <= m.width, `${label}, ${view}: the page is ${m.scroll} px wide in ${m.width}`);
        assert.deepEqual(m.outside, [], `${label}, ${view}: controls outside the page's width`);
        for (const control of ["filters-button", "view-tabs", "a11y-link"]) {
          assert.ok(await page.locator(`[data-testid=${control}]`).first().isVisible(), `${label}, ${view}: ${control} shown`);
        }
      }
    } finally {
      await b.close();
    }
  });
}

const CONFIG_CONTACT = {
  embedOrigins: ["*"],
  messageOrigins: ["*"],
  dataOrigins: ["*"],
  tileOrigins: ["https://tile.openstreetmap.org"],
  contact: { legal_notice: "https://operator.example/impressum", privacy: "https://operator.example/datenschutz" },
};
const EXPORT_CONTACT = {
  meta: {
    format_version: "1.1",
    title: { de: "T", en: "T" },
    contact: {
      privacy: "https://data.example/privacy",
      corrections: "mailto:daten@data.example",
      feedback: "javascript:alert(1)",
    },
  },
  actors: [],
};

/** The statement's contact links that are shown: key -> href (the German section's). */
async function shownLinks(page) {
  await page.waitForSelector("html[data-contact=ready]");
  return page.$$eval("section[lang=de] .contact-links li:not([hidden]) a", (as) =>
    Object.fromEntries(as.map((a) => [a.dataset.contact, a.getAttribute("href")])),
  );
}

test("the accessibility statement: linked from every page, links only with an address, passes axe", async () => {
  const b = await launch();
  try {
    const { page, context } = b;
    // Reachable from the app's header and the About page (an embed's bar links to the full explorer, which has
    // the header).
    await openApp(page, "view=list&lang=de");
    await page.click(".app-header [data-testid=a11y-link]");
    await page.waitForSelector("h1#de-title");
    assert.match(await page.title(), /Barrierefreiheit/);
    await page.goto(`${appUrl()}/about.html`);
    await page.click("a[href='accessibility.html']");
    await page.waitForSelector("h1#de-title");

    // The shipped configuration and the demo export name no addresses: no contact link at all.
    assert.deepEqual(await shownLinks(page), {});

    // With addresses: the configuration wins, the export fills the gaps, a javascript: address is no link.
    await context.route("**/config.json", (r) => r.fulfill({ contentType: "application/json", body: JSON.stringify(CONFIG_CONTACT) }));
    await context.route("**/data/demo.json", (r) => r.fulfill({ contentType: "application/json", body: JSON.stringify(EXPORT_CONTACT) }));
    await page.reload();
    assert.deepEqual(await shownLinks(page), {
      corrections: "mailto:daten@data.example",
      legal_notice: "https://operator.example/impressum",
      privacy: "https://operator.example/datenschutz",
    });

    for (const colorScheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme });
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () =>
        (await window.axe.run(document, { resultTypes: ["violations"] })).violations.map(
          (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ") + " " + (n.failureSummary ?? "")).join("; ")}`,
        ),
      );
      assert.deepEqual(violations, [], `${colorScheme}: axe on the statement`);
    }
  } finally {
    await b.close();
  }
});
