import { fileURLToPath } from "node:url";
import { bundle, createConfig } from "@redocly/openapi-core";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ingestFiles } from "../../src/ingest/index.js";
import { generate } from "../../src/generate.js";
import type { Diagnostic } from "../../src/model/types.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIR = "test/fixtures/openapi3/extension-refs/";

/** The operation at GET /pets of the openapi.json apiloom writes, and of Redocly's bundle. */
async function both(spec: string) {
  const { files, diagnostics } = await generate([DIR + spec], {
    cwd: ROOT,
    artifacts: ["openapi"],
  });
  const json = files.find((f) => f.path === "openapi.json")!.contents;
  const ours = JSON.parse(json).paths["/pets"].get;
  const { bundle: redocly, problems } = await bundle({
    ref: ROOT + DIR + spec,
    config: await createConfig({}),
  });
  expect(problems).toEqual([]);
  return { ours, theirs: redocly.parsed.paths["/pets"].get, diagnostics };
}

/** The head of an OpenAPI 3.0 document up to its one operation, GET /a. */
const GET_A =
  'openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths:\n  /a:\n    get:\n';

/** Reads files held in memory (a file not there is ENOENT). */
const inMemory = (files: Record<string, string>) => (path: string) => {
  if (Object.hasOwn(files, path)) return files[path]!;
  throw Object.assign(new Error("no such file"), { code: "ENOENT" });
};

/** ingestFiles of /p/openapi.yaml, its files held in memory. */
const ingestInMemory = (files: Record<string, string>) =>
  ingestFiles(["openapi.yaml"], { cwd: "/p", readText: inMemory(files) });

/** Each diagnostic as [code, severity, file, line, column]. */
const placed = (list: readonly Diagnostic[]) =>
  list.map((d) => [d.code, d.severity, d.file, d.line, d.column]);

const extensions = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => k.startsWith("x-")));

describe("a $ref inside an extension (Redocly's code samples in files)", () => {
  it.each(["openapi.yaml", "swagger.yaml"])(
    "%s: openapi.json holds what the file holds, as Redocly's bundle does",
    async (spec) => {
      const { ours, theirs, diagnostics } = await both(spec);
      expect(diagnostics).toEqual([]);
      expect(extensions(ours)).toEqual(extensions(theirs));
      expect(ours.parameters[0]["x-doc"]).toBe("at most 100\n");
      expect(ours.parameters[0]["x-doc"]).toBe(theirs.parameters[0]["x-doc"]);
      // a file that is not JSON or YAML is its text, never read as YAML (`key: value`)
      expect(ours["x-codeSamples"][0].source).toContain(
        "key: value stays text",
      );
    },
  );

  it("keeps what it cannot follow as written, with a warning at the $ref, and writes the rest", async () => {
    const files: Record<string, string> = {
      "/p/openapi.yaml": `${GET_A}      x-gone: { $ref: ./gone.cs }
      x-out: { $ref: ../outside.txt }
      x-loop: { $ref: ./loop.yaml }
      x-proto: { __proto__: { $ref: ./a.txt }, b: { c: [1, { $ref: ./a.txt }] } }
      responses: { "200": { description: ok } }
`,
      "/p/loop.yaml": "self:\n  $ref: ./loop.yaml\n",
      "/p/a.txt": "text",
      "/outside.txt": "not read",
    };
    const { files: out, diagnostics } = await generate(["openapi.yaml"], {
      cwd: "/p",
      artifacts: ["openapi"],
      readText: inMemory(files),
    });
    expect(placed(diagnostics)).toEqual([
      ["ref/extension-kept", "warning", "loop.yaml", 2, 3],
      ["ref/extension-kept", "warning", "openapi.yaml", 6, 17],
      ["ref/extension-kept", "warning", "openapi.yaml", 7, 16],
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      '$ref "./loop.yaml" leads back into itself; it stays as written',
      '$ref "./gone.cs": cannot read the file: no such file; it stays as written',
      '$ref "../outside.txt" points outside the spec\'s folder; pass --allow-external-refs to follow it; it stays as written',
    ]);
    const get = JSON.parse(out.find((f) => f.path === "openapi.json")!.contents)
      .paths["/a"].get;
    expect(get["x-gone"]).toEqual({ $ref: "./gone.cs" });
    expect(get["x-out"]).toEqual({ $ref: "../outside.txt" });
    expect(get["x-loop"]).toEqual({ self: { $ref: "./loop.yaml" } });
    // `__proto__` stays a key, as JSON.parse and YAML read it, never the object's prototype
    expect(Object.keys(get["x-proto"])).toEqual(["__proto__", "b"]);
    expect(
      Object.getOwnPropertyDescriptor(get["x-proto"], "__proto__")!.value,
    ).toBe("text");
    expect(get["x-proto"].b).toEqual({ c: [1, "text"] });
  });
});

