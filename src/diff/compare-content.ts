import type {
  Endpoint,
  SecurityRequirement,
  SourceRef,
} from "../model/types.js";
import type { RuleId } from "./rules.js";
import type { SchemaChange, SchemaDiff } from "./schema-diff.js";

/** Records a change of the endpoint being compared (compare.ts fills in its names). */
export type Add = (
  rule: RuleId,
  message: string,
  a: SourceRef | undefined,
  b: SourceRef | undefined,
  names?: { type?: string; member?: string },
) => void;
export type FromSchema = (
  changes: readonly SchemaChange[],
  where: string,
) => void;

export function compareBody(
  old: Endpoint,
  now: Endpoint,
  add: Add,
  fromSchema: FromSchema,
  schemas: SchemaDiff,
  base: string,
): void {
  const a = old.requestBody;
  const b = now.requestBody;
  const fn = now.name;
  const type = base + "Body";
  if (!a && b?.required)
    add(
      "request-body-added",
      `${fn}() now requires a request body`,
      old.sources[0],
      b.sources[0],
      { type },
    );
  if (a && !b)
    add(
      "request-body-removed",
      `${fn}() no longer takes a request body`,
      a.sources[0],
      now.sources[0],
      { type },
    );
  if (!a || !b) return;
  if (!a.required && b.required)
    add(
      "request-body-became-required",
      `the request body of ${fn}() is now required`,
      a.sources[0],
      b.sources[0],
      { type },
    );
  for (const media of a.content) {
    const match = b.content.find((m) => m.mediaType === media.mediaType);
    if (!match) {
      add(
        "request-media-type-removed",
        `${fn}() no longer accepts a ${media.mediaType} body`,
        a.sources[0],
        b.sources[0],
        { type },
      );
      continue;
    }
    fromSchema(
      schemas.compare("request", media.schema, match.schema, {
        type,
        member: [],
        old: a.sources[0],
        new: b.sources[0],
      }),
      "the request body",
    );
  }
}

export function compareResponses(
  old: Endpoint,
  now: Endpoint,
  add: Add,
  fromSchema: FromSchema,
  schemas: SchemaDiff,
  base: string,
): void {
  const fn = now.name;
  const type = base + "Responses";
  for (const a of old.responses) {
    const b = now.responses.find((r) => r.status === a.status);
    if (!b) {
      add(
        "response-status-removed",
        `${fn}() no longer has a ${a.status} response`,
        a.sources[0],
        now.sources[0],
        { type, member: a.status },
      );
      continue;
    }
    for (const media of a.content) {
      const match = b.content.find((m) => m.mediaType === media.mediaType);
      if (!match) {
        add(
          "response-media-type-removed",
          `the ${a.status} response of ${fn}() is no longer sent as ${media.mediaType}`,
          a.sources[0],
          b.sources[0],
          { type, member: a.status },
        );
        continue;
      }
      fromSchema(
        schemas.compare("response", media.schema, match.schema, {
          type,
          member: [a.status],
          old: a.sources[0],
          new: b.sources[0],
        }),
        `the ${a.status} response`,
      );
    }
  }
  for (const b of now.responses)
    if (!old.responses.some((r) => r.status === b.status))
      add(
        "response-status-added",
        `${fn}() has a new ${b.status} response`,
        old.sources[0],
        b.sources[0],
        { type, member: b.status },
      );
}

/** A requirement as text that does not depend on the order of its schemes and scopes. */
function requirementKey(req: SecurityRequirement): string {
  return JSON.stringify(
    Object.keys(req)
      .sort()
      .map((k) => [k, [...(req[k] ?? [])].sort()]),
  );
}

export function compareSecurity(old: Endpoint, now: Endpoint, add: Add): void {
  const a = old.security ?? [];
  const b = now.security ?? [];
  const open = (list: SecurityRequirement[]) =>
    list.length === 0 || list.some((r) => Object.keys(r).length === 0);
  const fn = now.name;
  const describe = (list: SecurityRequirement[]) =>
    list.map((r) => Object.keys(r).join(" + ") || "none").join(" or ");
  if (open(a) && !open(b)) {
    add(
      "security-requirement-added",
      `${fn}() now requires credentials: ${describe(b)}`,
      old.sources[0],
      now.sources[0],
    );
    return;
  }
  if (!open(a) && open(b)) {
    add(
      "security-requirement-removed",
      `${fn}() no longer requires credentials`,
      old.sources[0],
      now.sources[0],
    );
    return;
  }
  // a new alternative only adds a way in; one that is gone (or asks more scopes) shuts one
  const keysB = new Set(b.map(requirementKey));
  if (a.some((r) => !keysB.has(requirementKey(r))))
    add(
      "security-requirement-changed",
      `${fn}() takes other credentials: ${describe(a)} before, ${describe(b)} now`,
      old.sources[0],
      now.sources[0],
    );
}
