// The page's side of the insight views (docs/insight.md): the insight worker's client and the one generic
// renderer of its documents, in plain DOM. Loaded by the profile view (src/views/insight/mod.rs) only when it
// opens, never on the first view; it costs the app's wasm nothing (the size guard, docs/size.md).
//
// The view renders a host element `[data-insight]` and keeps its attributes current: `data-src` (the export's
// address as the page loaded it), `data-query` (the page's URL query string with the technology), `data-lang`,
// `data-note` (a message instead of a document: no technology, a visitor's own file), `data-loading` and
// `data-failed` (its localized texts). Here, each host gets a worker (public/insight-worker.js, which loads the
// insight wasm module) that imports the export and answers every request with a document; the worker is
// replaced when `data-src` changes and terminated when the host leaves the page. Every string from a document
// goes into the page as text (textContent); an SVG chart is parsed as XML and must pass the allow-list below
// (the same as src/views/charts/svg_dom.rs: a native test keeps them equal) before it is adopted. A button in
// a table carries `data-actor` or `data-tech`; the view's click handler opens it through the app's state.

const SVG_ELEMENTS = ["svg", "rect", "text", "line", "polyline", "polygon", "circle"];
const SVG_ATTRIBUTES = ["width", "height", "viewBox", "xmlns", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "points", "dy", "opacity", "fill", "stroke", "stroke-width", "text-anchor", "font-family", "font-size", "font-weight", "font-style", "transform"];

/** host element -> { worker, src, ready, queue, id } */
const clients = new Map();

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

function cell(c) {
  const td = el("td", c.num ? { class: "num" } : {});
  if (c.actor !== undefined || c.tech !== undefined) {
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

function section(s) {
  const out = el("section", { class: "insight-section", "data-testid": s.testid });
  if (s.busy) out.setAttribute("aria-busy", "true");
  if (s.heading) out.append(el("h3", {}, s.heading));
  for (const line of s.lines) out.append(el("p", {}, line));
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
  // The view panel is labelled by this heading (an insight view is not a tab).
  host.replaceChildren(el("h2", { id: "tab-profile", class: "insight-title" }, doc.title), ...doc.sections.map(section));
}

function start(host) {
  const src = host.dataset.src;
  const worker = new Worker(new URL("insight-worker.js", document.baseURI), { type: "module" });
  const c = { worker, src, ready: false, queue: [{ kind: "load", url: new URL(src, document.baseURI).href }], id: 0 };
  worker.onmessage = (ev) => {
    const m = ev.data;
    if (m.kind === "ready") {
      c.ready = true;
      for (const q of c.queue.splice(0)) worker.postMessage(q);
    } else if (m.kind === "doc") {
      if (m.id !== c.id) return;
      render(host, JSON.parse(m.doc));
      // Tests and the printed report wait for the last answer (centrality included); bench/insight.mjs reads
      // the worker's times: message to answer, and the centrality when this answer computed it.
      host.dataset.final = String(m.final);
      host.dataset.answers = String(Number(host.dataset.answers || 0) + 1);
      if (m.centralityMs === undefined) host.dataset.ms = m.ms.toFixed(2);
      else host.dataset.centralityMs = m.centralityMs.toFixed(1);
    } else {
      message(host, `${host.dataset.failed} ${m.message || ""}`, false);
    }
  };
  worker.onerror = (ev) => {
    ev.preventDefault();
    message(host, `${host.dataset.failed} ${ev.message || ""}`, false);
  };
  message(host, host.dataset.loading, true);
  return c;
}

function stop(host) {
  clients.get(host)?.worker.terminate();
  clients.delete(host);
}

/** Brings one host's worker and document in step with its attributes. */
function sync(host) {
  if (host.dataset.note) {
    stop(host);
    delete host.dataset.final;
    return message(host, host.dataset.note, false);
  }
  if (!host.dataset.src || !host.dataset.query) return;
  let c = clients.get(host);
  if (c && c.src !== host.dataset.src) {
    stop(host);
    c = undefined;
  }
  if (!c) {
    c = start(host);
    clients.set(host, c);
  }
  c.id += 1;
  const req = { kind: "profile", id: c.id, query: host.dataset.query, lang: host.dataset.lang };
  if (c.ready) c.worker.postMessage(req);
  else c.queue.splice(1, Infinity, req);
}

const watched = new WeakSet();
const attributes = new MutationObserver((records) => {
  for (const host of new Set(records.map((r) => r.target))) sync(host);
});

/** Picks up new hosts and lets go of removed ones. */
function scan() {
  for (const host of clients.keys()) if (!host.isConnected) stop(host);
  for (const host of document.querySelectorAll("[data-insight]")) {
    if (watched.has(host)) continue;
    watched.add(host);
    attributes.observe(host, { attributes: true, attributeFilter: ["data-src", "data-query", "data-lang", "data-note"] });
    sync(host);
  }
}

new MutationObserver(scan).observe(document.body, { childList: true, subtree: true });
scan();
