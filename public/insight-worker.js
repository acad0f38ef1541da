// The insight Web Worker (a module worker): it loads the insight module, a second wasm module the page only
// requests when an insight view opens (crates/insight-worker, built by Trunk with `data-type="worker"` under
// stable names next to this file), and hands over to Rust, which answers the page (docs/insight.md,
// "Protocol"). A failure is reported to the page, which says so in the view.
try {
  const bindings = await import("./ecomap-insight-worker.js");
  await bindings.default({ module_or_path: new URL("./ecomap-insight-worker_bg.wasm", self.location.href) });
} catch (err) {
  self.postMessage({ kind: "error", message: String(err && err.message ? err.message : err) });
}
