import type { SubSchema as JsonSubSchema } from "../toolkit.js";
import type { NamedSchema, Schema } from "../../model/types.js";
import type { SubSchema } from "./subschema.js";

/** An operation of a plan node: `[code, ...operands]` (templates/validators/plan.ts). */
export type PlanOp = unknown[];

/** A sub-schema in a node: its node in place, or the number of a node of the table. */
export type PlanSub = number | PlanOp[];

/** What compiling a schema into operations asks of its file's plan (plan.ts, PlanBuilder). */
export interface PlanScope {
  /** The model's named schemas, which `$ref`s point at. */
  readonly schemas: Readonly<Record<string, NamedSchema>>;
  /**
   * Where an allOf member finds the members its `required` names (its siblings declare them):
   * set before the member is compiled.
   */
  readonly allOfLookups: WeakMap<
    Schema,
    (name: string) => JsonSubSchema | undefined
  >;
  /** The operation calling the named check `ref` points at; undefined when dangling. */
  ref(ref: string): PlanOp | undefined;
  /** A sub-schema checked by a check of its own (a branch of anyOf, not, if, contains). */
  branch(schema: SubSchema, depth: number): PlanSub;
  /** A sub-schema's node in place, or its number in the table past the nesting limit. */
  sub(schema: SubSchema, depth: number): PlanSub;
  /** The index of a pattern in the plan; undefined when it checks nothing. */
  regex(pattern: string): number | undefined;
}
