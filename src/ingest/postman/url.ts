import { decodeText, type Path } from "../../model/pointer.js";
import { isRecord, uriScheme } from "../reader.js";
import { type KeyValue, keyValues, scalarText } from "./fields.js";
import { hasPlaceholder } from "./variables.js";

/** A request URL split into the parts the reader uses; texts still hold their `{{var}}`s. */
export interface RequestUrl {
  protocol?: string;
  /** Host and port as written (`{{default}}`, `api.example.com:8080`); "" when the URL has none. */
  host: string;
  /** The path as written, segments joined with `/` (a Postman path element may hold several). */
  path: string;
  query: KeyValue[];
  /** `url.variable`: descriptions and values of the `:name` path variables. */
  variables: KeyValue[];
  /** `url.hash`: never sent, but it may keep requests to one URL apart (not one with a `{…}`). */
  fragment?: string;
  /** Where the URL is, for parameters that have no entry of their own. */
  at: Path;
}

/**
 * Reads a Postman URL, given as a string or as an object (`raw`, `protocol`, `host`, `port`,
 * `path`, `query`, `variable`). An object's parts win; `raw` fills in the parts it lacks.
 */
export function readUrl(url: unknown, at: Path): RequestUrl | undefined {
  if (typeof url === "string") return parseRawUrl(url, at);
  if (!isRecord(url)) return undefined;
  const raw =
    typeof url.raw === "string" ? parseRawUrl(url.raw, at) : undefined;
  if (url.host === undefined && url.path === undefined && !raw)
    return undefined;
  let host =
    url.host !== undefined ? joinParts(url.host, ".") : (raw?.host ?? "");
  const port = scalarText(url.port);
  if (url.host !== undefined && port) host += `:${port}`;
  const result: RequestUrl = {
    host,
    path: url.path !== undefined ? joinParts(url.path, "/") : (raw?.path ?? ""),
    // a key as written (`a%5B%5D`) is sent so: decoded, as raw's are
    query: Array.isArray(url.query)
      ? keyValues(url.query, [...at, "query"]).map((kv) => ({
          ...kv,
          key: decodeText(kv.key, true),
        }))
      : (raw?.query ?? []),
    variables: keyValues(url.variable, [...at, "variable"], ["key", "id"]),
    at,
  };
  const protocol =
    typeof url.protocol === "string" && url.protocol !== ""
      ? url.protocol.replace(/:\/*$/, "")
      : raw?.protocol;
  if (protocol !== undefined) result.protocol = protocol;
  const fragment = typeof url.hash === "string" ? url.hash : raw?.fragment;
  if (fragment && !/[{}]/.test(fragment)) result.fragment = fragment;
  return result;
}

/** A host or path, as a string or as its parts (2.1 allows `{type, value}` objects among them). */
function joinParts(value: unknown, separator: string): string {
  if (typeof value === "string") return value;
  if (!Array.isArray(value)) return "";
  return value
    .flatMap((part) => scalarText(isRecord(part) ? part.value : part) ?? [])
    .join(separator);
}

/** Splits a URL as Postman's parser does: protocol (`{{var}}://` too), host, path, query, hash. */
function parseRawUrl(text: string, at: Path): RequestUrl {
  const parts = /^([^#?]*)(?:\?([^#]*))?(?:#([^{}]*)$)?/s.exec(text.trim())!;
  let rest = parts[1]!;
  const result: RequestUrl = {
    host: "",
    path: "",
    query: parseQuery(parts[2] ?? "", at),
    variables: [],
    at,
    ...(parts[3] && { fragment: parts[3] }),
  };
  const scheme = uriScheme(rest) ?? /^\{\{[^{}]+\}\}:\/\//.exec(rest)?.[0];
  if (scheme?.endsWith("//")) {
    result.protocol = scheme.slice(0, -3);
    rest = rest.slice(scheme.length);
  } else if (rest.startsWith("//")) rest = rest.slice(2);
  else if (rest.startsWith("/")) {
    result.path = rest;
    return result;
  }
  const slash = rest.indexOf("/");
  result.host = slash === -1 ? rest : rest.slice(0, slash);
  result.path = slash === -1 ? "" : rest.slice(slash + 1);
  return result;
}

function parseQuery(text: string, at: Path): KeyValue[] {
  return text.split("&").flatMap((pair) => {
    const eq = pair.indexOf("=");
    const key = eq === -1 ? pair : pair.slice(0, eq);
    if (key === "") return [];
    const kv: KeyValue = {
      key: decodeText(key, true),
      disabled: false,
      at,
      raw: {},
    };
    if (eq !== -1) kv.value = pair.slice(eq + 1);
    return [kv];
  });
}

/**
 * The value as an example, or undefined for a placeholder: empty, `{}` (or `%7B%7D`, as Postman
 * exports write it), a `{{var}}` reference, or a `<name>` stand-in.
 */
export function exampleValue(value: string | undefined): string | undefined {
  const trimmed = value?.trim() ?? "";
  return /^(?:\{\}|%7b%7d|<[^<>]+>)?$/i.test(trimmed) || hasPlaceholder(trimmed)
    ? undefined
    : value;
}
