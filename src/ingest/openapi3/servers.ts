import type { Server, ServerVariable } from "../../model/types.js";
import { scalarText } from "../openapi-common/info.js";
import {
  child,
  elements,
  isRecordNode,
  members,
  sourceOf,
  stringAt,
  type Node,
  type RecordNode,
} from "../openapi-common/node.js";
import type { SpecReading } from "../openapi-common/reading.js";
import { setOwn } from "../../model/own-property.js";

/** §4.8.5 Server Objects. URLs stay as written, relative ones included. */
export function readServers(reading: SpecReading, list: Node): Server[] {
  if (list.value === undefined) return [];
  if (!Array.isArray(list.value)) {
    reading.reporter.report(
      "openapi3/invalid-servers",
      "`servers` must be a list; it is ignored",
      sourceOf(list),
    );
    return [];
  }
  const servers: Server[] = [];
  for (const entry of elements(list)) {
    const url = isRecordNode(entry) ? stringAt(entry, "url") : undefined;
    if (url === undefined) {
      reading.reporter.report(
        "openapi3/invalid-server",
        "a server without a `url` is skipped",
        sourceOf(entry),
      );
      continue;
    }
    const server: Server = { url, sources: [sourceOf(entry)] };
    const node = entry as RecordNode;
    const description = stringAt(node, "description");
    if (description !== undefined) server.description = description;
    const variables = readVariables(reading, node, url);
    if (variables) server.variables = variables;
    servers.push(server);
  }
  return servers;
}

function readVariables(
  reading: SpecReading,
  server: RecordNode,
  url: string,
): Record<string, ServerVariable> | undefined {
  const declared = members(child(server, "variables"));
  const variables: Record<string, ServerVariable> = {};
  for (const [name, node] of declared) {
    if (!isRecordNode(node)) {
      reading.reporter.report(
        "openapi3/invalid-server-variable",
        `server variable ${JSON.stringify(name)} must be an object; it is skipped`,
        sourceOf(node),
      );
      continue;
    }
    const values = Array.isArray(node.value.enum)
      ? node.value.enum
          .map(scalarText)
          .filter((v): v is string => v !== undefined)
      : undefined;
    let fallback = scalarText(node.value.default);
    if (fallback === undefined) {
      fallback = values?.[0] ?? "";
      reading.reporter.report(
        "openapi3/server-variable-without-default",
        `server variable ${JSON.stringify(name)} has no default; ${JSON.stringify(fallback)} is used`,
        sourceOf(node),
      );
    }
    const variable: ServerVariable = { default: fallback };
    if (values && values.length > 0) variable.enum = values;
    const description = stringAt(node, "description");
    if (description !== undefined) variable.description = description;
    setOwn(variables, name, variable);
  }
  for (const match of url.matchAll(/\{([^{}]+)\}/g))
    if (!Object.hasOwn(variables, match[1]!))
      reading.reporter.report(
        "openapi3/undeclared-server-variable",
        `server URL ${JSON.stringify(url)} uses {${match[1]}}, which is not among its variables`,
        sourceOf(child(server, "url")),
      );
  return declared.length > 0 ? variables : undefined;
}
