import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";

// An API-key scheme whose line is too long for 80 columns, with ", " inside its query name (a
// header name may not hold one: it is not an HTTP token, and such a scheme is left out):
// the members must break one per line without the name's text being split anywhere.
const SPEC = JSON.stringify({
  openapi: "3.1.0",
  info: { title: "Keys", version: "1" },
  servers: [{ url: "https://keys.test" }],
  components: {
    securitySchemes: {
      partnerKeyWithAVeryLongName: {
        type: "apiKey",
        in: "query",
        name: "X-Partner-Key, as issued",
      },
    },
  },
  security: [{ partnerKeyWithAVeryLongName: [] }],
  paths: {
    "/ping": {
      get: { operationId: "ping", responses: { 204: { description: "ok" } } },
    },
  },
});

describe("the client's security scheme table", () => {
  it("breaks a long scheme one member per line, keeping string values whole", async () => {
    const { files } = await generate([{ file: "keys.json", text: SPEC }], {
      artifacts: ["client"],
    });
    const index = files.find((f) => f.path === "client/index.ts")!.contents;
    expect(index).toContain(
      [
        "  partnerKeyWithAVeryLongName: {",
        '    type: "apiKey",',
        '    in: "query",',
        '    name: "X-Partner-Key, as issued",',
        "  },",
      ].join("\n"),
    );
    expect(
      await prettier.check(index, { parser: "typescript", filepath: "x.ts" }),
    ).toBe(true);
  });
});
