import { readdirSync } from "node:fs";
import { join } from "node:path";
import {
  fetchSendsBody,
  DEFAULT_TEMPLATES_DIR,
  endpointKey,
  fieldlessForm,
  fileStart,
  HTTP_METHODS,
  hardline,
  indent,
  jsonDoc,
  print,
  propertyKey,
  stringLiteral,
  environmentFile,
  runtimeFile,
  sentContent,
  type Doc,
  scalarRevival,
  trimBoth,
} from "../toolkit.js";
import type { Endpoint } from "../../model/types.js";
import type { EmitContext, GeneratedFile, OptionValues } from "../artifact.js";
import type { MCP_OPTIONS } from "./options.js";
import { KEYWORDS, ToolSchemas } from "./json-schema.js";
import { keyPlaces, toolSpec } from "./tool.js";

/** The runtime files, templates/mcp/'s but environment.ts, copied as they are (the user's copy first). */
const RUNTIME_FILES = readdirSync(join(DEFAULT_TEMPLATES_DIR, "mcp"))
  .filter((name) => name.endsWith(".ts") && name !== "environment.ts")
  .sort();

/** `mcp/`: the runtime files, and `mcp/tools.ts`, the one made from the description. */
export function emitMcp(context: EmitContext<McpOptions>): GeneratedFile[] {
  const { model, options, paths, imports, templatesDir } = context;
  const folder = paths["mcp"] ?? "mcp";
  const clientFolder = paths["client"] ?? "client";
  const clientFile = `${clientFolder}/index.ts`;
  const file = `${folder}/tools.ts`;
  const collector = imports(file);
  collector.add(`${folder}/runtime.ts`, "ToolSpec", { type: true });
  collector.add(`${folder}/schema.ts`, "JsonSchema", { type: true });
  collector.add(`${folder}/schema.ts`, "SchemaKeywords", { type: true });
  collector.add(`${folder}/scalars.ts`, "McpScalars", { type: true });
  collector.add(`${folder}/secrets.ts`, "KeyPlace", { type: true });
  // the client has scalar-plans.ts exactly when some endpoint holds a Date or a bigint
  const revives = scalarRevival(model) !== undefined;
  if (revives) {
    collector.add(`${clientFolder}/scalar-plans.ts`, "PLANS");
    collector.add(`${clientFolder}/scalars.ts`, "operationCodec");
  }
  // the client as the run places it, re-exported for the runtime files (which import ./tools.js)
  collector.add(clientFile, "createClient");
  for (const name of ["ApiResult", "ClientAuth", "ClientOptions"])
    collector.add(clientFile, name, { type: true });
  const schemas = new ToolSchemas(model.schemas, model.scalars);
  const tools = chosenEndpoints(context).map((endpoint) =>
    toolSpec(model, endpoint, schemas),
  );
  if (tools.length > 0) collector.add(`${folder}/runtime.ts`, "tool");
  const auto = tools.length > options.maxTools ? "dynamic" : "tools";
  const mode = options.mode === "auto" ? auto : options.mode;
  const title = model.info.title.trim() || "API";
  const api = {
    // for MCP clients: the title in lower case, words joined by `-`
    name:
      trimBoth(title.toLowerCase().replace(/[^a-z0-9]+/g, "-"), "-") || "api",
    title,
    version: model.info.version || "0.0.0",
  };
  const { values, ...keywords } = KEYWORDS;
  const constant = (head: string, value: unknown) =>
    print([`export const ${head} = `, jsonDoc(value), ";"]);
  // a line at a time, and the two long literals a member at a time: not one tree of the document
  const text = [
    "export { createClient };",
    "export type { ApiResult, ClientAuth, ClientOptions };",
    "",
    "/** The API, as the MCP server introduces itself. */",
    constant("API: { name: string; title: string; version: string }", api),
    "",
    `/** The tools by default: ${mode === "dynamic" ? `three (list, describe, call), as the ${tools.length} endpoints are more than ${options.maxTools}` : "one per endpoint"}. */`,
    `export const MODE: "tools" | "dynamic" = ${stringLiteral(mode)};`,
    "",
    "/** The client's plans of Dates and bigints (config dates, int64), which the tools convert by. */",
    revives
      ? "export const SCALARS: McpScalars | undefined = {\n  plans: PLANS,\n  codec: (name) => operationCodec(PLANS, name),\n};"
      : "export const SCALARS: McpScalars | undefined = undefined;",
    "",
    "/** Where the API-key schemes send their keys: a request's values there are credentials (secrets.ts). */",
    constant("KEY_PLACES: readonly KeyPlace[]", [...keyPlaces(model).values()]),
    "",
    "/** What the keywords of the tools' schemas hold, as apiloom writes them (schema.ts walks by it). */",
    constant("KEYWORDS: SchemaKeywords", keywords),
    "",
    "/** One tool per endpoint chosen; `#/$defs/<name>` refers to DEFS. */",
    // each through tool(): an array of 1,000 object literals is a union tsc cannot represent
    listed("export const TOOLS: readonly ToolSpec[] = [", "];", tools, (t) => [
      "tool(",
      jsonDoc(t),
      ")",
    ]),
    "",
    "/** The named schemas the tools' schemas refer to. */",
    listed(
      "export const DEFS: Readonly<Record<string, JsonSchema>> = {",
      "};",
      Object.entries(schemas.defs()),
      ([name, schema]) => [propertyKey(name), ": ", jsonDoc(schema)],
    ),
  ].join("\n");
  const files: GeneratedFile[] = [
    {
      path: file,
      contents: [
        "// Generated by apiloom from the API description: rewritten on every run, do not edit.\n",
        collector.text(),
        `${text}\n`,
      ].join("\n"),
      skipTypecheck: true,
    },
    ...RUNTIME_FILES.map((name) =>
      runtimeFile("mcp", name, templatesDir, `${folder}/${name}`),
    ),
  ];
  // checked: what the runtime files need of the project's tsconfig, and the SDK they import
  files.push(
    environmentFile("mcp", files, templatesDir, `${folder}/environment.ts`),
  );
  return files;
}

