/*
 * Mocks for endpoints one URL matches, told apart by a header or query value (AWS's
 * `/#X-Amz-Target=…` and `/#Action=…` keys) or by the `name=value` a key writes into its query
 * (`/rest?method=…`), with msw/node as the oracle: MSW matches a handler's path alone, so each
 * handler answers only its own value and leaves the others to the next one; the generated client
 * gets each endpoint's own example, and MSW warns of no query in a handler's path. The file is
 * what prettier prints.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as prettier from "prettier";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generate } from "../../src/generate.js";
import { outDir, writeFiles } from "../server/generated.js";

type Fn = (args?: object) => Promise<{ status: number; data?: unknown }>;

const answer = (example: string) =>
  `{ "200": { description: ok, content: { application/json: { schema: { type: string, example: ${example} } } } } }`;
const target = (name: string, value: string) => `
  /#X-Amz-Target=${value}:
    post:
      operationId: ${name}
      parameters:
        - { name: X-Amz-Target, in: header, required: true, schema: { type: string, enum: [${value}] } }
      responses: ${answer(name)}`;
const action = (name: string, value: string) => `
  /#Action=${value}:
    get:
      operationId: ${name}
      parameters:
        - { name: Action, in: query, required: true, schema: { type: string, enum: [${value}] } }
      responses: ${answer(name)}`;
const text = `openapi: 3.0.3
info: { title: t, version: "1" }
servers: [{ url: "https://api.example.com" }]
paths:${target("getThing", "Svc.GetThing")}${target("putThing", "Svc.PutThing")}${target("associateOpsItemRelatedItem", "AmazonSSM.AssociateOpsItemRelatedItem")}${action("attach", "Attach")}${action("detachLoadBalancerTargetGroupsFromTheGroup", "DetachLoadBalancerTargetGroupsFromTheGroup")}
  /rest?method=photos.get:
    get:
      operationId: photosGet
      responses: ${answer("photosGet")}
  /rest?method=photos.search:
    get:
      operationId: photosSearch
      responses: ${answer("photosSearch")}
  /templates:
    post:
      operationId: createTemplate
      responses: ${answer("createTemplate")}
  /templates?desc=html:
    post:
      operationId: createHtmlTemplate
      responses: ${answer("createHtmlTemplate")}
  /xml/{id}/a/long/path/so/that/the/call/breaks/its/arguments:
    get:
      operationId: xml
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { "200": { description: ok, content: { text/xml: { schema: { type: string, example: "<a/>" } } } } }
`;

let dir: string;
let mocks: string;
beforeAll(async () => {
  const made = await generate([{ file: "aws.yaml", text }], {
    artifacts: ["client", "mocks"],
  });
  dir = outDir("mocks-selected");
  writeFiles(dir, made.files);
  mocks = made.files.find((f) => f.path === "mocks/index.ts")!.contents;
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("mocks for endpoints one URL matches", () => {
  it("answer each endpoint with its own example, and MSW warns of nothing", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { setupServer } = await import("msw/node");
    const { handlers } = (await import(
      pathToFileURL(join(dir, "mocks/index.ts")).href
    )) as { handlers: never[] };
    const { createClient } = (await import(
      pathToFileURL(join(dir, "client/index.ts")).href
    )) as { createClient: (config: object) => Record<string, Fn> };
    const server = setupServer(...handlers);
    server.listen({ onUnhandledRequest: "error" });
    try {
      const api = createClient({});
      const got = [
        await api["putThing"]!({ headers: { "X-Amz-Target": "Svc.PutThing" } }),
        await api["associateOpsItemRelatedItem"]!({
          headers: { "X-Amz-Target": "AmazonSSM.AssociateOpsItemRelatedItem" },
        }),
        await api["getThing"]!({ headers: { "X-Amz-Target": "Svc.GetThing" } }),
        await api["detachLoadBalancerTargetGroupsFromTheGroup"]!({
          query: { Action: "DetachLoadBalancerTargetGroupsFromTheGroup" },
        }),
        await api["attach"]!({ query: { Action: "Attach" } }),
        await api["photosSearch"]!(),
        await api["photosGet"]!(),
        await api["createTemplate"]!(),
        await api["createHtmlTemplate"]!(),
      ];
      expect(got.map((r) => r.data)).toEqual([
        "putThing",
        "associateOpsItemRelatedItem",
        "getThing",
        "detachLoadBalancerTargetGroupsFromTheGroup",
        "attach",
        "photosSearch",
        "photosGet",
        "createTemplate",
        "createHtmlTemplate",
      ]);
      expect(warn.mock.calls).toEqual([]);
    } finally {
      server.close();
      warn.mockRestore();
    }
  });

  it("is printed as prettier prints it", async () => {
    expect(mocks).toBe(await prettier.format(mocks, { parser: "typescript" }));
  });
});
