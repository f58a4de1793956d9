import type { SourceRef } from "../model/types.js";
import type { ApiChange } from "../emit/artifact.js";
import { CHANGE_RULES, type RuleId } from "./rules.js";

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
