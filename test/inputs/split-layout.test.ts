import { fileURLToPath, pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ingestFiles, ingestTexts } from "../../src/ingest/index.js";
import { peer } from "../validators/oracles/harness.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SPLIT = "test/fixtures/openapi3/split/openapi.yaml";

/** openapi-typescript 7 (it bundles a split spec with Redocly first): its `components.schemas` names. */
async function peerSchemaNames(file: string): Promise<string[]> {
  const text = peer.astToString(
    await peer.default(pathToFileURL(ROOT + file), { silent: true }),
  );
  const schemas = /\n {4}schemas: \{\n([\s\S]*?)\n {4}\};/.exec(text)![1]!;
  return [...schemas.matchAll(/^ {8}(\w+):/gm)].map((m) => m[1]!);
}

describe("definitions that are a $ref into another file (redocly split's layout)", () => {
  it("name that file's schema as a bundler does: Pet, not an alias of a Pet2", async () => {
    const doc = ingestFiles([SPLIT], { cwd: ROOT }).documents[0]!;
    expect(Object.keys(doc.schemas).sort()).toEqual(
      (await peerSchemaNames(SPLIT)).sort(),
    );
    expect(doc.schemas.Pet!.schema.properties!.owner).toEqual({
      $ref: "#/components/schemas/Owner",
    });
    expect(doc.schemas.Owner!.schema.properties!.pets).toEqual({
      type: "array",
      items: { $ref: "#/components/schemas/Pet" },
    });
    expect(doc.schemas.Pet!.sources[0]).toMatchObject({
      file: "test/fixtures/openapi3/split/schemas/Pet.yaml",
      line: 1,
    });
    // a definition that is a $ref inside its own document stays an alias, as openapi-typescript's
    expect(doc.schemas.Animal!.schema).toEqual({
      $ref: "#/components/schemas/Pet",
    });
    expect(doc.endpoints[0]!.responses[0]!.content[0]!.schema).toEqual({
      $ref: "#/components/schemas/Pet",
    });
  });
});

describe("pointers that walk through a $ref (`components: {$ref: …}` in the root and each path file)", () => {
  const THROUGH = "test/fixtures/openapi3/refs-through/openapi.yaml";

  it("read every endpoint, schema and scheme as the bundlers openapi-typescript and swagger-cli use do", async () => {
    const { documents, diagnostics } = ingestFiles([THROUGH], { cwd: ROOT });
    expect(diagnostics).toEqual([]);
    const doc = documents[0]!;
    // Redocly's bundle keeps the schemas the API uses; swagger-cli's, as a one-file document
    // would, keeps the one no operation uses too, as apiloom does
    expect(Object.keys(doc.schemas).sort()).toEqual(
      [...(await peerSchemaNames(THROUGH)), "Unused"].sort(),
    );
    expect(Object.keys(doc.securitySchemes)).toEqual(["bearer"]);
    const [list, get] = doc.endpoints;
    expect(list!.parameters.query.map((p) => [p.name, p.schema])).toEqual([
      ["limit", { type: "integer", maximum: 100 }],
    ]);
    expect(list!.responses.map((r) => r.content[0]?.schema)).toEqual([
      { type: "array", items: { $ref: "#/components/schemas/Pet" } },
      { $ref: "#/components/schemas/Problem" },
    ]);
    expect(get!.responses[0]!.content[0]!.schema).toEqual({
      $ref: "#/components/schemas/Pet",
    });
    expect(doc.schemas.Pet!.sources[0]).toMatchObject({
      file: "test/fixtures/openapi3/refs-through/components/schemas.yaml",
      line: 3,
    });
  });

  it("end a pointer through a $ref that leads back to itself with an error at the $ref, bounded", () => {
    const text = [
      "openapi: 3.0.3",
      "info: {title: t, version: '1'}",
      "paths:",
      "  /a:",
      "    get:",
      "      responses:",
      "        '200':",
      "          description: ok",
      "          content:",
      "            application/json:",
      "              schema: {$ref: '#/components/schemas/A'}",
      "components: {$ref: '#/x'}",
      "x: {$ref: '#/components'}",
    ].join("\n");
    const { diagnostics } = ingestTexts([{ file: "loop.yaml", text }], {
      cwd: ROOT,
    });
    expect(
      diagnostics.some(
        (d) =>
          d.severity === "error" && d.code === "ref/not-found" && d.line === 11,
      ),
    ).toBe(true);
  });
});

