import { decodeText, type Path } from "../../model/pointer.js";
import {
  addParameter,
  createEndpoint,
  createParameter,
  emptyParameters,
} from "../../model/factories.js";
import {
  type Endpoint,
  type EndpointParameters,
  isStandardMethod,
  type ParameterLocation,
  type SecurityRequirement,
  type Server,
  type ServerVariable,
  type SourceRef,
} from "../../model/types.js";
import { isRecord, uriScheme, valueAt } from "../reader.js";
import { readBody } from "./body.js";
import type { PostmanContext } from "./context.js";
import { descriptionText, type KeyValue, type TextPart } from "./fields.js";
import { readHeaders } from "./headers.js";
import { readResponses } from "./responses.js";
import { exampleValue, readUrl, type RequestUrl } from "./url.js";
import { unresolvedNames } from "./variables.js";
import { pathVariables } from "../../model/path-template.js";
import { setOwn } from "../../model/own-property.js";
import { trimTrailing } from "../../model/linear-text.js";
import { type AuthBlock, authFromHeader, readAuth } from "./auth.js";
import { typedPlaceholder } from "./typed-placeholder.js";

/** What a request inherits from the folders around it. */
export interface RequestScope {
  /** Auth blocks of the enclosing folders, innermost first, the collection's last. */
  auth: AuthLink[];
  /** Name of the innermost folder: the endpoint's tag. */
  folder?: string;
}

/** One Postman request item as an endpoint; undefined (with a diagnostic) when it cannot be one. */
export function readRequest(
  item: Record<string, unknown>,
  at: Path,
  scope: RequestScope,
  pc: PostmanContext,
): Endpoint | undefined {
  // 2.0 allows a bare URL string for a GET request
  const request =
    typeof item.request === "string" ? { url: item.request } : item.request;
  const requestAt: Path = [...at, "request"];
  if (!isRecord(request)) {
    pc.reporter.report(
      "postman/invalid-item",
      "the request is not an object; it is skipped",
      pc.ref(requestAt),
    );
    return undefined;
  }
  const method = readMethod(request.method, [...requestAt, "method"], pc);
  if (method === undefined) return undefined;

  const url = readUrl(request.url, [...requestAt, "url"]);
  const { path, server } = readLocation(url, requestAt, pc);

  const headers = readHeaders(request, requestAt, pc);
  const endpoint = createEndpoint({
    method,
    path,
    source: pc.ref(at),
    parameters: readParameters(url, path, headers, pc),
    responses: readResponses(item, at, headers.accept, pc),
  });
  if (server) endpoint.servers = [server];
  const body = readBody(
    request.body,
    [...requestAt, "body"],
    headers.contentType,
    pc,
  );
  // Postman drops the body of a GET or HEAD request unless the item opts out of "body pruning"
  const pruned =
    (method === "get" || method === "head") &&
    valueAt(item, ["protocolProfileBehavior", "disableBodyPruning"]) !== true;
  if (body && !("content" in body)) endpoint.bodySignals = [body];
  else if (body && pruned)
    pc.reporter.report(
      "postman/pruned-body",
      `Postman does not send a body with ${method.toUpperCase()} unless protocolProfileBehavior.disableBodyPruning is set; the body is left out`,
      pc.ref([...requestAt, "body"]),
    );
  else if (body) endpoint.requestBody = body;

  const name = typeof item.name === "string" ? item.name.trim() : "";
  if (name !== "") {
    endpoint.nameCandidates.push({
      kind: "requestName",
      value: name,
      source: endpoint.sources[0]!,
    });
    endpoint.summary = name;
  }
  const description =
    descriptionText(request.description) ?? descriptionText(item.description);
  if (description !== undefined) endpoint.description = description;
  if (scope.folder !== undefined) endpoint.tags.push(scope.folder);

  const security = requestSecurity(
    [{ value: request.auth, at: [...requestAt, "auth"] }, ...scope.auth],
    headers.authorization,
    pc,
  );
  if (security !== undefined) endpoint.security = security;
  return endpoint;
}

function readMethod(value: unknown, at: Path, pc: PostmanContext) {
  // Postman sends GET when a request names no method
  if (value === undefined || value === null || value === "") return "get";
  const method = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (isStandardMethod(method)) return method;
  pc.reporter.report(
    "postman/unsupported-method",
    `OpenAPI cannot describe the method ${JSON.stringify(value)}; the request is skipped`,
    pc.ref(at),
  );
  return undefined;
}

