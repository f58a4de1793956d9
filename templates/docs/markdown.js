// @ts-check
// apiloom's Markdown docs. Copy this file into your templates folder (`--templates <dir>`,
// as `docs/markdown.js`) to change the pages. Each function gets the docs view (raw spec text)
// and the escaping helpers `h`, typed as DocsView and DocsHelpers in `apiloom-gen/templates`: every
// string from a spec goes through one of them before it lands in the page.

/** @typedef {import("apiloom-gen/templates").ContentView} ContentView */
/** @typedef {import("apiloom-gen/templates").DocsEndpointView} DocsEndpointView */
/** @typedef {import("apiloom-gen/templates").DocsHelpers} DocsHelpers */
/** @typedef {import("apiloom-gen/templates").DocsView} DocsView */
/** @typedef {import("apiloom-gen/templates").TagView} TagView */
/** @typedef {import("apiloom-gen/templates").DocsWebhookView} DocsWebhookView */
/** @typedef {import("apiloom-gen/templates").ParameterView} ParameterView */
/** @typedef {import("apiloom-gen/templates").BodyView} BodyView */
/** @typedef {import("apiloom-gen/templates").ResponseView} ResponseView */
/** The template contract this file is written for (apiloom refuses another). */
export const contract = 1;

/**
 * Spec text as a link's text: on one line, its URLs left unlinked (a link inside a link is none).
 * @param {string} text
 * @param {DocsHelpers} h
 */
const linkText = (text, h) => h.markdownText(text.replace(/\s+/g, " ").trim());

/**
 * `docs/index.md`: every endpoint, grouped by tag.
 * @param {DocsView} view
 * @param {DocsHelpers} h
 * @param {{ write(piece: string): void }} [to] where apiloom has its own pages written as they are made
 */
export function indexPage(view, h, to) {
  const out = h.pageLines(to);
  out.push(`# ${h.markdownInline(view.title)}`, "");
  out.push(`Version ${h.markdownCode(view.version)}.`, "");
  if (view.description) out.push(h.markdownProse(view.description), "");
  if (view.servers.length > 0) {
    out.push("## Servers", "");
    for (const s of view.servers)
      out.push(
        `- ${h.markdownCode(s.url)}${s.description ? ` — ${h.markdownInline(s.description)}` : ""}`,
      );
    out.push("");
  }
  if (view.schemes.length > 0) {
    out.push("## Authentication", "");
    for (const s of view.schemes) {
      out.push(`### ${h.markdownCode(s.name)}`, "");
      const scopes =
        s.scopes.length > 0
          ? ` Scopes: ${s.scopes.map(h.markdownCode).join(", ")}.`
          : "";
      out.push(`${h.markdownInline(s.kind)}.${scopes}`, "");
      if (s.deprecated)
        out.push(
          "Deprecated: the API is moving away from this scheme; prefer another where an endpoint offers one.",
          "",
        );
      if (s.deviceFlow) out.push(deviceFlowText(s.deviceFlow, h), "");
      if (s.inferred)
        out.push(
          `Inferred by apiloom (no input declares it) from ${h.markdownCode(s.evidence)}.`,
          "",
        );
      if (s.description) out.push(h.markdownProse(s.description), "");
    }
  }
  out.push("## Endpoints", "");
  out.push(
    `${count(view.endpoints.length, "endpoint")} in ${count(view.tags.length, "group")}. ` +
      `Also: [the same docs as one HTML page](index.html), ` +
      (view.schemas.length > 0 ? `[the schemas](schemas.md), ` : "") +
      `[what the inputs disagree on](diagnostics.md) (${diagnosticSummary(view)}).`,
    "",
  );
  if (view.groupedBy === "path")
    out.push(
      "Grouped by the resource each path names: the inputs' tags make poor groups (`docs.groupBy` chooses).",
      "",
    );
  for (const tag of view.tags) {
    // OpenAPI 3.2 tags nest (parent): a sub-group's heading is one level deeper
    const level = "#".repeat(Math.min(3 + tag.depth, 6));
    out.push(
      `${level} [${linkText(tag.summary ?? tag.name, h)}](tags/${tag.slug}.md)`,
      "",
    );
    const about = tagFacts(tag, h);
    if (about) out.push(about, "");
    if (tag.description) out.push(h.markdownProse(tag.description), "");
    // a parent tag shown for its sub-groups only has no endpoints of its own
    if (tag.endpoints.length === 0) continue;
    const rows = tag.endpoints.map((e) => [
      e.method,
      `[${h.markdownCodeCell(e.path)}](tags/${e.pageSlug}.md#${e.id})`,
      `${h.markdownCell(e.summary)}${e.deprecated ? " (deprecated)" : ""}`,
      e.scopes.map(h.markdownCodeCell).join(", "),
    ]);
    out.push(
      h.markdownTable(["Method", "Path", "Summary", "Scopes"], rows),
      "",
    );
  }
  if (view.webhooks.length > 0) {
    out.push(
      "## Webhooks",
      "",
      `${count(view.webhooks.length, "webhook")} the API sends to you: [their payloads, headers and answers](webhooks.md), received by \`server/webhook-receiver.ts\`.`,
      "",
    );
    const rows = view.webhooks.map((w) => [
      `[${h.markdownCodeCell(w.key)}](webhooks.md#${w.id})`,
      w.method,
      h.markdownCodeCell(w.name),
      `${h.markdownCell(w.summary)}${w.deprecated ? " (deprecated)" : ""}`,
    ]);
    out.push(
      h.markdownTable(["Webhook", "Method", "Handler", "Summary"], rows),
      "",
    );
  }
  return out.text();
}

