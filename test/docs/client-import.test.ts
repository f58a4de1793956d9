import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runGenerate } from "../../src/cli/generate.js";
import { importFromProject, outputLayout } from "../../src/emit/layout.js";
import { typeCheck } from "../client/compile.js";

const SPEC = JSON.stringify({
  openapi: "3.1.0",
  info: { title: "Pets", version: "1" },
  servers: [{ url: "https://pets.test.dev" }],
  paths: {
    "/pets/{id}": {
      get: {
        operationId: "getPet",
        parameters: [
          {
            in: "path",
            name: "id",
            required: true,
            schema: { type: "string" },
          },
        ],
        responses: { 200: { description: "OK" } },
      },
    },
  },
});

const sink = () => {
  let text = "";
  return {
    write: (chunk: string) => {
      text += chunk;
      return true;
    },
    text: () => text,
  };
};

describe("the docs' client examples import the client from where --out put it", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true })));

  it.each([
    ["/p", "/p/generated", "./generated/client/index.js"],
    ["/p", "/p/build/api", "./build/api/client/index.js"],
    ["/p", "/p", "./client/index.js"],
    ["/p/app", "/p/api", "../api/client/index.js"],
  ])("from %s with out %s: %s", (from, out, specifier) => {
    expect(importFromProject(outputLayout(from, out), "client/index.js")).toBe(
      specifier,
    );
  });

  it("--out build/api: the docs say ./build/api/client/index.js, and their example compiles there", async () => {
    const dir = mkdtempSync(join(tmpdir(), "apiloom-client-import-"));
    dirs.push(dir);
    writeFileSync(join(dir, "pets.json"), SPEC);
    const stderr = sink();
    const code = await runGenerate(
      [
        "pets.json",
        "--out",
        "build/api",
        "--artifacts",
        "client,docs",
        "--no-config",
        "--no-lock",
      ],
      { cwd: dir, stdout: sink(), stderr },
    );
    expect(stderr.text()).toMatch(/0 errors/);
    expect(code).toBe(0);
    const page = readFileSync(
      join(dir, "build/api/docs/tags/untagged.md"),
      "utf8",
    );
    const fence = /```ts\n([\s\S]*?)```/.exec(page)![1]!;
    expect(fence).toContain(
      'import { createClient } from "./build/api/client/index.js";',
    );
    // the example as the docs show it, in a file of the project folder
    writeFileSync(join(dir, "example.ts"), `${fence}\nexport { result };\n`);
    expect(await typeCheck(dir)).toBe("");
  });
});
