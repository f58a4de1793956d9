import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareCodeUnits } from "../../model/order.js";
import { loadModel } from "../../pipeline.js";
import { createTypeIndex } from "./type-index.js";
import type { ApiModel, Endpoint } from "../../model/types.js";
import {
  CLIENT_EXPORT_NAMES,
  endpointTypeBase,
  GLOBAL_TYPE_NAMES,
  ENDPOINT_TYPE_SUFFIXES,
  schemaTypeName,
  schemaTypeNames,
} from "./names.js";

// the first implementation: every endpoint type name put in the taken set
function namesBefore(model: ApiModel): Map<string, string> {
  const taken = new Set<string>([...GLOBAL_TYPE_NAMES, ...CLIENT_EXPORT_NAMES]);
  for (const endpoint of model.endpoints) {
    const base = endpointTypeBase(endpoint);
    for (const suffix of ENDPOINT_TYPE_SUFFIXES) taken.add(base + suffix);
  }
  const names = new Map<string, string>();
  for (const schemaName of Object.keys(model.schemas).sort(compareCodeUnits)) {
    const wanted = schemaTypeName(schemaName);
    let name = wanted;
    if (taken.has(name)) name = `${wanted}Model`;
    for (let i = 2; taken.has(name); i++) name = `${wanted}${i}`;
    taken.add(name);
    names.set(schemaName, name);
  }
  return names;
}

describe("schemaTypeNames", () => {
  // endpoint names and schema names built from the same few words, so that schema names meet
  // endpoint type names (`GetPetBody`, `getPet` + `Body`), their `Model` and numbered forms,
  // suffixes alone, globals and each other
  const word = fc.constantFrom(
    "get",
    "Pet",
    "pet",
    "Body",
    "Model",
    "2",
    "Error",
    "Request",
    "Response",
    "x_y",
    "",
  );
  const text = fc
    .array(word, { minLength: 0, maxLength: 4 })
    .map((w) => w.join(""));
  const suffix = fc.constantFrom("", ...ENDPOINT_TYPE_SUFFIXES);
  const endpoint = fc.record({
    name: text,
    method: fc.constantFrom("get", "post"),
    path: fc.constantFrom("/pets", "/pets/{id}", "/"),
  });
  const model = fc
    .record({
      endpoints: fc.array(endpoint, { maxLength: 6 }),
      schemas: fc.array(fc.tuple(text, suffix), { maxLength: 12 }),
    })
    .map(({ endpoints, schemas }) => {
      const named: ApiModel["schemas"] = {};
      for (const [name, end] of schemas)
        named[name + end] = { name: name + end, schema: {}, sources: [] };
      return {
        endpoints: endpoints as unknown as Endpoint[],
        schemas: named,
      } as unknown as ApiModel;
    });

  it("gives the names the first implementation gave (each endpoint type name taken)", () => {
    fc.assert(
      fc.property(model, (m) => {
        const now = schemaTypeNames(m);
        const before = namesBefore(m);
        expect([...now]).toEqual([...before]);
      }),
      { numRuns: 3000, seed: 29 },
    );
  });

  it("gives way to an endpoint's type names, then to the names given before", () => {
    const m = {
      endpoints: [{ name: "getPet", method: "get", path: "/pet" }],
      schemas: {
        GetPetBody: { name: "GetPetBody", schema: {}, sources: [] },
        GetPetBodyModel: { name: "GetPetBodyModel", schema: {}, sources: [] },
        GetPet: { name: "GetPet", schema: {}, sources: [] },
      },
    } as unknown as ApiModel;
    expect([...schemaTypeNames(m)]).toEqual([
      ["GetPet", "GetPet"],
      ["GetPetBody", "GetPetBodyModel"],
      ["GetPetBodyModel", "GetPetBodyModelModel"],
    ]);
  });
});

describe("the endpoints' type names", () => {
  // an endpoint with every part, and schemas named as each of its types would be
  const parts = ["path", "query", "header", "cookie"].map((at) => ({
    name: `p${at}`,
    in: at,
    required: at === "path",
    schema: { type: "string" },
  }));
  const model = loadModel([
    {
      file: "all-parts.json",
      text: JSON.stringify({
        openapi: "3.0.3",
        info: { title: "t", version: "1" },
        paths: {
          "/thing/{ppath}": {
            post: {
              operationId: "putThing",
              parameters: parts,
              requestBody: {
                content: { "application/json": { schema: { type: "object" } } },
              },
              responses: { "200": { description: "ok" } },
            },
          },
        },
        components: {
          schemas: Object.fromEntries(
            ["Path", "Query", "Headers", "Cookies", "Body", "Data"].map((s) => [
              `PutThing${s}`,
              { type: "object", properties: { a: { type: "string" } } },
            ]),
          ),
        },
      }),
    },
  ]);

  it("each end in one of ENDPOINT_TYPE_SUFFIXES, so no schema type takes one", () => {
    const index = createTypeIndex(model);
    const t = index.endpoint(model.endpoints[0]!);
    const declared = [
      t.path,
      t.query,
      t.headers,
      t.cookies,
      t.body,
      t.responses,
      t.data,
      t.error,
      t.request,
      t.result,
    ];
    for (const name of declared) {
      expect(name).toBeDefined();
      expect(
        ENDPOINT_TYPE_SUFFIXES.some((suffix) => name === t.base + suffix),
      ).toBe(true);
    }
    // a schema type of the same name would merge with it (interfaces of one name merge in
    // TypeScript: a silent wrong type, not a compile error)
    for (const s of ["Path", "Query", "Headers", "Cookies", "Body", "Data"])
      expect(index.schemaTypeName(`PutThing${s}`)).toBe(`PutThing${s}Model`);
  });
});
