import { camelCase, isIdentifierName, isReservedWord } from "./identifiers.js";
import { compareCodeUnits, compareEndpoints } from "./order.js";
import { compareSources } from "./rank.js";
import type { Diagnostic, Endpoint, NameCandidate } from "./types.js";
import { HTTP_METHODS } from "./types.js";

/** The key names are stored under in overrides and the lock: `GET /pets/{id}`. */
export function endpointKey(
  endpoint: Pick<Endpoint, "method" | "path">,
): string {
  return `${endpoint.method.toUpperCase()} ${endpoint.path}`;
}

export interface NamingOptions {
  names?: Record<string, string>;
  lockedNames?: Record<string, string>;
}

/**
 * Gives every endpoint a unique, valid, stable camelCase identifier.
 *
 * Order of precedence: a user override, then a name locked by an earlier run, then the best
 * candidate (an operationId beats a Postman request name; then the name most sources agree on;
 * then alphabetical), then method and path (`getPetsById`). Collisions are settled by the
 * endpoints' (path, method) order, never by input order: the first keeps the name, the others fall
 * back to their method-and-path name, then to a numeric suffix.
 */
export function assignNames(
  endpoints: Endpoint[],
  options: NamingOptions,
  report: (d: Diagnostic) => void,
): void {
  const taken = new Set<string>();
  const pending: Endpoint[] = [];
  const sorted = [...endpoints].sort(compareEndpoints);

  for (const endpoint of sorted) {
    const key = endpointKey(endpoint);
    const override = options.names?.[key];
    if (override !== undefined) {
      let name = override;
      if (!isIdentifierName(override) || isReservedWord(override)) {
        name = camelCase(override);
        const at = endpoint.sources[0]!;
        report({
          severity: "warning",
          code: "naming/invalid-override",
          message: `the name override ${JSON.stringify(override)} for ${key} is not a usable identifier; using ${name}`,
          file: at.file,
          line: at.line,
          column: at.column,
        });
      }
      claim(endpoint, name);
    } else pending.push(endpoint);
  }
  const unlocked: Endpoint[] = [];
  for (const endpoint of pending) {
    const locked = options.lockedNames?.[endpointKey(endpoint)];
    if (
      locked !== undefined &&
      isIdentifierName(locked) &&
      !isReservedWord(locked) &&
      !taken.has(locked)
    )
      claim(endpoint, locked);
    else unlocked.push(endpoint);
  }
  for (const endpoint of unlocked) {
    const preferred = preferredName(endpoint);
    const fallback = methodPathName(endpoint);
    let name = !taken.has(preferred) ? preferred : fallback;
    for (let i = 2; taken.has(name); i++) name = `${fallback}${i}`;
    claim(endpoint, name);
  }
  for (const endpoint of endpoints) reportConflictingIds(endpoint, report);

  function claim(endpoint: Endpoint, name: string): void {
    taken.add(name);
    endpoint.name = name;
    const fromId = endpoint.nameCandidates.find(
      (c) => c.kind === "operationId" && camelCase(c.value, "") === name,
    );
    if (fromId) endpoint.operationId = fromId.value;
    else delete endpoint.operationId;
  }
}

function preferredName(endpoint: Endpoint): string {
  const scored = new Map<string, { fromId: boolean; votes: number }>();
  for (const candidate of endpoint.nameCandidates) {
    const id = camelCase(candidate.value, "");
    if (id === "") continue;
    const score = scored.get(id) ?? { fromId: false, votes: 0 };
    score.fromId ||= candidate.kind === "operationId";
    score.votes++;
    scored.set(id, score);
  }
  let best: [string, { fromId: boolean; votes: number }] | undefined;
  for (const entry of scored) {
    if (!best) best = entry;
    else {
      const [id, s] = entry;
      const [bestId, b] = best;
      const better =
        Number(s.fromId) - Number(b.fromId) ||
        s.votes - b.votes ||
        (compareCodeUnits(id, bestId) < 0 ? 1 : -1);
      if (better > 0) best = entry;
    }
  }
  return best?.[0] ?? methodPathName(endpoint);
}

/** `get /pets/{petId}/photos` → `getPetsByPetIdPhotos`. */
export function methodPathName(
  endpoint: Pick<Endpoint, "method" | "path">,
): string {
  const words = endpoint.path
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => segment.replace(/\{([^{}]+)\}/g, " by $1 "));
  return camelCase(`${endpoint.method} ${words.join(" ")}`, endpoint.method);
}

function reportConflictingIds(
  endpoint: Endpoint,
  report: (d: Diagnostic) => void,
): void {
  const ids = new Map<string, NameCandidate>();
  for (const candidate of [...endpoint.nameCandidates].sort((a, b) =>
    compareSources(a.source, b.source),
  )) {
    if (candidate.kind === "operationId" && !ids.has(candidate.value))
      ids.set(candidate.value, candidate);
  }
  if (ids.size < 2) return;
  const list = [...ids.values()];
  const first = list[0]!;
  report({
    severity: "warning",
    code: "merge/operation-id-conflict",
    message:
      `${endpointKey(endpoint)} has ${list.length} operationIds: ` +
      list
        .map((c) => `${c.value} (${c.source.file}:${c.source.line})`)
        .join(", ") +
      `; the generated name is ${endpoint.name}`,
    file: first.source.file,
    line: first.source.line,
    column: first.source.column,
    related: list.slice(1).map((c) => c.source),
  });
}
