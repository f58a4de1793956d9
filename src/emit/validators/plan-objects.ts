import { requiredSplit } from "../toolkit.js";
import type { Schema } from "../../model/types.js";
import type { PlanOp, PlanScope, PlanSub } from "./plan-types.js";
import { count, isFalse, isObject, type SubSchema } from "./subschema.js";

/** Whether a sub-schema's node checks something (a node of the table always may). */
export function inPlace(sub: PlanSub): boolean {
  return typeof sub === "number" || sub.length > 0;
}

/**
 * An object's keywords as plan operations: required (readOnly properties not required of a
 * request, writeOnly ones not of a response), minProperties, maxProperties, dependentRequired,
 * dependentSchemas, then its members: each declared property read by its name, or, when
 * patternProperties, additionalProperties or propertyNames is there, one loop over the keys.
 */
export function objectOps(b: PlanScope, s: Schema, depth: number): PlanOp[] {
  const out: PlanOp[] = [];
  if (Array.isArray(s.required)) {
    // as src/model/schema/schema.ts splits them for every emitter; d: 1 a request, 2 a response
    const split = requiredSplit(b.schemas, s, b.allOfLookups.get(s));
    if (split.always.length > 0) out.push(["r", split.always, 0]);
    if (split.notInRequest.length > 0) out.push(["r", split.notInRequest, 1]);
    if (split.notInResponse.length > 0) out.push(["r", split.notInResponse, 2]);
  }
  const min = count(s.minProperties) && s.minProperties > 0;
  const max = count(s.maxProperties);
  if (min || max)
    out.push(["P", min ? s.minProperties : null, max ? s.maxProperties : null]);
  if (isObject(s.dependentRequired as SubSchema))
    for (const [name, needs] of Object.entries(
      s.dependentRequired as Record<string, unknown>,
    )) {
      if (!Array.isArray(needs) || needs.length === 0) continue;
      const names = needs.filter((n): n is string => typeof n === "string");
      out.push(["dr", name, names]);
    }
  if (isObject(s.dependentSchemas as SubSchema))
    for (const [name, schema] of Object.entries(
      s.dependentSchemas as Record<string, SubSchema>,
    )) {
      const sub = b.sub(schema, depth);
      if (inPlace(sub)) out.push(["ds", name, sub]);
    }
  const declared = isObject(s.properties as SubSchema)
    ? (s.properties as Record<string, SubSchema>)
    : {};
  const loopNeeded =
    (s.additionalProperties !== undefined && s.additionalProperties !== true) ||
    isObject(s.patternProperties as SubSchema) ||
    (s.propertyNames !== undefined && s.propertyNames !== true);
  if (loopNeeded) {
    const loop = keyLoop(b, s, declared, depth);
    if (loop !== undefined) out.push(loop);
    return out;
  }
  for (const name of Object.keys(declared)) {
    const sub = b.sub(declared[name], depth);
    if (inPlace(sub)) out.push(["pr", name, sub]);
  }
  return out;
}

/**
 * `["k", declared, additional, patterns, propertyNames]`: the declared names with their subs
 * (null: nothing to check, listed only so that additionalProperties leaves them alone), the
 * sub of the other keys (false: they must not be there; null: nothing to check), the patterns
 * of patternProperties with their subs (a pattern that checks nothing makes every key count
 * as matched: no additionalProperties then, as the generated code always did), and the sub of
 * propertyNames. Undefined when the loop would check nothing.
 */
function keyLoop(
  b: PlanScope,
  s: Schema,
  declared: Record<string, SubSchema>,
  depth: number,
): PlanOp | undefined {
  const patterns: [number, PlanSub | null][] = [];
  let unknownPattern = false;
  if (isObject(s.patternProperties as SubSchema))
    for (const [pattern, schema] of Object.entries(
      s.patternProperties as Record<string, SubSchema>,
    )) {
      const index = b.regex(pattern);
      if (index === undefined) {
        unknownPattern = true; // not compilable: its keys count as matched, nothing checked
        continue;
      }
      const sub = b.sub(schema, depth);
      patterns.push([index, inPlace(sub) ? sub : null]);
    }
  const extra = s.additionalProperties as SubSchema;
  let additional: PlanSub | false | null = null;
  if (extra !== undefined && extra !== true && !unknownPattern)
    if (isFalse(extra)) additional = false;
    else {
      const sub = b.sub(extra, depth);
      if (inPlace(sub)) additional = sub;
    }
  const members: [string, PlanSub | null][] = [];
  for (const name of Object.keys(declared)) {
    const sub = b.sub(declared[name], depth);
    if (inPlace(sub)) members.push([name, sub]);
    else if (additional !== null) members.push([name, null]);
  }
  const namesSub = b.sub(s.propertyNames as SubSchema, depth);
  const names = inPlace(namesSub) ? namesSub : null;
  if (
    names === null &&
    additional === null &&
    members.every(([, sub]) => sub === null) &&
    patterns.every(([, sub]) => sub === null)
  )
    return undefined;
  return ["k", members, additional, patterns, names];
}
