import { emitted } from "../emitted.js";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runGenerate } from "../../src/cli/generate.js";
import type { ApiModel } from "../../src/model/types.js";
import { loadModel } from "../../src/pipeline.js";
import { serverImportPath } from "../../src/scaffold/update-handlers-file.js";
import { updateHandlersFile } from "./handlers-text.js";
import { outDir, typeCheck, writeFiles } from "./generated.js";

const SPEC = fileURLToPath(
  new URL("../../specs/stride-messages.swagger.yaml", import.meta.url),
);

/** One `apiloom generate` as the CLI runs it: model, generated folder, handlers file. */
async function generate(dir: string): Promise<{
  model: ApiModel;
  result: ReturnType<typeof updateHandlersFile>;
}> {
  const model = loadModel(["api.yaml"], { cwd: dir });
  writeFiles(join(dir, "generated"), await emitted("server", model, {}));
  const file = join(dir, "handlers.ts");
  let existing: string | undefined;
  try {
    existing = readFileSync(file, "utf8");
  } catch {
    existing = undefined;
  }
  const result = updateHandlersFile({
    file: "handlers.ts",
    existing,
    model,
    importFrom: serverImportPath("handlers.ts", "generated"),
  });
  if (result.contents !== existing) writeFileSync(file, result.contents);
  return { model, result };
}

const nameOf = (model: ApiModel, method: string, path: string) =>
  model.endpoints.find((e) => e.method === method && e.path === path)!.name;

const MESSAGE = "/site/{cloudId}/conversation/{conversationId}/message";
const DIRECT = "/site/{cloudId}/conversation/user/{userId}/message/{messageId}";
const ROSTER = "/site/{cloudId}/conversation/{conversationId}/roster";

/** Replaces the stub of `name` with the user's code; returns that code. */
function implement(text: string, name: string, code: string): string {
  const stub = new RegExp(`  ${name}:\\s+notImplemented,\\n`);
  expect(text).toMatch(stub);
  return text.replace(stub, code);
}

describe("regenerating after the spec changes", () => {
  it("keeps the user's handlers byte for byte, adds a stub and reports removed and changed endpoints", async () => {
    const dir = outDir("regenerate");
    const spec = readFileSync(SPEC, "utf8");
    writeFileSync(join(dir, "api.yaml"), spec);

    // first run: scaffold, then the user writes three handlers
    const first = await generate(dir);
    expect(first.result.created).toBe(true);
    const getMessage = nameOf(first.model, "get", `${MESSAGE}/{messageId}`);
    const recent = nameOf(first.model, "get", `${MESSAGE}/recent`);
    const deleteDirect = nameOf(first.model, "delete", DIRECT);
    const userCode = {
      [getMessage]: `  // looked up in the store
  async ${getMessage}({ path }) {
    return { status: 200, body: { id: path.messageId, from: path.conversationId } };
  },\n`,
      [recent]: `  ${recent}: async ({ query }) => ({ status: 200, body: { limit: query.limit ?? "75" } }),\n`,
      [deleteDirect]: `  ${deleteDirect}: async () => ({ status: 200 }), // soft delete\n`,
    };
    let text = readFileSync(join(dir, "handlers.ts"), "utf8");
    for (const [name, code] of Object.entries(userCode))
      text = implement(text, name, code);
    writeFileSync(join(dir, "handlers.ts"), text);
    expect(typeCheck(dir).output).toBe("");

    // the spec changes: a new endpoint, a removed one, a parameter that gets a type
    const edited = spec
      .replace(
        /    delete:\n      summary: Delete a message in a direct conversation\n[\s\S]*?(?=\n  \/)/,
        "",
      )
      .replace(
        "        description: The maximum number of results\n",
        "        description: The maximum number of results\n        type: integer\n",
      )
      .replace(
        "x-streamrank:",
        `  ${ROSTER}:
    get:
      summary: Get the roster
      operationId: ConversationRosterGetHandler
      parameters:
      - in: path
        name: cloudId
      - in: path
        name: conversationId
      responses:
        200:
          description: OK
x-streamrank:`,
      );
    expect(edited).not.toBe(spec);
    writeFileSync(join(dir, "api.yaml"), edited);

    const second = await generate(dir);
    const roster = nameOf(second.model, "get", ROSTER);
    expect(second.result.created).toBe(false);
    expect(second.result.added).toEqual([roster]);
    expect(second.result.orphaned).toEqual([deleteDirect]);
    expect(second.result.changed.map((c) => c.name)).toEqual([recent]);
    expect(second.result.diagnostics.map((d) => d.code).sort()).toEqual([
      "scaffold/changed-signature",
      "scaffold/orphaned-handler",
    ]);

    const after = readFileSync(join(dir, "handlers.ts"), "utf8");
    // every character the user had is still there, in order: text was only inserted
    expect(removeInserted(after, second.result.added, roster)).toBe(text);
    for (const code of Object.values(userCode)) expect(after).toContain(code);
    expect(after).toContain(
      `  // GET ${ROSTER}: Get the roster\n  ${roster}: notImplemented,\n`,
    );

    // tsc agrees: the orphan is an unknown property of Handlers
    expect(typeCheck(dir).output).toMatch(
      new RegExp(
        `handlers\\.ts\\(\\d+,\\d+\\): error TS2561: .*'${deleteDirect}'`,
      ),
    );

    // the user removes the orphan: now the stale hash of the changed handler is the error
    let fixed = after
      .replace(userCode[deleteDirect]!, "")
      .replace(new RegExp(`  ${deleteDirect}: "[0-9a-f]+",\\n`), "");
    writeFileSync(join(dir, "handlers.ts"), fixed);
    const stale = typeCheck(dir).output;
    expect(stale).toMatch(/error TS2322: Type '"[0-9a-f]+"' is not assignable/);
    expect(stale.trim().split("\n")).toHaveLength(1);

    // ...and updates the hash after reviewing the handler: clean, and nothing to report
    const { was, now } = second.result.changed[0]!;
    fixed = fixed.replace(`${recent}: "${was}"`, `${recent}: "${now}"`);
    writeFileSync(join(dir, "handlers.ts"), fixed);
    expect(typeCheck(dir).output).toBe("");
    const third = await generate(dir);
    expect(third.result).toMatchObject({
      added: [],
      orphaned: [],
      changed: [],
      diagnostics: [],
    });
    expect(readFileSync(join(dir, "handlers.ts"), "utf8")).toBe(fixed);
  });
});

