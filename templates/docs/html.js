// @ts-check
// apiloom's one-page HTML docs. Copy this file into your templates folder as `docs/html.js` to
// change the page. It gets the docs view (raw spec text), the escaping helpers `h` (DocsView and
// DocsHelpers in `apiloom-gen/templates`) and the inline CSS and script (`html-assets.js`). Spec
// text reaches the page only through h.htmlText (markup) and h.jsonForScript (the search index).

/** @typedef {import("apiloom-gen/templates").ContentView} ContentView */
/** @typedef {import("apiloom-gen/templates").DocsEndpointView} DocsEndpointView */
/** @typedef {import("apiloom-gen/templates").DocsHelpers} DocsHelpers */
/** @typedef {import("apiloom-gen/templates").DocsView} DocsView */
/** @typedef {import("apiloom-gen/templates").HtmlAssets} HtmlAssets */
/** @typedef {import("apiloom-gen/templates").DocsWebhookView} DocsWebhookView */
/** @typedef {import("apiloom-gen/templates").ParameterView} ParameterView */
/** @typedef {import("apiloom-gen/templates").BodyView} BodyView */
/** @typedef {import("apiloom-gen/templates").ResponseView} ResponseView */
/** The template contract this file is written for (apiloom refuses another). */
export const contract = 1;

/**
 * @param {DocsView} view
 * @param {DocsHelpers} h
 * @param {HtmlAssets} assets
 * @param {{ write(piece: string): void }} [to] where apiloom has its own pages written as they are made
 */
