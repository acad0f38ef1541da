// What a page benchmark runs on: the served app's address (ECOMAP_URL, set by `cargo xtask bench`) and its
// datasets, each `LABEL=QUERY` from the command line (e.g. `gen-50000=data=data/gen-50000.json`), else the demo
// and every export named in ECOMAP_BENCH_DATA (as `cargo xtask bench` runs it).

/** The app's base URL without a trailing slash; exits with 2 when ECOMAP_URL is not set. */
export function appBase() {
  const base = (process.env.ECOMAP_URL || "").replace(/\/+$/, "");
  if (!base) {
    console.error("ECOMAP_URL is not set");
    process.exit(2);
  }
  return base;
}

/** [{ label, query }]: the page's query string for each dataset ("" for the demo). */
export function datasets() {
  const list = process.argv.slice(2).map((a) => {
    const i = a.indexOf("=");
    return { label: a.slice(0, i), query: a.slice(i + 1) };
  });
  if (!list.length) {
    list.push({ label: "demo", query: "" });
    for (const f of (process.env.ECOMAP_BENCH_DATA || "").split(",").filter(Boolean)) {
      list.push({ label: f.replace(/^.*\/|\.json$/g, ""), query: `data=${f}` });
    }
  }
  return list;
}
