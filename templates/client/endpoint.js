// @ts-check
// apiloom template: one endpoint function of client/index.ts. Copy it into your templates folder
// (client/endpoint.js) to change the functions. `view` holds the endpoint's facts, every spec
// string raw: write them through `h` (h.stringLiteral in code, h.jsdocLines + h.printDoc in
// comments). The types come from `apiloom-gen/templates`.

/** The template contract this file is written for (apiloom refuses another). */
export const contract = 1;

/**
 * The endpoint's result type and function, ending with a newline. The function is a constant
 * typed by a lookup (`EndpointFunctions["name"]`, declared by client/index.js) and made by the
 * runtime's `endpoint`: tsc reads an endpoint's types only where a program uses it.
 * @param {import("apiloom-gen/templates").ClientEndpointView} view
 * @param {import("apiloom-gen/templates").ClientHelpers} h
 * @returns {string}
 */
export function renderEndpoint(view, h) {
  const { types, locals } = view;
  // `T` is a call's `throwOnError`: the result narrowed by status, or with `true` the data alone
  const stream = h.streamTypeArgs(view.stream);
  return [
    h.genericAliasOf(types.result, "T extends boolean = false", "ApiReturn", [
      types.responses,
      "T",
      ...stream,
    ]),
    "",
    h.printDoc(h.endpointDoc(view), 0) +
      h.assignedCall(
        `export const ${view.name}: EndpointFunctions[${h.stringLiteral(view.name)}] =`,
        `/* @__PURE__ */ ${locals.makeEndpoint}`,
        [],
        (indent) => requestLines(view, h, indent),
      ),
    "",
    ...pagesFunction(view, h),
  ].join("\n");
}

/**
 * `<name>Pages`: every item of every page, for an endpoint whose pages the description shows.
 * @param {import("apiloom-gen/templates").ClientEndpointView} view
 * @param {import("apiloom-gen/templates").ClientHelpers} h
 * @returns {string[]}
 */
function pagesFunction(view, h) {
  const { pages, pagesName, locals } = view;
  if (!pages || !pagesName) return [];
  /** @param {number} indent */
  const shape = (indent) => [
    h.propertyLine("call", view.name, indent),
    ...Object.entries(pages).map(([key, value]) =>
      h.propertyLine(key, h.stringLiteral(String(value)), indent, true),
    ),
  ];
  return [
    h.printDoc(
      h.jsdocLines(
        `Every item of \`${view.name}\`, page after page (${pages.kind} pagination):\n` +
          "each page is fetched when the loop reaches it; breaking out stops.",
      ),
      0,
    ) +
      h.assignedCall(
        `export const ${pagesName}: PageFunctions[${h.stringLiteral(pagesName)}] =`,
        `/* @__PURE__ */ ${locals.pagesMaker}`,
        [],
        shape,
      ),
    "",
  ];
}

/**
 * The endpoint's path parameter styles, `allowReserved` only where the parameter is a whole
 * segment (`/{scope}/providers`): in a segment with other text (`{name}.json`) it stays one
 * segment, its `/` encoded.
 * @param {import("apiloom-gen/templates").ClientEndpointView} view
 */
function pathStyles(view) {
  const segments = view.path.split("?")[0].split("/");
  return view.styles.path.map(({ name, style }) => {
    if (!style.allowReserved || segments.includes(`{${name}}`))
      return { name, style };
    const rest = Object.entries(style).filter(([k]) => k !== "allowReserved");
    return { name, style: Object.fromEntries(rest) };
  });
}

/**
 * The members of the request spec given to the endpoint maker, one per line, at `indent`
 * spaces: `takes` names the members of a call's arguments the runtime sends.
 * @param {import("apiloom-gen/templates").ClientEndpointView} view
 * @param {import("apiloom-gen/templates").ClientHelpers} h
 * @param {number} indent
 */
