import {
  effectiveTypes,
  isMap,
  resolveSchema,
} from "../../model/schema/schema.js";
import { schemaRefName } from "../../model/schema/ref.js";
import { revivedScalar } from "../../model/schema/scalars.js";
import type { ApiModel, Endpoint, Schema } from "../../model/types.js";
import type { ScalarChoices } from "../../model/scalar-choices.js";
import { firstListings } from "../../model/media-types.js";
import { ownMember as member, setOwn } from "../../model/own-property.js";
import { isJsonMediaType, sentContent } from "./media-types.js";
import { REQUEST_PARTS } from "./wire-style.js";

/**
 * The revival plans of the client and the server (`dates: "Date"`, `int64: "bigint"`): where
 * each endpoint's values become a Date or a bigint (revivedScalar), as the data
 * templates/shared/scalars.ts walks, compositions by docs/client.md's rule ("Which values"): an
 * object member of a union only when no other member declares it otherwise.
 */

// The plans as data; templates/shared/scalars.ts walks the runtime's copy of these types
// (test/templates/same-plan-types.ts holds both the same).
export type Plan = number | PlanNode;
export interface PlanNode {
  s?: "t" | "d";
  i?: 1;
  p?: Record<string, Plan>;
  r?: Plan;
  t?: Plan[];
  e?: Plan;
}
export interface OperationPlan {
  path?: Record<string, Plan>;
  query?: Record<string, Plan>;
  headers?: Record<string, Plan>;
  cookies?: Record<string, Plan>;
  body?: Plan;
  /**
   * The server's: a body's plan by the media type it arrives as (lower-cased, without
   * parameters, as its `listedMediaType` finds it), present only when one differs from `body`
   * (the sent media type's); a media type missing here revives nothing.
   */
  bodies?: Record<string, Plan>;
  /** By status, the first JSON media type's; `<status> <type>`: another's where it differs. */
  responses?: Record<string, Plan>;
  /** 1: the request body holds int64s; 2: the answers do (read losslessly). */
  lossless?: number;
}
export interface Plans {
  named: PlanNode[];
  operations: Record<string, OperationPlan>;
}

/** How a webhook's plan is named among the operations' (no endpoint name has a space). */
export const WEBHOOK_PREFIX = "webhook ";

/** Inline nesting (and merges of references) followed at most: deeper is left as the wire has it. */
const MAX_DEPTH = 64;

/** Every endpoint's plan that revives something, by name (the server's: webhooks, `bodies` too). */
export function scalarPlans(
  model: ApiModel,
  scalars: ScalarChoices | undefined = model.scalars,
  server = false,
): Plans | undefined {
  if (scalars === undefined) return undefined;
  const builder = new PlanBuilder(model, scalars, server);
  const operations: Record<string, OperationPlan> = {};
  for (const endpoint of model.endpoints) {
    const op = builder.operation(endpoint);
    if (op) operations[endpoint.name] = op;
  }
  for (const webhook of server ? (model.webhooks ?? []) : []) {
    const op = builder.operation(webhook);
    if (op) operations[`${WEBHOOK_PREFIX}${webhook.name}`] = op;
  }
  return builder.finish(operations);
}

class PlanBuilder {
  private readonly named: PlanNode[] = [];
  private readonly index = new Map<string, number>();
  constructor(
    private readonly model: ApiModel,
    private readonly scalars: ScalarChoices,
    private readonly server: boolean,
  ) {}

  operation(endpoint: Endpoint): OperationPlan | undefined {
    const op: OperationPlan = {};
    const parameter = (p: { name: string; schema?: Schema }) =>
      [p.name, this.node(p.schema, 0)] as const;
    for (const [location, key] of REQUEST_PARTS)
      put(op, key, defined(endpoint.parameters[location].map(parameter)));
    const sent = sentContent(endpoint.requestBody?.content ?? [])[0];
    put(op, "body", this.node(sent?.schema, 0));
    if (this.server && endpoint.requestBody) {
      // by the media type the server reads a body under (the first listing of each)
      const bodies: Record<string, Plan> = {};
      // `{}` (nothing revived) keeps a type listed until finish compares it with `body`
      for (const { type, content } of firstListings(
        endpoint.requestBody.content,
      ))
        setOwn(bodies, type, this.node(content.schema, 0) ?? {});
      op.bodies = bodies;
    }
    // by status the first JSON media type's (a plan is JSON's only); `<status> <type>` another's
    const responses: Record<string, Plan> = (op.responses = {});
    for (const r of endpoint.responses)
      firstListings(r.content)
        .filter((c) => isJsonMediaType(c.type))
        .forEach(({ type, content }, i) =>
          setOwn(
            responses,
            i ? `${r.status} ${type}` : r.status,
            this.node(content.schema, 0) ?? {},
          ),
        );
    return Object.keys(op).length > 0 ? op : undefined;
  }

