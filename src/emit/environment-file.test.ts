import { describe, expect, it } from "vitest";
import { streamedFile } from "./shared/text-parts.js";
import { environmentFile, runtimeFile } from "./templates.js";

describe("environmentFile", () => {
  it("references the packages apiloom's runtime copies import, before the first statement", () => {
    const env = environmentFile("server", [
      runtimeFile("server", "fastify.ts"),
      runtimeFile("server", "hono.ts"),
      runtimeFile("server", "runtime.ts"),
    ]);
    const lines = env.contents.split("\n");
    const first = lines.findIndex((l) => l.startsWith("import "));
    const refs = lines
      .map((l, i) => [l, i] as const)
      .filter(([l]) => l.startsWith("/// <reference"));
    expect(refs.map(([l]) => l)).toEqual([
      '/// <reference types="fastify" />',
      '/// <reference types="hono" />',
    ]);
    for (const [, i] of refs) expect(i).toBeLessThan(first);
  });

  it("reads no file written from the description (some are megabytes, made as written)", () => {
    const made = streamedFile(
      "server/routes.ts",
      () => {
        throw new Error("read");
      },
      { skipTypecheck: true },
    );
    const plain = {
      path: "server/contracts.ts",
      contents: 'import type { X } from "not-a-runtime-import";\n',
      skipTypecheck: true,
    };
    const env = environmentFile("server", [made, plain]);
    expect(env.contents).not.toContain("/// <reference");
  });
});
