// Printing (style/print.css, docs/report.md). A WebGL canvas prints blank: the picture is cleared once it has
// been shown. So before printing the views are asked to draw at once (`ecomap:draw-now`, src/components/print.rs),
// each canvas of the map and the network is copied into a picture in the same task, and the picture stands in
// its place while printing; afterwards the pictures go. Stacked canvases (a view's picture and its labels) are
// combined into one picture per stage.
const STAGES = ".map-stage, .network-stage";

addEventListener("beforeprint", () => {
  removeSnapshots();
  dispatchEvent(new Event("ecomap:draw-now"));
  for (const stage of document.querySelectorAll(STAGES)) {
    const canvases = [...stage.querySelectorAll("canvas")].filter((c) => c.width > 0 && c.height > 0);
    if (!canvases.length) continue;
    const [base] = canvases;
    const out = document.createElement("canvas");
    out.width = base.width;
    out.height = base.height;
    const ctx = out.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, out.width, out.height);
    const origin = base.getBoundingClientRect();
    const scale = base.width / Math.max(1, origin.width);
    for (const c of canvases) {
      const r = c.getBoundingClientRect();
      if (!r.width || !r.height) continue;
      ctx.drawImage(c, (r.left - origin.left) * scale, (r.top - origin.top) * scale, r.width * scale, r.height * scale);
    }
    const img = document.createElement("img");
    img.className = "print-snapshot";
    img.dataset.testid = "print-snapshot";
    img.alt = stage.getAttribute("aria-label") || base.getAttribute("aria-label") || "";
    img.src = out.toDataURL("image/png");
    stage.append(img);
  }
});

function removeSnapshots() {
  for (const img of document.querySelectorAll("img.print-snapshot")) img.remove();
}

addEventListener("afterprint", removeSnapshots);
