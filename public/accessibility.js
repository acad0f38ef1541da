// The accessibility statement's addresses (public/accessibility.html; docs/accessibility.md): legal notice,
// privacy statement, corrections and accessibility feedback. They come from config.json's `contact` and,
// for the keys it does not name, from the `meta.contact` of the export the app loads by default
// (data/demo.json, format 1.1), read from the file's start only. The configuration wins: the site's operator
// answers for the site. Only http(s):// and mailto: addresses become links (the same rule as
// ecomap_core::contact::url); a link without an address stays hidden, never invented.

const KEYS = ["legal_notice", "privacy", "corrections", "feedback"];
const EXPORT = "data/demo.json";
/** How much of the export is read to find its `meta` (ecomap writes `meta` first). */
const HEAD_BYTES = 256 * 1024;

/** The address if it may become a link, else null. */
export function checked(v) {
  if (typeof v !== "string") return null;
  const s = v.trim();
  return /^(https?:\/\/[^/?#\s]+|mailto:[^\s@]*@[^\s]*)[^\s]*$/i.test(s) && !/[\u0000-\u001f\u007f]/.test(s) ? s : null;
}

async function configContact() {
  try {
    const r = await fetch("config.json", { cache: "no-cache" });
    return r.ok ? ((await r.json()).contact ?? {}) : {};
  } catch {
    return {};
  }
}

/** The JSON object that starts at `text[start]` ("{"), or null when it does not end within `text`. */
function objectAt(text, start) {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
}

/** `meta.contact` of the default export, from its first HEAD_BYTES; {} when absent or unreadable. */
async function exportContact() {
  try {
    const r = await fetch(EXPORT);
    if (!r.ok || !r.body) return {};
    const reader = r.body.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (text.length < HEAD_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      const key = text.search(/"meta"\s*:\s*\{/);
      if (key >= 0) {
        const meta = objectAt(text, text.indexOf("{", key + 6));
        if (meta) {
          reader.cancel();
          return JSON.parse(meta).contact ?? {};
        }
      }
    }
    reader.cancel();
  } catch {
    // No export, or not JSON: no addresses from it.
  }
  return {};
}

async function fill() {
  const [config, data] = await Promise.all([configContact(), exportContact()]);
  for (const key of KEYS) {
    const url = checked(config?.[key]) ?? checked(data?.[key]);
    if (!url) continue;
    for (const a of document.querySelectorAll(`a[data-contact="${key}"]`)) {
      a.href = url;
      a.closest("li").hidden = false;
    }
  }
  document.documentElement.dataset.contact = "ready";
}

fill();
