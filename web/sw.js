// The service worker of the booth page and the simulator: after one visit
// with a network, every file the pages need is in the cache, so they load
// and compute with no network at all (the WebAssembly module computes; no
// request ever leaves the phone). Cache first, then the network, which also
// refreshes the cache; a new CACHE name replaces the old files.

const CACHE = "jamsos-web-v1";

// Every file the two pages load (web/build.sh writes pkg/).
const FILES = [
  "./",
  "booth.html",
  "booth.js",
  "booth.css",
  "booth-i18n.js",
  "index.html",
  "app.js",
  "i18n.js",
  "format.js",
  "errors.js",
  "style.css",
  "favicon.svg",
  "icon-192.png",
  "icon-512.png",
  "icon-maskable-512.png",
  "manifest.webmanifest",
  "pkg/jamsos_wasm.js",
  "pkg/jamsos_wasm_bg.wasm",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(request, { ignoreSearch: true });
      const fresh = fetch(request)
        .then((response) => {
          if (response.ok) cache.put(request, response.clone());
          return response;
        })
        .catch(() => null);
      if (cached) {
        // Refresh in the background; the cached copy answers now.
        event.waitUntil(fresh);
        return cached;
      }
      const response = await fresh;
      return response || new Response("offline", { status: 503, statusText: "offline" });
    }),
  );
});
