import type { Endpoint, MediaContent, Parameter } from "../../model/types.js";
import { jsdocLines } from "../shared/escape.js";
import { encodingStyle, wireStyle } from "../shared/wire-style.js";
import { headerParameters } from "../types/endpoint-types.js";
import type { EndpointTypes, TypeIndex } from "../types/index.js";
import { PRINT_WIDTH, propertyKey, stringLiteral } from "../shared/literals.js";
import { printDoc } from "../types/print.js";
import { trimBlankEnds } from "../types/schema-to-type.js";
import {
  functionHead,
  genericAlias,
  propertyLine,
  stringMatrix,
} from "./format.js";
import { scopeAlternatives, securityAlternatives } from "./security.js";

/**
 * What the endpoint template receives: the endpoint's facts for templates that want to lay
 * things out themselves, and the pieces apiloom already laid out (escaped and formatted).
 */
export interface EndpointView {
  name: string;
  method: string;
  path: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  types: EndpointTypes;
  /** Request media type of the body, if the endpoint has one. */
  mediaType?: string;
  /** Accept header value, if any response declares a media type. */
  accept?: string;
  /** Scheme-name alternatives passed to the runtime (undefined: try every scheme). */
  security?: string[][];
  /** Scopes per security alternative, for the documentation. */
  scopes: string[][];
  /** Rendered: `export type <Name>Result = ApiResult<…>;` */
  resultAlias: string;
  /** Rendered JSDoc block, newline-terminated. */
  doc: string;
  /** Rendered `export function name(…): Promise<…> {` line(s). */
  signature: string;
  /** Rendered `return send(…, {` line opening the request object. */
  callOpen: string;
  /** Rendered members of the request object passed to `send`, one per line, at 4 spaces. */
  requestLines: string[];
}

const FORM = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";

function isJson(mediaType: string): boolean {
  return /^application\/(.+\+)?json\b/i.test(mediaType);
}

/** JSON first, then the form encodings, then whatever the spec lists first. */
export function requestMediaType(content: MediaContent[]): string | undefined {
  const types = content.map((c) => c.mediaType);
  return (
    types.find(isJson) ??
    types.find((t) => t.toLowerCase().startsWith(FORM)) ??
    types.find((t) => t.toLowerCase().startsWith(MULTIPART)) ??
    types[0]
  );
}

/** Every media type the responses declare, JSON ones first, each once. */
export function acceptHeader(endpoint: Endpoint): string | undefined {
  const types = [
    ...new Set(
      endpoint.responses.flatMap((r) => r.content.map((c) => c.mediaType)),
    ),
  ];
  const ordered = [...types.filter(isJson), ...types.filter((t) => !isJson(t))];
  return ordered.length > 0 ? ordered.join(", ") : undefined;
}

export function endpointView(
  endpoint: Endpoint,
  index: TypeIndex,
  supportedSchemes: Set<string>,
  locals: { send: string; defaults: string; schemes: string },
): EndpointView {
  const types = index.endpoint(endpoint);
  const method = endpoint.method.toUpperCase();
  const mediaType = endpoint.requestBody
    ? requestMediaType(endpoint.requestBody.content)
    : undefined;
  const accept = acceptHeader(endpoint);
  const security = securityAlternatives(endpoint, supportedSchemes);
  const scopes = scopeAlternatives(endpoint);

  const lines = [
    propertyLine("method", stringLiteral(method), 4),
    propertyLine("path", stringLiteral(endpoint.path), 4, true),
  ];
  const styles = (member: string, parameters: Parameter[]) => {
    const block = stylesBlock(member, parameters);
    if (block) lines.push(block);
  };
  if (types.path) {
    lines.push(propertyLine("pathParams", "args.path", 4));
    styles("pathStyles", endpoint.parameters.path);
  }
  if (types.query) {
    lines.push(propertyLine("query", "args.query", 4));
    styles("queryStyles", endpoint.parameters.query);
  }
  if (types.headers) {
    lines.push(propertyLine("headers", "args.headers", 4));
    styles("headerStyles", headerParameters(endpoint));
  }
  if (types.cookies) {
    lines.push(propertyLine("cookies", "args.cookies", 4));
    styles("cookieStyles", endpoint.parameters.cookie);
  }
  if (types.body) {
    lines.push(propertyLine("body", "args.body", 4));
    if (mediaType) {
      lines.push(propertyLine("mediaType", stringLiteral(mediaType), 4, true));
      const encoding = encodingBlock(endpoint.requestBody!.content, mediaType);
      if (encoding) lines.push(encoding);
    }
  }
  if (accept)
    lines.push(propertyLine("accept", stringLiteral(accept), 4, true));
  if (security) lines.push(stringMatrix("security", security, 4));
  lines.push(propertyLine("operation", stringLiteral(endpoint.name), 4, true));

  // a function with nothing to send still takes `args` (one calling convention for all), named
  // `_args` so that it compiles under noUnusedParameters
  const argsName =
    types.path || types.query || types.headers || types.cookies || types.body
      ? "args"
      : "_args";
  const args = types.argsOptional
    ? `${argsName}: ${types.request} = {}`
    : `${argsName}: ${types.request}`;
  const view: EndpointView = {
    name: endpoint.name,
    method,
    path: endpoint.path,
    deprecated: endpoint.deprecated,
    types,
    scopes,
    resultAlias: genericAlias(types.result, "ApiResult", [
      types.data,
      types.error,
    ]),
    doc: printDoc(functionDoc(endpoint, method, scopes), 0),
    signature: functionHead(
      `export function ${endpoint.name}`,
      [args, "options?: CallOptions"],
      `Promise<${types.result}>`,
    ),
    callOpen: `  return ${locals.send}(${locals.defaults}, ${locals.schemes}, options, {`,
    requestLines: lines,
  };
  if (endpoint.summary) view.summary = endpoint.summary;
  if (endpoint.description) view.description = endpoint.description;
  if (mediaType) view.mediaType = mediaType;
  if (accept) view.accept = accept;
  if (security) view.security = security;
  return view;
}