/** `head`, each member on its lines (indented, a comma after it), then `tail`: a broken literal. */
function listed<T>(
  head: string,
  tail: string,
  members: readonly T[],
  doc: (member: T) => Doc,
): string {
  if (members.length === 0) return `${head}${tail}`;
  const lines = members.map((m) =>
    print(indent([hardline, doc(m), ","])).slice(1),
  );
  return [head, ...lines, tail].join("\n");
}

type McpOptions = OptionValues<typeof MCP_OPTIONS>;

/** The longest tool name every MCP client takes (some refuse longer ones). */
const TOOL_NAME_LENGTH = 64;

/**
 * The endpoints that match every filter given (`tags`, `names`, `methods`). A tag or name the API
 * lacks, or an empty selection, is an `mcp/selection` error: the server would silently lack tools.
 */
function chosenEndpoints(context: EmitContext<McpOptions>): Endpoint[] {
  const { model, reporter, options } = context;
  const tags = new Set(options.tags);
  const names = new Set(options.names);
  const methods = new Set(options.methods.map((m) => m.toLowerCase()));
  // the standard methods, and those of the description's additional operations (OpenAPI 3.2)
  const allowed = new Set<string>([
    ...HTTP_METHODS,
    ...model.endpoints.map((e) => e.method.toLowerCase()),
  ]);
  const known = new Set(model.endpoints.flatMap((e) => e.tags));
  const named = new Set(
    model.endpoints.flatMap((e) => [e.name, endpointKey(e)]),
  );
  const checks: [string, Set<string>, Set<string>, string][] = [
    ["methods", methods, allowed, "which is no HTTP method"],
    ["tags", tags, known, "which no endpoint has"],
    ["names", names, named, `which is no endpoint's name nor "METHOD /path"`],
  ];
  for (const [option, given, valid, why] of checks)
    for (const value of given)
      if (!valid.has(value))
        reporter.report(
          "mcp/selection",
          `mcp.${option} names ${JSON.stringify(value)}, ${why}`,
          fileStart(`mcp.${option}`),
        );
  const chosen = model.endpoints.filter(
    (e) =>
      (tags.size === 0 || e.tags.some((t) => tags.has(t))) &&
      (names.size === 0 || names.has(e.name) || names.has(endpointKey(e))) &&
      (methods.size === 0 || methods.has(e.method.toLowerCase())),
  );
  if (chosen.length === 0 && model.endpoints.length > 0)
    reporter.report(
      "mcp/selection",
      "mcp.tags, mcp.names and mcp.methods together choose no endpoint: the MCP server has no tool",
      fileStart(
        `mcp.${tags.size > 0 ? "tags" : names.size > 0 ? "names" : "methods"}`,
      ),
    );
  for (const e of chosen)
    if (e.name.length > TOOL_NAME_LENGTH && e.sources[0])
      reporter.report(
        "mcp/long-tool-name",
        `the tool ${e.name} has a name of ${e.name.length} characters, more than the ${TOOL_NAME_LENGTH} some MCP clients take`,
        e.sources[0],
      );
  return chosen.filter((e) => {
    // a multipart body without fields is a FormData its caller fills: no JSON argument makes one;
    // fetch sends no GET or HEAD body, so a required one would fail every call (an optional one
    // is left out of the input, tool.ts)
    const sent = sentContent(e.requestBody?.content ?? [])[0];
    const unsent = e.requestBody?.required === true && !fetchSendsBody(e);
    if (!unsent && (!sent || fieldlessForm(sent, model.schemas) !== "FormData"))
      return true;
    reporter.report(
      "mcp/body-not-sent",
      `${e.name} takes ${unsent ? `a required body with ${e.method.toUpperCase()}, which fetch does not send` : "a multipart/form-data body whose schema admits no object, which names no fields to send"}: it is no tool`,
      e.requestBody!.sources[0] ?? e.sources[0] ?? fileStart(""),
    );
    return false;
  });
}
