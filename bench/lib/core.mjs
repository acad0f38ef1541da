// ecomap-core in a benchmark page: bench/wasm (the benchmarks' own wasm build of ecomap-core, compiled with the
// app's release profile and wasm-opt level) behind a small JS API, so a page runs ecomap's layout, its quality
// measures and the map's clustering beside graphology and supercluster on exactly the same input.
// `cargo xtask bench` builds the module and passes its path as ECOMAP_BENCH_WASM.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/// The wasm module's path (ECOMAP_BENCH_WASM), or null with a message on stderr.
export function coreWasmPath() {
  const p = process.env.ECOMAP_BENCH_WASM;
  if (!p) console.error("ECOMAP_BENCH_WASM is not set (run `cargo xtask bench`, which builds bench/wasm)");
  return p || null;
}

/// The app's self-stop rule, read from the network view's source (src/views/network/engine.rs), so the
/// benchmark stops ecomap's layout exactly where the app does.
export function selfStopRule() {
  const src = readFileSync(join(here, "..", "..", "src", "views", "network", "engine.rs"), "utf8");
  const stop = src.match(/pub const STOP_MOVEMENT: f32 = ([0-9.eE-]+);/);
  const max = src.match(/pub const MAX_ITERATIONS: u32 = ([0-9_]+);/);
  if (!stop || !max) throw new Error("STOP_MOVEMENT / MAX_ITERATIONS not found in src/views/network/engine.rs");
  return { stop: Number(stop[1]), max: Number(max[1].replace(/_/g, "")) };
}

/// How many edges the network view draws at most when the camera rests: it draws a regular subsample (every
/// k-th edge by index, k = ceil(edges / budget)) above `REST_EDGE_BUDGET` in src/views/network/engine/frame.rs.
/// null when the constant is not there (then the view is taken to draw every edge).
export function restEdgeBudget() {
  try {
    const src = readFileSync(join(here, "..", "..", "src", "views", "network", "engine", "frame.rs"), "utf8");
    const m = src.match(/const REST_EDGE_BUDGET: usize = ([0-9_]+);/);
    return m ? Number(m[1].replace(/_/g, "")) : null;
  } catch {
    return null;
  }
}

/// Serves a blank page at `${base}/__bench/` (same origin as the app, so the exports in data/ can be fetched)
/// and the wasm module at `${base}/__bench/core.wasm`, from this process (Playwright routes: the app's server
/// is not involved). Returns the blank page's URL.
export async function routeBenchPage(context, base, wasmPath) {
  await context.route(`${base}/__bench/`, (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><meta charset=utf-8><title>bench</title><body></body>" }),
  );
  if (wasmPath) {
    const bytes = readFileSync(wasmPath);
    await context.route(`${base}/__bench/core.wasm`, (route) =>
      route.fulfill({ contentType: "application/wasm", body: bytes }),
    );
  }
  return `${base}/__bench/`;
}

/// In-page glue (add with `page.addScriptTag({ content: CORE_JS })`): `await window.__ecomapCore(url)` returns
/// the API below. Typed-array views on the wasm memory are made right before use (memory growth detaches them).
export const CORE_JS = `
window.__ecomapCore = async (url) => {
  const { instance } = await WebAssembly.instantiate(await (await fetch(url)).arrayBuffer(), {});
  const w = instance.exports;
  const f32 = (ptr, len) => new Float32Array(w.memory.buffer, ptr, len).slice();
  const u32 = (ptr, len) => new Uint32Array(w.memory.buffer, ptr, len).slice();
  const put = (Type, ptr, values) => new Type(w.memory.buffer, ptr, values.length).set(values);
  return {
    w,
    // Imports an export (bytes of the JSON) and builds the index, as the app does after loading.
    load(bytes) { put(Uint8Array, w.bytes_buf(bytes.length), bytes); return w.load(); },
    // The network graph in a mode (0 ecosystems, 1 collaboration, 2 all) and its start state as the app's.
    graph(mode) {
      const n = w.graph_build(mode);
      return {
        n,
        x: f32(w.start_ptr(0), w.start_len(0)), y: f32(w.start_ptr(1), w.start_len(1)),
        mass: f32(w.start_ptr(2), w.start_len(2)),
        a: u32(w.start_ptr(3), w.start_len(3)), b: u32(w.start_ptr(4), w.start_len(4)),
        weight: f32(w.start_ptr(5), w.start_len(5)),
      };
    },
    positions() { const n = w.start_len(0); return { x: f32(w.layout_ptr(0), n), y: f32(w.layout_ptr(1), n) }; },
    // Both quality measures of any positions (e.g. graphology's), by ecomap-core's code.
    measure(x, y) {
      put(Float32Array, w.positions_buf(x.length, 0), x);
      put(Float32Array, w.positions_buf(y.length, 1), y);
      return { q: w.positions_measure(0), nn: w.positions_measure(1) };
    },
    select(mask) { put(Uint8Array, w.mask_buf(mask.length), mask); return w.cluster_select(); },
  };
};
`;
