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
