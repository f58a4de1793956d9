import {
  align,
  huggedCall,
  isIdentifierName,
  assignment,
  declaredPages,
  declaredPagination,
  endpointKey,
  group,
  HTTP_METHODS,
  hardline,
  indent,
  items,
  join,
  jsdocLines,
  line,
  loadTemplate,
  pagination,
  print,
  isJsonMediaType,
  resolveSchema,
  revivedScalar,
  revivedTypeName,
  revivesAny,
  printDoc,
  propertyKey,
  streamedSuccesses,
  stringLiteral,
  type Doc,
  type PageDeclarations,
  type Pagination,
} from "../toolkit.js";
import type { ApiModel, Endpoint, Schema } from "../../model/types.js";
import type { EmitContext, EndpointTypes, GeneratedFile } from "../artifact.js";

// OpenAPI 3.2's QUERY: safe and idempotent, its body part of the key like every argument
const QUERIES = new Set(["get", "query"]);
const MUTATIONS = new Set(["post", "put", "patch", "delete"]);

/**
 * `query/index.ts`: TanStack Query option objects per endpoint. Names end in `Options`,
 * `Infinite`, `Key` or `Mutation`, none of which ends another, so two endpoints' never collide.
 */
export async function emitQuery({
  model,
  paths,
  types,
  imports,
  reporter,
  templatesDir,
  options,
}: EmitContext<{ readonly pages: PageDeclarations }>): Promise<GeneratedFile> {
  const file = `${paths["query"] ?? "query"}/index.ts`;
  const clientFile = `${paths["client"] ?? "client"}/index.ts`;
  const typesFile = paths["types"] ?? "types.ts";
  const collector = imports(file);
  collector.add(clientFile, "createClient", { type: true });
  const blocks: string[] = [];
  let keyed = false;
  const keysAsText = revivesAny(model.scalars);
  // the config's page shapes win over detection; the client plugin reports the unsound ones
  const declared = declaredPages(model, options.pages).pages;
  for (const endpoint of model.endpoints) {
    const at = endpoint.sources[0];
    const warn = (message: string) =>
      at && reporter.report("plugin/warning", `query: ${message}`, at);
    const kind = QUERIES.has(endpoint.method)
      ? "query"
      : MUTATIONS.has(endpoint.method)
        ? "mutation"
        : undefined;
    if (!kind) {
      // a method OpenAPI does not name (3.2's additionalOperations): said, as it gets nothing
      if (!(HTTP_METHODS as readonly string[]).includes(endpoint.method))
        warn(
          `${endpoint.method.toUpperCase()} is neither a query nor a mutation TanStack Query options are made for; ${endpoint.name} gets none`,
        );
      continue;
    }
    // a stream (events, JSON Lines, 3.2 items) is an iterator, no value a query caches
    const stream = streamedSuccesses(endpoint);
    if (stream) {
      warn(
        `${endpoint.name} answers a stream of ${stream.what}, which TanStack Query options do not cache; it gets none`,
      );
      continue;
    }
    const t = types.endpoint(endpoint);
    // a query without arguments never names its (empty) Request type
    if (kind === "mutation" || hasArgs(t))
      collector.add(typesFile, t.request, { type: true });
    // the data as the client types it (ApiDataOf): the `default` body joins the 2XX ones where
    // it answers for a 2XX status nobody named, which `<Name>Data` leaves out
    collector.add(typesFile, t.responses, { type: true });
    if (kind === "mutation") {
      blocks.push(mutation(endpoint, t));
      continue;
    }
    keyed ||= hasArgs(t);
    // with Dates and bigints (config dates, int64) a key holds them as text: `KeyArgs<…>`
    const inKey = keysAsText ? `KeyArgs<${t.request}>` : t.request;
    blocks.push(queryKey(endpoint, t, inKey), queryOptions(endpoint, t));
    const shape = declared.get(endpointKey(endpoint));
    const pages = shape
      ? declaredPagination(model, endpoint, shape)
      : pagination(model, endpoint, t.successStatuses);
    const page = pages && pageType(model, endpoint, pages, t.successStatuses);
    // the client answers a 2XX status nobody named with the `default` body: a page of that
    // (an error's, or unknown) holds no next-page value the options could type
    const byDefault = endpoint.responses.some((r) => r.status === "default");
    if (pages && page && byDefault)
      warn(
        `${endpoint.name} answers a 2XX status it does not name with its default response, whose body need not hold ${pages.field}; it gets no infinite query options`,
      );
    else if (pages && page)
      blocks.push(infinite(endpoint, t, pages, inKey, page));
    else if (pages)
      warn(
        `${endpoint.name}'s ${pages.parameter.name} and the answer's ${pages.field} are not both a Date, a bigint or neither (dates, int64); it gets no infinite query options`,
      );
  }
  // the helpers only when something calls them (the strictest tsconfigs refuse unused locals)
  if (blocks.length > 0)
    for (const name of ["ApiDataOf", "ApiResult"])
      collector.add(clientFile, name, { type: true });
  // templates/query/index.js: the file's fixed parts (types, the error, the helpers)
  const fixed = await loadTemplate<{
    preamble: string;
    helpers: string;
    keyHelpers(scalars: boolean): string;
  }>("query", "index.js", templatesDir);
  return {
    path: file,
    contents: [
      "// Generated by apiloom from the API description. Do not edit.\n",
      collector.text(),
      fixed.preamble,
      // the key helpers only for a query that takes arguments (one, at least)
      ...(blocks.length > 0 ? [fixed.helpers] : []),
      ...(keyed ? [fixed.keyHelpers(keysAsText)] : []),
      ...blocks,
    ].join("\n"),
    skipTypecheck: true,
  };
}

