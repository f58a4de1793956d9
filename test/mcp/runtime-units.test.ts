import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  MAX_INLINED_NODES,
  selfContained,
} from "../../templates/mcp/schema.js";
import { Secrets } from "../../templates/mcp/secrets.js";
import { KEYWORDS } from "../../src/emit/mcp/json-schema.js";

/*
 * The runtime files of templates/mcp/ that hold no call: $ref inlining (schema.ts) and the
 * credentials kept out of results (secrets.ts).
 */
describe("selfContained: a tool's schema without references", () => {
  const defs = {
    Pet: {
      type: "object",
      required: ["id", "name", "password"],
      properties: {
        id: { type: "integer", readOnly: true },
        name: { type: "string" },
        password: { type: "string", writeOnly: true },
        owner: { $ref: "#/$defs/Owner", description: "who" },
      },
    },
    Owner: { type: "object", description: "a person", properties: {} },
    Node: {
      type: "object",
      properties: { next: { $ref: "#/$defs/Node" } },
    },
    "a b/c": { type: "string" },
  };

  it("inlines references, notes beside one winning, and drops what does not travel", () => {
    const request = selfContained(
      { $ref: "#/$defs/Pet" },
      defs,
      "request",
      KEYWORDS,
    );
    expect(request).toEqual({
      type: "object",
      required: ["name", "password"],
      properties: {
        id: { type: "integer", readOnly: true },
        name: { type: "string" },
        password: { type: "string", writeOnly: true },
        owner: { type: "object", description: "who", properties: {} },
      },
    });
    const response = selfContained(
      { $ref: "#/$defs/Pet" },
      defs,
      "response",
      KEYWORDS,
    );
    expect(response["required"]).toEqual(["id", "name"]);
  });

  it("keeps a schema beside a reference's other keywords with allOf", () => {
    expect(
      selfContained(
        { $ref: "#/$defs/Owner", minProperties: 1 },
        defs,
        "request",
        KEYWORDS,
      ),
    ).toEqual({
      allOf: [{ type: "object", description: "a person", properties: {} }],
      minProperties: 1,
    });
  });

  it("keeps a recursive reference, its schema once under $defs", () => {
    expect(
      selfContained({ $ref: "#/$defs/Node" }, defs, "request", KEYWORDS),
    ).toEqual({
      type: "object",
      properties: { next: { $ref: "#/$defs/Node" } },
      $defs: {
        Node: {
          type: "object",
          properties: { next: { $ref: "#/$defs/Node" } },
        },
      },
    });
  });

  it("reads %-escaped and ~-escaped names, and keeps __proto__ a member", () => {
    const schema = selfContained(
      {
        type: "object",
        properties: JSON.parse(
          '{"__proto__": {"$ref": "#/$defs/a%20b~1c"}}',
        ) as object,
      },
      defs,
      "request",
      KEYWORDS,
    );
    const properties = schema["properties"] as object;
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(
      Object.getOwnPropertyDescriptor(properties, "__proto__")?.value,
    ).toEqual({ type: "string" });
  });

  it("stops inlining past its budget: a description whose schemas share parts stays linear", () => {
    // each level refers to the next twice: inlined whole, 2^20 copies
    const wide: Record<string, Record<string, unknown>> = {};
    for (let i = 0; i < 20; i++)
      wide[`L${i}`] = {
        type: "object",
        properties: {
          a: { $ref: `#/$defs/L${i + 1}` },
          b: { $ref: `#/$defs/L${i + 1}` },
        },
      };
    wide["L20"] = { type: "string" };
    const schema = selfContained(
      { $ref: "#/$defs/L0" },
      wide,
      "request",
      KEYWORDS,
    );
    const size = JSON.stringify(schema).length;
    expect(size).toBeLessThan(MAX_INLINED_NODES * 200);
    expect(schema).toHaveProperty("$defs");
  });
});

describe("KEYWORDS: the keyword groups written once", () => {
  it("walks by the groups it is given: schema.ts holds no list of its own", () => {
    const defs = { Leaf: { type: "string" } };
    const schema = {
      not: { $ref: "#/$defs/Leaf" },
      properties: { a: { $ref: "#/$defs/Leaf" } },
      examples: [{ $ref: "#/$defs/Leaf" }],
    };
    // the generator's groups: sub-schemas inlined, data left as it is
    expect(selfContained(schema, defs, "request", KEYWORDS)).toEqual({
      not: { type: "string" },
      properties: { a: { type: "string" } },
      examples: [{ $ref: "#/$defs/Leaf" }],
    });
    // groups without `not`: its value is data, its $ref kept (no $defs: it refers to nothing)
    const without = { ...KEYWORDS, schema: [] };
    expect(selfContained(schema, defs, "request", without)).toEqual({
      not: { $ref: "#/$defs/Leaf" },
      properties: { a: { type: "string" } },
      examples: [{ $ref: "#/$defs/Leaf" }],
    });
    const text = readFileSync(
      new URL("../../templates/mcp/schema.ts", import.meta.url),
      "utf8",
    );
    // (it reads `properties` and `readOnly`/`writeOnly` by name, for `required`)
    const own = new Set(["properties", "readOnly", "writeOnly"]);
    for (const keyword of [
      ...KEYWORDS.schema,
      ...KEYWORDS.schemaList,
      ...KEYWORDS.schemaMap,
      ...KEYWORDS.notes,
    ])
      if (!own.has(keyword))
        expect(text, keyword).not.toContain(`"${keyword}"`);
  });
});

describe("Secrets: credentials replaced in what a tool returns", () => {
  it("replaces every credential of the options, URL-encoded and as Basic's base64", async () => {
    const secrets = new Secrets();
    const options = secrets.options({
      auth: {
        username: "ada",
        password: "p@ss word",
        apiKey: { keyAuth: () => "k-123456" },
      },
      headers: {
        "X-Session-Token": "s-987",
        Authorization: "Bearer b-555",
        Accept: "json",
      },
    });
    const key = (
      options.auth!.apiKey as unknown as Record<string, () => Promise<string>>
    )["keyAuth"]!;
    expect(await key()).toBe("k-123456");
    const text = `ada p%40ss%20word p@ss word ${btoa("ada:p@ss word")} k-123456 s-987 b-555 json`;
    expect(secrets.text(text)).toBe(
      "ada [redacted] [redacted] [redacted] [redacted] [redacted] [redacted] json",
    );
    expect(secrets.value({ "s-987": ["k-123456", 1] })).toEqual({
      "[redacted]": ["[redacted]", 1],
    });
  });
});
