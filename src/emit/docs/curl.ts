import type {
  ApiModel,
  Endpoint,
  MediaContent,
  Parameter,
  SecurityScheme,
} from "../../model/types.js";
import {
  allProperties,
  BINARY,
  bodySample,
  isJsonMediaType,
  isMap,
  parameterWireStyle,
  resolveSchema,
  sampleValue,
  serializationOf,
  trimLineEnds,
  trimTrailing,
  uriComponent,
  wirePath,
} from "../toolkit.js";

/**
 * A `curl` command for an endpoint: required parameters with sample values, the auth of the
 * first security alternative as shell variables, and a sample body. Every piece of spec text is
 * shell-quoted, so none can end the quote and run a command.
 */
export function curlExample(
  endpoint: Endpoint,
  model: ApiModel,
  baseUrl: string,
): string {
  const args: string[] = [];
  const url: WordPart[] = [trimTrailing(baseUrl, "/")];
  // each name's first parameter, as a search of the list finds it
  const byName = new Map(
    endpoint.parameters.path.map((p) => [p.name, p] as const).reverse(),
  );
  const path = wirePath(endpoint);
  url.push(
    path.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
      const p = byName.get(name);
      return p ? onWire(p, exampleOf(p, model)).join("") : whole;
    }),
  );
  const [query, cookies]: WordPart[][][] = (["query", "cookie"] as const).map(
    (at) =>
      endpoint.parameters[at]
        .filter((p) => p.required)
        .flatMap((p) => onWire(p, exampleOf(p, model) ?? p.name))
        .map((pair) => [pair]),
  );
  const headers: WordPart[][] = endpoint.parameters.header
    .filter((p) => p.required)
    .map((p) => [`${p.name}: ${onWire(p, exampleOf(p, model) ?? p.name)}`]);

  const auth = authFor(endpoint, model.securitySchemes);
  if (auth?.kind === "header") headers.unshift(auth.parts);
  else if (auth?.kind === "query") query.push(auth.parts);
  else if (auth?.kind === "cookie") cookies.push(auth.parts);
  else if (auth?.kind === "args") args.push(...auth.args);

  const first = path.includes("?") ? "&" : "?";
  query.forEach((q, i) => url.push(i === 0 ? first : "&", ...q));
  for (const h of headers) args.push(`-H ${shellWord(h)}`);
  if (cookies.length > 0)
    args.push(
      `-b ${shellWord(cookies.flatMap((c, i) => (i === 0 ? c : ["; ", ...c])))}`,
    );
  args.push(...bodyArgs(endpoint, model));

  const urlText = url.map((p) => (typeof p === "string" ? p : "")).join("");
  const head: string[] = ["curl"];
  if (/[{}[\]]/.test(urlText)) head.push("-g"); // `{name}` placeholders are not curl URL globs
  if (endpoint.method === "head") head.push("--head");
  else if (endpoint.method !== "get" || endpoint.requestBody)
    head.push(`-X ${endpoint.method.toUpperCase()}`);
  head.push(shellWord(url));
  // Markdown formatters strip trailing blanks
  return trimLineEnds([head.join(" "), ...args].join(" \\\n  "), " \t");
}

function exampleOf(p: Parameter, model: ApiModel): unknown {
  const value =
    p.example !== undefined
      ? p.example
      : p.schema &&
          (p.schema.default !== undefined ||
            p.schema.enum !== undefined ||
            Array.isArray(p.schema.examples))
        ? sampleValue(p.schema, model.schemas)
        : undefined;
  return value ?? undefined;
}

/**
 * A parameter's sample as the generated client sends it (templates/client/serialize.ts, OpenAPI
 * 3.1 §4.8.12.4 styles, Swagger 2.0 delimiters, `content` as JSON): a query's or cookie's
 * `name=value` pairs, a path's or header's text; each piece percent-encoded but in a header.
 * An undefined sample is the path's `{name}`.
 */