/** False when `<Name>Request` has no member at all (the call takes `{}`). */
function hasArgs(t: EndpointTypes): boolean {
  return [t.path, t.query, t.headers, t.cookies, t.body].some(
    (part) => part !== undefined,
  );
}

/** The doc comment over one endpoint's export: what it is (a line each), and the endpoint. */
function doc(endpoint: Endpoint, ...what: string[]): string {
  const path = `\`${endpoint.method.toUpperCase()} ${endpoint.path}\``;
  return printDoc([...what, "", ...jsdocLines(path)], 0);
}

/** One endpoint's export: `comment`, then `export function name(params): returns { body }`. */
function exported(
  comment: string,
  name: string,
  params: Doc[],
  returns: Doc,
  body: Doc[],
): string {
  const head = group([
    `export function ${name}(`,
    items(params),
    "): ",
    returns,
    " {",
  ]);
  return `${comment}${print([head, indent([hardline, join(hardline, body)]), hardline, "}"])}\n`;
}

/** A factory's parameters: `client: Pick<Client, "name">`, then `args` unless `t` is undefined. */
function params(endpoint: Endpoint, t: EndpointTypes | undefined): Doc[] {
  const client = group([
    "client: ",
    generic("Pick", ["Client", stringLiteral(endpoint.name)]),
  ]);
  if (!t || !hasArgs(t)) return [client];
  return [client, `args: ${t.request}${t.argsOptional ? " = {}" : ""}`];
}

/** `keyed`: the type of the arguments in the key. */
function queryKey(endpoint: Endpoint, t: EndpointTypes, keyed: string): string {
  const name = stringLiteral(endpoint.name);
  const title = `The query key of \`${endpoint.name}\`.`;
  const fn = `${endpoint.name}Key`;
  if (!hasArgs(t))
    return exported(doc(endpoint, title), fn, [], tuple([name], "readonly "), [
      group(["return ", tuple([name]), ";"]),
    ]);
  return exported(
    doc(
      endpoint,
      title,
      "Without `args`: the prefix of every call's key (to invalidate them all).",
    ),
    fn,
    [`args?: ${t.request}`],
    tuple([name, `${keyed}?`], "readonly "),
    [
      group([
        "return args === undefined",
        indent([
          line,
          "? ",
          align(2, tuple([name])),
          line,
          ": ",
          align(2, tuple([name, "keyArgs(args)"])),
        ]),
        ";",
      ]),
    ],
  );
}

function queryOptions(endpoint: Endpoint, t: EndpointTypes): string {
  const args = hasArgs(t);
  return exported(
    doc(
      endpoint,
      `Query options of \`${endpoint.name}\`,`,
      "for `fetchQuery`, `prefetchQuery`, `ensureQueryData`, `useQuery`…",
    ),
    `${endpoint.name}Options`,
    params(endpoint, t),
    generic("QueryOptions", [
      `ApiDataOf<${t.responses}>`,
      generic("ReturnType", [`typeof ${endpoint.name}Key`]),
    ]),
    [
      returnObject([
        // prettier's break-after-operator: a short call moves to the next line before it breaks
        group([
          "queryKey:",
          indent([line, call(`${endpoint.name}Key`, args ? ["args"] : [])]),
        ]),
        arrowMember(
          "queryFn: ({ signal })",
          call("dataOf", [
            clientCall(endpoint, args ? "args" : "{}", ["signal"]),
          ]),
        ),
      ]),
    ],
  );
}

