// The preview page: the pages as inline SVG (crisp at any zoom), thumbnails, the record picker,
// zoom, the box-outline overlay that names the component and file:line behind a click, and the
// error panel over the last good pages. It follows the server's update stream and never reloads.

enum PreviewPage {
    /// Replaced by the server's token when the page is served; the page sends it with changes.
    static let tokenPlaceholder = "@PRESSROOM_TOKEN@"

    static let html = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pressroom preview</title>
<style>
  :root { --bar: #1f2933; --accent: #3b82f6; --error: #b42318; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 13px/1.4 system-ui, sans-serif; background: #e5e7eb; color: #111827; }
  header { position: sticky; top: 0; z-index: 10; display: flex; gap: 10px; align-items: center; flex-wrap: wrap;
           padding: 6px 12px; background: var(--bar); color: #f9fafb; }
  header .name { font-weight: 600; }
  header select, header button, header a.button { font: inherit; padding: 2px 8px; border-radius: 4px; border: 1px solid #4b5563;
           background: #374151; color: #f9fafb; text-decoration: none; cursor: pointer; }
  header button[aria-pressed="true"] { background: var(--accent); border-color: var(--accent); }
  #status { margin-left: auto; color: #d1d5db; font-variant-numeric: tabular-nums; }
  #status.failed { color: #fca5a5; }
  main { display: flex; align-items: flex-start; }
  #thumbs { position: sticky; top: 40px; width: 112px; flex: none; max-height: calc(100vh - 40px); overflow-y: auto; padding: 10px 8px; }
  #thumbs a { display: block; margin-bottom: 10px; text-align: center; color: #4b5563; text-decoration: none; font-size: 11px; }
  #thumbs img { display: block; width: 90px; margin: 0 auto 2px; background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.3); }
  #view { flex: 1; min-width: 0; padding: 12px 16px 80px; }
  #errors { position: sticky; top: 48px; z-index: 5; max-width: 900px; margin: 0 auto 12px; padding: 10px 14px; border-radius: 6px;
            background: #fef3f2; border: 1px solid #fda29b; color: #7a271a; box-shadow: 0 4px 12px rgba(0,0,0,.15); }
  #errors h2 { margin: 0 0 6px; font-size: 14px; color: var(--error); }
  #errors .error { margin: 6px 0; white-space: pre-wrap; }
  #errors .where { font-family: ui-monospace, monospace; font-weight: 600; }
  #errors .path { font-family: ui-monospace, monospace; color: #912018; }
  #errors .note { margin-top: 8px; color: #6b7280; font-size: 12px; }
  #pages { display: flex; flex-direction: column; align-items: center; gap: 16px; }
  #pages.stale { opacity: .55; }
  .page { background: #fff; box-shadow: 0 2px 8px rgba(0,0,0,.25); line-height: 0; }
  .page svg { display: block; width: 100%; height: auto; }
  .pr-source { fill: none; stroke: none; pointer-events: none; }
  body.outlines .pr-source { stroke: rgba(219, 39, 119, .55); stroke-width: .4; stroke-dasharray: 1.5 1; pointer-events: all; cursor: help; }
  body.outlines .pr-source:hover { stroke: rgba(219, 39, 119, 1); stroke-width: .8; }
  .pr-source.selected { stroke: #2563eb !important; stroke-width: 1.2 !important; stroke-dasharray: none !important; }
  #source-info { position: fixed; right: 12px; bottom: 12px; z-index: 10; max-width: 420px; padding: 8px 12px; border-radius: 6px;
                 background: #111827; color: #f9fafb; font-size: 12px; box-shadow: 0 4px 12px rgba(0,0,0,.3); }
  #source-info .where { font-family: ui-monospace, monospace; color: #93c5fd; }
  #source-info ol { margin: 4px 0 0; padding-left: 18px; color: #d1d5db; }
  #empty { text-align: center; color: #6b7280; margin-top: 80px; }
</style>
</head>
<body data-version="0">
<header>
  <span class="name" id="layout-name">Pressroom</span>
  <select id="record" title="Record from the data file"></select>
  <button id="zoom-out" title="Zoom out (-)">−</button>
  <span id="zoom-level">100 %</span>
  <button id="zoom-in" title="Zoom in (+)">+</button>
  <button id="zoom-fit" title="Fit the width">Fit</button>
  <button id="outline-toggle" aria-pressed="false" title="Outline the boxes; click one to see its component and file:line (o)">Boxes</button>
  <a class="button" id="download" href="/document.pdf" target="_blank" rel="noopener">PDF</a>
  <span id="status">connecting…</span>
</header>
<main>
  <nav id="thumbs" aria-label="Pages"></nav>
  <div id="view">
    <section id="errors" hidden role="alert"></section>
    <div id="pages"><p id="empty">Rendering…</p></div>
  </div>
</main>
<aside id="source-info" hidden></aside>
<script>
"use strict";
const $ = (id) => document.getElementById(id);
let shownPagesVersion = -1, zoom = 1, fitWidth = false, lastState = null, applying = Promise.resolve();
const zooms = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];

function text(tag, className, content) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.textContent = content;
  return element;
}

function showErrors(state) {
  const panel = $("errors");
  panel.replaceChildren();
  if (!state.problems.length) { panel.hidden = true; return; }
  panel.appendChild(text("h2", "", state.problems.length === 1 ? "The layout did not render" : state.problems.length + " problems; the layout did not render"));
  for (const problem of state.problems) {
    const item = text("div", "error", "");
    if (problem.record) item.appendChild(text("span", "", "record " + problem.record + " · "));
    if (problem.location) item.appendChild(text("span", "where", problem.location));
    if (problem.dataPath) { item.appendChild(text("span", "", " · ")); item.appendChild(text("span", "path", problem.dataPath)); }
    item.appendChild(text("div", "message", problem.message));
    panel.appendChild(item);
  }
  if (state.pages.length) panel.appendChild(text("div", "note", "Below: the last good render. Save a fix and this panel goes."));
  panel.hidden = false;
}

function showStatus(state) {
  const status = $("status");
  const ms = state.renderMilliseconds.toFixed(1) + " ms";
  status.classList.toggle("failed", state.problems.length > 0);
  status.textContent = (state.problems.length ? "failed after " : "rendered in ") + ms + " · " +
    state.pages.length + (state.pages.length === 1 ? " page" : " pages") + " · watching " + state.watchedFiles + " files" +
    (state.print ? " · print colours" : "");
}

function showRecords(state) {
  const select = $("record");
  const wanted = state.records.map((r) => r.number + "\u0000" + r.label).join("\u0001");
  if (select.dataset.key !== wanted) {
    select.replaceChildren(...state.records.map((r) => { const o = text("option", "", r.label); o.value = r.number; return o; }));
    select.dataset.key = wanted;
  }
  select.value = String(state.record);
  select.disabled = state.records.length < 2;
}

// A paragraph's lines are separate marks; outline them as one box.
function mergeMarks(svg) {
  let previous = null;
  for (const rect of [...svg.querySelectorAll("rect.pr-source")]) {
    const key = ["file", "line", "column", "component", "path"].map((k) => rect.getAttribute("data-" + k)).join("|") + "|" + rect.getAttribute("x") + "|" + rect.getAttribute("width");
    if (previous && previous.key === key) {
      const bottom = parseFloat(previous.rect.getAttribute("y")) + parseFloat(previous.rect.getAttribute("height"));
      const top = parseFloat(rect.getAttribute("y"));
      if (Math.abs(top - bottom) < 0.5 || (top >= bottom && top - bottom < 2)) {
        previous.rect.setAttribute("height", String(parseFloat(rect.getAttribute("y")) + parseFloat(rect.getAttribute("height")) - parseFloat(previous.rect.getAttribute("y"))));
        rect.remove();
        continue;
      }
    }
    previous = { key, rect };
  }
}

async function showPages(state) {
  const texts = await Promise.all(state.pages.map((page) => fetch(page.url).then((r) => {
    if (!r.ok) throw new Error("page " + page.url + ": " + r.status);
    return r.text();
  })));
  const holder = $("pages"), thumbs = $("thumbs");
  const pages = texts.map((svgText, index) => {
    const page = document.createElement("div");
    page.className = "page";
    page.id = "page-" + (index + 1);
    page.dataset.width = state.pages[index].width;
    page.innerHTML = svgText;
    const svg = page.querySelector("svg");
    svg.removeAttribute("width"); svg.removeAttribute("height");
    mergeMarks(svg);
    return page;
  });
  holder.replaceChildren(...pages);
  thumbs.replaceChildren(...state.pages.map((page, index) => {
    const link = document.createElement("a");
    link.href = "#page-" + (index + 1);
    const image = document.createElement("img");
    image.src = page.url; image.alt = "Page " + (index + 1); image.loading = "lazy";
    link.append(image, text("span", "", String(index + 1)));
    return link;
  }));
  applyZoom();
}

function apply(state) {
  applying = applying.then(async () => {
    lastState = state;
    $("layout-name").textContent = state.layout;
    document.title = state.layout + (state.problems.length ? " — error" : "") + " · Pressroom";
    showRecords(state);
    if (state.pagesVersion !== shownPagesVersion && state.pages.length) {
      try { await showPages(state); shownPagesVersion = state.pagesVersion; } catch (error) { console.error(error); }
    }
    if (!state.pages.length) $("pages").replaceChildren(text("p", "", state.problems.length ? "Nothing has rendered yet: fix the problem above." : "No pages."));
    $("pages").classList.toggle("stale", state.problems.length > 0 && state.pages.length > 0);
    showErrors(state);
    showStatus(state);
    document.body.dataset.version = String(state.version);
  });
}

function applyZoom() {
  const view = $("view");
  for (const page of document.querySelectorAll("#pages .page")) {
    const points = parseFloat(page.dataset.width);
    const scale = fitWidth ? Math.max(0.1, (view.clientWidth - 40) / (points * 96 / 72)) : zoom;
    page.style.width = (points * 96 / 72 * scale) + "px";
    if (fitWidth) zoom = scale;
  }
  $("zoom-level").textContent = Math.round(zoom * 100) + " %";
}

function step(direction) {
  fitWidth = false;
  const index = zooms.findIndex((z) => z >= zoom - 0.001);
  const next = direction > 0 ? zooms.find((z) => z > zoom + 0.001) : [...zooms].reverse().find((z) => z < zoom - 0.001);
  zoom = next ?? zooms[Math.max(0, Math.min(zooms.length - 1, index))];
  applyZoom();
}

function toggleOutlines() {
  const on = !document.body.classList.contains("outlines");
  document.body.classList.toggle("outlines", on);
  $("outline-toggle").setAttribute("aria-pressed", String(on));
  if (!on) { $("source-info").hidden = true; document.querySelectorAll(".pr-source.selected").forEach((r) => r.classList.remove("selected")); }
}

function describe(rect) {
  const get = (k) => rect.getAttribute("data-" + k);
  return { kind: get("kind"), component: get("component"), where: get("file") + ":" + get("line") + ":" + get("column"), path: get("path") };
}

function showSource(event) {
  const target = event.target.closest && event.target.closest("rect.pr-source");
  if (!target) return;
  const svg = target.ownerSVGElement;
  // Every mark under the pointer, innermost first: the block, its row or columns, its box.
  let under = [];
  const matrix = svg.getScreenCTM();
  if (matrix && (event.clientX || event.clientY)) {
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    under = [...svg.querySelectorAll("rect.pr-source")].filter((r) => {
      const x = +r.getAttribute("x"), y = +r.getAttribute("y"), w = +r.getAttribute("width"), h = +r.getAttribute("height");
      return point.x >= x && point.x <= x + w && point.y >= y && point.y <= y + h;
    }).sort((a, b) => a.getAttribute("width") * a.getAttribute("height") - b.getAttribute("width") * b.getAttribute("height"));
  }
  if (!under.includes(target)) under.unshift(target);
  document.querySelectorAll(".pr-source.selected").forEach((r) => r.classList.remove("selected"));
  under[0].classList.add("selected");
  const first = describe(under[0]);
  const info = $("source-info");
  info.replaceChildren(
    text("div", "", first.kind + (first.component ? " in component " + first.component : " in the layout")),
    text("div", "where", first.where));
  if (first.path) info.appendChild(text("div", "", "prints " + first.path));
  if (under.length > 1) {
    const list = document.createElement("ol");
    list.start = 2;
    for (const rect of under.slice(1)) {
      const d = describe(rect);
      list.appendChild(text("li", "", d.kind + (d.component ? " (" + d.component + ")" : "") + " — " + d.where));
    }
    info.appendChild(list);
  }
  info.hidden = false;
}

$("zoom-in").onclick = () => step(1);
$("zoom-out").onclick = () => step(-1);
$("zoom-fit").onclick = () => { fitWidth = true; applyZoom(); };
$("outline-toggle").onclick = toggleOutlines;
$("pages").addEventListener("click", showSource);
$("record").onchange = (event) => fetch("/record/" + event.target.value,
  { method: "POST", headers: { "X-Pressroom-Token": "@PRESSROOM_TOKEN@" } });
window.addEventListener("resize", () => { if (fitWidth) applyZoom(); });
document.addEventListener("keydown", (event) => {
  if (event.target.tagName === "SELECT" || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === "+" || event.key === "=") step(1);
  else if (event.key === "-") step(-1);
  else if (event.key === "o") toggleOutlines();
});

const events = new EventSource("/events");
events.addEventListener("state", (event) => apply(JSON.parse(event.data)));
events.onerror = () => { $("status").textContent = "reconnecting to pressroom watch…"; };
</script>
</body>
</html>
"""#
}
