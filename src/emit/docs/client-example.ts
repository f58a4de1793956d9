import type { ApiModel, Endpoint, Parameter } from "../../model/types.js";
import {
  conditionalGroup,
  type Doc,
  group,
  indent,
  line,
  print,
  softline,
} from "../shared/doc.js";
import { propertyKey, stringLiteral } from "../shared/literals.js";
import { items } from "../shared/statements.js";
import { sentContent } from "../shared/media-types.js";
import { BINARY, bodySample, fitsType, sampleValue } from "./sample.js";

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
  const headers = pick(endpoint.parameters.header, false);
  if (path.length > 0) groups.push(["path", new Map(path)]);
  if (query.length > 0) groups.push(["query", new Map(query)]);
  if (headers.length > 0) groups.push(["headers", new Map(headers)]);
  // the media type the client sends, the one the body's type describes
  const media = sentContent(endpoint.requestBody?.content ?? [])[0];
  // the spec's own body examples often break its schema; the sample follows the types
  if (endpoint.requestBody)
    groups.push(["body", bodySample(media, model.schemas, TYPED)]);
  return layoutCall(
    `await client.${endpoint.name}(`,
    groups.length > 0 ? valueDoc(new Map(groups)) : undefined,
  );
}

/**
 * `const result = await client.name(args);` broken the way prettier breaks it: the object
 * argument (always expanded) hugs the parentheses when `({` still fits on the line, else goes
 * on a line of its own; the call moves below `const result =` when even `call(` does not fit
 * after it.
 */
function layoutCall(call: string, args: Doc | undefined): string {
  const head = "const result =";
  if (args === undefined)
    return print([head, group(indent([line, `${call})`])), ";"]);
  const ownLine = [call, indent([softline, args, ","]), softline, ")"];
  const hugged = conditionalGroup([[call, args, ")"], ownLine]);
  return print([
    head,
    conditionalGroup([
      [" ", hugged],
      [" ", group(ownLine, true)],
      indent([line, hugged]),
    ]),
    ";",
  ]);
}

const TYPED = { examples: "typed" } as const;

function paramSample(p: Parameter, model: ApiModel): unknown {
  if (p.example !== undefined && fitsType(p.example, p.schema))
    return p.example;
  const value = sampleValue(p.schema, model.schemas, TYPED);
  return value === "string" ? p.name : value;
}

/**
 * A TypeScript literal, laid out as prettier lays out an object written on several lines:
 * objects stay expanded, arrays of plain values go on one line when they fit.
 */
function valueDoc(value: unknown): Doc {
  if (value instanceof Map) return objectDoc([...value.entries()]);
  if (value === BINARY) return 'new Blob(["…"])';
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return group(["[", items(value.map(valueDoc)), "]"], !value.every(isFlat));
  }
  if (typeof value === "object" && value !== null)
    return objectDoc(Object.entries(value));
  if (typeof value === "string") return stringLiteral(value);
  if (value === undefined) return "undefined";
  return (JSON.stringify(value) ?? "undefined").replace("e+", "e");
}

function objectDoc(entries: [string, unknown][]): Doc {
  if (entries.length === 0) return "{}";
  const members = entries.map(([key, v]): Doc => {
    const name = propertyKey(key);
    // prettier puts a string that passes 80 columns on its own line, unless the key is short
    if (typeof v === "string" && name.length >= 5)
      return group([`${name}:`, indent([line, stringLiteral(v)])]);
    return [`${name}: `, valueDoc(v)];
  });
  return group(["{", items(members, { spaced: true }), "}"], true);
}

/** Plain values and empty containers: what prettier can keep on one line inside an array. */
function isFlat(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (value === BINARY) return true;
  if (typeof value === "object" && value !== null)
    return Object.keys(value).length === 0;
  return typeof value !== "function";
}
