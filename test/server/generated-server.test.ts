import { emitted } from "../emitted.js";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createParameter } from "../../src/model/factories.js";
import type { ApiModel } from "../../src/model/types.js";
import { updateHandlersFile } from "./handlers-text.js";
import { chatModel } from "../fixtures/server/chat-model.js";
import { outDir, typeCheck, writeFiles } from "./generated.js";
import { listen, type RunningServer } from "./http.js";

// Handlers written the way a user would, against the generated contracts.
const IMPLEMENTATION = `import type { HandlerSignatures, Handlers } from "./generated/server/index.js";
import { signatures as recorded } from "./signatures.js";

const messages = new Map<number, { id?: number; text: string }>([[1, { id: 1, text: "one" }]]);

export const handlers = {
  listBotMessages: async () => ({ status: 200, body: ["beep"] }),
  getAppModule: ({ path, headers }) => ({
    status: 200,
    body: { key: path.key, trace: headers["X-Trace"] ?? null },
  }),
  sendMessage: async ({ body }) => {
    const id = messages.size + 1;
    messages.set(id, { ...body, id });
    return { status: 201, body: { ...body, id } };
  },
  getRecentMessages: async ({ query }) => {
    const limit: number = query.limit;
    const tags: string[] | undefined = query.tag;
    return { status: 200, body: [...messages.values()].slice(0, limit).map((m) => ({ ...m, text: m.text + (tags ?? []).join("") })) };
  },
  deleteMessage: async ({ path }) => {
    messages.delete(path.messageId);
    return { status: 204 };
  },
  getMessage: async ({ path }) => {
    const found = messages.get(path.messageId);
    return found
      ? { status: 200, body: found, headers: { "X-Rate-Limit": 99, "Cache-Status": "hit" } }
      : { status: 404 };
  },
  putAttachment: async ({ body }) => ({ status: 200, body }),
} satisfies Handlers;

export const signatures = recorded satisfies HandlerSignatures;
`;

function signaturesModule(model: ApiModel): string {
  // the scaffold's own signatures object, moved to a module the test can swap
  const scaffold = updateHandlersFile({
    file: "handlers.ts",
    existing: undefined,
    model,
    importFrom: "./generated/server/index.js",
  }).contents;
  const start = scaffold.indexOf("export const signatures = {");
  return scaffold
    .slice(start)
    .replace(" satisfies HandlerSignatures;", " as const;");
}

describe("generated server with typed handlers", () => {
  let server: RunningServer;
  let dir: string;

  beforeAll(async () => {
    dir = outDir("typed");
    const model = chatModel();
    writeFiles(join(dir, "generated"), await emitted("server", model, {}));
    writeFileSync(join(dir, "handlers.ts"), IMPLEMENTATION);
    writeFileSync(join(dir, "signatures.ts"), signaturesModule(model));
    const index = await import(
      pathToFileURL(join(dir, "generated/server/index.ts")).href
    );
    const { handlers } = await import(
      pathToFileURL(join(dir, "handlers.ts")).href
    );
    server = await listen(index.createRequestListener(handlers));
  });
  afterAll(() => server?.close());

  it("type-checks handlers written against the contracts", () => {
    const result = typeCheck(dir);
    expect(result.output).toBe("");
  });

  it("hands handlers values converted to their schema types", async () => {
    const recent = await fetch(
      `${server.baseUrl}/message/recent?limit=1&tag=x&tag=y`,
    );
    expect(await recent.json()).toEqual([{ id: 1, text: "onexy" }]);
    const one = await fetch(`${server.baseUrl}/message/1`);
    expect(await one.json()).toEqual({ id: 1, text: "one" });
    expect(one.headers.get("x-rate-limit")).toBe("99");
    expect(one.headers.get("cache-status")).toBe("hit");
    const app = await fetch(`${server.baseUrl}/app/chat:x`, {
      headers: { "x-trace": "12" },
    });
    expect(await app.json()).toEqual({ key: "chat:x", trace: 12 });
  });

  it("answers with the status and body the handler chose", async () => {
    const created = await fetch(`${server.baseUrl}/message`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "two" }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: 2, text: "two" });
    const gone = await fetch(`${server.baseUrl}/message/2`, {
      method: "DELETE",
    });
    expect(gone.status).toBe(204);
    expect((await fetch(`${server.baseUrl}/message/2`)).status).toBe(404);
  });

  it("passes binary bodies through as Blobs", async () => {
    const response = await fetch(`${server.baseUrl}/message/1/attachment`, {
      method: "PUT",
      headers: { "content-type": "application/octet-stream" },
      body: new Uint8Array([1, 2, 3]),
    });
    expect(response.headers.get("content-type")).toBe(
      "application/octet-stream",
    );
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([
      1, 2, 3,
    ]);
  });

  async function typeCheckAgainst(name: string, next: ApiModel) {
    const recorded = signaturesModule(chatModel()).replace(
      " as const;",
      " satisfies HandlerSignatures;",
    );
    const target = outDir(name);
    writeFiles(join(target, "generated"), await emitted("server", next, {}));
    writeFileSync(
      join(target, "handlers.ts"),
      IMPLEMENTATION.replace(
        'import { signatures as recorded } from "./signatures.js";',
        "",
      ).replace(
        "export const signatures = recorded satisfies HandlerSignatures;",
        recorded,
      ),
    );
    return typeCheck(target).output;
  }

  it("checks declared response headers against their types", async () => {
    const dir = outDir("typed-headers");
    writeFiles(
      join(dir, "generated"),
      await emitted("server", chatModel(), {}),
    );
    writeFileSync(
      join(dir, "handlers.ts"),
      `import type { Handlers } from "./generated/server/index.js";
export const good: Handlers["getMessage"] = () => ({
  status: 200,
  headers: { "Cache-Status": "hit", "X-Rate-Limit": 1, "X-Anything": "ok" },
  body: { text: "hi" },
});
export const bad: Handlers["getMessage"] = () => ({
  status: 200,
  headers: { "Cache-Status": "stale" },
  body: { text: "hi" },
});
`,
    );
    const { output } = typeCheck(dir);
    expect(output.match(/error TS\d+/g)).toHaveLength(1);
    expect(output).toMatch(/handlers\.ts\(7,\d+\): error TS2322/);
    expect(output).toContain(
      `Type '"stale"' is not assignable to type '"hit" | "miss" | undefined'`,
    );
  });

  it("makes the handler of a removed endpoint a type error", async () => {
    const model = chatModel();
    const output = await typeCheckAgainst("typed-removed", {
      ...model,
      endpoints: model.endpoints.filter((e) => e.name !== "deleteMessage"),
    });
    expect(output).toMatch(
      /handlers\.ts\(\d+,\d+\): error TS2561: .*'deleteMessage' does not exist in type 'Handlers'/,
    );
  });

  it("makes a changed contract a type error at the recorded signature", async () => {
    const model = chatModel();
    const getMessage = model.endpoints.find((e) => e.name === "getMessage")!;
    // a new status leaves the handler code valid: only the recorded hash flags the change
    getMessage.responses.push({
      status: "410",
      description: "Gone",
      content: [],
      sources: [],
    });
    const output = await typeCheckAgainst("typed-changed", model);
    expect(output).toMatch(
      /handlers\.ts\(\d+,3\): error TS2322: Type '"[0-9a-f]+"' is not assignable to type '"[0-9a-f]+"'/,
    );
    expect(output.trim().split("\n")).toHaveLength(1);
  });
});
