import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { emitServer } from "../../src/emit/server/index.js";
import { chatModel } from "../fixtures/server/chat-model.js";
import { outDir, typeCheck, writeFiles } from "./generated.js";

describe("emitServer", () => {
  it("emits the shared types, the contracts, the routes and the fixed runtime files", async () => {
    const files = await emitServer(chatModel(), {});
    expect(files.map((f) => f.path).sort()).toEqual([
      "server/contracts.ts",
      "server/fastify.ts",
      "server/index.ts",
      "server/routes.ts",
      "server/runtime.ts",
      "types.ts",
    ]);
  });

  it("prints every server file exactly as prettier would", async () => {
    const files = await emitServer(chatModel(), {});
    for (const file of files.filter((f) => f.path.startsWith("server/"))) {
      const formatted = await format(file.contents, {
        filepath: file.path,
      });
      expect(formatted, file.path).toBe(file.contents);
    }
  });

  it("is deterministic", async () => {
    const a = await emitServer(chatModel(), {});
    const b = await emitServer(chatModel(), {});
    expect(a).toEqual(b);
  });

  it("compiles under strict", async () => {
    const dir = outDir("emit-strict");
    writeFiles(dir, await emitServer(chatModel(), {}));
    const result = typeCheck(dir);
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  });
});
