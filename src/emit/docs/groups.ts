import { assessTags } from "../toolkit.js";
import type { Endpoint, Tag } from "../../model/types.js";

import type { DocsGroupBy } from "./group-by-option.js";

export interface EndpointGroups {
  /** What was used: `auto` resolves to one of these. */
  mode: "tag" | "path";
  /** Groups in display order; every endpoint is in exactly one. */
  groups: { name: string; description?: string; members: number[] }[];
  /** Whether the endpoints' tags are worth showing on them (false when they are degenerate). */
  showTags: boolean;
}

const UNTAGGED = "Untagged";

/**
 * One primary group per endpoint (`endpoints` in docs order): in `tag` mode its first tag (declared
 * tags first, in model order, then the others sorted; untagged endpoints last), in `path` mode the
 * resource its path names (see pathResource). `auto` groups by path when the tags are degenerate
 * (src/model/tag-quality.ts), else by tag.
 */
export function groupEndpoints(
  endpoints: readonly Endpoint[],
  declared: readonly Tag[],
  groupBy: DocsGroupBy = "auto",
): EndpointGroups {
  const degenerate = assessTags(endpoints).degenerate;
  const mode = groupBy === "auto" ? (degenerate ? "path" : "tag") : groupBy;
  const descriptions = new Map<string, string | undefined>();
  for (const tag of declared)
    if (!descriptions.has(tag.name))
      descriptions.set(tag.name, tag.description);
  const keys =
    mode === "tag"
      ? endpoints.map((e) => e.tags[0])
      : endpoints.map((e) => pathResource(e.path, endpoints));
  const members = new Map<string | undefined, number[]>();
  keys.forEach((key, i) => {
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  });
  const order =
    mode === "tag"
      ? tagOrder(declared, endpoints).filter((name) => members.has(name))
      : [...members.keys()];
  const groups = order.map((key) => ({
    name: key!,
    ...(mode === "tag" && descriptions.get(key!)
      ? { description: descriptions.get(key!)! }
      : {}),
    members: members.get(key)!,
  }));
  if (mode === "tag" && members.has(undefined))
    groups.push({
      name: UNTAGGED,
      description: "Endpoints no input puts under a tag.",
      members: members.get(undefined)!,
    });
  return { mode, groups, showTags: !degenerate };
}

/** Declared tags in model order, then tags only endpoints name, sorted. */
function tagOrder(
  declared: readonly Tag[],
  endpoints: readonly Endpoint[],
): string[] {
  const seen = new Set(declared.map((t) => t.name));
  const extra = new Set<string>();
  for (const e of endpoints)
    for (const tag of e.tags) if (!seen.has(tag)) extra.add(tag);
  return [...new Set(declared.map((t) => t.name)), ...[...extra].sort()];
}

const isVariable = (segment: string) => segment.includes("{");
/** Segments that name no resource: an API prefix or a version (`/api/v2`, `/rest/1.0`). */
const GENERIC = /^(?:api|apis|rest|public|v?\d+(?:\.\d+)*)$/i;

/**
 * The resource a path is about, as a group name: `/site/{cloudId}/conversation/{id}/message/recent`
 * → "Messages". The path is cut into runs of fixed segments between variables; the resource is
 * the run before the last variable, or the last run, unless that run is one segment that never
 * takes an id anywhere in the API (`/conversation/{id}/archive`, `/message/{id}/context`: an action
 * or a part of the resource before it). In the run, the first segment counts that is not an API
 * prefix or a version (`/api/v2`), with the next one when it never comes without it.
 */
export function pathResource(
  path: string,
  endpoints: readonly Endpoint[],
): string {
  const segments = path.split("/").filter((s) => s !== "");
  const runs: string[][] = [[]];
  for (const segment of segments) {
    if (isVariable(segment)) runs.push([]);
    else runs[runs.length - 1]!.push(segment);
  }
  const nonEmpty = runs.filter((r) => r.length > 0);
  if (nonEmpty.length === 0) return "General";
  let run = nonEmpty[nonEmpty.length - 1]!;
  const endsWithVariable = isVariable(segments[segments.length - 1]!);
  if (
    !endsWithVariable &&
    run.length === 1 &&
    nonEmpty.length > 1 &&
    !takesIds(run[0]!, endpoints)
  )
    run = nonEmpty[nonEmpty.length - 2]!;
  const at = run.findIndex((segment) => !GENERIC.test(segment));
  const word = run[at] ?? run[run.length - 1]!;
  // a word the API never uses alone names the resource with the next, when more follows
  // (`/app/module/chat:bot` → "App modules"; `/pets/mine` stays "Pets")
  const next = at === -1 || at + 2 >= run.length ? undefined : run[at + 1];
  if (next !== undefined && alwaysFollowedBy(word, next, endpoints))
    return groupName(`${word} ${next}`);
  return groupName(word);
}

/** Whether every path that has the fixed segment `word` has `next` right after it. */
function alwaysFollowedBy(
  word: string,
  next: string,
  endpoints: readonly Endpoint[],
): boolean {
  return endpoints.every((e) => {
    const parts = e.path.split("/");
    return parts.every((part, i) => part !== word || parts[i + 1] === next);
  });
}

/** Whether some path of the API follows `segment` with a variable (`/message/{messageId}`). */
function takesIds(segment: string, endpoints: readonly Endpoint[]): boolean {
  return endpoints.some((e) => {
    const parts = e.path.split("/");
    return parts.some(
      (part, i) => part === segment && isVariable(parts[i + 1] ?? ""),
    );
  });
}

/** Words that read as a group name as they are (no plural). */
const AS_IS = new Set([
  "admin",
  "auth",
  "config",
  "configuration",
  "content",
  "data",
  "feedback",
  "health",
  "info",
  "login",
  "logout",
  "me",
  "media",
  "metadata",
  "news",
  "search",
  "status",
]);

/** `conversation` → "Conversations", `chat:bot` → "Chat bots", `user-groups` → "User groups". */
export function groupName(segment: string): string {
  const words = segment
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "")
    .map((w) => w.toLowerCase());
  if (words.length === 0) return "General";
  const last = words[words.length - 1]!;
  words[words.length - 1] = plural(last);
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function plural(word: string): string {
  if (AS_IS.has(word) || /\d$/.test(word) || word.endsWith("s")) return word;
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + "ies";
  if (/(x|z|ch|sh)$/.test(word)) return word + "es";
  return word + "s";
}
