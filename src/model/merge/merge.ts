import { freeName } from "../identifiers.js";
import { mergeInfo } from "./info.js";
import { canonicalJson, compareCodeUnits } from "../order.js";
import { assignOwn, setOwn } from "../own-property.js";
import { placeText } from "../diagnostics/source-place.js";
import { schemaRef, schemaRefName } from "../schema/ref.js";
import { sameSchema } from "../schema/schema.js";
import { DOCUMENTATION_KEYWORDS } from "../schema/walk.js";
import { mergeEndpoint } from "./merge-endpoint.js";
import {
  filledServerUrl,
  serverWithoutCredentials,
  withoutUserInfo,
} from "../source-url.js";
import { pathShape } from "../path-template.js";
import type { ModelReporter } from "../diagnostics/codes.js";
import {
  compareSources,
  documentRank,
  FORMAT_RANK,
  isPreferred,
  pickWinner,
  type EndpointOffer,
} from "./rank.js";
import type {
  ApiDescription,
  DocumentModel,
  NamedSchema,
  Schema,
  SecurityScheme,
  Server,
  Tag,
} from "../types.js";
import { mergeWebhooks } from "./webhooks.js";
import { trimTrailing } from "../linear-text.js";
import { grouped, joined } from "../lists.js";

type RankOf = (doc: DocumentModel) => number;

/** `prefer`: files or folders whose facts win disagreements (rule 0 of rank.ts). */
export function mergeDocuments(
  input: readonly DocumentModel[],
  reporter: ModelReporter,
  prefer: readonly string[] = [],
): ApiDescription {
  const rankOf: RankOf = (doc) => documentRank(doc.file, doc.format, prefer);
  const preferred = (doc: DocumentModel) => isPreferred(doc.file, prefer);
  // the documents in a canonical order, so no result depends on the order inputs were given in
  const first = (d: DocumentModel) => d.endpoints[0]?.sources[0];
  const ordered = onDeclaredSchemes(input).sort(
    (a, b) =>
      compareCodeUnits(a.file, b.file) ||
      compareCodeUnits(first(a)?.pointer ?? "", first(b)?.pointer ?? "") ||
      FORMAT_RANK[b.format] - FORMAT_RANK[a.format],
  );
  const { schemas, documents } = mergeSchemas(ordered, reporter, rankOf);
  const offers = documents.flatMap((doc) =>
    doc.endpoints.map((endpoint) => ({
      endpoint,
      rank: rankOf(doc),
      guessesTypes: fromPostman(doc),
      schemas,
    })),
  );
  const groups = grouped(withFragments(offers), ({ endpoint: e }) =>
    routeKey(e.method, e.path),
  );
  const endpoints = [...groups.values()].map((offers) =>
    mergeEndpoint(offers, reporter),
  );
  const webhooks = mergeWebhooks(documents, rankOf, reporter);
  return {
    info: mergeInfo(documents, endpoints, rankOf, preferred),
    servers: mergeServers(documents, reporter, rankOf, preferred),
    securitySchemes: mergeSecuritySchemes(documents, reporter, rankOf),
    schemas,
    tags: mergeTags(documents),
    endpoints,
    ...(webhooks ? { webhooks } : {}),
    ...documentKept(documents, rankOf),
  };
}

/** The documents' own `externalDocs` and `x-` members, a higher-ranked document's first. */
function documentKept(documents: DocumentModel[], rankOf: RankOf) {
  const byRank = [...documents].sort((a, b) => rankOf(a) - rankOf(b));
  const extensions = assignOwn({}, ...byRank.map((d) => d.extensions ?? {}));
  const externalDocs = byRank.findLast((d) => d.externalDocs)?.externalDocs;
  return {
    ...(Object.keys(extensions).length > 0 && { extensions }),
    ...(externalDocs && { externalDocs }),
  };
}

const routeKey = (method: string, path: string) =>
  `${method} ${pathShape(path)}`;

/**
 * A collection keeps a path key's fragment only where it tells its requests apart (postman/index.ts):
 * its request on a route that the other inputs tell by one fragment alone (AWS's
 * `/tags/{arn}#tagKeys`) is that endpoint, under that key. One where a declared document has the
 * route without a fragment, or its own collection tells the route by one, stays as it is.
 */
