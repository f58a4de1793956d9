import { describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import { emitted } from "../emitted.js";

/*
 * paths.ts declares a response type several operations share once (a member of the unexported
 * `$responses`) and refers to it, as openapi-typescript refers to `components["responses"]`:
 * tsc checks it once. A response of one operation stays inline.
 */

const spec = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/a": {
      get: {
        operationId: "getA",
        responses: {
          "200": {
            description: "only a's",
            content: { "application/json": { schema: { type: "integer" } } },
          },
          "404": { $ref: "#/components/responses/NotFound" },
        },
      },
    },
    "/b": {
      get: {
        operationId: "getB",
        responses: { "404": { $ref: "#/components/responses/NotFound" } },
      },
    },
  },
  components: {
    responses: {
      NotFound: {
        description: "missing",
        content: {
          "application/json": {
            schema: {
              type: "object",
              properties: { gone: { type: "boolean" } },
            },
          },
        },
      },
    },
  },
};

describe("paths.ts shared responses", () => {
  it("declares a response two operations share once and refers to it", async () => {
    const model = loadModel([{ file: "api.json", text: JSON.stringify(spec) }]);
    const paths = (await emitted("paths", model)).find(
      (f) => f.path === "paths.ts",
    )!.contents;
    const shared = /\ninterface \$responses \{\n([\s\S]*?)\n\}\n/.exec(paths);
    expect(shared, paths).not.toBeNull();
    // one member: NotFound's type, with its `gone`; a's own 200 is not there
    expect(shared![1]!.match(/^ {2}\w+:/gm)).toEqual(["  r0:"]);
    expect(shared![1]).toContain("gone?: boolean;");
    expect(paths.match(/\$responses\["r0"\]/g)).toHaveLength(2);
    expect(paths.match(/gone\?: boolean;/g)).toHaveLength(1);
    expect(paths).toMatch(
      /200: \{[^}]*headers[\s\S]*?"application\/json": number;/,
    );
    // the status's description stays its comment in each operation
    expect(
      paths.match(/\/\*\* missing \*\/\n\s*404: \$responses\["r0"\];/g),
    ).toHaveLength(2);
  });
});