describe("regenerating with the CLI (--server-handlers)", () => {
  async function cli(dir: string): Promise<{ code: number; stderr: string }> {
    let stderr = "";
    const sink = (write: (text: string) => void) =>
      ({ write: (text: string) => (write(text), true) }) as never;
    const code = await runGenerate(
      [
        "api.yaml",
        "--no-config",
        "--no-lock",
        "-a",
        "server",
        "-o",
        "gen",
        "--server-handlers",
        "src/handlers.ts",
      ],
      {
        cwd: dir,
        stderr: sink((text) => (stderr += text)),
        stdout: sink(() => {}),
      },
    );
    return { code, stderr };
  }

  it("scaffolds the handlers file, then keeps the user's code and reports the orphan", async () => {
    const dir = outDir("regenerate-cli");
    mkdirSync(join(dir, "src"));
    const spec = readFileSync(SPEC, "utf8");
    writeFileSync(join(dir, "api.yaml"), spec);
    expect((await cli(dir)).code).toBe(0);
    const scaffold = readFileSync(join(dir, "src/handlers.ts"), "utf8");
    expect(scaffold).toContain('} from "../gen/server/index.js";');
    const model = loadModel(["api.yaml"], { cwd: dir });
    const deleteDirect = nameOf(model, "delete", DIRECT);
    const mine = implement(
      scaffold,
      deleteDirect,
      `  ${deleteDirect}: async () => ({ status: 200 }),\n`,
    );
    writeFileSync(join(dir, "src/handlers.ts"), mine);

    writeFileSync(
      join(dir, "api.yaml"),
      spec.replace(
        /    delete:\n      summary: Delete a message in a direct conversation\n[\s\S]*?(?=\n  \/)/,
        "",
      ),
    );
    const second = await cli(dir);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain("scaffold/orphaned-handler");
    expect(second.stderr).toContain(deleteDirect);
    expect(readFileSync(join(dir, "src/handlers.ts"), "utf8")).toBe(mine);
  });
});

/** The file without the stub and signature entry apiloom inserted for `name`. */
function removeInserted(text: string, added: string[], name: string): string {
  expect(added).toEqual([name]);
  return text
    .replace(new RegExp(`  // [^\\n]*\\n  ${name}:\\s+notImplemented,\\n`), "")
    .replace(new RegExp(`  ${name}: "[0-9a-f]+",\\n`), "");
}
