import {
  camelCase,
  freeName,
  isIdentifierName,
  isReservedWord,
} from "../identifiers.js";
import { compareCodeUnits, compareEndpoints } from "../order.js";
import { pathShape } from "../path-template.js";
import { compareSources } from "./rank.js";
import { firstOfEach, grouped } from "../lists.js";
import { fileStart } from "../diagnostics/reporter.js";
import type { ModelReporter } from "../diagnostics/codes.js";
import { placeText } from "../diagnostics/source-place.js";
import type { Endpoint, NameCandidate } from "../types.js";

/** The key names are stored under in overrides and the lock: `GET /pets/{id}`. */
export function endpointKey(endpoint: Pick<Endpoint, "method" | "path">) {
  return `${endpoint.method.toUpperCase()} ${endpoint.path}`;
}

export interface NamingOptions {
  names?: Record<string, string>;
  lockedNames?: Record<string, string>;
}

/**
 * Names the generated client declares itself at top level, and `__proto__`, which an object
 * literal cannot hold as a key. The client's private helpers step aside for endpoints instead.
 */
export const RESERVED_ENDPOINT_NAMES: ReadonlySet<string> = new Set([
  "createClient",
  "DEFAULT_BASE_URL",
  "__proto__",
]);

/** Two names clash when their per-endpoint types would (`getPet` and `GetPet`: `GetPetRequest`). */
function clashKey(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The endpoint a `names` key means, as merged: any method case, variables by position, `:id`. */
function overrideShape(key: string): string | undefined {
  const match = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(key);
  if (!match) return undefined;
  const path = match[2]!
    .split("/")
    .map((segment) =>
      /^:[^/{}:]+$/.test(segment) ? `{${segment.slice(1)}}` : segment,
    )
    .join("/");
  return `${match[1]!.toLowerCase()} ${pathShape(path)}`;
}

/**
 * Gives every endpoint a unique, valid, stable camelCase identifier, by the precedence and order
 * of docs/inputs.md, "Names". An override that clashes is reported and treated as absent.
 */
export function assignNames(
  endpoints: Endpoint[],
  options: NamingOptions,
  reporter: ModelReporter,
): void {
  // by clashKey: the endpoint holding the name
  const holder = new Map<string, Endpoint>();
  const isTaken = (name: string) =>
    RESERVED_ENDPOINT_NAMES.has(name) || holder.has(clashKey(name));
  const pending: Endpoint[] = [];
  const sorted = [...endpoints].sort(compareEndpoints);

  // keys by the endpoint they mean; an exact key wins over one written another way
  const byShape = grouped(Object.keys(options.names ?? {}), overrideShape);
  for (const key of byShape.get(undefined) ?? [])
    reporter.report(
      "naming/unmatched-override",
      `the name override key ${JSON.stringify(key)} is not "METHOD /path"`,
      fileStart(key),
    );
  byShape.delete(undefined);
  const used = new Set<string>();

  for (const endpoint of sorted) {
    const key = endpointKey(endpoint);
    const keys =
      byShape.get(`${endpoint.method} ${pathShape(endpoint.path)}`) ?? [];
    const overrideKey = keys.includes(key) ? key : keys[0];
    const override = overrideKey && options.names![overrideKey];
    if (override === undefined) {
      pending.push(endpoint);
      continue;
    }
    used.add(overrideKey!);
    const at = endpoint.sources[0]!;
    let name = override;
    const overriding = `the name override ${JSON.stringify(override)} for ${key}`;
    if (!isIdentifierName(override) || isReservedWord(override)) {
      name = camelCase(override, "");
      reporter.report(
        "naming/invalid-override",
        `${overriding} is not a usable identifier; ${name === "" ? "the derived name is used" : `using ${name}`}`,
        at,
      );
    }
    const taken = name !== "" && isTaken(name);
    if (taken)
      reporter.report(
        "naming/override-taken",
        `${overriding} ${RESERVED_ENDPOINT_NAMES.has(name) ? "is a name the generated client declares itself" : `clashes with the override for ${endpointKey(holder.get(clashKey(name))!)}`}; the derived name is used`,
        at,
      );
    // an unusable or taken override: the endpoint is named as if it had none
    if (name === "" || taken) pending.push(endpoint);
    else claim(endpoint, name);
  }
  for (const [shape, keys] of byShape)
    for (const key of keys)
      if (!used.has(key))
        reporter.report(
          "naming/unmatched-override",
          `the name override for ${JSON.stringify(key)} ${sorted.some((e) => `${e.method} ${pathShape(e.path)}` === shape) ? "is not used: another key names the same endpoint" : "matches no endpoint"}`,
          fileStart(key),
        );
  // read for every endpoint, locked or not: the diagnostics do not depend on a lock
  const preferred = new Map(
    pending.map((e) => [e, preferredName(e, reporter)]),
  );
  const unlocked: Endpoint[] = [];
  const lockedOnes: Endpoint[] = [];
  for (const endpoint of pending) {
    const key = endpointKey(endpoint);
    const locked = lockedName(options.lockedNames, key, isTaken);
    if (locked !== undefined) {
      claim(endpoint, locked);
      lockedOnes.push(endpoint);
    } else unlocked.push(endpoint);
  }
  // operationIds' names are claimed before request titles' (docs/inputs.md, Postman's "Names")
  const givenById = (e: Endpoint) => preferred.get(e)!.kind === "operationId";
  unlocked.sort((a, b) => Number(givenById(b)) - Number(givenById(a)));
  for (const endpoint of unlocked) {
    const given = preferred.get(endpoint)!;
    let name = given.name;
    if (isTaken(name)) name = freeName(methodPathName(endpoint), isTaken);
    if (name !== given.name) nameTaken(endpoint, name, given);
    claim(endpoint, name);
  }
  // reported as on the run that wrote the lock
  for (const endpoint of lockedOnes) {
    const given = preferred.get(endpoint)!;
    if (endpoint.name !== given.name && isTaken(given.name))
      nameTaken(endpoint, endpoint.name, given);
  }
  for (const endpoint of endpoints) reportConflictingIds(endpoint, reporter);

  function nameTaken(
    endpoint: Endpoint,
    name: string,
    given: ReturnType<typeof preferredName>,
  ): void {
    if (given.kind === undefined) return;
    const other = holder.get(clashKey(given.name));
    const source = given.source ?? endpoint.sources[0]!;
    reporter.report(
      "naming/name-taken",
      `${endpointKey(endpoint)} is named ${name}: the name ${given.name} its ${given.kind === "operationId" ? "operationId" : "request title"} gives ` +
        (other
          ? `belongs to ${endpointKey(other)} (${placeText(other.sources[0]!)})`
          : "is a name the generated client declares itself"),
      source,
      other ? [other.sources[0]!] : [],
    );
  }

  function claim(endpoint: Endpoint, name: string): void {
    holder.set(clashKey(name), endpoint);
    endpoint.name = name;
    const fromId = endpoint.nameCandidates.find(
      (c) => c.kind === "operationId" && camelCase(c.value, "") === name,
    );
    if (fromId) endpoint.operationId = fromId.value;
    else delete endpoint.operationId;
  }
}

/**
 * The name an endpoint's sources give it, and what gave it (none: its method and path): the best
 * candidate of docs/inputs.md, "Names". Requests on one route with different titles give no name.
 */
function preferredName(endpoint: Endpoint, reporter: ModelReporter) {
  const sorted = [...endpoint.nameCandidates].sort((a, b) =>
    compareSources(a.source, b.source),
  );
  // the candidates by the name they give, in the order each name is first given
  const byName = grouped(sorted, (c) => camelCase(c.value, ""));
  byName.delete("");
  const isId = (c: NameCandidate) => c.kind === "operationId";
  const ids = [...byName].filter(([, list]) => list.some(isId));
  if (ids.length === 0 && byName.size > 1) {
    const name = methodPathName(endpoint);
    const titles = [...byName.values()].map((list) => list[0]!);
    reporter.report(
      "naming/shared-route",
      `${endpointKey(endpoint)} is described by requests with different titles (${titles.map((c) => `${JSON.stringify(c.value)} at ${placeText(c.source)}`).join(", ")}); it is named ${name} after its route`,
      titles[0]!.source,
      titles.slice(1).map((c) => c.source),
    );
    return { name };
  }
  // the name given most often (of operationIds, where any), by its first operationId if it has one
  const entries = ids.length > 0 ? ids : [...byName];
  if (entries.length === 0) return { name: methodPathName(endpoint) };
  const [name, list] = entries.reduce((best, entry) => {
    const more = entry[1].length - best[1].length;
    return (more || compareCodeUnits(best[0], entry[0])) > 0 ? entry : best;
  });
  const first = list.find(isId) ?? list[0]!;
  return { name, kind: first.kind, source: first.source };
}

const lockShapes = new WeakMap<object, Map<string, string>>();

/** The name locked under `key` while it is still usable: an identifier, not reserved, not taken. */
export function lockedName(
  lockedNames: Readonly<Record<string, string>> | undefined,
  key: string,
  isTaken: (name: string) => boolean,
): string | undefined {
  if (!lockedNames) return undefined;
  // path variables by position: `/{app_id}` renamed `/{id}` is the endpoint the lock named
  let shapes = lockShapes.get(lockedNames);
  if (!shapes) {
    shapes = new Map(
      Object.keys(lockedNames)
        .reverse()
        .map((k) => [pathShape(k), k]),
    );
    lockShapes.set(lockedNames, shapes);
  }
  const at = Object.hasOwn(lockedNames, key) ? key : shapes.get(pathShape(key));
  if (at === undefined) return undefined;
  const name = lockedNames[at]!;
  const usable = isIdentifierName(name) && !isReservedWord(name);
  return usable && !isTaken(name) ? name : undefined;
}

/** `get /pets/{petId}/photos` → `getPetsByPetIdPhotos`. */
export function methodPathName(endpoint: Pick<Endpoint, "method" | "path">) {
  const words = endpoint.path
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => segment.replace(/\{([^{}]+)\}/g, " by $1 "));
  return camelCase(`${endpoint.method} ${words.join(" ")}`, endpoint.method);
}

/** How many operationIds the conflict's message names; the related places hold them all. */
const IDS_LISTED = 10;

function reportConflictingIds(endpoint: Endpoint, reporter: ModelReporter) {
  const list = firstOfEach(
    endpoint.nameCandidates
      .filter((c) => c.kind === "operationId")
      .sort((a, b) => compareSources(a.source, b.source)),
    (c) => c.value,
  );
  if (list.length < 2) return;
  const first = list[0]!;
  reporter.report(
    "merge/operation-id-conflict",
    `${endpointKey(endpoint)} has ${list.length} operationIds: ` +
      list
        .slice(0, IDS_LISTED)
        .map((c) => `${c.value} (${placeText(c.source)})`)
        .join(", ") +
      (list.length > IDS_LISTED
        ? `, and ${list.length - IDS_LISTED} more (the related places)`
        : "") +
      `; the generated name is ${endpoint.name}`,
    first.source,
    list.slice(1).map((c) => c.source),
  );
}