  /** The plan of a schema: undefined when nothing in it is revived (as far as is known yet). */
  node(schema: Schema | boolean | undefined, depth: number): Plan | undefined {
    if (typeof schema !== "object" || schema === null || depth > MAX_DEPTH)
      return undefined;
    if (typeof schema.$ref === "string") return this.ref(schema.$ref);
    const own: PlanNode = {};
    const kind = revivedScalar(schema, this.scalars);
    if (kind === "int64") own.i = 1;
    else if (kind) own.s = kind === "date" ? "d" : "t";
    if (isMap(schema.properties))
      for (const [name, member] of Object.entries(schema.properties)) {
        const plan = this.node(member, depth + 1);
        if (plan !== undefined) setOwn((own.p ??= {}), name, plan);
      }
    let rest = this.node(schema.additionalProperties, depth + 1);
    if (isMap(schema.patternProperties))
      for (const member of Object.values(schema.patternProperties))
        rest = this.all(rest, this.node(member as Schema, depth + 1), 0);
    put(own, "r", rest);
    put(own, "e", this.node(schema.items, depth + 1));
    if (Array.isArray(schema.prefixItems)) {
      const tuple = schema.prefixItems.map((s) => this.node(s, depth + 1));
      if (tuple.some((p) => p !== undefined)) own.t = tuple.map((p) => p ?? {});
    }
    let plan: Plan | undefined = isEmpty(own) ? undefined : own;
    for (const member of schema.allOf ?? [])
      plan = this.all(plan, this.node(member, depth + 1), 0);
    for (const keyword of ["oneOf", "anyOf"] as const) {
      const members = schema[keyword];
      if (Array.isArray(members) && members.length > 0)
        plan = this.all(plan, this.union(members, depth + 1), 0);
    }
    return plan;
  }

  /** A named schema's plan, by index: made once (a cycle reads the index while it is made). */
  private ref(ref: string): Plan | undefined {
    const name = schemaRefName(ref);
    if (name === undefined || !Object.hasOwn(this.model.schemas, name))
      return undefined;
    const known = this.index.get(name);
    if (known !== undefined) return known;
    const at = this.named.length;
    this.index.set(name, at);
    this.named.push({});
    const plan = this.node(this.model.schemas[name]!.schema, 0);
    Object.assign(this.named[at]!, this.resolve(plan) ?? {});
    return at;
  }

  private resolve(plan: Plan | undefined): PlanNode | undefined {
    return typeof plan === "number" ? this.named[plan] : plan;
  }

  /** Two plans that hold for one value (`allOf`). */
  private all(a: Plan | undefined, b: Plan | undefined, depth: number) {
    if (a === undefined) return b;
    if (b === undefined || a === b) return a;
    if (depth > MAX_DEPTH) return a;
    const x = this.resolve(a)!;
    const y = this.resolve(b)!;
    const out: PlanNode = {};
    // a date in one and a date-time in the other: neither is sure, the text stays
    put(out, "s", x.s && y.s && x.s !== y.s ? undefined : (x.s ?? y.s));
    if (x.i || y.i) out.i = 1;
    for (const key of new Set([...keys(x.p), ...keys(y.p)])) {
      const merged = this.all(member(x.p, key), member(y.p, key), depth + 1);
      if (merged !== undefined) setOwn((out.p ??= {}), key, merged);
    }
    put(out, "r", this.all(x.r, y.r, depth + 1));
    put(out, "e", this.all(x.e, y.e, depth + 1));
    const length = Math.max(x.t?.length ?? 0, y.t?.length ?? 0);
    if (length > 0)
      out.t = Array.from(
        { length },
        (_, i) => this.all(x.t?.[i], y.t?.[i], depth + 1) ?? {},
      );
    return isEmpty(out) ? undefined : out;
  }

  /** The members of a union: by kind, revived only where every member that could hold it agrees. */
  private union(members: Schema[], depth: number): Plan | undefined {
    const seen = members.map((schema) => {
      const resolved = resolveSchema(this.model.schemas, schema);
      const types = effectiveTypes(resolved);
      const any = types.length === 0;
      return {
        plan: this.resolve(this.node(schema, depth)) ?? {},
        resolved,
        string: any || types.includes("string"),
        number: any || types.includes("integer") || types.includes("number"),
        object: any || types.includes("object"),
        array: any || types.includes("array"),
      };
    });
    const out: PlanNode = {};
    const strings = seen.filter((m) => m.string).map((m) => m.plan.s);
    if (strings.length > 0 && strings.every((s) => s && s === strings[0]))
      out.s = strings[0]!;
    const numbers = seen.filter((m) => m.number);
    if (numbers.length > 0 && numbers.every((m) => m.plan.i)) out.i = 1;
    const objects = seen.filter((m) => m.object);
    for (const key of new Set(objects.flatMap((m) => keys(m.plan.p)))) {
      const plans = objects.map((m) => member(m.plan.p, key));
      const given = plans.filter((p) => p !== undefined);
      const declaredElsewhere = objects.some(
        (m, i) =>
          plans[i] === undefined &&
          (!isMap(m.resolved?.properties) ||
            Object.hasOwn(m.resolved.properties, key)),
      );
      if (!declaredElsewhere && given.every((p) => same(p, given[0])))
        setOwn((out.p ??= {}), key, given[0]!);
    }
    const arrays = seen.filter((m) => m.array).map((m) => m.plan.e);
    if (arrays[0] !== undefined && arrays.every((e) => same(e, arrays[0])))
      out.e = arrays[0];
    return isEmpty(out) ? undefined : out;
  }