/**
 * `docs/webhooks.md`: each webhook the API sends, what it carries and what it takes as answers.
 * @param {DocsView} view
 * @param {DocsHelpers} h
 * @param {{ write(piece: string): void }} [to] where apiloom has its own pages written as they are made
 */
export function webhooksPage(view, h, to) {
  const out = h.pageLines(to);
  out.push("# Webhooks", "", "[All endpoints](index.md)", "");
  out.push(
    "Requests the API sends to your receiver, each to `/<key>` under its base path with the method shown, signature verified first (`server/webhook-receiver.ts`).",
    "",
  );
  for (const w of view.webhooks) {
    out.push(`<a id="${h.htmlText(w.id)}"></a>`, "");
    out.push(`## ${h.markdownInline(w.summary ?? w.key)}`, "");
    const facts = [
      h.markdownCode(`${w.method} ${w.key}`),
      `handler: ${h.markdownCode(w.name)}`,
    ];
    if (w.deprecated) facts.push("**deprecated**");
    out.push(facts.join(" · "), "");
    if (w.description) out.push(h.markdownProse(w.description), "");
    out.push(...parametersTable("Headers", w.headers, h));
    out.push(...bodyLines("Payload", w.payload, "", h));
    out.push(...responsesTable("Answers", w.answers, "", h));
    out.push(
      `Merged from ${w.sources.map((s) => h.markdownCode(`${s.file}:${s.line}`)).join(", ")}.`,
      "",
    );
  }
  return out.text();
}

/**
 * `docs/tags/<slug>.md`: each endpoint of one tag in full.
 * @param {DocsView} view
 * @param {TagView} tag
 * @param {DocsHelpers} h
 * @param {{ write(piece: string): void }} [to] where apiloom has its own pages written as they are made
 */
export function tagPage(view, tag, h, to) {
  const out = h.pageLines(to);
  out.push(`# ${h.markdownInline(tag.summary ?? tag.name)}`, "");
  const parent = tag.parent;
  out.push(
    `[All endpoints](../index.md) · ` +
      (parent
        ? `Under [${linkText(parent.summary ?? parent.name, h)}](${parent.slug}.md) · `
        : "") +
      `[Diagnostics](../diagnostics.md)`,
    "",
  );
  const about = tagFacts(tag, h);
  if (about) out.push(about, "");
  if (tag.description) out.push(h.markdownProse(tag.description), "");
  const children = tag.children;
  if (children.length > 0)
    out.push(
      `Sub-groups: ${children.map((c) => `[${linkText(c.summary ?? c.name, h)}](${c.slug}.md)`).join(", ")}.`,
      "",
    );
  for (const e of tag.endpoints) out.push(...endpointSection(view, tag, e, h));
  return out.text();
}

/**
 * @param {DocsView} view
 * @param {TagView} tag
 * @param {DocsEndpointView} e
 * @param {DocsHelpers} h
 */
