import type { PageShape } from "../../model/pagination.js";
import type { PluginOption } from "../artifact.js";

// The options two plugins share (`baseUrl`: client and server; `client.pages`: client and query),
// on their own, without the checks against the model (shared/declared-pages.ts): plugin
// definitions import them, and a run that skips emitting must not load the emitters.

/** The `baseUrl` option (config `baseUrl`, `--base-url`): one setting for client and server. */
export function baseUrlOption(
  help: string,
): PluginOption<string | undefined> & { readonly config: "baseUrl" } {
  return {
    type: "string",
    default: undefined,
    help,
    config: "baseUrl",
    flag: "--base-url",
    placeholder: "<url>",
    // a base URL: an absolute http(s) URL, or a path on the same origin
    problem(value) {
      if (value === undefined) return undefined;
      if (value.startsWith("/") && !value.startsWith("//")) return undefined;
      const url = URL.canParse(value) ? new URL(value) : undefined;
      if (url?.protocol === "http:" || url?.protocol === "https:")
        return undefined;
      return `${JSON.stringify(value)} is not a base URL; give an absolute http(s) URL (https://api.example.com/v1) or a path starting with / (/api)`;
    },
  };
}

/** The config's `client.pages`: a page shape by endpoint, `"GET /things": { kind: "cursor", … }`. */
export type PageDeclarations = Readonly<Record<string, PageShape>>;

/** Each kind's keys: the query parameters it names, then the body properties. */
export const PAGE_SHAPE_KEYS: Record<
  PageShape["kind"],
  { parameters: string[]; fields: string[]; optional?: string[] }
> = {
  cursor: { parameters: ["parameter"], fields: ["field"] },
  "next-url": { parameters: [], fields: ["field"] },
  link: { parameters: [], fields: [] },
  offset: { parameters: ["offset", "limit"], fields: [] },
  page: { parameters: ["page"], fields: [], optional: ["size"] },
};

/** The option `client.pages`, read by the client and the query plugins alike. */
export const pagesOption: PluginOption<PageDeclarations> & {
  readonly config: "client.pages";
} = Object.freeze({
  type: "object",
  default: Object.freeze({}),
  help: 'Page shapes by endpoint, where the description does not show them: { "GET /things": { kind: "cursor", parameter: "after", field: "next", items: "data" } }',
  config: "client.pages",
  // why `value` is not a `client.pages` object (its shape; `declaredPages` checks names)
  problem(value: unknown) {
    if (typeof value !== "object" || value === null || Array.isArray(value))
      return 'must be an object: { "GET /things": { kind: "cursor", parameter: "after", field: "next", items: "data" } }';
    for (const [key, shape] of Object.entries(value)) {
      const at = `[${JSON.stringify(key)}]`;
      if (typeof shape !== "object" || shape === null || Array.isArray(shape))
        return `${at} must be an object with a "kind"`;
      const kind = (shape as Record<string, unknown>)["kind"];
      const keys = PAGE_SHAPE_KEYS[kind as PageShape["kind"]];
      if (!Object.hasOwn(PAGE_SHAPE_KEYS, kind as string) || !keys)
        return `${at}.kind must be one of ${Object.keys(PAGE_SHAPE_KEYS)
          .map((k) => JSON.stringify(k))
          .join(", ")}, got ${JSON.stringify(kind)}`;
      const required = [...keys.parameters, ...keys.fields];
      const allowed = ["kind", "items", ...required, ...(keys.optional ?? [])];
      for (const [name, v] of Object.entries(shape)) {
        if (!allowed.includes(name))
          return `${at}: ${JSON.stringify(name)} is not a key of the ${kind} shape (keys: ${allowed.join(", ")})`;
        if (name !== "kind" && (typeof v !== "string" || v === ""))
          return `${at}.${name} must be a non-empty string`;
      }
      const missing = required.find((name) => !(name in shape));
      if (missing) return `${at}: the ${kind} shape needs "${missing}"`;
    }
    return undefined;
  },
});
