import type {
  ApiResponse,
  Endpoint,
  MediaContent,
  Parameter,
  Schema,
} from "../../model/types.js";
import type { EmitContext, GeneratedFile, OptionValues } from "../artifact.js";
import type { PATHS_OPTIONS } from "./options.js";
import {
  grouped,
  HTTP_METHODS,
  schemaToType,
  type SchemaNaming,
  type SubSchema,
  environmentFile,
  jsdocLines,
  printAlias,
  printObject,
  printType,
  raw,
  runtimeFile,
  stringLiteral,
  templateText,
  type ObjectMember,
  type TypeNode,
} from "../toolkit.js";

/** openapi-typescript's parameter groups, in its order (`header` is the model's `header`). */
const LOCATIONS = ["query", "header", "path", "cookie"] as const;

const NEVER: TypeNode = raw("never");
const EMPTY_RECORD: TypeNode = raw("Record<string, never>");
function object(members: ObjectMember[], index?: TypeNode) {
  return { kind: "object" as const, members, index };
}

type Mode = "read" | "write";
type TypeOf = (schema: Schema | undefined, mode: Mode) => TypeNode;

/** The block of client/openapi-fetch.ts that paths.ts writes with `readWriteMarkers`. */
const MARKERS_START =
  "// ---- read/write markers: paths.ts with `readWriteMarkers` writes this block as it is ----\n";
const MARKERS_END = "// ---- end of the markers ----\n";

/**
 * openapi-typescript's `--read-write-markers` types, by which `client/openapi-fetch.ts` strips a
 * request body's `$Read` members and a response's `$Write` ones: defined once, in that template.
 */
function markerTypes(): string {
  const text = templateText("client", "openapi-fetch.ts");
  const start = text.indexOf(MARKERS_START);
  const end = text.indexOf(MARKERS_END, start);
  if (start < 0 || end < 0)
    throw new Error("templates/client/openapi-fetch.ts: no markers block");
  return text.slice(start + MARKERS_START.length, end);
}

/** paths.ts's options: openapi-typescript's of the same names. */
type PathsOptions = OptionValues<typeof PATHS_OPTIONS>;

/**
 * paths.ts's own naming, by openapi-typescript's rules (docs/migrate-from-openapi-typescript.md):
 * `components["schemas"][name]`, the options' markers, and defaults required unless `sent`.
 */
function ownNaming(
  types: SchemaNaming,
  { readWriteMarkers, defaultNonNullable }: PathsOptions,
  sent: boolean,
): SchemaNaming {
  const marker = (property: SubSchema, type: TypeNode): TypeNode => {
    if (typeof property !== "object") return type;
    const read = property.readOnly === true;
    if (read === (property.writeOnly === true)) return type;
    return raw(`$${read ? "Read" : "Write"}<${printType(type)}>`);
  };
  return {
    ...types,
    refName: (name) => `components["schemas"][${stringLiteral(name)}]`,
    members: {
      ...(readWriteMarkers ? { type: marker } : {}),
      defaultsRequired: defaultNonNullable && !sent,
    },
  };
}

