// ecomap's embed loader (docs/embedding.md). Plain JavaScript, no dependencies, no eval, nothing inline:
// it runs under a host page's strict Content-Security-Policy as long as the policy allows this script and
// frames from the app's origin.
//
//   <div data-ecomap-src="https://example.org/ecomap/?embed=1&view=map" data-ecomap-title="..."></div>
//   <script src="https://example.org/ecomap/embed.js" async></script>
//
// Every element with `data-ecomap-src` gets an <iframe> of that address (title from `data-ecomap-title`, lazy,
// fullscreen allowed, full width, no border). Its height starts at `data-ecomap-height`, else the link's
// `height=N`, else 600 px, and then follows the frame's `ecomap:height` messages. Every `ecomap:*` message of
// a frame is dispatched on its element as a CustomEvent of the same name (bubbling; `detail` is the message).
// A message counts only when it comes from that element's own frame (`event.source`) and the origin of its
// address (`event.origin`). `element.ecomap.setQuery("tech=ai")` sends the frame `ecomap:setQuery`.
// Loaded twice (one script tag per pasted snippet), it runs once; `window.ecomapEmbed.scan()` picks up
// elements added later.
(function () {
  "use strict";
  if (window.ecomapEmbed) {
    window.ecomapEmbed.scan();
    return;
  }
  var VERSION = 1;
  var START_HEIGHT = 600;
  var MAX_HEIGHT = 20000;
  var embeds = [];

  function startHeight(el, url) {
    var h = parseInt(el.getAttribute("data-ecomap-height") || url.searchParams.get("height") || "", 10);
    return h > 0 ? Math.min(h, MAX_HEIGHT) : START_HEIGHT;
  }

  function start(el) {
    if (el.ecomap) return;
    var url;
    try {
      url = new URL(el.getAttribute("data-ecomap-src") || "", document.baseURI);
    } catch (e) {
      url = null;
    }
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
      console.warn("ecomap embed: data-ecomap-src is not an http(s) address", el);
      return;
    }
    var frame = document.createElement("iframe");
    frame.src = url.href;
    frame.title = el.getAttribute("data-ecomap-title") || "ecomap: interactive map of the ecosystem";
    frame.setAttribute("loading", "lazy");
    frame.setAttribute("allow", "fullscreen");
    frame.style.display = "block";
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.height = startHeight(el, url) + "px";
    var embed = { el: el, frame: frame, origin: url.origin };
    el.ecomap = {
      iframe: frame,
      // Filters for the frame as a link's query ("tech=ai&kind=startup"); the frame applies them within its lock.
      setQuery: function (query) {
        if (frame.contentWindow) {
          var q = String(query == null ? "" : query).replace(/^\?/, "");
          frame.contentWindow.postMessage({ type: "ecomap:setQuery", version: VERSION, query: q }, embed.origin);
        }
      },
    };
    embeds.push(embed);
    el.appendChild(frame);
  }

  function scan() {
    var els = document.querySelectorAll("[data-ecomap-src]");
    for (var i = 0; i < els.length; i++) start(els[i]);
  }

  window.addEventListener("message", function (event) {
    var msg = event.data;
    if (!msg || typeof msg !== "object" || typeof msg.type !== "string" || msg.type.indexOf("ecomap:") !== 0) return;
    for (var i = 0; i < embeds.length; i++) {
      var e = embeds[i];
      if (event.source !== e.frame.contentWindow || event.origin !== e.origin) continue;
      if (msg.type === "ecomap:height" && msg.version === VERSION && typeof msg.height === "number" && msg.height > 0) {
        e.frame.style.height = Math.min(Math.ceil(msg.height), MAX_HEIGHT) + "px";
      }
      e.el.dispatchEvent(new CustomEvent(msg.type, { bubbles: true, detail: msg }));
      return;
    }
  });

  window.ecomapEmbed = { scan: scan, version: VERSION };
  scan();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
})();
