import type { ApiModel, Endpoint, MediaContent } from "../../model/types.js";
import { jsdocLines } from "../shared/escape.js";
import type { EndpointTypes, TypeIndex } from "../types/index.js";
import { stringLiteral } from "../types/literal.js";
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
  if (types.path) lines.push(propertyLine("pathParams", "args.path", 4));
  if (types.query) {
    lines.push(propertyLine("query", "args.query", 4));
    const styles = queryStyles(endpoint);
    if (styles.length > 0)
      lines.push(`    queryStyles: {\n${styles.join("\n")}\n    },`);
  }
  if (types.headers) lines.push(propertyLine("headers", "args.headers", 4));
  if (types.body) {
    lines.push(propertyLine("body", "args.body", 4));
    if (mediaType)
      lines.push(propertyLine("mediaType", stringLiteral(mediaType), 4, true));
  }
  if (accept)
    lines.push(propertyLine("accept", stringLiteral(accept), 4, true));
  if (security) lines.push(stringMatrix("security", security, 4));
  lines.push(propertyLine("operation", stringLiteral(endpoint.name), 4, true));

  const args = types.argsOptional
    ? `args: ${types.request} = {}`
    : `args: ${types.request}`;
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

/** `name: [style, explode]` for the query parameters that are not serialized as form+explode. */
function queryStyles(endpoint: Endpoint): string[] {
  const out: string[] = [];
  for (const p of endpoint.parameters.query) {
    const style = p.style ?? "form";
    const explode = p.explode ?? style === "form";
    if (style === "form" && explode) continue;
    if (
      !["form", "spaceDelimited", "pipeDelimited", "deepObject"].includes(style)
    )
      continue;
    out.push(propertyLine(p.name, `[${stringLiteral(style)}, ${explode}]`, 6));
  }
  return out;
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