/** `paths.ts`: openapi-typescript 7's five exports (docs/migrate-from-openapi-typescript.md). */
export function emitPaths({
  model,
  types,
  paths,
  options,
}: EmitContext<PathsOptions>): GeneratedFile {
  const shared = ownNaming(types, options, false);
  const sent = ownNaming(types, options, true);
  const typeOf: TypeOf = (schema, mode) =>
    schemaToType(schema, mode === "write" ? sent : shared, "read");

  // operations by operationId, as openapi-typescript names them; the others inline
  const operations: ObjectMember[] = [];
  const operationIds = new Set<string>();
  const responses = sharedResponses(
    [...model.endpoints, ...(model.webhooks ?? [])],
    typeOf,
  );
  const operation = (endpoint: Endpoint): TypeNode => {
    // as openapi-typescript writes an operation
    const body = endpoint.requestBody;
    const node = object([
      member("parameters", parametersNode(endpoint.parameters, typeOf)),
      // typed as sent: by openapi-typescript's rules, a webhook's payload too
      member(
        "requestBody",
        body ? object([contentMember(body.content, typeOf, "write")]) : NEVER,
        !body?.required,
      ),
      // each status's description its comment
      member(
        "responses",
        endpoint.responses.length === 0
          ? NEVER
          : object(
              endpoint.responses.map((r) =>
                member(r.status, responses.typeOf(r), false, r.description),
              ),
            ),
      ),
    ]);
    // the document's operationId, as openapi-typescript keys it, though the client's name differs
    const id =
      endpoint.operationId ??
      endpoint.nameCandidates.find((c) => c.kind === "operationId")?.value;
    if (id === undefined || operationIds.has(id)) return node;
    operationIds.add(id);
    operations.push({ name: id, optional: false, type: node });
    return raw(`operations[${stringLiteral(id)}]`);
  };

  const [pathItems, webhookItems] = [
    grouped(model.endpoints, (e) => e.path),
    grouped(model.webhooks ?? [], (w) => w.key),
  ].map((byKey) => pathItemMembers(byKey, operation, typeOf));
  const schemas = Object.keys(model.schemas).map((name) =>
    member(name, typeOf(model.schemas[name]!.schema, "read")),
  );
  const components = [
    member("schemas", schemas.length > 0 ? object(schemas) : NEVER),
    ...["responses", "parameters", "requestBodies", "headers", "pathItems"].map(
      (name) => member(name, NEVER),
    ),
  ];

  const parts = [
    "// Generated by apiloom from the API description. Do not edit.\n" +
      (options.readWriteMarkers ? markerTypes() : ""),
    declaration("paths", pathItems),
    declaration("webhooks", webhookItems),
    declaration("components", components),
    declaration("$defs", []),
    declaration("operations", operations),
  ];
  if (responses.members.length > 0)
    parts.push(
      `interface ${SHARED_RESPONSES} ${printObject(object(responses.members))}\n`,
    );
  // a status is a numeric key (`200:`) as in openapi-typescript: openapi-fetch's helpers pick
  // the successes by `keyof T & 200 | 201 | …`, which a string key (`"200":`) never meets
  const contents = parts
    .join("\n")
    .replace(/(^ *|[{;] )"([1-5]\d\d)"(\??:)/gm, "$1$2$3");
  return { path: paths["paths"] ?? "paths.ts", contents, skipTypecheck: true };
}

/** `export interface name {…}`, or `export type name = Record<string, never>;` when empty. */
function declaration(name: string, members: ObjectMember[]): string {
  if (members.length === 0)
    return printAlias(`export type ${name}`, EMPTY_RECORD);
  return `export interface ${name} ${printObject(object(members))}\n`;
}

function member(
  name: string,
  type: TypeNode,
  optional = false,
  text?: string,
): ObjectMember {
  const doc = text?.trim() ? jsdocLines(text.trim()) : undefined;
  return { name, optional, type, doc };
}

/** `{ [key]: { parameters; get; put; … } }`'s members: a path item per key, in model order. */
function pathItemMembers(
  byKey: ReadonlyMap<string, Endpoint[]>,
  operation: (endpoint: Endpoint) => TypeNode,
  typeOf: TypeOf,
): ObjectMember[] {
  return [...byKey].map(([key, endpoints]) => {
    const byMethod = new Map(endpoints.map((e) => [e.method, e]));
    // the path's own variables are every operation's: the path item names them
    const pathParameters = endpoints[0]!.parameters.path;
    const members: ObjectMember[] = [
      member("parameters", parametersNode({ path: pathParameters }, typeOf)),
    ];
    // openapi-typescript's order (QUERY after them), then any other method of the path
    const methods = [
      ...HTTP_METHODS,
      ...[...byMethod.keys()].filter((m) => !HTTP_METHODS.includes(m)),
    ];
    for (const method of methods) {
      const endpoint = byMethod.get(method);
      const text = [endpoint?.summary, endpoint?.description].join("\n\n");
      const type = endpoint ? operation(endpoint) : NEVER;
      members.push(member(method, type, !endpoint, text));
    }
    return member(key, object(members));
  });
}

/**
 * `{ query?; header?; path?; cookie? }`: a group without parameters is `?: never`; one is
 * required when a parameter of it is (a path's always are).
 */
function parametersNode(
  parameters: Partial<Record<(typeof LOCATIONS)[number], Parameter[]>>,
  typeOf: TypeOf,
): TypeNode {
  return object(
    LOCATIONS.map((location) => {
      const list = parameters[location] ?? [];
      if (list.length === 0) return member(location, NEVER, true);
      const required = location === "path" || list.some((p) => p.required);
      // one declared with `content` is its serialized text: openapi-fetch sends a value as given
      const members = list.map((p) =>
        member(
          p.name,
          p.contentType === undefined
            ? typeOf(p.schema, "write")
            : raw("string"),
          location !== "path" && !p.required,
          p.description,
        ),
      );
      return member(location, object(members), !required);
    }),
  );
}

/** `content: { [mediaType]: … }`, each media type's schema typed in `mode`. */
function contentMember(
  content: readonly MediaContent[],
  typeOf: TypeOf,
  mode: Mode,
): ObjectMember {
  return member(
    "content",
    object(content.map((m) => member(m.mediaType, typeOf(m.schema, mode)))),
  );
}

/** `{ headers: { [name]: unknown; … }; content: { [mediaType]: … } }`. */
function responseNode(r: ApiResponse, typeOf: TypeOf): TypeNode {
  const headers = object(
    Object.entries(r.headers ?? {}).map(([name, h]) =>
      member(
        name,
        typeOf(h.schema, "read"),
        h.required !== true,
        h.description,
      ),
    ),
    raw("unknown"),
  );
  const content =
    r.content.length === 0
      ? member("content", NEVER, true)
      : contentMember(r.content, typeOf, "read");
  return object([member("headers", headers), content]);
}

/** The interface of the response types several operations share (not exported). */
const SHARED_RESPONSES = "$responses";

/**
 * The response type of each response: one written the same by several is declared once, a
 * numbered member of {@link SHARED_RESPONSES}, and referred to, so tsc checks it once (the model
 * keeps no definition's name, so `components["responses"]` stays `never`).
 */
function sharedResponses(
  operations: readonly Pick<Endpoint, "responses">[],
  typeOf: TypeOf,
) {
  const written = new Map<ApiResponse, { node: TypeNode; text: string }>();
  const uses = new Map<string, number>();
  for (const operation of operations)
    for (const response of operation.responses) {
      const node = responseNode(response, typeOf);
      const text = printType(node);
      written.set(response, { node, text });
      uses.set(text, (uses.get(text) ?? 0) + 1);
    }
  const names = new Map<string, string>();
  const members: ObjectMember[] = [];
  return {
    members,
    typeOf: (response: ApiResponse): TypeNode => {
      const { node, text } = written.get(response)!;
      if (uses.get(text)! < 2) return node;
      let name = names.get(text);
      if (name === undefined) {
        names.set(text, (name = `r${names.size}`));
        members.push(member(name, node));
      }
      return raw(`${SHARED_RESPONSES}[${stringLiteral(name)}]`);
    },
  };
}

/**
 * `client/openapi-fetch.ts` and the runtime files it imports, with the folder's `environment.ts`:
 * what a run making `paths` without `client` writes.
 */
export function openapiFetchFiles({
  paths,
  templatesDir,
}: Pick<EmitContext, "paths" | "templatesDir">): GeneratedFile[] {
  const folder = paths["client"] ?? "client";
  const files: GeneratedFile[] = [];
  // the names grow as the files read name what they import
  const names = ["openapi-fetch.ts"];
  for (const name of names) {
    const file = runtimeFile("client", name, templatesDir, `${folder}/${name}`);
    files.push(file);
    for (const [, imported] of file.contents.matchAll(
      / from "\.\/([\w-]+)\.js";/g,
    ))
      if (!names.includes(`${imported}.ts`)) names.push(`${imported}.ts`);
  }
  files.push(
    environmentFile("client", files, templatesDir, `${folder}/environment.ts`),
  );
  return files;
}
