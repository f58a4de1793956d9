import { compareCodeUnits as cmp } from "../model/order.js";
import type { ApiResponse, MediaContent, SourceRef } from "../model/types.js";
import type { ApiChange } from "../emit/artifact.js";
import { CHANGE_RULES, SEVERITY_ORDER, type RuleId } from "./rules.js";

/** What a change touches in the generated code, in the names the user's code uses. */
export interface GeneratedNames {
  /** The client function (`client.createSpecialEvent`), the endpoint's locked name. */
  function?: string;
  /** The server handler (`handlers.createSpecialEvent`). */
  handler?: string;
  /** The generated type holding the member: a schema's type or the endpoint's `…Body`/`…Query`. */
  type?: string;
  /** The member of that type, as a dotted path (`location`, `items[].name`). */
  member?: string;
  /** The member's name before, when it was renamed (a path variable). */
  was?: string;
}

/** A line of the user's code that uses what changed (the blast radius, blast-radius.ts). */
export interface CallSite {
  /** Path relative to the folder the report is for, with `/`. */
  file: string;
  line: number;
  column: number;
  text: string;
  /** True when the call names the changed member itself (`{ body: { location } }`). */
  usesMember: boolean;
}

/** An {@link ApiChange} as the comparison makes it, with its places and call sites. */
export interface Change extends ApiChange {
  rule: RuleId;
  /** The endpoint as `METHOD /path` (the new path, or the old one when it is gone). */
  endpoint: string;
  /** Where it was in the old inputs, and where it is in the new ones (absent on that side: none). */
  old?: SourceRef;
  new?: SourceRef;
  names: GeneratedNames;
  /** Other endpoints the same change reaches through a named schema they share. */
  also?: { endpoint: string; function: string }[];
  callSites?: CallSite[];
}

export function makeChange(
  rule: RuleId,
  fields: Omit<Change, "rule" | "severity" | "breaks">,
): Change {
  const { severity, breaks } = CHANGE_RULES[rule];
  return { rule, severity, breaks, ...fields };
}

/** Records an endpoint's (or webhook's) changes into `out`, each with `names`, then its own (`more`). */
export function recorder(
  out: Change[],
  endpoint: string,
  names: GeneratedNames,
) {
  return (
    rule: RuleId,
    message: string,
    a: SourceRef | undefined,
    b?: SourceRef,
    more: GeneratedNames = {},
  ): Change => {
    const change = makeChange(rule, {
      endpoint,
      message,
      ...(a ? { old: a } : {}),
      ...(b ? { new: b } : {}),
      names: { ...names, ...more },
    });
    out.push(change);
    return change;
  };
}

/** Severity first, then endpoint, rule and message: the order every report prints. */
export function compareChanges(a: Change, b: Change): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    cmp(a.endpoint, b.endpoint) ||
    cmp(a.rule, b.rule) ||
    cmp(a.message, b.message)
  );
}

/**
 * Pairs `before` and `after` by `key` (unique on each side): `gone` for each only before, `both`
 * for each on both sides, in `before`'s order, then `added` for each only after.
 */
export function pairUp<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
  on: { gone(a: T): void; both(a: T, b: T): void; added?(b: T): void },
): void {
  const now = new Map(after.map((b) => [key(b), b]));
  for (const a of before) {
    const b = now.get(key(a));
    if (b) on.both(a, b);
    else on.gone(a);
  }
  if (!on.added) return;
  const was = new Set(before.map(key));
  for (const b of after) if (!was.has(key(b))) on.added(b);
}

export const byMediaType = (media: MediaContent) => media.mediaType;
export const byStatus = (response: ApiResponse) => response.status;
