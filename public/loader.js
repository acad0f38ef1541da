// Starts the app without an inline script, so that it runs under the strict
// Content-Security-Policy `script-src 'self' 'wasm-unsafe-eval'` (see docs/hosting.md).
// Trunk (Trunk.toml `pattern_script`) emits:
//   <script type="module" src="./loader.js" data-ecomap-loader data-js="./ecomap-HASH.js" data-wasm="./ecomap-HASH_bg.wasm">
// Paths are relative to the page, so the app works under any path prefix.
const el = document.querySelector("script[data-ecomap-loader]");
// An embed (`?embed=1`) shows its slim skeleton, not the explorer's header, while the wasm loads.
const embed = new URLSearchParams(location.search).get("embed") === "1";
if (embed) document.documentElement.dataset.mode = "embed";
const base = document.baseURI;
try {
  const js = new URL(el.dataset.js, base).href;
  const wasm = new URL(el.dataset.wasm, base).href;
  const bindings = await import(js);
  await bindings.default({ module_or_path: wasm });
  keepForOffline();
  // Printing: the map's and the network's canvases as pictures (print.js, docs/report.md); after the start, so
  // that the first view never waits for it.
  import("./print.js").catch((err) => console.warn("ecomap: printing will show blank canvases", err));
} catch (err) {
  console.error("ecomap: the app could not start", err);
  document.documentElement.dataset.ready = "error";
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.textContent = "ecomap could not start in this browser (JavaScript module or WebAssembly failed to load). Please reload, or try a current browser.";
  document.body.prepend(p);
}

// Offline use (docs/presenting.md, "Offline and USB"): the service worker, in the full app only (never in an
// embed: a guest installs nothing in its visitors' browsers), registered once the app shows its data so that
// the first visit's own downloads come first. Then the page names its export, which the worker keeps too.
function keepForOffline() {
  if (embed || !("serviceWorker" in navigator)) return;
  const html = document.documentElement;
  const register = () => {
    const data = new URLSearchParams(location.search).get("data") || "data/demo.json";
    navigator.serviceWorker
      .register("sw.js")
      .then(() => navigator.serviceWorker.ready)
      .then((reg) => reg.active?.postMessage({ type: "cache", urls: [new URL(data, base).href] }))
      .catch((err) => console.warn("ecomap: no offline use in this browser", err));
  };
  if (html.dataset.ready === "true") return register();
  const watch = new MutationObserver(() => {
    if (html.dataset.ready !== "true") return;
    watch.disconnect();
    register();
  });
  watch.observe(html, { attributes: true, attributeFilter: ["data-ready"] });
}
// A trap in the wasm ends the running call for good: running out of memory inside an import does that (Rust's
// allocation failure aborts, it cannot be caught as a panic). Instead of a page left at "Preparing", say what
// failed, with the size of the file being imported (the app sets html[data-importing] to its bytes meanwhile).
// A panic already shows its own message (#panic-overlay).
const trapped = (event) => {
  const err = event.reason ?? event.error;
  if (!(err instanceof WebAssembly.RuntimeError)) return;
  if (document.getElementById("wasm-trap") || document.getElementById("panic-overlay")) return;
  const root = document.documentElement;
  root.dataset.ready = "error";
  const mb = Math.ceil(Number(root.dataset.importing || 0) / 2 ** 20);
  const p = document.createElement("p");
  p.id = "wasm-trap";
  p.setAttribute("role", "alert");
  p.dataset.testid = "wasm-trap";
  p.textContent = mb
    ? `The browser ran out of memory importing a file of ${mb} MB. Close other tabs, or use a smaller export, and reload. / ` +
      `Dem Browser ging beim Einlesen einer Datei von ${mb} MB der Arbeitsspeicher aus. Andere Tabs schließen oder einen kleineren Export verwenden und neu laden.`
    : "ecomap stopped after an internal error (details in the browser console). Please reload. / " +
      "ecomap wurde nach einem internen Fehler angehalten (Details in der Browser-Konsole). Bitte neu laden.";
  document.body.prepend(p);
};
addEventListener("error", trapped);
addEventListener("unhandledrejection", trapped);