function endpointSection(view, tag, e, h) {
  const out = [];
  const title = e.summary
    ? h.markdownInline(e.summary)
    : `${e.method} ${h.markdownInline(e.path)}`;
  out.push(`<a id="${h.htmlText(e.id)}"></a>`, "");
  out.push(`## ${title}`, "");
  const facts = [
    `${h.markdownCode(`${e.method} ${e.path}`)}`,
    `client: ${h.markdownCode(e.name)}`,
  ];
  if (e.deprecated) facts.push("**deprecated**");
  if (e.server) facts.push(`server: ${h.markdownCode(e.server)}`);
  if (e.otherTags.length > 0)
    facts.push(`also tagged: ${e.otherTags.map(h.markdownInline).join(", ")}`);
  out.push(facts.join(" · "), "");
  if (e.description) out.push(h.markdownProse(e.description), "");
  out.push(...security(e, h));

  out.push(...parametersTable("Parameters", e.parameters, h));
  out.push(...bodyLines("Request body", e.body, "../", h));
  out.push(...responsesTable("Responses", e.responses, "../", h));

  out.push("### Examples", "");
  out.push(h.markdownFence(e.curl, "sh"), "");
  out.push(h.markdownFence(`${view.clientSetup}\n${e.client}`, "ts"), "");
  for (const s of e.codeSamples)
    out.push(
      `${h.markdownInline(s.label)}:`,
      "",
      h.markdownFence(s.source, s.lang),
      "",
    );

  out.push(
    `Merged from ${e.sources.map((s) => h.markdownCode(`${s.file}:${s.line}`)).join(", ")}.`,
    "",
  );
  return out;
}

/**
 * The parameters (an endpoint's, or a webhook's headers) as a table under `title`.
 * @param {string} title
 * @param {ParameterView[]} parameters
 * @param {DocsHelpers} h
 */
function parametersTable(title, parameters, h) {
  if (parameters.length === 0) return [];
  const table = h.once(parameters, "markdown", () =>
    h.markdownTable(
      ["Name", "In", "Type", "Required", "Description"],
      parameters.map((p) => [
        h.markdownCodeCell(p.name),
        p.reserved ? `${p.in} (keeps /)` : p.in,
        h.markdownCodeCell(p.type),
        p.required ? "yes" : "no",
        `${h.markdownCell(p.description)}${p.deprecated ? " (deprecated)" : ""}`,
      ]),
    ),
  );
  return [`### ${title}`, "", table, ""];
}

/**
 * A request body (an endpoint's, or a webhook's payload) under `title`; `prefix` leads from the
 * page to schemas.md.
 * @param {string} title
 * @param {BodyView | undefined} body
 * @param {string} prefix
 * @param {DocsHelpers} h
 */
function bodyLines(title, body, prefix, h) {
  if (!body) return [];
  const out = [
    `### ${title}`,
    "",
    body.required ? "Required." : "Optional.",
    "",
  ];
  if (body.description) out.push(h.markdownProse(body.description), "");
  for (const c of body.content)
    out.push(
      `- ${h.markdownCode(c.mediaType)}: ${typeLink(c, prefix, h.markdownCode)}`,
    );
  if (body.content.length > 0) out.push("");
  return out;
}

/**
 * Responses (an endpoint's, or the answers a webhook takes) as a table under `title`.
 * @param {string} title
 * @param {ResponseView[]} responses
 * @param {string} prefix
 * @param {DocsHelpers} h
 */
function responsesTable(title, responses, prefix, h) {
  if (responses.length === 0) return [];
  const table = h.once(responses, `markdown ${prefix}`, () =>
    h.markdownTable(
      ["Status", "Description", "Content"],
      responses.map((r) => [
        h.markdownCodeCell(r.status),
        h.markdownCell(r.description),
        r.content
          .map(
            (c) =>
              `${h.markdownCodeCell(c.mediaType)}: ${typeLink(c, prefix, h.markdownCodeCell)}`,
          )
          .join("<br>"),
      ]),
    ),
  );
  return [`### ${title}`, "", table, ""];
}

/**
 * @param {DocsEndpointView} e
 * @param {DocsHelpers} h
 */
function security(e, h) {
  if (e.security === undefined) return ["**Auth:** the inputs do not say.", ""];
  if (e.security.length === 0) return ["**Auth:** none.", ""];
  const alternatives = e.security.map(
    (s) =>
      `${h.markdownCode(s.scheme)}${s.scopes.length > 0 ? ` with ${s.scopes.length === 1 ? "scope" : "scopes"} ${s.scopes.map(h.markdownCode).join(", ")}` : ""}`,
  );
  return [`**Auth:** ${alternatives.join(", or ")}.`, ""];
}

/**
 * A type label that links to its schema on the schemas page, when it names one.
 * @param {ContentView} item
 * @param {string} prefix
 * @param {(text: string) => string} code
 */
function typeLink(item, prefix, code) {
  return item.link?.id
    ? `[${code(item.type)}](${prefix}schemas.md#${item.link.id})`
    : code(item.type);
}

/**
 * `docs/schemas.md`: every named schema with its properties.
 * @param {DocsView} view
 * @param {DocsHelpers} h
 * @param {{ write(piece: string): void }} [to] where apiloom has its own pages written as they are made
 */
