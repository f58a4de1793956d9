import { emitted } from "../emitted.js";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { outDir, typeCheck, writeFiles } from "./generated.js";
import { listen, type RunningServer } from "./http.js";

// A schema whose name holds a `/` (`ids/Id`): its reference escapes it, `#/components/schemas/ids~1Id`
// (RFC 6901). The types and the server must read the reference the same way: an integer.
const SPEC = JSON.stringify({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/items/{id}": {
      get: {
        operationId: "getItem",
        parameters: [
          {
            in: "path",
            name: "id",
            required: true,
            schema: { $ref: "#/components/schemas/ids~1Id" },
          },
          {
            in: "query",
            name: "near",
            schema: { $ref: "#/components/schemas/ids~1Id" },
          },
        ],
        responses: { 200: { description: "OK" } },
      },
    },
  },
  components: { schemas: { "ids/Id": { type: "integer" } } },
});

const HANDLERS = `import type { Handlers } from "./generated/server/index.js";

export const handlers = {
  getItem: async ({ path, query }) => {
    const id: number = path.id;
    const near: number | undefined = query.near;
    return { status: 200, body: { id, near, types: [typeof id, typeof near] } };
  },
} satisfies Handlers;
`;

describe("a schema named ids/Id types and decodes its parameters as integers", () => {
  let dir: string;
  let server: RunningServer;

  beforeAll(async () => {
    const { model } = await generate([{ file: "ids.json", text: SPEC }], {
      artifacts: [],
    });
    dir = outDir("slash-schema-name");
    writeFiles(join(dir, "generated"), await emitted("server", model, {}));
    writeFileSync(join(dir, "handlers.ts"), HANDLERS);
    const index = await import(
      pathToFileURL(join(dir, "generated/server/index.ts")).href
    );
    const { handlers } = await import(
      pathToFileURL(join(dir, "handlers.ts")).href
    );
    server = await listen(index.createRequestListener(handlers));
  });
  afterAll(() => server?.close());

  it("gives the handler numbers for a valid request", async () => {
    const response = await fetch(`${server.baseUrl}/items/42?near=7`);
    expect(await response.json()).toEqual({
      id: 42,
      near: 7,
      types: ["number", "number"],
    });
    expect(response.status).toBe(200);
  });

  it("answers 400 to an id that is not an integer", async () => {
    const response = await fetch(`${server.baseUrl}/items/abc`);
    expect(response.status).toBe(400);
  });

  it("type-checks the handler that takes the ids as numbers", () => {
    expect(typeCheck(dir).output).toBe("");
  });
});
