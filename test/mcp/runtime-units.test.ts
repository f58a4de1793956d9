import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  MAX_INLINED_NODES,
  selfContained,
} from "../../templates/mcp/schema.js";
import { RECENT_CREDENTIALS, Secrets } from "../../templates/mcp/secrets.js";
import type { ClientAuth } from "../../templates/client/auth.js";
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
    // a tool's input: its body's readOnly members do not travel, a parameter's schema says nothing
    const input = {
      type: "object",
      required: ["path", "body"],
      properties: {
        path: {
          type: "object",
          required: ["alert_number"],
          properties: { alert_number: { $ref: "#/$defs/Id" } },
        },
        body: { $ref: "#/$defs/Pet" },
      },
    };
    const request = selfContained(
      input,
      { ...defs, Id: { type: "integer", readOnly: true } },
      "request",
      KEYWORDS,
    );
    expect(request).toEqual({
      type: "object",
      required: ["path", "body"],
      properties: {
        path: {
          type: "object",
          required: ["alert_number"],
          properties: { alert_number: { type: "integer", readOnly: true } },
        },
        body: {
          type: "object",
          required: ["name", "password"],
          properties: {
            name: { type: "string" },
            password: { type: "string", writeOnly: true },
            owner: { type: "object", description: "who", properties: {} },
          },
        },
      },
    });
    const response = selfContained(
      { type: "object", properties: { body: { $ref: "#/$defs/Pet" } } },
      defs,
      "response",
      KEYWORDS,
    );
    const body = (response["properties"] as { body: { required: string[] } })
      .body;
    expect(body.required).toEqual(["id", "name"]);
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

describe("Secrets: what credential functions return, the last RECENT_CREDENTIALS kept", () => {
  it("forgets the least recently returned: the forms it keeps stay bounded", async () => {
    const secrets = new Secrets();
    let n = 0;
    // `/`, `~`, `+` and `é`: a value of six forms (URL-encoded, a pointer's, JSON-escaped...)
    const mint = secrets.credential(
      async () => `tok/${++n}~+é`,
    ) as () => Promise<string>;
    await mint();
    const forms = secrets.size;
    expect(forms).toBe(6);
    for (let i = 0; i < 10 * RECENT_CREDENTIALS; i++) await mint();
    expect(secrets.size).toBe(forms * RECENT_CREDENTIALS);
    expect(secrets.text(`tok/${n}~+é`)).toBe("[redacted]");
    expect(secrets.text(`tok/${n - RECENT_CREDENTIALS + 1}~+é`)).toBe(
      "[redacted]",
    );
    expect(secrets.text(`tok/${n - RECENT_CREDENTIALS}~+é`)).toBe(
      `tok/${n - RECENT_CREDENTIALS}~+é`,
    );
  });

  it("counts a value returned again as the most recent, and never forgets the options' own", async () => {
    const secrets = new Secrets();
    let next = "";
    const options = secrets.options({
      auth: { password: "pw-fixed-123", token: async () => next },
    });
    const token = options.auth!.token as () => Promise<string>;
    next = "keep-me-0001";
    await token();
    for (let i = 1; i < RECENT_CREDENTIALS; i++) {
      next = `other-${i}`;
      await token();
    }
    next = "keep-me-0001"; // again: now the latest, `other-1` the oldest
    await token();
    next = "newest-0001"; // one more than the server keeps: `other-1` is forgotten
    await token();
    expect(
      secrets.text("keep-me-0001 other-1 other-2 newest-0001 pw-fixed-123"),
    ).toBe("[redacted] other-1 [redacted] [redacted] [redacted]");
  });

  it("keeps a call's own values for the call, whatever the server forgets", async () => {
    const server = new Secrets();
    let next = "";
    const options = server.options({ auth: { token: async () => next } });
    const call = server.call();
    next = "mine-0001";
    expect(
      await (
        call.auth as ClientAuth & { token: () => Promise<string> }
      ).token(),
    ).toBe("mine-0001");
    const others = options.auth!.token as () => Promise<string>;
    for (let i = 0; i < RECENT_CREDENTIALS; i++) {
      next = `others-${i}`;
      await others();
    }
    expect(server.text("mine-0001 others-0")).toBe("mine-0001 [redacted]");
    expect(call.secrets.text("mine-0001 others-0")).toBe(
      "[redacted] [redacted]",
    );
    expect(call.secrets.value({ "mine-0001": ["mine-0001"] })).toEqual({
      "[redacted]": ["[redacted]"],
    });
  });

  it("replaces occurrences of forms that overlap, whatever their order", () => {
    const secrets = new Secrets();
    secrets.add("abc-1");
    secrets.add("c-1234");
    expect(secrets.text("xabc-1234x")).toBe("x[redacted]x");
  });
});

describe("Secrets.value: a credential across strings of one place", () => {
  const secrets = new Secrets();
  secrets.add("tok_S3cr3t");

  it("replaces each part of one split in three, as a model's chunks may split it", () => {
    expect(secrets.value(["x tok", "_S3c", "r3t y"])).toEqual([
      "x [redacted]",
      "[redacted]",
      "[redacted] y",
    ]);
  });

  it("joins the strings of a place across items of other shapes, and keys with keys", () => {
    expect(
      secrets.value([
        { delta: { text: "x tok_S" }, id: "1" },
        { ping: true, id: "2" },
        { delta: { text: "3cr3t y" }, id: "3" },
        { tok_S3: 1 },
        { cr3t: 2 },
      ]),
    ).toEqual([
      { delta: { text: "x [redacted]" }, id: "1" },
      { ping: true, id: "2" },
      { delta: { text: "[redacted] y" }, id: "3" },
      { "[redacted]": 1 },
      { "[redacted]": 2 },
    ]);
  });

  it("gives the value itself when it holds no credential", () => {
    const value = { items: ["tok_S3c", { r3t: "tok_S3cr" }] };
    expect(secrets.value(value)).toBe(value);
  });
});