function infinite(
  endpoint: Endpoint,
  t: EndpointTypes,
  pages: Pagination,
  keyed: string,
  page: string,
): string {
  const name = stringLiteral(endpoint.name);
  const param = pages.parameter.name;
  const query = t.required.query ? "args.query" : "args.query?";
  return exported(
    doc(
      endpoint,
      `Infinite query options of \`${endpoint.name}\`: each page sends`,
      `\`${jsdocLines(param).join(" ")}\` = the previous page's \`${jsdocLines(pages.field).join(" ")}\`;`,
      "null, missing, empty or 0 ends the pages.",
    ),
    `${endpoint.name}Infinite`,
    params(endpoint, t),
    generic("InfiniteQueryOptions", [
      `ApiDataOf<${t.responses}>`,
      `${page} | undefined`,
      tuple([name, keyed, '"infinite"'], "readonly "),
    ]),
    [
      returnObject([
        ["queryKey: ", tuple([name, "keyArgs(args)", '"infinite"'])],
        [
          "queryFn: ({ signal, pageParam }) => {",
          indent([
            hardline,
            assignment(
              "const page =",
              `pageParam === undefined ? {} : { ${propertyKey(param)}: pageParam }`,
              ";",
            ),
            hardline,
            "const query = { ...args.query, ...page };",
            hardline,
            "return ",
            call("dataOf", [
              clientCall(endpoint, "{ ...args, query }", ["signal"]),
            ]),
            ";",
          ]),
          hardline,
          "}",
        ],
        `initialPageParam: ${member(query, param)}`,
        arrowMember(
          "getNextPageParam: (lastPage)",
          `${member("lastPage", pages.field)} || undefined`,
        ),
      ]),
    ],
  );
}

function mutation(endpoint: Endpoint, t: EndpointTypes): string {
  const args = hasArgs(t);
  return exported(
    doc(
      endpoint,
      `Mutation options of \`${endpoint.name}\`,`,
      "for a `MutationObserver`, `useMutation`…",
    ),
    `${endpoint.name}Mutation`,
    params(endpoint, undefined),
    generic("MutationOptions", [`ApiDataOf<${t.responses}>`, t.request]),
    [
      returnObject([
        ["mutationKey: ", tuple([stringLiteral(endpoint.name)])],
        arrowMember(
          `mutationFn: (${args ? "args" : ""})`,
          call("dataOf", [clientCall(endpoint, args ? "args" : "{}", [])]),
        ),
      ]),
    ],
  );
}

/**
 * The type of an infinite query's page value: the page parameter's, a Date or a bigint where
 * the client revives it; undefined when the next-page field of the answer is not revived alike
 * (the value read would not be the one sent), which makes no infinite variant.
 */
function pageType(
  model: ApiModel,
  endpoint: Endpoint,
  pages: Pagination,
  successStatuses: readonly string[],
): string | undefined {
  const { schemas, scalars } = model;
  if (!revivesAny(scalars)) return pages.kind;
  const revived = (schema: Schema | undefined) =>
    revivedScalar(resolveSchema(schemas, schema), scalars);
  const sent = revived(pages.parameter.schema);
  const response = endpoint.responses.find((r) =>
    successStatuses.includes(r.status),
  );
  const body = response?.content.find((c) => isJsonMediaType(c.mediaType));
  const properties = resolveSchema(schemas, body?.schema)?.properties;
  const field =
    properties && Object.hasOwn(properties, pages.field)
      ? properties[pages.field]
      : undefined;
  if (sent !== revived(field)) return undefined;
  return sent === undefined ? pages.kind : revivedTypeName(sent);
}

/** `Shape<A, B>`: one type argument per line when too long (type arguments take no comma). */
function generic(shape: string, args: Doc[]): Doc {
  return group([shape, "<", items(args, { trailingComma: false }), ">"]);
}

/**
 * `client.name(args, { …options, throwOnError: false })`: each call asks for a result, as a client
 * made with `throwOnError: true` passes for one without. prettier hugs the options after `args`,
 * not after another object (`{}`, `{ ...args, query }`).
 */
function clientCall(endpoint: Endpoint, args: string, options: string[]): Doc {
  const object = (broken: boolean) =>
    group(
      ["{", items([...options, "throwOnError: false"], { spaced: true }), "}"],
      broken,
    );
  const callee = `client.${endpoint.name}`;
  return args === "args"
    ? huggedCall(callee, args, object)
    : call(callee, [args, object(false)]);
}

function call(callee: string, args: Doc[]): Doc {
  return group([callee, "(", items(args), ")"]);
}

/** `[a, b]` (or `readonly [a, b]`): one item per line when too long. */
function tuple(members: Doc[], prefix = ""): Doc {
  return group([`${prefix}[`, items(members), "]"]);
}

/** `return { member, … };`: the returned object, a member per line. */
function returnObject(members: Doc[]): Doc {
  return [
    "return {",
    indent(members.map((m) => [hardline, m, ","])),
    hardline,
    "};",
  ];
}

/** `key: (params) => body`: the body on the next line when too long. */
function arrowMember(key: string, body: Doc): Doc {
  return group([`${key} =>`, group(indent([line, body]))]);
}

/** `object.name`, or `object["name"]` when the name is not an identifier. */
function member(object: string, name: string): string {
  if (isIdentifierName(name)) return `${object}.${name}`;
  return `${object.endsWith("?") ? object + "." : object}[${stringLiteral(name)}]`;
}
