import type { ApiModel, Endpoint, Parameter } from "../../model/types.js";
import { tsString } from "../shared/escape.js";
import { isIdentifierName } from "../shared/identifiers.js";
import { sampleValue } from "./sample.js";

/** Headers the generated client sets itself (content negotiation, auth). */
const CLIENT_HEADERS = new Set(["content-type", "accept", "authorization"]);

/**
 * A call of the generated client for an endpoint: `client.<name>({ path, query, headers, body })`
 * with the required parameters and a sample body. Spec text only reaches the code as string
 * literals and quoted property names.
 */
export function clientCallExample(endpoint: Endpoint, model: ApiModel): string {
  const groups: [string, unknown][] = [];
  const pick = (list: Parameter[], all: boolean) =>
    list
      .filter((p) => all || p.required)
      .map((p) => [p.name, paramSample(p, model)] as [string, unknown]);
  const path = pick(endpoint.parameters.path, true);
  const query = pick(endpoint.parameters.query, false);
  const headers = pick(
    endpoint.parameters.header.filter(
      (p) => !CLIENT_HEADERS.has(p.name.toLowerCase()),
    ),
    false,
  );
  if (path.length > 0) groups.push(["path", new Map(path)]);
  if (query.length > 0) groups.push(["query", new Map(query)]);
  if (headers.length > 0) groups.push(["headers", new Map(headers)]);
  const media = endpoint.requestBody?.content[0];
  if (endpoint.requestBody)
    groups.push([
      "body",
      media?.examples?.find((e) => e.value !== undefined)?.value ??
        sampleValue(media?.schema, model.schemas),
    ]);
  const args = groups.length > 0 ? tsValue(new Map(groups), "") : "";
  return `const result = await client.${endpoint.name}(${args});`;
}

function paramSample(p: Parameter, model: ApiModel): unknown {
  if (p.example !== undefined) return p.example;
  const value = sampleValue(p.schema, model.schemas);
  return value === "string" ? p.name : value;
}

/** A TypeScript literal, laid out as prettier lays out an object written on several lines. */
function tsValue(value: unknown, indent: string): string {
  if (value instanceof Map) return tsObject([...value.entries()], indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    // prettier joins an array onto one line when it fits; arrays of plain values here are short
    if (value.every(isPrimitive)) {
      const inline = `[${value.map((v) => tsValue(v, indent)).join(", ")}]`;
      if (indent.length + inline.length <= 60) return inline;
    }
    const inner = indent + "  ";
    return `[\n${value.map((v) => inner + tsValue(v, inner) + ",\n").join("")}${indent}]`;
  }
  if (typeof value === "object" && value !== null)
    return tsObject(Object.entries(value), indent);
  if (typeof value === "string") return tsString(value);
  if (value === undefined) return "undefined";
  return JSON.stringify(value) ?? "undefined";
}

function tsObject(entries: [string, unknown][], indent: string): string {
  if (entries.length === 0) return "{}";
  const inner = indent + "  ";
  const lines = entries.map(
    ([key, v]) =>
      `${inner}${isIdentifierName(key) ? key : tsString(key)}: ${tsValue(v, inner)},\n`,
  );
  return `{\n${lines.join("")}${indent}}`;
}

function isPrimitive(value: unknown): boolean {
  return (
    value === null || (typeof value !== "object" && typeof value !== "function")
  );
}
