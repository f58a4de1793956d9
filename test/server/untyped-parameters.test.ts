import { emitted } from "../emitted.js";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import type { ApiModel } from "../../src/model/types.js";
import { outDir, typeCheck, writeFiles } from "./generated.js";
import { listen, type RunningServer } from "./http.js";

// Parameters no source types (the Stride seeds' path ids): the client takes a string or a number,
// the handler gets the text that arrived.
const SPEC = JSON.stringify({
  swagger: "2.0",
  info: { title: "t", version: "1" },
  paths: {
    "/items/{itemId}": {
      get: {
        operationId: "getItem",
        parameters: [
          { in: "path", name: "itemId", required: true },
          { in: "query", name: "limit" },
          { in: "header", name: "X-Trace" },
          { in: "query", name: "typed", type: "integer" },
        ],
        responses: { 200: { description: "OK" } },
      },
    },
  },
});

const HANDLERS = `import type { Handlers } from "./generated/server/index.js";

export const seen: unknown[] = [];

export const handlers = {
  getItem: async ({ path, query, headers }) => {
    // untyped parameters are text on the server; a typed one keeps its type
    const id: string = path.itemId;
    const limit: string | undefined = query.limit;
    const trace: string | undefined = headers["X-Trace"];
    const typed: number | undefined = query.typed;
    seen.push([typeof path.itemId, id, limit, trace, typed]);
    return { status: 200, body: { id } };
  },
} satisfies Handlers;
`;

const CALLS = `import { createClient } from "./generated/client/index.js";

export async function calls(baseUrl: string): Promise<number[]> {
  const api = createClient({ baseUrl });
  const a = await api.getItem({
    path: { itemId: 42 },
    query: { limit: 5, typed: 7 },
    headers: { "X-Trace": "t-1" },
  });
  const b = await api.getItem({ path: { itemId: "a b" } });
  return [a.status, b.status];
}

export async function wrong(baseUrl: string) {
  const api = createClient({ baseUrl });
  // @ts-expect-error a path value is text or a number
  await api.getItem({ path: { itemId: true } });
  // @ts-expect-error the typed query parameter is still a number
  await api.getItem({ path: { itemId: 1 }, query: { typed: "7" } });
}
`;

describe("untyped parameters: string | number in the client, string in the server", () => {
  let model: ApiModel;
  let dir: string;
  let server: RunningServer;
  let seen: unknown[];
  let calls: (baseUrl: string) => Promise<number[]>;

  beforeAll(async () => {
    ({ model } = await generate([{ file: "items.json", text: SPEC }], {
      artifacts: [],
    }));
    dir = outDir("untyped-parameters");
    writeFiles(join(dir, "generated"), await emitted("client", model, {}));
    writeFiles(join(dir, "generated"), await emitted("server", model, {}));
    writeFileSync(join(dir, "handlers.ts"), HANDLERS);
    writeFileSync(join(dir, "calls.ts"), CALLS);
    const index = await import(
      pathToFileURL(join(dir, "generated/server/index.ts")).href
    );
    const implementation = await import(
      pathToFileURL(join(dir, "handlers.ts")).href
    );
    seen = implementation.seen;
    server = await listen(index.createRequestListener(implementation.handlers));
    ({ calls } = await import(pathToFileURL(join(dir, "calls.ts")).href));
  });
  afterAll(() => server?.close());

  it("keeps the model/untyped-parameter warning", () => {
    const warning = model.diagnostics.find(
      (d) => d.code === "model/untyped-parameter",
    );
    expect(warning?.message).toMatch(
      /path 'itemId', query 'limit', header 'X-Trace'.*string \| number/,
    );
  });

  it("type-checks the client's calls and the handler under strict tsc", () => {
    expect(typeCheck(dir).output).toBe("");
  });

  it("sends numbers as text and hands the handler strings over real HTTP", async () => {
    expect(await calls(server.baseUrl)).toEqual([200, 200]);
    expect(seen).toEqual([
      ["string", "42", "5", "t-1", 7],
      ["string", "a b", undefined, undefined, undefined],
    ]);
  });
});