/**
 * Where a request goes: its server (protocol and host, its own object) and its path template
 * (`/` without a URL). Each unresolved variable is reported once per collection, at its first use.
 */
function readLocation(
  url: RequestUrl | undefined,
  requestAt: Path,
  pc: PostmanContext,
): { path: string; server?: Server } {
  const { variables } = pc;
  const at = url?.at ?? requestAt;
  const unresolved = (subject: string, message: string) =>
    pc.reporter
      .once(subject)
      .report("postman/unresolved-variable", message, pc.ref(at));
  let server: Server | undefined;
  if (url !== undefined) {
    // the protocol may be a variable too (`{{protocol}}`): substituted with the host
    const hostParts = variables.substitute(
      url.protocol && url.host ? `${url.protocol}://${url.host}` : url.host,
    );
    server = serverOf(hostParts, pc.ref(at));
    if (server)
      for (const name of unresolvedNames(hostParts))
        unresolved(
          `host:${name}`,
          `{{${name}}} in the URL host has no value in the collection's variables; the server URL gets the variable {${name}} (default empty)`,
        );
  }
  // a `{{var}}` in the path is a parameter (an id a script sets, an importer's `{{name}}:cancel`),
  // but for a value no parameter can hold: a prefix (`api/v2`), literal text (its `{` as `%7B`)
  const pathParts = variables.substitute(url?.path ?? "", (value) =>
    value.includes("/")
      ? value.replace(/[{}]/g, encodeURIComponent)
      : undefined,
  );
  for (const name of unresolvedNames(pathParts))
    if (!variables.valueOf(name))
      unresolved(
        `path:${name}`,
        `{{${name}}} in the URL path has no value in the collection's variables (or an empty one); it becomes the path parameter {${name}}`,
      );
  const path = buildPathTemplate(pathParts);
  return { path: url?.fragment ? `${path}#${url.fragment}` : path, server };
}

/** An `auth` block and where it is; a request's chain runs from itself out to the collection. */
export interface AuthLink {
  value: unknown;
  at: Path;
}

/**
 * A request's effective security: the first auth block up the chain that is not `inherit` (`noauth`
 * stops the search); else an Authorization header gives an inferred scheme (Postman sends it even
 * under `noauth`). Undefined when the collection says nothing about auth for this request.
 */
function requestSecurity(
  chain: readonly AuthLink[],
  authorization: KeyValue | undefined,
  pc: PostmanContext,
): SecurityRequirement[] | undefined {
  let block: AuthBlock = { kind: "inherit" };
  for (const link of chain) {
    block = readAuth(link.value, pc.variables);
    if (block.kind === "scheme") {
      const name = pc.schemes.add(block, false, () => pc.ref(link.at));
      // an inherited block is met once per request: said again, the same diagnostic is kept once
      if (block.note)
        pc.reporter.report(
          "postman/api-key-location",
          block.note.message,
          pc.ref([...link.at, ...block.note.at]),
        );
      for (const variable of block.unresolved)
        pc.reporter.report(
          "postman/unresolved-variable",
          `the OAuth 2 URL uses {{${variable}}}, which no collection variable defines; the URL is left out`,
          pc.ref(link.at),
        );
      return [{ [name]: block.scopes }];
    }
    if (block.kind === "skipped")
      pc.reporter.report(
        block.code,
        block.message,
        pc.ref([...link.at, ...(block.at ?? [])]),
      );
    if (block.kind !== "inherit") break;
  }
  if (authorization !== undefined) {
    const inferred = authFromHeader(authorization.value ?? "");
    const name = pc.schemes.add(inferred, true, () => pc.ref(authorization.at));
    return [{ [name]: [] }];
  }
  return block.kind === "none" ? [] : undefined;
}

/**
 * Path, query, header and cookie parameters, all text unless the value is a typed stand-in
 * (`<integer>`). Disabled entries are kept (they say what the API accepts); a name's first wins.
 */
