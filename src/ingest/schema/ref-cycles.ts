import { schemaRefName } from "../../model/schema/ref.js";
import type { NamedSchema, Schema } from "../../model/types.js";
import type { ReaderContext } from "../reader.js";

/**
 * Named schemas that refer to each other with nothing in between (`A: {$ref: B}`, `B: {$ref: A}`;
 * `Pet: {oneOf: [Cat]}` with `Cat: {allOf: [Pet, {…}]}`), which TypeScript rejects as aliases.
 * A cycle of bare references is `schema/alias-cycle`; one through a composition with structure of
 * its own is `schema/composition-cycle`, its closing `allOf` member replaced by the parent's own
 * members (another reference dropped). Either way the cycle is broken.
 */
export function breakRefCycles(
  schemas: Record<string, NamedSchema>,
  ctx: ReaderContext,
): void {
  // each pass breaks one cycle; a schema graph has fewer cycles to break than edges
  for (let guard = 0; guard < 10_000; guard++) {
    const cycle = findCycle(schemas);
    if (!cycle) return;
    const members = cycle.map((edge) => edge.from);
    const pure = members.every((name) =>
      isPureReference(schemas[name]!.schema),
    );
    const names = [...members, members[0]!]
      .map((n) => JSON.stringify(n))
      .join(" → ");
    const sources = members.map((name) => schemas[name]!.sources[0]!);
    ctx.settlePlaces(); // the message names their lines
    const lines = members
      .map((name, i) => `${JSON.stringify(name)} at line ${sources[i]!.line}`)
      .join(", ");
    if (pure) {
      ctx.reporter.report(
        "schema/alias-cycle",
        members.length === 1
          ? `schema ${names} refers only to itself, with no object or array between, so it describes no value (${lines})`
          : `schemas ${names} only refer to each other, with no object or array between them, so they describe no value (${lines})`,
        sources[0]!,
        sources.slice(1),
      );
      const first = schemas[members[0]!]!;
      first.schema = documentationOf(first.schema);
      continue;
    }
    const index = cycle.findIndex((edge) => edge.keyword === "allOf");
    const cut = cycle[Math.max(0, index)]!;
    const from = schemas[cut.from]!;
    const next = cycle[(index + 1) % cycle.length]!;
    // `Cat: allOf [Pet, …]`: Pet's own members stay in Cat, without the keyword that leads
    // back (`Pet: oneOf [Cat, …]`)
    if (index !== -1)
      cut.replace(withoutKeyword(schemas[cut.to]!.schema, next.keyword));
    else cut.remove();
    ctx.reporter.report(
      "schema/composition-cycle",
      index !== -1
        ? `schemas ${names} refer to each other through allOf with no property or array item between them, which TypeScript cannot type; ${JSON.stringify(cut.from)} takes ${JSON.stringify(cut.to)}'s members without its ${next.keyword} instead of the reference (${lines})`
        : `schemas ${names} refer to each other through ${cut.keyword} with no property or array item between them, which TypeScript cannot type; ${JSON.stringify(cut.from)}'s ${cut.keyword} member ${JSON.stringify(cut.to)} is dropped (${lines})`,
      from.sources[0]!,
      sources.filter((s) => s !== from.sources[0]),
    );
  }
}

interface Edge {
  from: string;
  to: string;
  keyword: "$ref" | "allOf" | "oneOf" | "anyOf";
  /** Removes the reference from the schema that holds it. */
  remove(): void;
  /** Puts `schema` where the reference was (a composition member; else as `remove`). */
  replace(schema: Schema): void;
}

/** A copy of `schema` without `keyword` (and its discriminator, which belongs to a oneOf/anyOf). */
function withoutKeyword(schema: Schema, keyword: Edge["keyword"]): Schema {
  const out: Schema = structuredClone(schema);
  delete out[keyword];
  if (keyword === "oneOf" || keyword === "anyOf") delete out.discriminator;
  return out;
}

/** The references a schema's type is made of directly: its `$ref`, and those in its compositions. */
function edgesOf(from: string, schema: Schema): Edge[] {
  const out: Edge[] = [];
  const visit = (
    s: Schema,
    keyword: Edge["keyword"],
    remove: () => void,
    replace: (by: Schema) => void,
  ) => {
    if (typeof s.$ref === "string") {
      const to = schemaRefName(s.$ref);
      if (to !== undefined) out.push({ from, to, keyword, remove, replace });
    }
    for (const key of ["allOf", "oneOf", "anyOf"] as const) {
      const list = s[key];
      if (!Array.isArray(list)) continue;
      for (const member of list)
        visit(
          member,
          keyword === "$ref" ? key : keyword,
          () => {
            const at = list.indexOf(member);
            if (at !== -1) list.splice(at, 1);
            if (list.length === 0) delete s[key];
          },
          (by) => {
            const at = list.indexOf(member);
            if (at !== -1) list[at] = by;
          },
        );
    }
  };
  const removeRoot = () => delete schema.$ref;
  visit(schema, "$ref", removeRoot, removeRoot);
  return out;
}

/** The first cycle met in name order, as its edges; iterative, so a long chain cannot overflow. */
function findCycle(schemas: Record<string, NamedSchema>): Edge[] | undefined {
  const state = new Map<string, "open" | "done">();
  for (const start of Object.keys(schemas).sort()) {
    if (state.has(start)) continue;
    const stack: { name: string; edges: Edge[]; next: number; via?: Edge }[] =
      [];
    const push = (name: string, via?: Edge) => {
      state.set(name, "open");
      stack.push({
        name,
        edges: edgesOf(name, schemas[name]!.schema),
        next: 0,
        via,
      });
    };
    push(start);
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const edge = top.edges[top.next++];
      if (!edge) {
        state.set(top.name, "done");
        stack.pop();
        continue;
      }
      if (!Object.hasOwn(schemas, edge.to)) continue;
      const seen = state.get(edge.to);
      if (seen === "done") continue;
      if (seen === "open") {
        const from = stack.findIndex((f) => f.name === edge.to);
        return [...stack.slice(from + 1).map((f) => f.via!), edge];
      }
      push(edge.to, edge);
    }
  }
  return undefined;
}

/** Keywords that document a schema without constraining it. */
export const DOC_KEYWORDS: readonly string[] =
  "description title deprecated readOnly writeOnly".split(" ");

/** Nothing but references, compositions of references, and documentation. */
function isPureReference(schema: Schema): boolean {
  return Object.entries(schema).every(
    ([key, value]) =>
      key === "$ref" ||
      DOC_KEYWORDS.includes(key) ||
      (["allOf", "oneOf", "anyOf"].includes(key) &&
        Array.isArray(value) &&
        value.every(isPureReference)),
  );
}

/** `schema`'s documentation keywords, copied into `out`. */
export function documentationOf(schema: Schema, out: Schema = {}): Schema {
  for (const key of DOC_KEYWORDS)
    if (schema[key] !== undefined)
      (out as Record<string, unknown>)[key] = schema[key];
  return out;
}