  /** The plans without what revives nothing, named ones renumbered, with `lossless`; or undefined. */
  finish(operations: Record<string, OperationPlan>): Plans | undefined {
    // a named plan lives when it revives something itself or through what it refers to
    const lives = holding(
      this.named,
      (node) => node.s !== undefined || node.i === 1,
    );
    const live = this.named.map((_, i) => lives(i));
    const renumbered = new Map<number, number>();
    for (const [i, alive] of live.entries())
      if (alive) renumbered.set(i, renumbered.size);
    const prune = (plan: Plan | undefined): Plan | undefined => {
      if (plan === undefined) return undefined;
      if (typeof plan === "number") return renumbered.get(plan);
      const out: PlanNode = {};
      if (plan.s) out.s = plan.s;
      if (plan.i) out.i = 1;
      put(out, "p", prunedRecord(plan.p, prune));
      put(out, "r", prune(plan.r));
      put(out, "e", prune(plan.e));
      if (plan.t?.some((p) => prune(p) !== undefined))
        out.t = plan.t.map((p) => prune(p) ?? {});
      return isEmpty(out) ? undefined : out;
    };
    const named = this.named
      .filter((_, i) => live[i])
      .map((node) => prune(node) as PlanNode);
    const int64 = holding(named, (node) => node.i === 1);
    const out: Record<string, OperationPlan> = {};
    for (const [name, op] of Object.entries(operations)) {
      const kept: OperationPlan = {};
      for (const [, where] of REQUEST_PARTS)
        put(kept, where, prunedRecord(op[where], prune));
      const body = prune(op.body);
      put(kept, "body", body);
      // kept only when a listed media type revives otherwise than the sent one
      if (keys(op.bodies).some((k) => !same(prune(member(op.bodies, k)), body)))
        kept.bodies = prunedRecord(op.bodies, prune) ?? {};
      // a status's plan, and another media type's where it differs (the status's then kept too)
      const responses: Record<string, Plan> = {};
      for (const key of keys(op.responses)) {
        const status = key.split(" ")[0]!;
        const [plan, own] = [key, status].map((k) => prune(op.responses![k]));
        if (key === status ? plan !== undefined : !same(plan, own))
          Object.assign(responses, { [status]: own ?? {}, [key]: plan ?? {} });
      }
      put(kept, "responses", defined(Object.entries(responses)));
      const lossless =
        (int64(kept.body) || Object.values(kept.bodies ?? {}).some(int64)
          ? 1
          : 0) + (Object.values(kept.responses ?? {}).some(int64) ? 2 : 0);
      if (lossless > 0) kept.lossless = lossless;
      if (Object.keys(kept).length > 0) setOwn(out, name, kept);
    }
    return Object.keys(out).length > 0 ? { named, operations: out } : undefined;
  }
}

/** Whether a plan holds a node `own` accepts, itself or through named plans (cycles included). */
function holding(named: readonly PlanNode[], own: (node: PlanNode) => boolean) {
  const held = named.map(() => false);
  const holds = (plan: Plan | undefined) =>
    plan !== undefined &&
    (typeof plan === "number"
      ? held[plan] === true
      : own(plan) || children(plan).some(holds));
  for (let changed = true; changed;) {
    changed = false;
    named.forEach((node, i) => {
      if (!held[i] && holds(node)) changed = held[i] = true;
    });
  }
  return holds;
}

/** The plans inside a node: its members', the rest's, the items', the tuple's. */
function children(node: PlanNode): (Plan | undefined)[] {
  return [...Object.values(node.p ?? {}), node.r, node.e, ...(node.t ?? [])];
}

/** The record of `record`'s plans as `prune` leaves them, or undefined when none is left. */
const prunedRecord = (
  record: Record<string, Plan> | undefined,
  prune: (plan: Plan | undefined) => Plan | undefined,
) => defined(keys(record).map((key) => [key, prune(member(record, key))]));

/** The plans that are defined, by name; undefined when none is. */
function defined(entries: readonly (readonly [string, Plan | undefined])[]) {
  const out: Record<string, Plan> = {};
  for (const [key, plan] of entries)
    if (plan !== undefined) setOwn(out, key, plan);
  return Object.keys(out).length > 0 ? out : undefined;
}

function put<T, K extends keyof T>(target: T, key: K, value: T[K] | undefined) {
  if (value !== undefined) target[key] = value;
}

const keys = (record: Record<string, unknown> | undefined) =>
  record ? Object.keys(record) : [];
const isEmpty = (node: PlanNode) => Object.keys(node).length === 0;
const same = (a: Plan | undefined, b: Plan | undefined) =>
  JSON.stringify(a) === JSON.stringify(b);