export function htmlPage(view, h, assets, to) {
  const t = h.htmlText;
  const hooks = view.webhooks.length > 0;
  // what the search looks through (webhooks are found like endpoints, counted apart)
  const searched = hooks ? "endpoints and webhooks" : "endpoints";
  const out = h.pageLines(to);
  out.push(
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // the page needs nothing from the network, and may load nothing from it
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">`,
    `<title>${t(view.title)} — API reference</title>`,
    `<style>${assets.css}</style>`,
    "</head>",
    "<body>",
    '<header class="top">',
    `<h1>${t(view.title)}</h1><span class="version">${t(view.version)}</span>`,
    `<input id="search" type="search" placeholder="Search ${searched}: method, ${hooks ? "path or key" : "path"}, name, summary  ( / )" autocomplete="off" aria-label="Search ${searched}">`,
    `<span id="count" aria-live="polite">${view.endpoints.length} endpoints${hooks ? `, ${view.webhooks.length} webhooks` : ""}</span>`,
    "</header>",
    '<div class="layout">',
    '<nav aria-label="Endpoints by group">',
  );
  for (const tag of view.tags) {
    // OpenAPI 3.2 tags nest (parent): a sub-group is indented by its depth
    const indent =
      tag.depth > 0 ? ` style="margin-left:${Math.min(tag.depth, 8)}em"` : "";
    out.push(
      `<section class="group"${indent}><h2><a href="#tag-${t(tag.slug)}">${t(tag.summary ?? tag.name)}</a></h2><ul>`,
    );
    for (const e of tag.endpoints)
      out.push(
        `<li data-op="${t(e.id)}"><a href="#${t(e.id)}" title="${t(`${e.method} ${e.path}`)}">${badge(e, h)}${navLabel(e, h)}</a></li>`,
      );
    out.push("</ul></section>");
  }
  if (view.webhooks.length > 0) {
    out.push(
      '<section class="group"><h2><a href="#webhooks">Webhooks</a></h2><ul>',
    );
    for (const w of view.webhooks)
      out.push(
        `<li data-op="${t(w.id)}"><a href="#${t(w.id)}" title="${t(`${w.method} ${w.key}`)}">${badge(w, h)}<span class="p">${t(w.key)}</span></a></li>`,
      );
    out.push("</ul></section>");
  }
  out.push("</nav>", "<main>");
  out.push('<section class="intro">');
  if (view.description) out.push(`<p class="desc">${t(view.description)}</p>`);
  if (view.servers.length > 0)
    out.push(
      `<p>Servers: ${view.servers.map((s) => `<code>${t(s.url)}</code>${s.description ? ` (${t(s.description)})` : ""}`).join(", ")}</p>`,
    );
  for (const s of view.schemes)
    out.push(
      `<p>Auth <code>${t(s.name)}</code>: ${t(s.kind)}.` +
        (s.inferred
          ? ` Inferred by apiloom (no input declares it) from ${t(s.evidence)}.`
          : "") +
        (s.scopes.length > 0
          ? ` Scopes: ${s.scopes.map((x) => `<code>${t(x)}</code>`).join(", ")}.`
          : "") +
        (s.deprecated ? " <strong>Deprecated.</strong>" : "") +
        (s.deviceFlow
          ? ` Device authorization flow (RFC 8628)${s.deviceFlow.deviceAuthorizationUrl ? ` at <code>${t(s.deviceFlow.deviceAuthorizationUrl)}</code>` : ""}${s.deviceFlow.tokenUrl ? `, tokens from <code>${t(s.deviceFlow.tokenUrl)}</code>` : ""}: the generated client does not run it; give it the token the flow gets (<code>auth: { token }</code>).`
          : "") +
        (s.description
          ? `<br><span class="muted">${t(s.description)}</span>`
          : "") +
        "</p>",
    );
  const { error, warning, info } = view.counts;
  out.push(
    `<p class="muted">${view.endpoints.length} endpoints.${view.schemas.length > 0 ? ` <a href="#schemas">${view.schemas.length} schemas</a>.` : ""} <a href="#diagnostics">Diagnostics</a>: ${error} errors, ${warning} warnings, ${info} notes.</p>`,
    `<details><summary>Using the generated client</summary><p>The client examples below assume:</p><pre><code>${t(view.clientSetup)}</code></pre></details>`,
    "</section>",
  );
  for (const tag of view.tags) {
    out.push(
      `<section class="tag" id="tag-${t(tag.slug)}"><h2>${t(tag.summary ?? tag.name)}</h2>`,
    );
    if (tag.parent)
      out.push(
        `<p class="muted">Under <a href="#tag-${t(tag.parent.slug)}">${t(tag.parent.name)}</a></p>`,
      );
    if (tag.description) out.push(`<p class="desc">${t(tag.description)}</p>`);
    // every endpoint is in exactly one group (docs.groupBy)
    for (const e of tag.endpoints) out.push(endpoint(view, e, h));
    out.push("</section>");
  }
  // a line at a time: a section may hold more lines than a call takes arguments
  for (const lines of [
    webhooksSection(view, h),
    schemasSection(view, h),
    diagnostics(view, h),
  ])
    for (const line of lines) out.push(line);
  out.push("</main>", "</div>");
  // `[id, text]` per endpoint, `[id, text, 1]` per webhook (counted apart)
  const index = [
    ...view.endpoints.map((e) => [
      e.id,
      `${e.method} ${e.path} ${e.name} ${e.summary ?? ""} ${[e.group, ...e.otherTags].join(" ")}`.toLowerCase(),
    ]),
    ...view.webhooks.map((w) => [
      w.id,
      `${w.method} ${w.key} ${w.name} ${w.summary ?? ""} webhook`.toLowerCase(),
      1,
    ]),
  ];
  out.push(
    `<script type="application/json" id="search-index">${h.jsonForScript(index)}</script>`,
    `<script>${assets.script}</script>`,
    "</body>",
    "</html>",
    "",
  );
  return out.text();
}

/**
 * The navigation names an endpoint by its summary when it has one (paths of a big API share
 * long prefixes); otherwise by its path, whose end is what tells endpoints apart.
 * @param {DocsEndpointView} e
 * @param {DocsHelpers} h
 */
function navLabel(e, h) {
  if (e.summary) return `<span class="s">${h.htmlText(e.summary)}</span>`;
  const path = e.path.length <= 34 ? e.path : "…" + e.path.slice(-33);
  return `<span class="p">${h.htmlText(path)}</span>`;
}

/**
 * @param {{ method: string }} e
 * @param {DocsHelpers} h
 */
function badge(e, h) {
  return `<span class="m m-${h.htmlText(e.method.toLowerCase())}">${h.htmlText(e.method)}</span>`;
}

/**
 * @param {DocsView} view
 * @param {DocsEndpointView} e
 * @param {DocsHelpers} h
 */