function withFragments(offers: EndpointOffer[]): EndpointOffer[] {
  const sent = ({ endpoint: e }: EndpointOffer) =>
    routeKey(e.method, e.path.split("#")[0]!);
  const hash = (o: EndpointOffer) => o.endpoint.path.split("#")[1];
  const file = (o: EndpointOffer) => o.endpoint.sources[0]?.file;
  const routes = grouped(offers, sent);
  return offers.map((o) => {
    const route = routes.get(sent(o))!;
    const [only, ...more] = new Set(route.flatMap((x) => hash(x) ?? []));
    const plain = route.some((x) =>
      hash(x) === undefined ? !x.guessesTypes : file(x) === file(o),
    );
    if (!o.guessesTypes || hash(o) !== undefined || plain || !only || more[0])
      return o;
    return {
      ...o,
      endpoint: { ...o.endpoint, path: `${o.endpoint.path}#${only}` },
    };
  });
}

/** A scheme's kind: what a client sends (`apiKey header authorization`, `http bearer`). */
const schemeKind = (s: SecurityScheme) =>
  s.type === "apiKey"
    ? `${s.type} ${s.in} ${s.in === "header" ? s.parameterName.toLowerCase() : s.parameterName}`
    : `${s.type} ${s.type === "http" ? s.scheme.toLowerCase() : ""}`;

/**
 * A collection's auth names its scheme after its kind (`bearerAuth`, `apiKeyAuth`): where the
 * other inputs declare one scheme of that kind alone, it is that scheme, under its name.
 */
function onDeclaredSchemes(input: readonly DocumentModel[]): DocumentModel[] {
  const declared = grouped(
    input
      .filter((d) => !fromPostman(d))
      .flatMap((d) => Object.values(d.securitySchemes)),
    schemeKind,
  );
  return input.map((doc) => {
    const schemes = Object.values(doc.securitySchemes);
    const sole = ([a, ...more]: SecurityScheme[]) =>
      a && more.every((m) => m.name === a.name) ? a : undefined;
    // several of its kind (Google's implicit and authorization-code OAuth 2.0): the one of its flows
    const one = (s: SecurityScheme | undefined) => {
      const all = (s && declared.get(schemeKind(s))) || [];
      return sole(all) ?? sole(all.filter((m) => flowsOf(m) === flowsOf(s!)));
    };
    if (!fromPostman(doc) || !schemes.some(one)) return doc;
    const named = (n: string) => one(doc.securitySchemes[n])?.name ?? n;
    return {
      ...doc,
      securitySchemes: Object.fromEntries(
        schemes.map((s) => [
          named(s.name),
          { ...(one(s) ?? s), sources: s.sources },
        ]),
      ),
      endpoints: doc.endpoints.map((e) => ({
        ...e,
        ...(e.security && {
          security: e.security.map((r) =>
            Object.fromEntries(
              Object.entries(r).map(([n, s]) => [named(n), s]),
            ),
          ),
        }),
      })),
    };
  });
}

const fromPostman = (doc: DocumentModel) => doc.format.startsWith("postman");

const flowsOf = (s: SecurityScheme) =>
  s.type === "oauth2" ? Object.keys(s.flows).sort().join() : "";

/** `http://api.example.com/` and `http://api.example.com` are one server. */
function normalizeServerUrl(url: string): string {
  const trimmed = withoutUserInfo(url.trim());
  return trimmed === "/" || trimmed === "" ? "/" : trimTrailing(trimmed, "/");
}

function mergeServers(
  documents: DocumentModel[],
  reporter: ModelReporter,
  rankOf: RankOf,
  preferred: (doc: DocumentModel) => boolean,
): Server[] {
  const atDeclared = declaredServers(documents);
  const byUrl = grouped(
    documents.flatMap((doc) =>
      doc.servers.map((server) => {
        // the key is the server's URL: one with a user name or password is said, and loses them
        const url = serverWithoutCredentials(server, reporter).url;
        return { doc, server, url: normalizeServerUrl(url) };
      }),
    ),
    ({ doc, url }) => atDeclared(doc, url),
  );
  const list = [...byUrl].map(([url, offers]) => {
    const { doc, server } = offers.find((o) => o.url === url) ?? offers[0]!;
    const sources = joined(offers.map((o) => o.server.sources));
    return {
      server: { ...server, url, sources: sources.sort(compareSources) },
      rank: rankOf(doc),
      preferred: preferred(doc),
    };
  });
  // a preferred input's first, then by serverClass, an http:// URL whose https:// twin is listed
  // last of its class (credentials go over TLS), format rank and place: the client's default
  const urls = new Set(list.map((s) => s.server.url));
  const plainTwin = (url: string) =>
    /^http:/i.test(url) && urls.has(url.replace(/^http:/i, "https:"));
  list.sort(
    (a, b) =>
      Number(b.preferred) - Number(a.preferred) ||
      serverClass(a.server.url) - serverClass(b.server.url) ||
      Number(plainTwin(a.server.url)) - Number(plainTwin(b.server.url)) ||
      b.rank - a.rank ||
      compareSources(a.server.sources[0]!, b.server.sources[0]!),
  );
  reportBaseUrlConflict(documents, list[0]?.server, reporter, atDeclared);
  return list.map((s) => s.server);
}

