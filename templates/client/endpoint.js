// @ts-check
// apiloom template: one endpoint function of client/index.ts. Copy it into your templates folder
// (client/endpoint.js) to change the functions. `view` holds the endpoint's facts, every spec
// string raw: write them through `h` (h.stringLiteral in code, h.jsdocLines + h.printDoc in
// comments). The types come from `apiloom-gen/templates`.

/** The template contract this file is written for (apiloom refuses another). */
export const contract = 1;

/**
 * The endpoint's result type and function, ending with a newline.
 * @param {import("apiloom-gen/templates").ClientEndpointView} view
 * @param {import("apiloom-gen/templates").ClientHelpers} h
 * @returns {string}
 */
export function renderEndpoint(view, h) {
  const { types, locals } = view;
  // a function with nothing to send still takes `args` (one calling convention for all), named
  // `_args` so that it compiles under noUnusedParameters
  const sends =
    types.path || types.query || types.headers || types.cookies || types.body;
  const argsName = sends ? "args" : "_args";
  const args = types.argsOptional
    ? `${argsName}: ${types.request} = {}`
    : `${argsName}: ${types.request}`;
  // `T` is the call's `throwOnError`: the result narrowed by status, or the data alone
  const stream = h.streamTypeArgs(view.stream);
  return [
    h.genericAlias(types.result, "ApiResultOf", [types.responses, ...stream]),
    "",
    h.printDoc(functionDoc(view, h), 0) +
      h.genericFunctionHead(
        `export function ${view.name}`,
        ["T extends boolean = false"],
        [args, "options?: CallOptions<T>"],
        "ApiPromise",
        [types.responses, "T", ...stream],
      ),
    `  return ${locals.send}(${locals.defaults}, ${locals.schemes}, options, {`,
    ...requestLines(view, h),
    "  });",
    "}",
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
  const { pages, pagesName, types, locals } = view;
  if (!pages || !pagesName) return [];
  const args = types.argsOptional
    ? `args: ${types.request} = {}`
    : `args: ${types.request}`;
  const shape = Object.entries(pages).map(([key, value]) =>
    h.propertyLine(key, h.stringLiteral(String(value)), 4, true),
  );
  return [
    h.printDoc(
      h.jsdocLines(
        `Every item of \`${view.name}\`, page after page (${pages.kind} pagination):\n` +
          "each page is fetched when the loop reaches it; breaking out stops.",
      ),
      0,
    ) +
      h.genericFunctionHead(
        `export function ${pagesName}`,
        [],
        [args, "options?: CallOptions"],
        "PageIterator",
        [
          types.responses,
          ...(pages.items ? [h.stringLiteral(pages.items)] : []),
        ],
      ),
    `  return ${locals.paginate}({`,
    h.propertyLine("call", view.name, 4),
    "    args,",
    "    options,",
    ...shape,
    "  });",
    "}",
    "",
  ];
}

/**
 * The members of the request object passed to `send`, one per line, at 4 spaces.
 * @param {import("apiloom-gen/templates").ClientEndpointView} view
 * @param {import("apiloom-gen/templates").ClientHelpers} h
 */
function requestLines(view, h) {
  const { types, styles } = view;
  const lines = [
    h.propertyLine("method", h.stringLiteral(view.method), 4),
    h.propertyLine("path", h.stringLiteral(view.path), 4, true),
  ];
  /** @param {string | undefined} block */
  const add = (block) => {
    if (block) lines.push(block);
  };
  if (types.path) {
    lines.push(h.propertyLine("pathParams", "args.path", 4));
    add(h.namedStyles("pathStyles", styles.path));
  }
  if (types.query) {
    lines.push(h.propertyLine("query", "args.query", 4));
    add(h.namedStyles("queryStyles", styles.query));
  }
  if (types.headers) {
    lines.push(h.propertyLine("headers", "args.headers", 4));
    add(h.namedStyles("headerStyles", styles.headers));
  }
  if (types.cookies) {
    lines.push(h.propertyLine("cookies", "args.cookies", 4));
    add(h.namedStyles("cookieStyles", styles.cookies));
  }
  if (types.body) {
    lines.push(h.propertyLine("body", "args.body", 4));
    if (view.mediaType) {
      lines.push(
        h.propertyLine("mediaType", h.stringLiteral(view.mediaType), 4, true),
      );
      add(h.namedStyles("encoding", view.encoding));
      // the form writer is imported by the files that send an encoded form only
      if (view.encoding.length > 0)
        lines.push(h.propertyLine("form", view.locals.serializeForm, 4));
    }
  }
  if (view.accept)
    lines.push(h.propertyLine("accept", h.stringLiteral(view.accept), 4, true));
  if (view.security) lines.push(h.stringMatrix("security", view.security, 4));
  if (view.statuses) lines.push(h.stringList("statuses", view.statuses, 4));
  if (view.stream?.kind === "events")
    lines.push(
      h.propertyLine(
        "read",
        `${view.locals.eventStream}(${view.stream.json})`,
        4,
      ),
    );
  else if (view.stream?.kind === "items") {
    const json = (view.stream.eventData ?? []).map(
      ([status, parse]) => `${h.stringLiteral(status)}: ${parse}`,
    );
    lines.push(
      h.propertyLine(
        "read",
        `${view.locals.streamItems}({ ${json.join(", ")} })`,
        4,
      ),
    );
  } else if (view.stream)
    lines.push(h.propertyLine("read", view.locals.jsonLines, 4));
  lines.push(h.propertyLine("operation", h.stringLiteral(view.name), 4, true));
  return lines;
}

/**
 * The function's JSDoc lines: summary, description, method and path, scopes, deprecation.
 * @param {import("apiloom-gen/templates").ClientEndpointView} view
 * @param {import("apiloom-gen/templates").ClientHelpers} h
 */
function functionDoc(view, h) {
  /** @type {string[][]} */
  const paragraphs = [];
  if (view.summary?.trim())
    paragraphs.push(h.trimBlankEnds(h.jsdocLines(view.summary)));
  if (view.description?.trim())
    paragraphs.push(h.trimBlankEnds(h.jsdocLines(view.description)));
  paragraphs.push(h.jsdocLines(`\`${view.method} ${view.path}\``));
  if (view.scopes.length > 0)
    paragraphs.push(
      h.jsdocLines(
        "OAuth scopes: " +
          view.scopes
            .map((alt) => alt.map((s) => `\`${s}\``).join(", "))
            .join(" or ") +
          ".",
      ),
    );
  if (view.deprecated) paragraphs.push(["@deprecated"]);
  return paragraphs.flatMap((p, i) => (i === 0 ? p : ["", ...p]));
}
