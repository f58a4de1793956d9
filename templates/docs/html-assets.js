// @ts-check
// The CSS and the script inlined into `docs/index.html` (no network at view time). Copy this
// file into your templates folder as `docs/html-assets.js` to restyle the page.

/** The template contract this file is written for (apiloom refuses another). */
export const contract = 1;

export const css = `
:root {
  --fg: #1f2328; --muted: #59636e; --bg: #fff; --soft: #f6f8fa; --line: #d1d9e0; --accent: #0969da;
  --get: #0969da; --post: #1a7f37; --put: #9a6700; --patch: #8250df; --delete: #cf222e; --other: #59636e;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 15px; line-height: 1.5;
}
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg); }
code, pre, .p { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
header.top { position: sticky; top: 0; z-index: 2; display: flex; gap: 1rem; align-items: center; flex-wrap: wrap;
  padding: 0.6rem 1.2rem; background: var(--soft); border-bottom: 1px solid var(--line); }
header.top h1 { font-size: 1.15rem; margin: 0; }
header.top .version { color: var(--muted); }
#search { flex: 1 1 18rem; max-width: 32rem; padding: 0.4rem 0.6rem; font-size: 1rem; border: 1px solid var(--line); border-radius: 6px; }
#count { color: var(--muted); font-size: 0.9rem; }
.layout { display: grid; grid-template-columns: minmax(16rem, 22rem) 1fr; }
nav { position: sticky; top: 3.2rem; height: calc(100vh - 3.2rem); overflow-y: auto; padding: 0.5rem 0.8rem 2rem;
  border-right: 1px solid var(--line); background: var(--bg); }
nav h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; margin: 1rem 0 0.3rem; color: var(--muted); }
nav ul { list-style: none; margin: 0; padding: 0; }
nav li a { display: flex; gap: 0.4rem; align-items: baseline; padding: 0.15rem 0.3rem; border-radius: 4px; color: var(--fg); }
nav li a:hover { background: var(--soft); text-decoration: none; }
nav .p, nav .s { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
main { padding: 1rem 2rem 4rem; min-width: 0; }
main h2 { border-bottom: 1px solid var(--line); padding-bottom: 0.3rem; margin-top: 2.5rem; }
.op { content-visibility: auto; contain-intrinsic-size: auto 420px; border: 1px solid var(--line); border-radius: 8px; padding: 0.8rem 1rem; margin: 1rem 0; scroll-margin-top: 4rem; }
.op:target { border-color: var(--accent); box-shadow: 0 0 0 3px rgba(9, 105, 218, 0.2); }
.op h3 { margin: 0; font-size: 1.05rem; display: flex; gap: 0.5rem; align-items: baseline; flex-wrap: wrap; }
.op h3 .name { color: var(--muted); font-weight: normal; font-size: 0.85rem; }
.op .summary { margin: 0.3rem 0; font-weight: 600; }
.desc { white-space: pre-line; }
/* long paths, identifiers and media types wrap instead of widening the page */
main code, main .p, td { overflow-wrap: anywhere; }
.schema { border: 1px solid var(--line); border-radius: 8px; padding: 0.6rem 1rem; margin: 1rem 0; scroll-margin-top: 4rem; }
.schema h3 { margin: 0; font-size: 1rem; }
.schema td:nth-child(-n+2) { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
.schema td:last-child { white-space: pre-line; }
.schema:target { border-color: var(--accent); }
.tagname { background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 0 0.3rem; }
.m { display: inline-block; min-width: 3.6rem; text-align: center; font: 700 0.72rem/1.6 ui-monospace, monospace;
  color: #fff; border-radius: 4px; padding: 0 0.3rem; background: var(--other); }
.m-get { background: var(--get); } .m-post { background: var(--post); } .m-put { background: var(--put); }
.m-patch { background: var(--patch); } .m-delete { background: var(--delete); }
.deprecated { color: var(--delete); font-size: 0.8rem; font-weight: 600; }
.deprecated-op h3 .p { text-decoration: line-through; }
table { border-collapse: collapse; margin: 0.5rem 0; width: 100%; }
th, td { text-align: left; vertical-align: top; border: 1px solid var(--line); padding: 0.25rem 0.5rem; }
th { background: var(--soft); font-weight: 600; }
h4 { margin: 0.9rem 0 0.2rem; font-size: 0.9rem; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem; overflow-x: auto; }
details summary { cursor: pointer; color: var(--accent); margin-top: 0.6rem; }
.sources, .muted { color: var(--muted); font-size: 0.85rem; }
.sev-error { color: var(--delete); font-weight: 600; } .sev-warning { color: var(--put); font-weight: 600; }
[hidden] { display: none !important; }
@media (max-width: 800px) { .layout { display: block; } nav { position: static; height: auto; border-right: 0; } }
`;

export const script = `
(function () {
  var index = JSON.parse(document.getElementById("search-index").textContent);
  var input = document.getElementById("search");
  var count = document.getElementById("count");
  var navItems = document.querySelectorAll("nav li[data-op]");
  var groups = document.querySelectorAll("nav .group");
  var articles = document.querySelectorAll("main .op");
  var sections = document.querySelectorAll("main section.tag, main section#webhooks");
  var links = document.querySelectorAll("main li[data-op]");
  var also = document.querySelectorAll("main .also");
  // an entry of three is a webhook's: counted apart from the endpoints
  var hooks = index.filter(function (entry) { return entry.length === 3; }).length;
  var total = index.length - hooks;
  function counted(shown, all, what) {
    return (shown === all ? all : shown + " of " + all) + " " + what;
  }
  function apply() {
    var terms = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = new Set();
    var shownHooks = 0;
    for (var i = 0; i < index.length; i++) {
      var hay = index[i][1];
      if (terms.every(function (t) { return hay.indexOf(t) !== -1; })) {
        shown.add(index[i][0]);
        if (index[i].length === 3) shownHooks++;
      }
    }
    navItems.forEach(function (li) { li.hidden = !shown.has(li.dataset.op); });
    links.forEach(function (li) { li.hidden = !shown.has(li.dataset.op); });
    articles.forEach(function (a) { a.hidden = !shown.has(a.id); });
    groups.forEach(function (g) { g.hidden = !g.querySelector("li:not([hidden])"); });
    also.forEach(function (a) { a.hidden = !a.querySelector("li:not([hidden])"); });
    sections.forEach(function (s) { s.hidden = !s.querySelector(".op:not([hidden]), li[data-op]:not([hidden])"); });
    count.textContent = counted(shown.size - shownHooks, total, "endpoints") + (hooks > 0 ? ", " + counted(shownHooks, hooks, "webhooks") : "");
  }
  input.addEventListener("input", apply);
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && document.activeElement !== input) { event.preventDefault(); input.focus(); }
  });
  if (input.value) apply();
})();
`;
