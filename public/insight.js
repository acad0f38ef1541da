// The page's side of the insight views (docs/insight.md): the insight worker's client and the one generic
// renderer of its documents, in plain DOM. Loaded by the profile view (src/views/insight/mod.rs) only when it
// opens, never on the first view; it costs the app's wasm nothing (the size guard, docs/size.md).
//
// The view renders a host element `[data-insight]` and keeps its attributes current: `data-src` (the export's
// address as the page loaded it), `data-query` (the page's URL query string with the technology), `data-lang`,
// (`file:NAME` for a visitor's own file), `data-note` (a message instead of a document), `data-loading` and
// `data-failed` (its localized texts); `data-insight` says what it shows (profile, compare, regions,
// suggestions). Here, each export gets one worker (public/insight-worker.js, which loads the insight wasm
// module) that imports it once and answers every host's requests with documents; it is terminated when no
// host on the page shows that export any more. A link in a document (`a[data-nav]`, a query string) is
// followed in place: pushed to the history, then read by the app as on Back. Every string from a document
// goes into the page as text (textContent); an SVG chart is parsed as XML and must pass the allow-list below
// (the same as src/views/charts/svg_dom.rs: a native test keeps them equal) before it is adopted. A button in
// a table carries `data-actor` or `data-tech`; the view's click handler opens it through the app's state.

const SVG_ELEMENTS = ["svg", "rect", "text", "line", "polyline", "polygon", "circle"];
const SVG_ATTRIBUTES = ["width", "height", "viewBox", "xmlns", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "points", "dy", "opacity", "fill", "stroke", "stroke-width", "text-anchor", "font-family", "font-size", "font-weight", "font-style", "transform"];

/** export address -> { worker, ready, queue }: one worker per export, shared by every host showing it. */
const workers = new Map();
/** host element -> { src, id }: the export it shows and its newest request. */
const hosts = new Map();
let lastId = 0;

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function message(host, text, busy) {
  host.setAttribute("aria-busy", busy ? "true" : "false");
  host.replaceChildren(el("p", { class: "insight-message", role: "status" }, text));
}

/** The parsed SVG's root, adopted into the page, when every element and attribute in it is allowed. */
function svg(text) {
  const root = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
  const ok = (e) => SVG_ELEMENTS.includes(e.localName) && [...e.attributes].every((a) => SVG_ATTRIBUTES.includes(a.name));
  if (!ok(root) || ![...root.querySelectorAll("*")].every(ok)) return null;
  return document.adoptNode(root);
}

/** A link to another state of the page: a real link (it can be opened in a new tab), followed in place. */
function link(c) {
  return el("a", { href: c.href, "data-nav": "" }, c.t);
}

function cell(c) {
  const td = el("td", c.num ? { class: "num" } : {});
  if (c.href !== undefined) {
    td.append(link(c));
  } else if (c.actor !== undefined || c.tech !== undefined) {
    const attr = c.actor !== undefined ? { "data-actor": c.actor } : { "data-tech": c.tech };
    td.append(el("button", { type: "button", class: "link-button", ...attr }, c.t));
  } else {
    td.textContent = c.t;
  }
  return td;
}

function table(t) {
  const head = el("tr");
  for (const h of t.head) head.append(el("th", { scope: "col" }, h));
  const body = el("tbody");
  for (const row of t.rows) {
    const tr = el("tr");
    for (const c of row) tr.append(cell(c));
    body.append(tr);
  }
  const tbl = el("table");
  tbl.append(el("caption", {}, t.caption), el("thead"), body);
  tbl.tHead.append(head);
  // A wide table scrolls in its own region, which keyboard users can reach and scroll.
  const wrap = el("div", { class: "insight-table", tabindex: "0", role: "region", "aria-label": t.caption });
  wrap.append(tbl);
  return wrap;
}

function section(s, level) {
  const out = el("section", { class: "insight-section", "data-testid": s.testid });
  if (s.busy) out.setAttribute("aria-busy", "true");
  if (s.heading) out.append(el(`h${level}`, {}, s.heading));
  for (const line of s.lines) out.append(el("p", {}, line));
  if (s.links && s.links.length) {
    const list = el("ul", { class: "insight-links" });
    for (const c of s.links) {
      const li = el("li");
      li.append(link(c));
      list.append(li);
    }
    out.append(list);
  }
  for (const text of s.svg || []) {
    const chart = el("div", { class: "insight-chart", "aria-hidden": "true" });
    const root = svg(text);
    if (root) chart.append(root);
    out.append(chart);
  }
  for (const t of s.tables) out.append(table(t));
  return out;
}