function endpoint(view, e, h) {
  const t = h.htmlText;
  const out = [];
  out.push(
    `<article class="op${e.deprecated ? " deprecated-op" : ""}" id="${t(e.id)}">`,
  );
  out.push(
    `<h3>${badge(e, h)}<span class="p">${t(e.path)}</span><span class="name">${t(e.name)}</span>` +
      `${e.deprecated ? '<span class="deprecated">deprecated</span>' : ""}</h3>`,
  );
  if (e.summary) out.push(`<p class="summary">${t(e.summary)}</p>`);
  if (e.otherTags.length > 0)
    out.push(
      `<p class="muted">Also tagged: ${e.otherTags.map((x) => `<span class="tagname">${t(x)}</span>`).join(", ")}</p>`,
    );
  if (e.server)
    out.push(`<p class="muted">Server: <code>${t(e.server)}</code></p>`);
  if (e.description) out.push(`<div class="desc">${t(e.description)}</div>`);
  out.push(`<p>${auth(e, h)}</p>`);
  out.push(
    ...parametersTable("Parameters", e.parameters, h),
    ...bodyHtml("Request body", e.body, h),
    ...responsesTable("Responses", e.responses, h),
  );
  out.push(
    "<details><summary>Examples: curl and the generated client</summary>",
    `<pre><code>${t(e.curl)}</code></pre>`,
    `<pre><code>${t(e.client)}</code></pre>`,
    ...e.codeSamples.map(
      (s) => `<p>${t(s.label)}</p>\n<pre><code>${t(s.source)}</code></pre>`,
    ),
    "</details>",
  );
  out.push(
    `<p class="sources">Merged from ${e.sources.map((s) => `<code>${t(`${s.file}:${s.line}`)}</code>`).join(", ")}</p>`,
  );
  out.push("</article>");
  return out.join("\n");
}

/**
 * The webhooks the API sends: what each carries, and the answers it takes.
 * @param {DocsView} view
 * @param {DocsHelpers} h
 */
function webhooksSection(view, h) {
  if (view.webhooks.length === 0) return [];
  const t = h.htmlText;
  const out = [
    '<section id="webhooks"><h2>Webhooks</h2>',
    "<p>Requests the API sends to your receiver (<code>server/webhook-receiver.ts</code>), each to <code>/&lt;key&gt;</code> under its base path with the method shown, signature verified first.</p>",
  ];
  for (const w of view.webhooks) {
    out.push(
      `<article class="op hook${w.deprecated ? " deprecated-op" : ""}" id="${t(w.id)}">`,
      `<h3>${badge(w, h)}<span class="p">${t(w.key)}</span><span class="name">${t(w.name)}</span>` +
        `${w.deprecated ? '<span class="deprecated">deprecated</span>' : ""}</h3>`,
    );
    if (w.summary) out.push(`<p class="summary">${t(w.summary)}</p>`);
    if (w.description) out.push(`<div class="desc">${t(w.description)}</div>`);
    out.push(
      ...parametersTable("Headers", w.headers, h),
      ...bodyHtml("Payload", w.payload, h),
      ...responsesTable("Answers", w.answers, h),
      `<p class="sources">Merged from ${w.sources.map((s) => `<code>${t(`${s.file}:${s.line}`)}</code>`).join(", ")}</p>`,
      "</article>",
    );
  }
  out.push("</section>");
  return out;
}

/**
 * @param {string} title
 * @param {ParameterView[]} parameters
 * @param {DocsHelpers} h
 */
function parametersTable(title, parameters, h) {
  if (parameters.length === 0) return [];
  const t = h.htmlText;
  const rows = h.once(parameters, "html", () =>
    parameters
      .map(
        (p) =>
          `<tr><td><code>${t(p.name)}</code></td><td>${t(p.in)}${p.reserved ? " (keeps /)" : ""}</td><td><code>${t(p.type)}</code></td>` +
          `<td>${p.required ? "yes" : "no"}</td><td class="desc">${t(p.description ?? "")}${p.deprecated ? ' <span class="deprecated">deprecated</span>' : ""}</td></tr>`,
      )
      .join("\n"),
  );
  return [
    `<h4>${title}</h4><table><tr><th>Name</th><th>In</th><th>Type</th><th>Required</th><th>Description</th></tr>`,
    rows,
    "</table>",
  ];
}

/**
 * @param {string} title
 * @param {BodyView | undefined} body
 * @param {DocsHelpers} h
 */
function bodyHtml(title, body, h) {
  if (!body) return [];
  const t = h.htmlText;
  const out = [`<h4>${title}${body.required ? " (required)" : ""}</h4>`];
  if (body.description)
    out.push(`<div class="desc">${t(body.description)}</div>`);
  if (body.content.length > 0)
    out.push(
      `<ul>${body.content.map((c) => `<li><code>${t(c.mediaType)}</code>: ${typeCode(c, h)}</li>`).join("")}</ul>`,
    );
  return out;
}

/**
 * @param {string} title
 * @param {ResponseView[]} responses
 * @param {DocsHelpers} h
 */
