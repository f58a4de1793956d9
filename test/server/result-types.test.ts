import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import { emitted } from "../emitted.js";
import { outDir, typeCheck, writeFiles } from "./generated.js";
import { TABLE_SPEC } from "./request-table.js";

/*
 * Issue 27: a handler's result is typed per status. tsc (strict) compiles handlers written
 * against the request table's contracts: every `@ts-expect-error` must meet an error (tsc reports
 * an unused one), and the results beside them must compile.
 */
const HANDLERS = `import type { Handlers, PartialHandlers } from "./server/index.js";

export const good = {
  getItem: (request) =>
    request.path.id === 0
      ? { status: 404, body: { error: "none" } }
      : { status: 200, body: { id: request.path.id, name: "pen" } },
  deleteItem: () => ({ status: 204 }),
  createItem: async (request) => ({
    status: 201,
    headers: { Location: "/items/1", "x-extra": 1 },
    body: { id: 1, name: request.body.name },
  }),
} satisfies PartialHandlers<Handlers>;

export const missingBody: PartialHandlers<Handlers> = {
  // @ts-expect-error 200 has a body (an Item): a result without one is refused
  getItem: () => ({ status: 200 }),
};

export const bad: PartialHandlers<Handlers> = {
  // @ts-expect-error 204 has no body: a result with one is refused
  deleteItem: () => ({ status: 204, body: { id: 1 } }),
  // @ts-expect-error the wrong body for 404 (an Error, not an Item)
  getItem: () => ({ status: 404, body: { id: 1, name: "x" } }),
};

export const wrongBody: PartialHandlers<Handlers> = {
  // @ts-expect-error the wrong body for 200
  getItem: () => ({ status: 200, body: { error: "not an item" } }),
};

export const missingHeader: PartialHandlers<Handlers> = {
  // @ts-expect-error 201 declares a required Location header
  createItem: () => ({ status: 201, body: { id: 1, name: "x" } }),
};

export const undeclared: PartialHandlers<Handlers> = {
  // @ts-expect-error 418 is not a declared status of getItem
  getItem: () => ({ status: 418, body: { id: 1, name: "x" } }),
};
`;

describe("handler results typed per status", () => {
  it("tsc refuses a missing body, a body on a 204, a wrong body, a missing required header and an undeclared status", async () => {
    const dir = outDir("result-types");
    const model = loadModel([TABLE_SPEC], {
      cwd: resolve(import.meta.dirname, "../.."),
    });
    writeFiles(dir, await emitted("server", model, {}));
    writeFileSync(join(dir, "handlers.ts"), HANDLERS);
    const { ok, output } = typeCheck(dir);
    expect(output).toBe("");
    expect(ok).toBe(true);
  }, 60_000);
});
