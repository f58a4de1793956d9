import { describe, expect, test } from "vitest";
import { generate } from "../../src/generate.js";
import type { GeneratedFile } from "../../src/emit/artifact.js";
import { typeCheck, writeTree } from "./compile.js";

// client/index.ts re-exports every schema type (`export type * from "../types.js"`) and exports
// its own ApiError, TimeoutError, Middleware…; an explicit export wins over a star export, so a
// schema of one of those names used to vanish from the client's exports without a word.

/** An OpenAPI 3.1 document whose schemas are `names`, `getThing` answering the first on 404. */
function spec(names: readonly string[]): string {
  const lines = [
    "openapi: 3.1.0",
    "info: { title: Names, version: '1' }",
    "paths:",
    "  /things/{id}:",
    "    get:",
    "      operationId: getThing",
    "      parameters:",
    "        - { name: id, in: path, required: true, schema: { type: string } }",
    "      responses:",
    "        '200':",
    "          description: ok",
    "          content:",
    "            application/json: { schema: { type: string } }",
    "        '404':",
    "          description: missing",
    "          content:",
    `            application/json: { schema: { $ref: '#/components/schemas/${names[0]}' } }`,
    "components:",
    "  schemas:",
    ...names.map(
      (name) =>
        `    ${name}: { type: object, required: [message], properties: { message: { type: string } } }`,
    ),
  ];
  return lines.join("\n") + "\n";
}

function fileOf(files: readonly GeneratedFile[], path: string): string {
  return files.find((f) => f.path === path)!.contents;
}

/** The names client/index.ts exports from its runtime, read off the generated file. */
function runtimeExports(index: string): string[] {
  return [
    ...index.matchAll(
      /^export (?:type )?\{([^}]*)\} from "\.\/runtime\.js";/gm,
    ),
  ].flatMap((m) =>
    m[1]!
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean),
  );
}

describe("a schema named like one of the client's own exports", () => {
  test("is renamed in types.ts, reported where it is declared, and both stay importable from client/index.ts", async () => {
    const names = ["ApiError", "TimeoutError", "ResponseValidationError"];
    const { files, diagnostics } = await generate(
      [{ file: "names.yaml", text: spec(names) }],
      { artifacts: ["client"] },
    );
    const types = fileOf(files, "types.ts");
    for (const name of names) {
      expect(types).toMatch(
        new RegExp(`^export interface ${name}Model\\b`, "m"),
      );
      expect(types).not.toMatch(
        new RegExp(`^export interface ${name}\\b`, "m"),
      );
    }
    const renamed = diagnostics.filter(
      (d) => d.code === "client/schema-renamed",
    );
    expect(renamed.map((d) => [d.message, d.file, d.line, d.column])).toEqual([
      [
        'the schema "ApiError" is `ApiErrorModel` in types.ts and client/index.ts: the client exports its own `ApiError`',
        "names.yaml",
        20,
        5,
      ],
      [
        'the schema "ResponseValidationError" is `ResponseValidationErrorModel` in types.ts and client/index.ts: the client exports its own `ResponseValidationError`',
        "names.yaml",
        22,
        5,
      ],
      [
        'the schema "TimeoutError" is `TimeoutErrorModel` in types.ts and client/index.ts: the client exports its own `TimeoutError`',
        "names.yaml",
        21,
        5,
      ],
    ]);
    const tree: Record<string, string> = {
      "usage.ts": [
        'import { ApiError, getThing } from "./client/index.js";',
        'import type { ApiErrorModel, TimeoutErrorModel } from "./client/index.js";',
        "const r = await getThing({ path: { id: '1' } });",
        "if (r.status === 404) {",
        "  const body: ApiErrorModel = r.error;",
        "  console.log(body.message);",
        "}",
        "const t: TimeoutErrorModel = { message: 'late' };",
        "console.log(t, new ApiError('getThing', new Response(), 1).status);",
        "",
      ].join("\n"),
    };
    for (const file of files) tree[file.path] = file.contents;
    expect(await typeCheck(writeTree(tree))).toBe("");
  });

  test("is any name client/index.ts exports itself, whatever the schema asks for", async () => {
    const probe = await generate(
      [{ file: "probe.yaml", text: spec(["Pet"]) }],
      {
        artifacts: ["client"],
      },
    );
    const exported = runtimeExports(fileOf(probe.files, "client/index.ts"));
    expect(exported).toContain("ApiError");
    expect(exported).toContain("Middleware");
    const { files } = await generate(
      [{ file: "all.yaml", text: spec(exported) }],
      { artifacts: ["client"] },
    );
    const types = fileOf(files, "types.ts");
    const declared = exported.filter((name) =>
      new RegExp(`^export (?:interface|type) ${name}\\b`, "m").test(types),
    );
    expect(declared).toEqual([]);
  });
});