/** Replaces the host's content with a document. */
function render(host, doc) {
  host.setAttribute("aria-busy", "false");
  // A view's panel is labelled by its heading (an insight view is not a tab); the suggestions are a part of the
  // detail panel, one level down.
  const inDetail = host.dataset.insight === "suggestions";
  const title = inDetail
    ? el("h3", { class: "insight-title" }, doc.title)
    : el("h2", { id: `tab-${doc.testid}`, class: "insight-title" }, doc.title);
  host.replaceChildren(title, ...doc.sections.map((s) => section(s, inDetail ? 4 : 3)));
}

/** An answer for a host (its newest request only). */
function receive(host, m) {
  render(host, JSON.parse(m.doc));
  // Tests and the printed report wait for the last answer (centrality included); bench/insight.mjs reads the
  // worker's times: message to answer, and the centrality when this answer computed it.
  host.dataset.final = String(m.final);
  host.dataset.answers = String(Number(host.dataset.answers || 0) + 1);
  if (m.centralityMs === undefined) host.dataset.ms = m.ms.toFixed(2);
  else host.dataset.centralityMs = m.centralityMs.toFixed(1);
}

/** Every connected host showing `src` whose newest request is `id` (or all of them, for an error). */
function hostsOf(src, id) {
  return [...hosts.entries()].filter(([h, c]) => c.src === src && h.isConnected && (id === undefined || c.id === id)).map(([h]) => h);
}

function startWorker(src) {
  const worker = new Worker(new URL("insight-worker.js", document.baseURI), { type: "module" });
  // A visitor's own file (`file:NAME`) has no address: the page's loader keeps the File (src/load.rs), and it is
  // posted to the worker (a File is copied by reference, not read here).
  const load = src.startsWith("file:")
    ? { kind: "load", file: globalThis.ecomapFile, name: src.slice(5) }
    : { kind: "load", url: new URL(src, document.baseURI).href };
  const w = { worker, ready: false, queue: [load] };
  const fail = (text) => {
    for (const host of hostsOf(src)) message(host, `${host.dataset.failed} ${text || ""}`, false);
  };
  worker.onmessage = (ev) => {
    const m = ev.data;
    if (m.kind === "ready") {
      w.ready = true;
      for (const q of w.queue.splice(0)) worker.postMessage(q);
    } else if (m.kind === "doc") {
      for (const host of hostsOf(src, m.id)) receive(host, m);
    } else {
      fail(m.message);
    }
  };
  worker.onerror = (ev) => {
    ev.preventDefault();
    fail(ev.message);
  };
  return w;
}

/** Ends the workers no connected host uses any more. */
function release() {
  for (const host of [...hosts.keys()]) if (!host.isConnected) hosts.delete(host);
  const used = new Set([...hosts.values()].map((c) => c.src));
  for (const [src, w] of workers) {
    if (!used.has(src)) {
      w.worker.terminate();
      workers.delete(src);
    }
  }
}

/** Brings one host's document in step with its attributes. */
function sync(host) {
  if (host.dataset.note) {
    hosts.delete(host);
    release();
    delete host.dataset.final;
    return message(host, host.dataset.note, false);
  }
  if (!host.dataset.src || !host.dataset.query) return;
  const src = host.dataset.src;
  let w = workers.get(src);
  if (!w) {
    w = startWorker(src);
    workers.set(src, w);
  }
  lastId += 1;
  const before = hosts.get(host);
  hosts.set(host, { src, id: lastId });
  if (!before || before.src !== src) message(host, host.dataset.loading, true);
  if (before && before.src !== src) release();
  const req = { kind: "doc", id: lastId, what: host.dataset.insight, query: host.dataset.query, lang: host.dataset.lang };
  if (w.ready) w.worker.postMessage(req);
  else w.queue.push(req);
}

/** Follows a document's link in place: the app reads the new address as it does on Back and Forward. */
function follow(ev) {
  const a = ev.target.closest && ev.target.closest("a[data-nav]");
  if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  ev.preventDefault();
  // As the app writes its address (src/url.rs): an embed (a guest on another site, whose Back button the
  // frame's entries would take over), a presentation and a kiosk replace the entry instead of adding one.
  const guest = ["embed", "present", "kiosk"].includes(document.documentElement.dataset.mode);
  history[guest ? "replaceState" : "pushState"](null, "", a.getAttribute("href"));
  dispatchEvent(new PopStateEvent("popstate"));
  document.getElementById("view-panel")?.focus({ preventScroll: false });
}

const watched = new WeakSet();
const attributes = new MutationObserver((records) => {
  for (const host of new Set(records.map((r) => r.target))) sync(host);
});

/** Picks up new hosts first (so a host that replaces another keeps its worker), then lets go of removed ones. */
function scan() {
  for (const host of document.querySelectorAll("[data-insight]")) {
    if (watched.has(host)) continue;
    watched.add(host);
    host.addEventListener("click", follow);
    attributes.observe(host, { attributes: true, attributeFilter: ["data-src", "data-query", "data-lang", "data-note"] });
    sync(host);
  }
  release();
}

new MutationObserver(scan).observe(document.body, { childList: true, subtree: true });
scan();
