import { describe, expect, it } from "vitest";
import { loadValidators } from "../validators/generated.js";
import { generateFixture, typeCheckStrictest } from "./fidelity-project.js";

/*
 * Issue 24, faults A, G and H: each fixture's generated project (types, client, server,
 * validators) plus a file of values the API may send, typed as the generated types, compiles
 * under the strictest configuration; values the schema forbids are type errors; the generated
 * validators accept the values.
 */
async function compileWithUsage(name: string, usage: string): Promise<string> {
  const { files } = await generateFixture(`${name}.yaml`);
  const project = [...files, { path: "usage.ts", contents: usage }];
  const result = await typeCheckStrictest(name, new Map([[name, project]]));
  return result.output;
}

describe("A: a map of itself is an index signature, not a circular Record<> alias", () => {
  it("compiles and types nested maps", async () => {
    const usage = `import type { Details, Forest, Tree } from "./types.js";
export const details: Details = { a: { b: "text", c: {} } };
export const text: Details = "text";
export const tree: Tree = { a: { b: {} } };
export const forest: Forest = [{ a: [{}] }];
// @ts-expect-error a number is neither a map nor a string
export const wrong: Details = { a: 1 };
`;
    expect(await compileWithUsage("recursive-map", usage)).toBe("");
  }, 60_000);

  it("the validators accept nested maps", async () => {
    const { model } = await generateFixture("recursive-map.yaml");
    const { schemas } = await loadValidators(model, "fidelity-recursive-map");
    expect(schemas.Details!.check({ a: { b: "text" } })).toEqual([]);
    expect(schemas.Details!.check({ a: 1 })).not.toEqual([]);
  });
});

describe("G: an allOf member that only lists `required` makes those members required", () => {
  it("requires them, adds no index signature, and leaves a readOnly one optional in a request", async () => {
    const usage = `import type { Address, AddressWrite, CreateAddressBody } from "./types.js";
export const full: Address = { id: "1", country: "NL", street: "Dam", city: "A" };
// @ts-expect-error street is required
export const noStreet: Address = { id: "1", country: "NL" };
// @ts-expect-error country is a string (AddressPartial says so)
export const numeric: Address = { id: "1", country: 1, street: "Dam" };
// @ts-expect-error no index signature: an unknown member is an excess property
export const extra: Address = { id: "1", country: "NL", street: "Dam", zip: "1" };
export const request: CreateAddressBody = { country: "NL", street: "Dam" };
export const write: AddressWrite = request;
`;
    expect(await compileWithUsage("required-only-allof", usage)).toBe("");
  }, 60_000);

  it("the validators require them of a response and leave readOnly id out of a request", async () => {
    const { model } = await generateFixture("required-only-allof.yaml");
    const { schemas, endpoints } = await loadValidators(
      model,
      "fidelity-required-only-allof",
    );
    expect(
      schemas.Address!.check({ id: "1", country: "NL", street: "Dam" }),
    ).toEqual([]);
    expect(schemas.Address!.check({ id: "1", country: "NL" })).not.toEqual([]);
    expect(
      endpoints.createAddress!.body!.check({ country: "NL", street: "Dam" }),
    ).toEqual([]);
    expect(
      endpoints.createAddress!.responses["200"]!.check({
        country: "NL",
        street: "Dam",
      }),
    ).not.toEqual([]);
  });
});

describe("H: a discriminator without mapping uses the member's own literal", () => {
  it("types each member by its own const/enum and the rest by schema name", async () => {
    const usage = `import type { Item } from "./types.js";
export const track: Item = { type: "track", title: "Song" };
export const episode: Item = { type: "episode" };
export const show: Item = { type: "ShowObject", name: "Show" };
// @ts-expect-error the schema name is not the track's literal
export const named: Item = { type: "TrackObject", title: "Song" };
export function narrow(item: Item): string | undefined {
  return item.type === "track" ? item.title : undefined;
}
`;
    expect(await compileWithUsage("discriminator-literal", usage)).toBe("");
  }, 60_000);

  it("the validators pick the member by the same values", async () => {
    const { model } = await generateFixture("discriminator-literal.yaml");
    const { schemas, files } = await loadValidators(
      model,
      "fidelity-discriminator-literal",
    );
    expect(schemas.Item!.check({ type: "track", title: "Song" })).toEqual([]);
    expect(schemas.Item!.check({ type: "episode" })).toEqual([]);
    expect(schemas.Item!.check({ type: "track", title: 1 })).not.toEqual([]);
    // the named schemas' checks: code in checks.ts, what it cannot write its plan there
    const text = files
      .filter((f) => /^validators\/(schemas|checks)\.ts$/.test(f.path))
      .map((f) => f.contents)
      .join("\n");
    expect(text).toContain('"track"');
    expect(text).not.toContain('"TrackObject"');
  });
});