describe("pointers through $refs, whatever the document", () => {
  it("end, without throwing, in a value or a ref/* error at the $ref", () => {
    const top = fc.constantFrom("a", "b", "c");
    const member = fc.constantFrom("x", "y");
    const pointer = fc
      .tuple(top, fc.array(member, { maxLength: 2 }))
      .map(([t, m]) => `#/${[t, ...m].join("/")}`);
    const ref = pointer.map(($ref) => ({ $ref }));
    const leaf = fc.oneof(fc.constant({ type: "string" }), ref);
    // a: {$ref: "#/b"}, b: {x: {$ref: "#/c/y"}}, c: {y: {type: string}}: chains, loops, dead ends
    const node = fc.oneof(
      ref,
      fc.record({ x: leaf, y: leaf }, { requiredKeys: [] }),
    );
    let through = 0;
    fc.assert(
      fc.property(
        fc.record({ a: node, b: node, c: node }),
        pointer,
        (rest, target) => {
          const text = JSON.stringify({
            ...rest,
            openapi: "3.1.0",
            info: { title: "t", version: "1" },
            paths: {
              "/a": {
                get: {
                  responses: {
                    "200": {
                      description: "ok",
                      content: {
                        "application/json": { schema: { $ref: target } },
                      },
                    },
                  },
                },
              },
            },
          });
          const { diagnostics } = ingestTexts([{ file: "refs.json", text }], {
            cwd: ROOT,
          });
          const errors = diagnostics.filter((d) => d.severity === "error");
          for (const d of errors)
            expect(d.code).toMatch(/^(ref|openapi3|schema)\//);
          // a pointer no plain walk finds, read through a $ref
          const plain = target
            .slice(2)
            .split("/")
            .reduce<unknown>(
              (v, k) => (v as Record<string, unknown>)?.[k],
              rest,
            );
          if (plain === undefined && errors.length === 0) through++;
        },
      ),
      { numRuns: 300, seed: 63 },
    );
    expect(through).toBeGreaterThan(10);
  });
});

describe("a discriminator mapping's bare schema name where `components` is a $ref", () => {
  const doc = (components: string[]) =>
    [
      "openapi: 3.0.3",
      "info: {title: t, version: '1'}",
      "paths:",
      "  /pets:",
      "    get:",
      "      responses:",
      "        '200':",
      "          description: ok",
      "          content:",
      "            application/json:",
      "              schema:",
      "                oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]",
      "                discriminator: {propertyName: kind, mapping: {cat: Cat, dog: Dog, fox: Fox}}",
      ...components,
    ].join("\n");
  const schemas = [
    "    Cat: {type: object, properties: {kind: {type: string}}}",
    "    Dog: {type: object, properties: {kind: {type: string}}}",
  ];

  it("is found through it, as in the same document with `components` written in place", () => {
    const read = (text: string) => {
      const { documents, diagnostics } = ingestTexts([
        { file: "a.yaml", text },
      ]);
      const schema = documents[0]!.endpoints[0]!.responses[0]!.content[0]!
        .schema as { discriminator?: unknown };
      return {
        discriminator: schema.discriminator,
        missing: diagnostics
          .filter((d) => d.code === "ref/not-found")
          .map((d) => [d.line, d.message.includes("Fox")]),
      };
    };
    const inPlace = read(doc(["components:", "  schemas:", ...schemas]));
    const through = read(
      doc([
        "components: {$ref: '#/shared'}",
        "shared:",
        "  schemas:",
        ...schemas,
      ]),
    );
    expect(inPlace.discriminator).toEqual({
      propertyName: "kind",
      mapping: {
        cat: "#/components/schemas/Cat",
        dog: "#/components/schemas/Dog",
      },
    });
    expect(through).toEqual(inPlace);
    // the name that is nowhere: one error at the entry's line, both ways
    expect(inPlace.missing).toEqual([[13, true]]);
  });
});
