// Starts the app without an inline script, so that it runs under the strict
// Content-Security-Policy `script-src 'self' 'wasm-unsafe-eval'` (see docs/hosting.md).
// Trunk (Trunk.toml `pattern_script`) emits:
//   <script type="module" src="./loader.js" data-ecomap-loader data-js="./ecomap-HASH.js" data-wasm="./ecomap-HASH_bg.wasm">
// Paths are relative to the page, so the app works under any path prefix.
const el = document.querySelector("script[data-ecomap-loader]");
// An embed (`?embed=1`) shows its slim skeleton, not the explorer's header, while the wasm loads.
if (new URLSearchParams(location.search).get("embed") === "1") document.documentElement.dataset.mode = "embed";
const base = document.baseURI;
try {
  const js = new URL(el.dataset.js, base).href;
  const wasm = new URL(el.dataset.wasm, base).href;
  const bindings = await import(js);
  await bindings.default({ module_or_path: wasm });
} catch (err) {
  console.error("ecomap: the app could not start", err);
  document.documentElement.dataset.ready = "error";
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.textContent = "ecomap could not start in this browser (JavaScript module or WebAssembly failed to load). Please reload, or try a current browser.";
  document.body.prepend(p);
}