describe("a Swagger 2.0 document's own $ref inside an extension", () => {
  const swagger = (x: string) =>
    `swagger: "2.0"\ninfo: { title: t, version: "1" }\npaths:\n  /a:\n    get:\n` +
    `      x-multi: ${x}\n      responses: { "200": { description: ok } }\n` +
    `definitions:\n  Pet: { type: object, properties: { name: { type: string } } }\n` +
    `  Tree: { type: object, properties: { kids: { type: array, items: { $ref: "#/definitions/Tree" } } } }\n`;
  const written = async (x: string) => {
    const { files, diagnostics } = await generate(
      [{ file: "swagger.yaml", text: swagger(x) }],
      { artifacts: ["openapi"] },
    );
    const json = JSON.parse(
      files.find((f) => f.path === "openapi.json")!.contents,
    );
    return { json, diagnostics };
  };

  it("is what it names: #/definitions names nothing in the OpenAPI 3 written (the validator resolves every $ref)", async () => {
    const { json, diagnostics } = await written(
      '[{ request: { $ref: "#/definitions/Pet" } }]',
    );
    expect(diagnostics.filter((d) => d.code.startsWith("ref/"))).toEqual([]);
    expect(json.paths["/a"].get["x-multi"]).toEqual([
      { request: { type: "object", properties: { name: { type: "string" } } } },
    ]);
    const result = await new Validator().validate(json);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  });

  it("inside a schema's keyword that is no sub-schema (swagger-codegen's petstore: a member beside `properties`), is what it names too", async () => {
    const text =
      swagger("[]") +
      `  ArrayTest: { type: object, models: { type: array, items: { $ref: "#/definitions/Pet" } } }\n`;
    const { files } = await generate([{ file: "swagger.yaml", text }], {
      artifacts: ["openapi"],
    });
    const json = JSON.parse(
      files.find((f) => f.path === "openapi.json")!.contents,
    );
    expect(json.components.schemas.ArrayTest.models.items).toEqual(
      json.components.schemas.Pet,
    );
    const result = await new Validator().validate(json);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  });

  it("leading back into itself, is kept as written with a warning at the $ref", async () => {
    const { diagnostics } = await written('{ $ref: "#/definitions/Tree" }');
    const kept = diagnostics.filter((d) => d.code === "ref/extension-kept");
    expect(kept).toHaveLength(1);
    expect(kept[0]!.message).toMatch(/leads back into itself/);
  });
});