function requestLines(view, h, indent) {
  const { types } = view;
  const styles = { ...view.styles, path: pathStyles(view) };
  const lines = [
    h.propertyLine("method", h.stringLiteral(view.method), indent),
    h.propertyLine("path", h.stringLiteral(view.path), indent, true),
  ];
  if (view.server !== undefined)
    lines.push(
      h.propertyLine(
        "server",
        `${view.locals.atServer}(${h.stringLiteral(view.server)}, DEFAULT_BASE_URL)`,
        indent,
        true,
      ),
    );
  /** @param {string | undefined} block */
  const add = (block) => {
    if (block) lines.push(block);
  };
  // what the function reads of its arguments besides `path` (always read)
  const takes = [
    ...(types.query ? ["query"] : []),
    ...(types.headers ? ["headers"] : []),
    ...(types.cookies ? ["cookies"] : []),
    ...(types.body ? ["body"] : []),
  ];
  if (takes.length > 0) lines.push(h.stringList("takes", takes, indent));
  if (types.path) add(h.namedStyles("pathStyles", styles.path, indent));
  if (types.query) add(h.namedStyles("queryStyles", styles.query, indent));
  if (types.headers) add(h.namedStyles("headerStyles", styles.headers, indent));
  if (types.cookies) add(h.namedStyles("cookieStyles", styles.cookies, indent));
  // a media range (`*/*`) is no Content-Type: the body goes as the runtime writes it (body.ts)
  if (types.body && view.mediaType && !view.mediaType.includes("*")) {
    lines.push(
      h.propertyLine(
        "mediaType",
        h.stringLiteral(view.mediaType),
        indent,
        true,
      ),
    );
    add(h.namedStyles("encoding", view.encoding, indent));
    // the form writer is imported by the files that send an encoded form only
    if (view.encoding.length > 0)
      lines.push(h.propertyLine("form", view.locals.serializeForm, indent));
  }
  // the writers likewise: a program calling no endpoint with a body (a query, headers,
  // cookies) does not bundle what writes it
  if (types.body)
    lines.push(h.propertyLine("write", view.locals.serializeBody, indent));
  // the writer of the matrix style and of reserved expansion only where a path parameter has it,
  // of arrays, objects and `label` where one has them (else the runtime's, of a string or number)
  if (
    styles.path.some((p) => p.style.style === "matrix" || p.style.allowReserved)
  )
    lines.push(h.propertyLine("writePath", view.locals.serializePath, indent));
  else if (view.plainPath)
    lines.push(h.propertyLine("writePath", view.locals.plainPath, indent));
  if (types.query)
    lines.push(
      h.propertyLine("writeQuery", view.locals.serializeQuery, indent),
    );
  if (types.headers)
    lines.push(
      h.propertyLine("writeHeader", view.locals.serializeHeader, indent),
    );
  if (types.cookies)
    lines.push(
      h.propertyLine("writeCookie", view.locals.serializeCookie, indent),
    );
  if (view.accept)
    lines.push(
      h.propertyLine("accept", h.stringLiteral(view.accept), indent, true),
    );
  if (view.security)
    lines.push(h.stringMatrix("security", view.security, indent));
  if (view.statuses)
    lines.push(h.stringList("statuses", view.statuses, indent));
  if (view.stream?.kind === "events")
    lines.push(
      h.propertyLine(
        "read",
        // evaluated when the module loads: pure, so that a program not calling it drops it
        `/* @__PURE__ */ ${view.locals.eventStream}(${view.stream.json})`,
        indent,
      ),
    );
  else if (view.stream?.kind === "items") {
    const json = (view.stream.eventData ?? []).map(
      ([status, parse]) => `${h.stringLiteral(status)}: ${parse}`,
    );
    lines.push(
      h.propertyLine(
        "read",
        // evaluated when the module loads: pure, so that a program not calling it drops it
        `/* @__PURE__ */ ${view.locals.streamItems}({ ${json.join(", ")} })`,
        indent,
      ),
    );
  } else if (view.stream)
    lines.push(h.propertyLine("read", view.locals.jsonLines, indent));
  // dates and big integers: the codec of the endpoint's plans (config `dates`, `int64`)
  if (view.scalars)
    lines.push(
      h.propertyLine(
        "scalars",
        `/* @__PURE__ */ ${view.locals.scalarCodec}(${h.stringLiteral(view.name)})`,
        indent,
      ),
    );
  lines.push(
    h.propertyLine("operation", h.stringLiteral(view.name), indent, true),
  );
  return lines;
}
