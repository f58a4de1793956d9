import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ingestFiles } from "../../src/ingest/index.js";
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
