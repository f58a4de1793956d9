import type {
  ApiModel,
  Endpoint,
  SecurityScheme,
  SourceRef,
} from "../../model/types.js";
import { compareCodeUnits } from "../../model/order.js";

// What the docs and the OpenAPI document both say of security schemes and of sources.

/** Scheme name → every scope that some endpoint's requirement names, sorted. */
export function scopesInUse(endpoints: readonly Endpoint[]) {
  const found = new Map<string, Set<string>>();
  for (const endpoint of endpoints)
    for (const requirement of endpoint.security ?? [])
      for (const [scheme, scopes] of Object.entries(requirement))
        found.set(scheme, new Set([...(found.get(scheme) ?? []), ...scopes]));
  return new Map(
    [...found].map(([name, set]) => [name, [...set].sort(compareCodeUnits)]),
  );
}

/** Each `file:line` of `sources` once, sorted by file, then line. */
export function uniqueSources(sources: readonly SourceRef[]) {
  const seen = new Map<string, { file: string; line: number }>();
  for (const s of sources)
    seen.set(`${s.file}\u0000${s.line}`, { file: s.file, line: s.line });
  return [...seen.values()].sort(
    (a, b) => compareCodeUnits(a.file, b.file) || a.line - b.line,
  );
}

/** `a.yaml:3, b.json:10` (at most five, then a count). */
export function describeSources(sources: readonly SourceRef[]): string {
  if (sources.length === 0) return "none recorded";
  const list = sources.slice(0, 5).map((s) => `${s.file}:${s.line}`);
  if (sources.length > 5) list.push(`and ${sources.length - 5} more`);
  return list.join(", ");
}

/** The OAuth scopes an endpoint needs, per alternative that names any (any one suffices). */
export function scopeAlternatives(endpoint: Endpoint): string[][] {
  return (endpoint.security ?? [])
    .map((requirement) => Object.values(requirement).flat())
    .filter((scopes) => scopes.length > 0);
}

/** "OAuth scopes: `a`, `b` or `c`." of {@link scopeAlternatives}, for an endpoint's doc. */
export function scopesSentence(alternatives: readonly string[][]): string {
  const each = alternatives.map((alt) => alt.map((s) => `\`${s}\``).join(", "));
  return `OAuth scopes: ${each.join(" or ")}.`;
}

/** The API's security schemes as `[name, scheme]`, by name. */
export function schemesByName(model: ApiModel): [string, SecurityScheme][] {
  return Object.entries(model.securitySchemes).sort(([a], [b]) =>
    compareCodeUnits(a, b),
  );
}
