import { refTarget, type SubSchema as JsonSubSchema } from "../toolkit.js";
import type { ApiModel, NamedSchema, Schema } from "../../model/types.js";
import { isBareRef, isObject, isTrivial, type SubSchema } from "./subschema.js";
import { schemaOps } from "./plan-schema.js";
import type { PlanOp, PlanScope, PlanSub } from "./plan-types.js";

/**
 * The validators as data (issue 45): each schema becomes a node of a plan, the operations
 * templates/validators/plan.ts compiles into checks on a schema's first use. The generator
 * decides here what the generated code used to spell out: which keywords count, in which order
 * (the order of the violations), how each pattern runs, which members a discriminator picks,
 * which required names a request or a response may leave out. A plan is JSON in a string: a
 * user's tsc reads it as one token, where the statements it replaces were megabytes of code to
 * parse and bind (GitHub: 5.9 MB).
 *
 * A node is a list of operations `[code, ...operands]` (plan.ts's `PlanOp`). A sub-schema in a
 * node (`PlanSub`) is a node in place, or the number of a node of the plan's table: a named
 * schema's, or one moved out where nodes nest {@link NEST_LIMIT} deep, so that neither the
 * generator nor the runtime recurses deeper than that on a deep schema.
 */

export type { PlanOp, PlanSub } from "./plan-types.js";

/** How deep nodes nest in place before a sub-schema's node goes to the table. */
export const NEST_LIMIT = 12;

/** A pattern of the plan: `[source, flags]`, or with the linear-time matcher's program. */
type PatternEntry = [string, string] | [string, string, string, string[]];

/**
 * One file's plan: its table (filled from a worklist: a deep schema needs no deep recursion
 * here), its patterns, and how it refers to a named schema's check.
 */
export class PlanBuilder implements PlanScope {
  /** The table's nodes, by number; undefined while pending. */
  readonly nodes: (PlanOp[] | undefined)[] = [];
  /** The patterns, each once. */
  readonly patterns: PatternEntry[] = [];
  readonly allOfLookups = new WeakMap<
    Schema,
    (name: string) => JsonSubSchema | undefined
  >();
  /** The model's named schemas, which `$ref`s point at. */
  readonly schemas: Readonly<Record<string, NamedSchema>>;
  /** Whether a JSON number may come as a bigint (the config's `int64: "bigint"`). */
  readonly bigints: boolean;
  private readonly pending: [number, SubSchema][] = [];
  private readonly regexes = new Map<string, number | null>();
  private readonly interned = new Map<string, number>();

  constructor(
    private readonly model: Pick<ApiModel, "schemas" | "patterns" | "scalars">,
    /** The operation calling a named schema's check (undefined: not one of this run's). */
    private readonly refOp: (target: NamedSchema) => PlanOp | undefined,
  ) {
    this.schemas = model.schemas;
    this.bigints = model.scalars?.int64 === "bigint";
  }

  /** The operation calling the named check `ref` points at; undefined when dangling. */
  ref(ref: string): PlanOp | undefined {
    const target = refTarget(this.schemas, ref);
    return target && this.refOp(target);
  }

  /** A new node of the table for `schema`, compiled by finish(). */
  reserve(schema: SubSchema): number {
    const id = this.nodes.length;
    this.nodes.push(undefined);
    this.pending.push([id, schema]);
    return id;
  }

  /**
   * The sub-schema of a check of its own (a table entry, a branch of anyOf): a bare `$ref` the
   * named check itself, a trivial one nothing, else its node (at `depth`: in place, or moved
   * to the table).
   */
  branch(schema: SubSchema, depth: number): PlanSub {
    if (
      isObject(schema) &&
      typeof schema.$ref === "string" &&
      isBareRef(schema)
    ) {
      const op = this.ref(schema.$ref);
      return op === undefined ? [] : [op];
    }
    if (isTrivial(schema)) return [];
    return this.sub(schema, depth);
  }

  /** The node of `schema` in place, or the number of its node in the table past the limit. */
  sub(schema: SubSchema, depth: number): PlanSub {
    if (depth >= NEST_LIMIT && !isTrivial(schema)) return this.reserve(schema);
    return schemaOps(this, schema, depth + 1);
  }

  /**
   * The index of `pattern` in the plan's patterns; undefined when it checks nothing (not a
   * JavaScript regular expression, or refused: the reading reported it).
   */
  regex(pattern: string): number | undefined {
    const known = this.regexes.get(pattern);
    if (known !== undefined) return known ?? undefined;
    const guard = this.model.patterns?.get(pattern);
    // the reading decides every pattern of the model's schemas (model/patterns/safety.ts)
    if (guard === undefined)
      throw new Error(
        `the model has no verdict on the pattern ${JSON.stringify(pattern)} (ApiModel.patterns)`,
      );
    if (guard.kind === "invalid" || guard.kind === "refused") {
      this.regexes.set(pattern, null);
      return undefined;
    }
    const index = this.patterns.length;
    this.patterns.push(
      guard.kind === "regexp"
        ? [pattern, guard.flags]
        : [
            pattern,
            guard.flags,
            guard.program.code.join(","),
            [...guard.program.classes],
          ],
    );
    this.regexes.set(pattern, index);
    return index;
  }

  /**
   * The number of a table node checking `schema`, compiled now: the same node as an earlier
   * one's when they are the same (endpoints share their parameters' shapes).
   */
  intern(schema: SubSchema): number {
    const ops = schemaOps(this, schema, 0);
    const key = JSON.stringify(ops);
    let id = this.interned.get(key);
    if (id === undefined) {
      id = this.nodes.length;
      this.nodes.push(ops);
      this.interned.set(key, id);
    }
    return id;
  }

  /** Compiles what is pending (what compiling adds too). */
  finish(): void {
    for (let i = 0; i < this.pending.length; i++) {
      const [id, schema] = this.pending[i]!;
      this.nodes[id] = schemaOps(this, schema, 0);
    }
    this.pending.length = 0;
  }
}