/**
 * A collection's base URL that a declared server's variables make at their defaults
 * (openapi-to-postmanv2's `{{baseUrl}}` of `https://{region}.example.io`) is that server's URL.
 */
function declaredServers(documents: readonly DocumentModel[]) {
  const made = new Map<string, string>();
  for (const doc of documents.filter((d) => !fromPostman(d)))
    for (const s of doc.servers)
      made.set(
        normalizeServerUrl(filledServerUrl(s)),
        normalizeServerUrl(s.url),
      );
  return (doc: DocumentModel, url: string) =>
    (fromPostman(doc) && made.get(url)) || url;
}

/** `merge/base-url-conflict` against the client's default `winner` (docs/inputs.md says when). */
function reportBaseUrlConflict(
  documents: readonly DocumentModel[],
  winner: Server | undefined,
  reporter: ModelReporter,
  atDeclared: (doc: DocumentModel, url: string) => string,
): void {
  if (!winner || !SCHEME.test(winner.url)) return;
  const own = winner.sources[0]!;
  // the default's input lists it, and may list another input's server too (AWS's http:// twin)
  const listed = new Set(
    documents
      .filter((d) => d.file === own.file)
      .flatMap((d) => d.servers.map((s) => normalizeServerUrl(s.url))),
  );
  const others = documents.flatMap((doc) => {
    const real = doc.servers.filter(
      (s) => serverClass(normalizeServerUrl(s.url)) === 0,
    );
    if (real.length === 0 || doc.file === own.file) return [];
    // a collection's base at a declared server's defaults is one of that input's servers
    const made = (s: Server) => atDeclared(doc, normalizeServerUrl(s.url));
    const url = (s: Server) => normalizeServerUrl(s.url);
    const agrees = (s: Server) => made(s) === winner.url || listed.has(made(s));
    if (real.some((s) => agrees(s) || made(s) !== url(s))) return [];
    return [real[0]!];
  });
  if (others.length === 0) return;
  reporter.report(
    "merge/base-url-conflict",
    `the inputs disagree on the base URL: ${own.file} says ${winner.url}, ` +
      others
        .map(
          (s) =>
            `${s.sources[0]!.file} says ${normalizeServerUrl(s.url)} (${placeText(s.sources[0]!)})`,
        )
        .join(", ") +
      `; the generated client defaults to ${winner.url}`,
    own,
    others.map((s) => s.sources[0]!),
  );
}

/** The scheme of an absolute URL, `https://`. */
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** RFC 2606 / RFC 6761 names no API is served from: a spec's placeholder. */
const PLACEHOLDER_HOST =
  /^(?:[^/]*\.)?(?:example\.(?:com|net|org)|example|invalid|test)$/i;