export function onWire(p: Parameter, sample: unknown): string[] {
  if (sample === undefined) return [`{${p.name}}`];
  const how = parameterWireStyle(p);
  // a `content` parameter's one text goes unstyled
  const { style, explode } =
    how.contentType === undefined ? serializationOf(p) : {};
  const value =
    how.contentType === undefined ||
    (typeof sample === "string" && !isJsonMediaType(how.contentType))
      ? sample
      : JSON.stringify(sample);
  // a query member's or parameter's name is never sent reserved
  const enc = (v: unknown, dots = style === "label", names = false) => {
    const text = typeof v === "string" ? v : JSON.stringify(v);
    if (p.in === "header") return text;
    const out = uriComponent(text).replace(
      dots ? /[!'()*.]/g : /[!'()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    );
    // reserved characters as the client keeps them: in a path (members' names too) all but `?`
    // and `#`, and a `%XX`
    return how.allowReserved && (!names || p.in === "path")
      ? out.replace(
          p.in === "path"
            ? /%(25(?=[\dA-Fa-f]{2})|2[146-9A-CF]|3[ABD]|40|5[BD])/g
            : /%(3A|2F|3F|5B|5D|40|21|24|27|28|29|2A|2C|3B)/g,
          decodeURIComponent,
        )
      : out;
  };
  const key = enc(p.name, false, true);
  const d =
    how.delimiter ??
    { spaceDelimited: " ", pipeDelimited: "|" }[style as string] ??
    ",";
  const sep = d === "," || d === "|" ? d : enc(d, false);
  const members = isMap(value)
    ? Object.entries(value).filter(([, v]) => v != null)
    : undefined;
  const query = p.in === "query" || p.in === "cookie";
  // qs' (Express') nesting, as the client's deepPairs: `f[a][b]=1&f[list][0]=x`, 8 levels
  const deep = (k: string, v: unknown, depth = 0): string[] =>
    depth <= 8 && (isMap(v) || Array.isArray(v))
      ? Object.entries(v)
          .filter(([, x]) => Array.isArray(v) || x != null)
          .flatMap(([m, x]) =>
            deep(`${k}[${enc(m, false, true)}]`, x, depth + 1),
          )
      : [`${k}=${enc(v)}`];
  if (query && style === "deepObject" && (members || Array.isArray(value)))
    return deep(key, value);
  const named = query || style === "matrix" ? `${key}=` : "";
  const lead = style === "label" ? "." : style === "matrix" ? ";" : "";
  // a list's sample written as its wire text (Twitter's `ids: "2244994945,6253282"`): its items
  const listText =
    typeof value === "string" && p.schema?.type === "array" && !how.contentType;
  const items = listText ? value.split(d) : members?.flat();
  const list = Array.isArray(value) ? value : items;
  if (list === undefined) return [lead + named + enc(value)];
  if (!explode) return [lead + named + list.map((x) => enc(x)).join(sep)];
  const each = members
    ? members.map(([k, x]) => `${enc(k, undefined, true)}=${enc(x)}`)
    : list.map((x) => named + enc(x));
  if (query) return each;
  // exploded: `;id=a;id=b`, `;R=100;G=200`, `.a.b`, `a,b`, `R=100,G=200`
  if (style === "matrix") return [each.map((e) => `;${e}`).join("")];
  return [lead + each.join(lead || (members ? "," : sep))];
}

type Auth =
  | { kind: "header" | "query" | "cookie"; parts: WordPart[] }
  | { kind: "args"; args: string[] };

const tokenHeader = (word: string): Auth => ({
  kind: "header",
  parts: [`Authorization: ${word} `, { variable: "TOKEN" }],
});

function authFor(
  endpoint: Endpoint,
  schemes: Record<string, SecurityScheme>,
): Auth | undefined {
  const name = Object.keys(endpoint.security?.[0] ?? {})[0];
  if (name === undefined) return undefined;
  const scheme = schemes[name];
  if (!scheme) return tokenHeader("Bearer");
  switch (scheme.type) {
    case "oauth2":
    case "openIdConnect":
      return tokenHeader("Bearer");
    case "http": {
      const kind = scheme.scheme.toLowerCase();
      if (kind === "basic")
        return { kind: "args", args: ['-u "$USERNAME:$PASSWORD"'] };
      if (kind === "digest")
        return { kind: "args", args: ['--digest -u "$USERNAME:$PASSWORD"'] };
      return tokenHeader(kind === "bearer" ? "Bearer" : scheme.scheme);
    }
    case "apiKey": {
      const name = scheme.parameterName;
      const [kind, text] =
        scheme.in === "query"
          ? (["query", `${uriComponent(name)}=`] as const)
          : scheme.in === "cookie"
            ? (["cookie", `${name}=`] as const)
            : (["header", `${name}: `] as const);
      return { kind, parts: [text, { variable: "API_KEY" }] };
    }
  }
}

function bodyArgs(endpoint: Endpoint, model: ApiModel): string[] {
  const media = endpoint.requestBody?.content[0];
  if (!endpoint.requestBody) return [];
  if (!media) return ["--data ''"];
  const type = media.mediaType.toLowerCase();
  const value =
    media.examples?.find((e) => e.value !== undefined)?.value ??
    bodySample(media, model.schemas);
  const contentType = `-H ${shellQuote(`Content-Type: ${media.mediaType}`)}`;
  if (type.includes("json"))
    return [contentType, `--data ${shellQuote(JSON.stringify(value ?? {}))}`];
  if (type === "application/x-www-form-urlencoded")
    return typeof value === "string"
      ? [`--data ${shellQuote(value)}`]
      : fields(value, media, model.schemas).map(
          (field) => `--data-urlencode ${shellQuote(field)}`,
        );
  if (type.startsWith("multipart/"))
    return fields(value, media, model.schemas).map(
      (field) => `-F ${shellQuote(field)}`,
    );
  if (type.startsWith("text/") && typeof value === "string")
    return [contentType, `--data ${shellQuote(value)}`];
  return [contentType, "--data-binary @file"];
}

/**
 * A form's fields as the client sends them, `name=text` each: a list repeats its name (an empty
 * one, no field on the wire, shows a sample item), an object is JSON, a file curl's `@file`.
 */
function fields(
  value: unknown,
  media: MediaContent,
  schemas: ApiModel["schemas"],
): string[] {
  if (!isMap(value)) return [];
  const item = (name: string) => {
    const field = allProperties(schemas, media.schema)[name];
    return sampleValue(resolveSchema(schemas, field)?.items, schemas);
  };
  return Object.entries(value).flatMap(([k, v]) =>
    (Array.isArray(v) ? (v.length > 0 ? v : [item(k)]) : [v]).map(
      (x) =>
        `${k}=${x === BINARY ? "@file" : typeof x === "string" ? x : JSON.stringify(x)}`,
    ),
  );
}

/**
 * POSIX shell quoting. Spec text goes inside single quotes, where the shell interprets nothing;
 * a `'` in the text closes the quote, adds an escaped quote and reopens (`'it'\''s'`).
 */
function shellQuote(text: string): string {
  return "'" + text.replace(/'/g, "'\\''") + "'";
}

/** One shell word made of literal text and `$VARIABLE`s the reader sets (`'X-Key: '"$API_KEY"`). */
type WordPart = string | { variable: string };

function shellWord(parts: readonly WordPart[]): string {
  let out = "";
  let literal = "";
  for (const part of parts)
    if (typeof part === "string") literal += part;
    else {
      out += (literal && shellQuote(literal)) + `"$${part.variable}"`;
      literal = "";
    }
  return out + (literal && shellQuote(literal)) || "''";
}