export function schemasPage(view, h, to) {
  const out = h.pageLines(to);
  out.push("# Schemas", "", "[All endpoints](index.md)", "");
  for (const s of view.schemas) {
    out.push(
      `<a id="${h.htmlText(s.id)}"></a>`,
      "",
      `## ${h.markdownInline(s.name)}`,
      "",
    );
    if (s.description) out.push(h.markdownProse(s.description), "");
    out.push(`Type: ${h.markdownCode(s.type)}.`, "");
    if (s.includes.length > 0)
      out.push(
        `Includes ${s.includes.map((l) => (l.id ? `[${h.markdownCode(l.name)}](#${l.id})` : h.markdownCode(l.name))).join(", ")}.`,
        "",
      );
    if (s.properties.length > 0) {
      const rows = s.properties.map((p) => [
        h.markdownCodeCell(p.name),
        p.link?.id
          ? `[${h.markdownCodeCell(p.type)}](#${p.link.id})`
          : h.markdownCodeCell(p.type),
        p.required ? "yes" : "no",
        h.markdownCell(p.description),
      ]);
      out.push(
        h.markdownTable(["Property", "Type", "Required", "Description"], rows),
        "",
      );
    }
  }
  return out.text();
}

/**
 * `docs/diagnostics.md`: what the merge found, so a reader sees where the specs disagree.
 * @param {DocsView} view
 * @param {DocsHelpers} h
 * @param {{ write(piece: string): void }} [to] where apiloom has its own pages written as they are made
 */
export function diagnosticsPage(view, h, to) {
  const out = h.pageLines(to);
  out.push("# Diagnostics", "", "[All endpoints](index.md)", "");
  if (view.diagnostics.length === 0) {
    out.push("apiloom found nothing to report: the inputs agree.", "");
    return out.text();
  }
  out.push(
    `What apiloom noticed while reading and merging the inputs: ${diagnosticSummary(view)}. ` +
      "Each row names the place in the input it is about.",
    "",
  );
  out.push(
    h.markdownTable(
      ["Code", "Severity", "Count", "Means"],
      view.diagnosticCodes.map((c) => [
        h.markdownCodeCell(c.code),
        c.severity,
        String(c.count),
        // the registry's own Markdown (never spec text); kept to one table cell
        c.meaning.replace(/\|/g, "\\|").replace(/\s+/g, " "),
      ]),
    ),
    "",
    "## Every diagnostic",
    "",
  );
  const rows = view.diagnostics.map((d) => {
    const related =
      d.related.length > 0
        ? ` (see also ${d.related.map(h.markdownCodeCell).join(", ")})`
        : "";
    return [
      d.severity,
      h.markdownCodeCell(d.code),
      h.markdownCodeCell(d.where),
      `${h.markdownCell(d.message)}${related}`,
    ];
  });
  out.push(h.markdownTable(["Severity", "Code", "Where", "Message"], rows), "");
  return out.text();
}

/**
 * @param {DocsView} view
 */
function diagnosticSummary(view) {
  const { error, warning, info } = view.counts;
  return `${count(error, "error")}, ${count(warning, "warning")}, ${count(info, "note")}`;
}

/**
 * @param {number} n
 * @param {string} noun
 */
function count(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/**
 * What an OpenAPI 3.2 tag says of itself besides its title: its name when a summary is the
 * title, and its kind; undefined for a tag that says neither.
 * @param {TagView} tag
 * @param {DocsHelpers} h
 */
function tagFacts(tag, h) {
  const facts = [];
  if (tag.summary !== undefined) facts.push(`Tag ${h.markdownCode(tag.name)}`);
  if (tag.kind !== undefined) facts.push(`kind ${h.markdownCode(tag.kind)}`);
  return facts.length > 0 ? `${facts.join(", ")}.` : undefined;
}

/**
 * The OAuth 2.0 device authorization flow (RFC 8628), which the generated client does not run:
 * how to get the token it takes.
 * @param {{ deviceAuthorizationUrl?: string; tokenUrl?: string }} flow
 * @param {DocsHelpers} h
 */
function deviceFlowText(flow, h) {
  /** @param {string | undefined} url */
  const at = (url) => (url ? ` (${h.markdownCode(url)})` : "");
  return (
    `Device authorization flow (RFC 8628): the device asks the device authorization endpoint${at(flow.deviceAuthorizationUrl)} ` +
    `for a code, the user approves it on another device, and the device polls the token endpoint${at(flow.tokenUrl)} ` +
    "until it gets the token. The generated client does not run this flow: run it, then give the token to " +
    "the client as `auth: { token }` (a function, to hand over a refreshed one)."
  );
}
