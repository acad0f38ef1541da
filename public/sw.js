// ecomap's service worker: the app starts and runs with the network off (docs/presenting.md, "Offline and
// USB"). Plain JS, no dependencies. Registered by loader.js in the full app only (never in an embed), once
// the app has shown its data; its scope is the folder it is served from, so it works under any path prefix.
//
// What it keeps, in one cache:
// - at install: the page (index.html) and what it names (the content-hashed js, wasm and css Trunk writes),
//   loader.js, print.js, layout-worker.js, config.json and the basemap; the demo export, the manifest and its icons,
//   the demo tour and the insight views' files when they are there;
// - later: every other file of the app's own origin the app fetches (an export chosen by `?data=` on this
//   origin, a tour), and the export a page names, which the page posts ({ type: "cache", urls }).
// How it answers (requests of this origin only; everything else goes to the network untouched):
// - content-hashed files (`NAME-HASH.js`, `NAME-HASH_bg.wasm`, `NAME-HASH.css`): from the cache, else the
//   network. A new build has new names; names the current index.html no longer mentions are dropped.
// - everything else (the page, data, configuration): the network first, so a new export or a new build
//   replaces the cached one on the next online start; the cached copy when the network fails or has not
//   answered within NETWORK_WAIT_MS. An answer from the cache carries `X-Ecomap-Offline: 1`, so the app can
//   say that it shows a stored copy ("offline, data as of ...").

const CACHE = "ecomap-offline-v1";
const NETWORK_WAIT_MS = 4000;
/** Kept at install beside what index.html names; the first group must be there, the rest may be missing. */
const REQUIRED = ["./", "loader.js", "print.js", "layout-worker.js", "config.json", "data/basemap.geojson"];
// The insight views' files (public/insight.js, the worker and its wasm module): the page requests them only when
// an insight view opens, so they are kept here for a kiosk or a talk that opens one offline.
const OPTIONAL = ["data/demo.json", "manifest.webmanifest", "icons/icon.svg", "icons/icon-192.png", "icons/icon-512.png", "icons/maskable-512.png", "tours/demo.json",
  "insight.js", "insight-worker.js", "ecomap-insight-worker.js", "ecomap-insight-worker_bg.wasm"];
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;

const scope = () => new URL(self.registration.scope);
const here = (path) => new URL(path, self.registration.scope).href;

/** The page's key in the cache: the scope itself (the page is cached once, whatever its query). */
const pageKey = () => scope().href;

/** Relative file names a built index.html refers to (src, href, data-js, data-wasm), as absolute URLs. */
function namedIn(html) {
  const urls = new Set();
  for (const m of html.matchAll(/\s(?:src|href|data-js|data-wasm)="([^"]+)"/g)) {
    const v = m[1];
    if (/^(?:[a-z]+:|\/\/|#)/i.test(v)) continue;
    urls.add(here(v));
  }
  return [...urls];
}

async function precache() {
  const cache = await caches.open(CACHE);
  const page = await fetch(here("./"), { cache: "no-cache" });
  if (!page.ok) throw new Error(`index.html: HTTP ${page.status}`);
  const html = await page.clone().text();
  await cache.put(pageKey(), page);
  const shell = namedIn(html).filter((u) => HASHED.test(new URL(u).pathname));
  await cache.addAll([...shell, ...REQUIRED.slice(1).map(here)]);
  await Promise.allSettled(OPTIONAL.map((p) => cache.add(here(p))));
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("ecomap-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** Drops content-hashed files that the page `html` (the current build) does not name. */
async function prune(html) {
  const keep = new Set(namedIn(html));
  const cache = await caches.open(CACHE);
  for (const req of await cache.keys()) {
    if (HASHED.test(new URL(req.url).pathname) && !keep.has(req.url)) await cache.delete(req);
  }
}

/** A cached answer marked as such. */
function marked(res) {
  const headers = new Headers(res.headers);
  headers.set("X-Ecomap-Offline", "1");
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

/** The network's answer, stored; the cached copy when the network fails or is slow and there is one. */
async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key, { ignoreVary: true });
  const network = fetch(request).then(async (res) => {
    if (res.ok && res.type === "basic") {
      await cache.put(key, res.clone());
      if (key === pageKey()) prune(await res.clone().text());
    }
    return res;
  });
  if (!cached) return network;
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(() => resolve(null), NETWORK_WAIT_MS);
  });
  const res = await Promise.race([network.catch(() => null), late]);
  clearTimeout(timer);
  return res ?? marked(cached);
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok && res.type === "basic") await cache.put(request, res.clone());
  return res;
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== scope().origin || !url.pathname.startsWith(scope().pathname)) return;
  const isPage = url.pathname === scope().pathname || url.pathname === `${scope().pathname}index.html`;
  if (req.mode === "navigate" && isPage) {
    event.respondWith(networkFirst(req, pageKey()));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(cacheFirst(req));
  } else {
    event.respondWith(networkFirst(req, req.url));
  }
});

// The page names the export it shows (same origin only), so that it is there for the next offline start.
self.addEventListener("message", (event) => {
  const urls = event.data?.type === "cache" && Array.isArray(event.data.urls) ? event.data.urls : [];
  const own = urls.map((u) => new URL(u, self.registration.scope)).filter((u) => u.origin === scope().origin);
  if (!own.length) return;
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.allSettled(
        own.map(async (u) => {
          if (await cache.match(u.href, { ignoreVary: true })) return;
          await cache.add(u.href);
        }),
      ),
    ),
  );
});