/** `member: { name: { style: …, … } },` for the parameters not sent the location's default way. */
function stylesBlock(
  member: string,
  parameters: Parameter[],
): string | undefined {
  return namedStyles(
    member,
    parameters.map((p) => [p.name, wireStyle(p.in, p)]),
  );
}

function namedStyles(
  member: string,
  entries: [string, object][],
): string | undefined {
  const lines: string[] = [];
  for (const [name, style] of entries) {
    const members = Object.entries(style).map(
      ([key, value]) => `${propertyKey(key)}: ${literal(value)}`,
    );
    if (members.length === 0) continue;
    // tsc gives a member named like one of Object.prototype's (`toString`) no contextual type
    // from the Record it sits in: its strings would widen without `as const`
    const tail = name in Object.prototype ? " as const," : ",";
    const flat = `      ${propertyKey(name)}: { ${members.join(", ")} }${tail}`;
    lines.push(
      flat.length <= PRINT_WIDTH
        ? flat
        : `      ${propertyKey(name)}: {\n${members.map((m) => `        ${m},`).join("\n")}\n      }${tail}`,
    );
  }
  return lines.length === 0
    ? undefined
    : `    ${member}: {\n${lines.join("\n")}\n    },`;
}

/** A string, boolean or flat object of strings as code. */
function literal(value: unknown): string {
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "object" && value !== null)
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${propertyKey(k)}: ${literal(v)}`)
      .join(", ")} }`;
  return String(value);
}

/** The Encoding Objects of the body's media type, when it is a form. */
function encodingBlock(
  content: MediaContent[],
  mediaType: string,
): string | undefined {
  const media = content.find((c) => c.mediaType === mediaType);
  if (!media?.encoding || !isForm(mediaType)) return undefined;
  return namedStyles(
    "encoding",
    Object.entries(media.encoding).map(([name, e]) => [name, encodingStyle(e)]),
  );
}

function isForm(mediaType: string): boolean {
  const type = mediaType.toLowerCase();
  return type.startsWith(FORM) || type.startsWith(MULTIPART);
}

function functionDoc(
  endpoint: Endpoint,
  method: string,
  scopes: string[][],
): string[] {
  const paragraphs: string[][] = [];
  if (endpoint.summary?.trim())
    paragraphs.push(trimBlankEnds(jsdocLines(endpoint.summary)));
  if (endpoint.description?.trim())
    paragraphs.push(trimBlankEnds(jsdocLines(endpoint.description)));
  paragraphs.push(jsdocLines(`\`${method} ${endpoint.path}\``));
  if (scopes.length > 0)
    paragraphs.push(
      jsdocLines(
        "OAuth scopes: " +
          scopes
            .map((alt) => alt.map((s) => `\`${s}\``).join(", "))
            .join(" or ") +
          ".",
      ),
    );
  if (endpoint.deprecated) paragraphs.push(["@deprecated"]);
  return paragraphs.flatMap((p, i) => (i === 0 ? p : ["", ...p]));
}
