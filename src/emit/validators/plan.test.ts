import { describe, expect, it } from "vitest";
import type { NamedSchema, Schema } from "../../model/types.js";
import { PlanBuilder } from "./plan.js";

/** A plan over one named schema `A`, counting how often a node compiles a call of its check. */
function counted() {
  const model = {
    schemas: { A: { schema: { type: "string" } } as unknown as NamedSchema },
    patterns: new Map(),
  };
  let refs = 0;
  const plan = new PlanBuilder(model, () => {
    refs += 1;
    return ["@", "checkA"];
  });
  return { plan, refs: () => refs };
}

/** `{ a: { a: … { $ref A } } }`, `depth` objects deep. */
function nested(depth: number): Schema {
  let schema: Schema = { $ref: "#/components/schemas/A" };
  for (let i = 0; i < depth; i++) schema = { properties: { a: schema } };
  return schema;
}

describe("PlanBuilder.part", () => {
  it("compiles a schema of the same text once: endpoints repeat their parameters' schemas", () => {
    const { plan, refs } = counted();
    const first = plan.part(nested(2));
    expect(refs()).toBe(1);
    expect(plan.part(nested(2))).toBe(first);
    expect(refs()).toBe(1);
    expect(plan.nodes).toHaveLength(1);
  });

  it("finds a schema whose node moved nodes out to the table by its text, not compiled again", () => {
    const { plan, refs } = counted();
    const first = plan.part(nested(14));
    const nodes = plan.nodes.length;
    expect(nodes).toBeGreaterThan(1);
    expect(plan.part(nested(14))).toBe(first);
    expect(plan.nodes).toHaveLength(nodes);
    plan.finish();
    expect(refs()).toBe(1);
  });

  it("shares the node of schemas that differ only in what checks nothing (a description)", () => {
    const { plan, refs } = counted();
    const a = plan.part({ ...nested(1), description: "one" });
    expect(plan.part({ ...nested(1), description: "two" })).toBe(a);
    expect(refs()).toBe(2);
    expect(plan.nodes).toHaveLength(1);
  });

  it("compiles again a schema whose JSON text has a null, which may stand for another value", () => {
    const { plan, refs } = counted();
    const schema = () => ({
      properties: {
        a: { $ref: "#/components/schemas/A" },
        b: { enum: [null] },
      },
    });
    expect(plan.part(schema())).toBe(plan.part(schema()));
    expect(refs()).toBe(2);
  });

  it("is the named schema's own node for a bare $ref", () => {
    const model = {
      schemas: { A: { schema: { type: "string" } } as unknown as NamedSchema },
      patterns: new Map(),
    };
    const plan = new PlanBuilder(model, () => ["$", 0]);
    expect(plan.reserve(model.schemas.A.schema)).toBe(0);
    expect(plan.part({ $ref: "#/components/schemas/A" })).toBe(0);
    expect(plan.part({ $ref: "#/components/schemas/A", minLength: 1 })).toBe(1);
  });
});
