import { endpointKey, HTTP_METHODS } from "../toolkit.js";
import type { Endpoint } from "../../model/types.js";
import type { EmitContext } from "../artifact.js";

/** The mcp plugin's options, as its `emit` receives them. */
export interface McpOptions {
  readonly tags: readonly string[];
  readonly names: readonly string[];
  readonly methods: readonly string[];
  readonly mode: string;
  readonly maxTools: number;
}

/** The longest tool name every MCP client takes (some refuse longer ones). */
export const TOOL_NAME_LENGTH = 64;

/**
 * The endpoints that become tools: those matching every filter given (a tag of `tags`, a name
 * or `METHOD /path` key of `names`, a method of `methods`). A tag or name the API does not have,
 * or a selection left empty, is an `mcp/selection` error: the server would silently lack tools.
 */
export function chosenEndpoints(
  { model, reporter }: Pick<EmitContext, "model" | "reporter">,
  options: McpOptions,
): Endpoint[] {
  const setting = (name: string) => ({
    file: `mcp.${name}`,
    line: 1,
    column: 1,
  });
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
          setting(option),
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
      setting(tags.size > 0 ? "tags" : names.size > 0 ? "names" : "methods"),
    );
  for (const e of chosen)
    if (e.name.length > TOOL_NAME_LENGTH && e.sources[0])
      reporter.report(
        "mcp/long-tool-name",
        `the tool ${e.name} has a name of ${e.name.length} characters, more than the ${TOOL_NAME_LENGTH} some MCP clients take`,
        e.sources[0],
      );
  return chosen;
}

/** `"tools"` or `"dynamic"`: `auto` is dynamic past `maxTools` tools. */
export function toolMode(
  options: McpOptions,
  tools: number,
): "tools" | "dynamic" {
  if (options.mode === "tools" || options.mode === "dynamic")
    return options.mode;
  return tools > options.maxTools ? "dynamic" : "tools";
}