function responsesTable(title, responses, h) {
  if (responses.length === 0) return [];
  const t = h.htmlText;
  const rows = h.once(responses, "html", () =>
    responses
      .map(
        (r) =>
          `<tr><td><code>${t(r.status)}</code></td><td class="desc">${t(r.description)}</td>` +
          `<td>${r.content.map((c) => `<code>${t(c.mediaType)}</code>: ${typeCode(c, h)}`).join("<br>")}</td></tr>`,
      )
      .join("\n"),
  );
  return [
    `<h4>${title}</h4><table><tr><th>Status</th><th>Description</th><th>Content</th></tr>`,
    rows,
    "</table>",
  ];
}

/**
 * A type label, linked to the schemas section when it is (an array of) a named schema.
 * @param {ContentView} c
 * @param {DocsHelpers} h
 */
function typeCode(c, h) {
  const code = `<code>${h.htmlText(c.type)}</code>`;
  return c.link?.id ? `<a href="#${h.htmlText(c.link.id)}">${code}</a>` : code;
}

/**
 * Every named schema with its properties, as docs/schemas.md has them.
 * @param {DocsView} view
 * @param {DocsHelpers} h
 */
function schemasSection(view, h) {
  const t = h.htmlText;
  if (view.schemas.length === 0) return [];
  const out = ['<section id="schemas"><h2>Schemas</h2>'];
  for (const s of view.schemas) {
    out.push(
      `<div class="schema" id="${t(s.id)}"><h3><code>${t(s.name)}</code> <span class="muted">${t(s.type)}</span></h3>`,
    );
    if (s.description) out.push(`<div class="desc">${t(s.description)}</div>`);
    if (s.includes.length > 0)
      out.push(
        `<p>Includes ${s.includes.map((l) => (l.id ? `<a href="#${t(l.id)}"><code>${t(l.name)}</code></a>` : `<code>${t(l.name)}</code>`)).join(", ")}.</p>`,
      );
    if (s.properties.length > 0) {
      out.push(
        "<table><tr><th>Property</th><th>Type</th><th>Required</th><th>Description</th></tr>",
      );
      // lean rows (a big API has thousands): the stylesheet sets the first two cells in code type
      for (const p of s.properties)
        out.push(
          `<tr><td>${t(p.name)}</td><td>${p.link?.id ? `<a href="#${t(p.link.id)}">${t(p.type)}</a>` : t(p.type)}</td>` +
            `<td>${p.required ? "yes" : "no"}</td><td>${t(p.description ?? "")}</td></tr>`,
        );
      out.push("</table>");
    }
    out.push("</div>");
  }
  out.push("</section>");
  return out;
}

/**
 * @param {DocsEndpointView} e
 * @param {DocsHelpers} h
 */
function auth(e, h) {
  const t = h.htmlText;
  if (e.security === undefined)
    return '<span class="muted">Auth: the inputs do not say.</span>';
  if (e.security.length === 0) return "Auth: none.";
  return (
    "Auth: " +
    e.security
      .map(
        (s) =>
          `<code>${t(s.scheme)}</code>${s.scopes.length > 0 ? ` with ${s.scopes.map((x) => `<code>${t(x)}</code>`).join(", ")}` : ""}`,
      )
      .join(", or ") +
    "."
  );
}

/**
 * @param {DocsView} view
 * @param {DocsHelpers} h
 */
function diagnostics(view, h) {
  const t = h.htmlText;
  const out = ['<section id="diagnostics"><h2>Diagnostics</h2>'];
  if (view.diagnostics.length === 0) {
    out.push(
      "<p>apiloom found nothing to report: the inputs agree.</p></section>",
    );
    return out;
  }
  out.push("<p>What apiloom noticed while reading and merging the inputs.</p>");
  out.push(
    "<table><tr><th>Severity</th><th>Code</th><th>Where</th><th>Message</th></tr>",
  );
  for (const d of view.diagnostics) {
    const related =
      d.related.length > 0
        ? ` <span class="muted">(see also ${d.related.map((r) => `<code>${t(r)}</code>`).join(", ")})</span>`
        : "";
    out.push(
      `<tr><td class="sev-${t(d.severity)}">${t(d.severity)}</td><td><code>${t(d.code)}</code></td>` +
        `<td><code>${t(d.where)}</code></td><td class="desc">${t(d.message)}${related}</td></tr>`,
    );
  }
  out.push("</table></section>");
  return out;
}
