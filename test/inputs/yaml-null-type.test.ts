import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { peer } from "../validators/oracles/harness.js";

// `- null` unquoted is YAML's null value, not the type name "null": a slip Redocly's own
// openapi-starter template makes (components/schemas/Schema.yaml)
const TEXT = `openapi: 3.1.0
info: { title: t, version: "1" }
paths: {}
components:
  schemas:
    Named:
      type: object
      properties:
        nickname:
          type:
            - string
            - null
`;

describe("YAML's null value in a `type` list", () => {
  it("is read as the type null, as openapi-typescript reads it, with a warning at its line", async () => {
    const { files, diagnostics } = await generate(
      [{ file: "null.yaml", text: TEXT }],
      { artifacts: ["types", "validators"] },
    );
    expect(
      diagnostics.map((d) => [d.code, d.severity, d.line, d.message]),
    ).toEqual([
      [
        "schema/invalid-keyword",
        "warning",
        10,
        `"type" must be a JSON Schema type or a list of them; a list is read with its null as "null" (quote it)`,
      ],
    ]);
    const peerText = peer.astToString(
      await peer.default(TEXT, { silent: true }),
    );
    expect(peerText).toMatch(/nickname\?: string \| null;/);
    const types = files.find((f) => f.path === "types.ts")!.contents;
    expect(types).toMatch(/nickname\?: string \| null;/);
  });
});
