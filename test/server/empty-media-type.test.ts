import { join, resolve } from "node:path";
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import {
  SERVED,
  serveSpecEveryWay,
  type StartedServer,
} from "./adapter-servers.js";
import { outDir } from "./generated.js";

// A request body whose media type is written `""` (spoonacular's meal planner, 10 operations):
// no type, so any, as `*/*` says, with a warning at its key. The client sends it as JSON (its
// rule for a range); the generated server answered such a body 415 "the request body must be "
// (naming nothing), so the handler was never called. Found by a held-out Prism hunt over the
// directory.
const SPEC = `openapi: 3.0.0
info: { title: meal planner, version: "1" }
paths:
  /mealplanner/{username}/shopping-list:
    post:
      operationId: addToShoppingList
      parameters:
        - { name: username, in: path, required: true, schema: { type: string } }
      requestBody:
        content:
          "":
            schema:
              type: object
              properties:
                username: { type: string }
                hash: { type: string }
      responses:
        "200": { description: ok }
`;

const seen: unknown[] = [];
const handlers = {
  addToShoppingList: ({ body }: { body: unknown }) => {
    seen.push(body);
    return { status: 200 };
  },
};
let servers: Map<string, StartedServer>;

beforeAll(async () => {
  ({ servers } = await serveSpecEveryWay("empty-media-type", SPEC, handlers));
}, 120_000);

afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
});

it("is read as */* with a warning at its key", () => {
  const file = join(outDir("empty-media-type-model"), "spec.yaml");
  writeFileSync(file, SPEC);
  const model = loadModel([file], {
    cwd: resolve(import.meta.dirname, "../.."),
  });
  const body = model.endpoints[0]!.requestBody!;
  expect(body.content.map((c) => c.mediaType)).toEqual(["*/*"]);
  const warning = model.diagnostics.find(
    (d) => d.code === "openapi3/invalid-media-type",
  );
  expect(warning).toMatchObject({ severity: "warning", line: 11, column: 11 });
});

describe.each(SERVED)("%s", (served) => {
  it("takes the JSON body the client sends", async () => {
    seen.length = 0;
    const body = { username: "dsky", hash: "4b5v4398573406" };
    const response = await fetch(
      servers.get(served)!.url + "/mealplanner/dsky/shopping-list",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      },
    );
    expect(response.status).toBe(200);
    expect(seen).toEqual([body]);
  });
});
