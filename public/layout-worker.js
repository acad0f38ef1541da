// The network layout's Web Worker (a module worker): it loads the same wasm module as the page and hands
// over to Rust (`layout_worker_start`, src/layout_worker.rs), which runs ForceAtlas2 off the main thread.
// The page passes the URLs of the generated JS and wasm as query parameters (?js=...&wasm=...); only
// same-origin URLs are accepted. Any failure is reported to the page, which then lays out on its own thread.
try {
  const params = new URL(self.location.href).searchParams;
  const url = (name) => {
    const u = new URL(params.get(name) || "", self.location.href);
    if (u.origin !== self.location.origin) throw new Error(`layout worker: ${name} is not same-origin`);
    return u.href;
  };
  const bindings = await import(url("js"));
  await bindings.default({ module_or_path: url("wasm") });
  bindings.layout_worker_start();
} catch (err) {
  self.postMessage({ kind: "error", message: String(err && err.message ? err.message : err) });
}