function readParameters(
  url: RequestUrl | undefined,
  path: string,
  headers: { parameters: readonly KeyValue[]; cookies: readonly KeyValue[] },
  pc: PostmanContext,
): EndpointParameters {
  const parameters = emptyParameters();
  const add = (
    location: ParameterLocation,
    entry: KeyValue | undefined,
    name = entry!.key,
    at = entry!.at,
  ) => {
    const result = createParameter({
      name,
      in: location,
      source: pc.ref(at),
      schema: typedPlaceholder(entry?.value) ?? { type: "string" },
    });
    if (entry?.description !== undefined)
      result.description = entry.description;
    const example = exampleValue(entry?.value);
    if (example !== undefined)
      result.example =
        location === "path" || location === "query"
          ? decodeText(example, location === "query")
          : example;
    addParameter(parameters, result);
  };
  for (const name of new Set(pathVariables(path))) {
    const entry = url?.variables.find((v) => v.key === name);
    add("path", entry, name, entry?.at ?? url?.at ?? []);
  }
  // a name is sent with its variables written in (`?{{key}}=v`), as Postman sends it
  for (const entry of url?.query ?? []) {
    const name = pc.variables.written(entry.key);
    if (!parameters.query.some((p) => p.name === name))
      add("query", entry, name);
  }
  for (const entry of headers.parameters) add("header", entry);
  for (const entry of headers.cookies) add("cookie", entry);
  return parameters;
}

/**
 * The server of a request from its protocol and host (variables substituted); an unresolved
 * `{{var}}` becomes a `{var}` server variable (default ""). Without a scheme, a host starting with
 * a variable is taken as written (it usually holds the scheme), as is a path (`/api`); any other
 * gets Postman's `http://`.
 */
function serverOf(
  host: readonly TextPart[],
  source: SourceRef,
): Server | undefined {
  const variables: Record<string, ServerVariable> = {};
  for (const name of unresolvedNames(host))
    setOwn(variables, name, { default: "" });
  let text = host
    .map((part) => ("text" in part ? part.text : `{${part.variable}}`))
    .join("");
  text = trimTrailing(text.trim(), "/");
  if (text === "") return undefined;
  // a host variable's value `/api` is a path on the API's own origin, as `servers: [{url: /api}]`
  const kept = /^\/(?!\/)/.test(text) || uriScheme(text)?.endsWith("//");
  if (!(host[0] && "variable" in host[0]) && !kept)
    text = `http://${text.replace(/^\/\//, "")}`;
  return Object.keys(variables).length > 0
    ? { url: text, variables, sources: [source] }
    : { url: text, sources: [source] };
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * The model's path template (`/…{name}…`) of a Postman path (variables substituted): `:name`,
 * `{{name}}` with no value, `<name>` and `{name}` are its variables. A `:name` ends at the first
 * `.` (`:id.json` → `{id}.json`); a colon elsewhere is literal (`chat:bot:messages`). A trailing
 * slash is kept: `/site/` and `/site` are different resources to some servers.
 */
export function buildPathTemplate(parts: readonly TextPart[]): string {
  // NUL marks unresolved variables: no usable URL path holds one.
  let text = "";
  for (const part of parts)
    text +=
      "text" in part
        ? part.text
        : `\u0000${part.variable.replace(/\//g, "_")}\u0000`;
  const segments = text.split("/").filter((s) => s !== "");
  const out = segments.map((segment) => {
    // `(.*)$` fails only on a line terminator, after which the name's every length would be
    // tried again: such a segment is no `:name` (as the expression alone says), asked first
    const colon = LINE_BREAK.test(segment)
      ? null
      : /^:([^.{}\u0000]+)(.*)$/.exec(segment);
    if (colon) return `{${colon[1]!}}` + literal(colon[2]!);
    const angle = /^<([^<>{}\u0000]+)>$/.exec(segment);
    return angle ? `{${angle[1]!}}` : literal(segment);
  });
  const trailing = text.endsWith("/") && segments.length > 0 ? "/" : "";
  return "/" + out.join("/") + trailing;
}

/** Literal segment text: unresolved markers become variables, `{name}`s stay variables, the rest is encoded. */
function literal(text: string): string {
  let out = "";
  const pattern = /\u0000([^\u0000]*)\u0000|\{([^{}\u0000]+)\}/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    out += encodeLiteral(text.slice(last, match.index));
    out += `{${match[1] ?? match[2]!}}`;
    last = match.index + match[0].length;
  }
  return out + encodeLiteral(text.slice(last));
}

/**
 * Percent-encodes what may not stand in a URL path segment (RFC 3986 §3.3 pchar): spaces,
 * stray braces, non-ASCII. Existing `%XX` escapes are kept as written.
 */
function encodeLiteral(text: string): string {
  return text.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@%]/gu, (ch) => {
    try {
      return encodeURIComponent(ch);
    } catch {
      return ""; // a lone surrogate is not text
    }
  });
}