describe("the $refs of extensions, hostile", () => {
  function read(files: Record<string, string>) {
    const { documents, diagnostics } = ingestInMemory(files);
    return { extensions: documents[0]!.endpoints[0]!.extensions, diagnostics };
  }
  const root = (x: string) =>
    `${GET_A}      x-a: ${x}\n      responses: { "200": { description: ok } }\n`;

  it("stops a file that names the next twice, 40 deep (2^40 values), after 1,000,000 values, with a warning", () => {
    const files: Record<string, string> = {
      "/p/openapi.yaml": root("{ $ref: ./f0.yaml }"),
      "/p/f40.yaml": "leaf: 1\n",
    };
    for (let i = 0; i < 40; i++)
      files[`/p/f${i}.yaml`] =
        `a: { $ref: ./f${i + 1}.yaml }\nb: { $ref: ./f${i + 1}.yaml }\n`;
    const { extensions, diagnostics } = read(files);
    expect(new Set(diagnostics.map((d) => d.code))).toEqual(
      new Set(["ref/extension-kept"]),
    );
    expect(diagnostics[0]!.message).toMatch(
      /comes after 1,000,000 values read so; it stays as written$/,
    );
    // what was read is at most the bound, and the rest stays a $ref
    const count = (v: unknown): number =>
      typeof v === "object" && v !== null
        ? 1 + Object.values(v).reduce<number>((n, x) => n + count(x), 0)
        : 0;
    expect(count(extensions["x-a"])).toBeLessThanOrEqual(1_000_000 * 2);
    expect(JSON.stringify(extensions["x-a"])).toContain('"$ref"');
  });

  it("on random graphs of files (cycles, dead ends, the spec itself): never throws, and every $ref left is the spec's own or warned of", () => {
    const names = ["a.yaml", "b.yaml", "c.json", "d.txt", "gone.yaml"];
    const ref = fc.oneof(
      fc.constantFrom(...names).map((n) => `./${n}`),
      fc.constantFrom("./a.yaml#/x", "./b.yaml#/x/0", "#/paths", "#/nowhere"),
    );
    const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof(
        { depthSize: "small" },
        fc.integer(),
        ref.map(($ref) => ({ $ref })),
        fc.array(tie("v"), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom("x", "y", "__proto__"), tie("v"), {
          maxKeys: 3,
        }),
      ),
    })).v;
    fc.assert(
      fc.property(value, value, value, value, (x, a, b, c) => {
        const files: Record<string, string> = {
          "/p/openapi.yaml": root(JSON.stringify(x)),
          "/p/a.yaml": JSON.stringify({ x: a }),
          "/p/b.yaml": JSON.stringify({ x: [b] }),
          "/p/c.json": JSON.stringify(c),
          "/p/d.txt": "text",
        };
        const { extensions, diagnostics } = read(files);
        const warned = diagnostics
          .filter((d) => d.code === "ref/extension-kept")
          .map((d) => d.message);
        const left: string[] = [];
        const walk = (v: unknown) => {
          if (typeof v !== "object" || v === null) return;
          const $ref = (v as { $ref?: unknown }).$ref;
          if (typeof $ref === "string") left.push($ref);
          Object.values(v).forEach(walk);
        };
        walk(extensions["x-a"]);
        for (const r of left)
          if (!r.startsWith("#"))
            expect(warned.some((m) => m.includes(JSON.stringify(r)))).toBe(
              true,
            );
      }),
      { seed: 31, numRuns: 300 },
    );
  });
});

describe("the document's own $ref inside data (an example, an x- member)", () => {
  it("is what it names unless it names a schema: openapi.json writes no components.examples or x- members, and is valid", async () => {
    const spec = DIR + "own-refs.yaml";
    const { files, diagnostics } = await generate([spec], {
      cwd: ROOT,
      artifacts: ["openapi"],
    });
    expect(diagnostics).toEqual([]);
    const ours = JSON.parse(
      files.find((f) => f.path === "openapi.json")!.contents,
    );
    // the validator follows every $ref, as Redoc and Swagger UI do: a dangling one fails it
    const result = await new Validator().validate(structuredClone(ours));
    expect(result.errors).toEqual(undefined);
    expect(result.valid).toBe(true);
    // what the $refs name, as Redocly's bundle keeps it (it keeps the components and the $refs)
    const { bundle: redocly } = await bundle({
      ref: ROOT + spec,
      config: await createConfig({}),
    });
    const { examples, "x-policy": policy } = redocly.parsed.components;
    const rex = examples.Rex.value;
    const get = ours.paths["/pets"].get;
    const pet = ours.components.schemas.Pet;
    expect(get["x-policy"]).toEqual([policy.Preview, policy.Attribution]);
    const json = get.responses["200"].content["application/json"];
    expect(json.examples.one).toEqual({ value: { pet: rex, page: 1 } });
    expect(pet.properties.name["x-policy-list"]).toEqual([policy.Preview]);
    // OpenAPI's `example` is JSON Schema's `examples` in 3.1
    expect(pet.examples).toEqual([rex]);
    // a schema's $ref stays: openapi.json writes the schema it names
    expect(get["x-schema"]).toEqual({ $ref: "#/components/schemas/Pet" });
  });
});