/** The place in docs/inputs.md's server order: 0 a real host's URL, 1 `/v2`, 2 `/`, 3 a placeholder. */
function serverClass(url: string): number {
  if (!SCHEME.test(url)) return url === "/" ? 2 : 1;
  const host = url.replace(SCHEME, "").split(/[/:?#]/)[0]!;
  return PLACEHOLDER_HOST.test(host) ? 3 : 0;
}

function mergeSecuritySchemes(
  documents: DocumentModel[],
  reporter: ModelReporter,
  rankOf: RankOf,
): Record<string, SecurityScheme> {
  const byName = grouped(
    documents.flatMap((doc) =>
      Object.values(doc.securitySchemes).map((scheme) => ({
        value: scheme,
        rank: rankOf(doc),
        source: scheme.sources[0]!,
        richness: scheme.inferred ? 0 : 1,
      })),
    ),
    (e) => e.value.name,
  );
  const out: Record<string, SecurityScheme> = {};
  for (const name of [...byName.keys()].sort(compareCodeUnits)) {
    const list = byName.get(name)!;
    const winner = pickWinner(list)!;
    const distinct = new Set(
      list.map((e) =>
        canonicalJson({
          ...e.value,
          sources: undefined,
          description: undefined,
          extensions: undefined,
        }),
      ),
    );
    if (distinct.size > 1) {
      const loser = list.find((e) => e.value !== winner.value)!;
      reporter.report(
        "merge/security-scheme-conflict",
        `security scheme '${name}' is defined differently in ${placeText(loser.source)}; using the one here`,
        winner.source,
        [loser.source],
      );
    }
    setOwn(out, name, {
      ...winner.value,
      sources: list.flatMap((e) => e.value.sources).sort(compareSources),
    });
  }
  return out;
}

function mergeTags(documents: DocumentModel[]): Tag[] {
  const byName = new Map<string, Tag>();
  for (const tag of documents.flatMap((doc) => doc.tags)) {
    const known = byName.get(tag.name);
    if (!known) byName.set(tag.name, { ...tag });
    else if ((tag.description?.length ?? 0) > (known.description?.length ?? 0))
      known.description = tag.description;
  }
  return [...byName.values()];
}

/**
 * Named schemas from every document. A name defined differently keeps both: the higher-ranked
 * keeps the name, the other is renamed (`Pet2`) and its document's references rewritten.
 */
function mergeSchemas(
  input: DocumentModel[],
  reporter: ModelReporter,
  rankOf: RankOf,
): { schemas: Record<string, NamedSchema>; documents: DocumentModel[] } {
  const documents = [...input];
  // a Map: schema names are spec text (`__proto__`, `constructor` are names like any other)
  const out = new Map<string, NamedSchema>();
  const ranked = [...documents].sort((a, b) => rankOf(b) - rankOf(a));
  for (let doc of ranked) {
    const renames = new Map<string, string>();
    const own = new Set(Object.keys(doc.schemas));
    const sides = [Object.fromEntries(out), doc.schemas] as const;
    let seen = new Map<object, Set<object>>(); // pairs proven equal, till one is not
    for (const [name, named] of Object.entries(doc.schemas)) {
      const known = out.get(name);
      if (!known) continue;
      if (sameSchema(known.schema, named.schema, sides, prose, seen)) continue;
      seen = new Map();
      const fresh = freeName(name, (n) => out.has(n) || own.has(n));
      renames.set(name, fresh);
      reporter.report(
        "merge/schema-conflict",
        `schema '${name}' differs from the one at ${placeText(known.sources[0]!)}; this one is named '${fresh}'`,
        named.sources[0]!,
        [known.sources[0]!],
      );
    }
    if (renames.size > 0) {
      const renamed: DocumentModel = {
        ...doc,
        schemas: withRenamedRefs(doc.schemas, renames),
        endpoints: withRenamedRefs(doc.endpoints, renames),
        webhooks: withRenamedRefs(doc.webhooks, renames),
      };
      documents[documents.indexOf(doc)] = renamed;
      doc = renamed;
    }
    for (const [name, named] of Object.entries(doc.schemas)) {
      const finalName = renames.get(name) ?? name;
      const known = out.get(finalName);
      if (known)
        known.sources = [...known.sources, ...named.sources].sort(
          compareSources,
        );
      else out.set(finalName, { ...named, name: finalName });
    }
  }
  // fromEntries defines each member as its own, `__proto__` too
  const sorted = [...out].sort(([a], [b]) => compareCodeUnits(a, b));
  return { schemas: Object.fromEntries(sorted), documents };
}

/**
 * The words that only document a schema: two sources that describe one schema in other words
 * (GitHub's variants link their own docs) define one schema, with the higher-ranked prose.
 */
const prose = (k: string) => k !== "default" && DOCUMENTATION_KEYWORDS.has(k);

/** `value` with its `$ref`s to renamed schemas rewritten: new objects on the way, the rest shared. */
function withRenamedRefs<T>(value: T, renames: Map<string, string>): T {
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const [key, child] of Object.entries(record)) {
    let next = child;
    if (key === "$ref" && typeof child === "string") {
      const name = schemaRefName(child);
      const renamed = name !== undefined ? renames.get(name) : undefined;
      if (renamed !== undefined) next = schemaRef(renamed);
    } else if (key !== "sources") next = withRenamedRefs(child, renames);
    if (next !== child) {
      out ??= Array.isArray(value) ? ([...value] as never) : { ...record };
      setOwn(out, key, next);
    }
  }
  return (out ?? value) as T;
}