describe("which files a $ref reads as text", () => {
  it("a program or a text is its text; a file of another name is read by its content", () => {
    const files: Record<string, string> = {
      "/p/openapi.yaml": `openapi: 3.0.3
info: { title: t, version: "1", description: { $ref: ./intro.txt } }
paths:
  /a:
    get:
      x-sample: { $ref: ./sample.py }
      responses:
        "200":
          description: ok
          content:
            application/json: { schema: { $ref: ./pet.schema } }
`,
      "/p/intro.txt": "key: value\n",
      "/p/sample.py": "print('a: b')\n",
      "/p/pet.schema":
        '{"type": "object", "properties": {"id": {"type": "string"}}}',
    };
    const { documents, diagnostics } = ingestInMemory(files);
    expect(diagnostics).toEqual([]);
    const doc = documents[0]!;
    expect(doc.info.description).toBe("key: value\n");
    expect(doc.endpoints[0]!.extensions["x-sample"]).toBe("print('a: b')\n");
    expect(JSON.stringify(doc.schemas)).toContain('"id":{"type":"string"}');
  });
});

describe("a schema that is not one", () => {
  it("is read as any value with a warning at its line, where ajv refuses to compile it", () => {
    const files: Record<string, string> = {
      "/p/openapi.yaml": `${GET_A}      responses:
        "200":
          description: ok
          content:
            application/json: { schema: string }
        "201":
          description: ok
          content:
            application/json: { schema: { $ref: ./pet.txt } }
        "202":
          description: ok
          content:
            application/json: { schema: [string] }
`,
      "/p/pet.txt": "id: string\n",
    };
    const { diagnostics } = ingestInMemory(files);
    expect(placed(diagnostics)).toEqual([
      ["schema/not-a-schema", "warning", "openapi.yaml", 10, 33],
      ["schema/not-a-schema", "warning", "openapi.yaml", 18, 33],
      ["schema/not-a-schema", "warning", "pet.txt", 1, 1],
    ]);
    for (const schema of ["string", "id: string\n", ["string"]])
      expect(() => new Ajv2020().compile(schema as never)).toThrow(
        /must be object/,
      );
  });
});

describe("the docs show an endpoint's own code samples", () => {
  it("each x-codeSamples entry Redocly bundles, fenced in the page and escaped in index.html", async () => {
    const { files } = await generate([DIR + "openapi.yaml"], {
      cwd: ROOT,
      artifacts: ["docs"],
    });
    const { bundle: redocly } = await bundle({
      ref: ROOT + DIR + "openapi.yaml",
      config: await createConfig({}),
    });
    const samples = redocly.parsed.paths["/pets"].get["x-codeSamples"] as {
      lang: string;
      source: string;
    }[];
    const page = files.find((f) => f.path.startsWith("docs/tags/"))!.contents;
    const html = files.find((f) => f.path === "docs/index.html")!.contents;
    for (const { lang, source } of samples) {
      expect(page).toContain(`\`\`\`${lang}\n${source.trimEnd()}\n\`\`\``);
      expect(html).toContain(
        `<pre><code>${source.trimEnd().replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;")}</code></pre>`,
      );
    }
  });
});
