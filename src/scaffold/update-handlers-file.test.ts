import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { createParameter } from "../model/factories.js";
import type { ApiModel } from "../model/types.js";
import { signatures } from "../emit/server/signature.js";
import { loadModel } from "../pipeline.js";
import { chatModel } from "../../test/fixtures/server/chat-model.js";
import { serverImportPath } from "./update-handlers-file.js";
import { updateHandlersFile } from "../../test/server/handlers-text.js";

const IMPORT = "../generated/server/index.js";
const SPECS = fileURLToPath(new URL("../../specs", import.meta.url));

function update(existing: string | undefined, model: ApiModel = chatModel()) {
  return updateHandlersFile({
    file: "src/handlers.ts",
    existing,
    model,
    importFrom: IMPORT,
  });
}

/** True when `original` can be read out of `updated` by deleting characters: insertions only. */
function isInsertionOnly(original: string, updated: string): boolean {
  let i = 0;
  for (const ch of updated) if (ch === original[i]) i++;
  return i === original.length;
}

const withoutEndpoint = (model: ApiModel, name: string): ApiModel => ({
  ...model,
  endpoints: model.endpoints.filter((e) => e.name !== name),
});

describe("updateHandlersFile: the first run", () => {
  it("scaffolds every handler as a 501 stub with its signature recorded", () => {
    const model = chatModel();
    const result = update(undefined, model);
    expect(result.created).toBe(true);
    expect(result.added).toEqual(model.endpoints.map((e) => e.name));
    expect(result.contents).toContain(
      `import {\n  notImplemented,\n  type HandlerSignatures,\n  type Handlers,\n} from "${IMPORT}";`,
    );
    expect(result.contents).toContain(
      "  // GET /message/{messageId}\n  getMessage: notImplemented,\n",
    );
    const getMessage = model.endpoints.find((e) => e.name === "getMessage")!;
    expect(result.contents).toContain(
      `  getMessage: "${signatures(model)(getMessage)}",\n`,
    );
  });

  it("writes a file prettier leaves alone", async () => {
    const { contents } = update(undefined);
    expect(await format(contents, { parser: "typescript" })).toBe(contents);
  });

  it("changes nothing on a second run with the same model", () => {
    const first = update(undefined).contents;
    const second = update(first);
    expect(second).toMatchObject({
      created: false,
      added: [],
      orphaned: [],
      changed: [],
      diagnostics: [],
    });
    expect(second.contents).toBe(first);
  });
});

describe("updateHandlersFile: later runs", () => {
  // a user's file: their own layout, comments, a method, no trailing comma, and one stub left
  const userFile = (model: ApiModel) => `// my handlers
import { notImplemented, type Handlers, type HandlerSignatures } from "${IMPORT}";
import { db } from "./db.js";

export const handlers = {
  listBotMessages: async () => ({ status: 200, body: db.bot }),
  // keep: routed by the static segment
  getRecentMessages: async ({ query }) => ({ status: 200, body: db.recent(query.limit) }),
  async getMessage({ path }) {
    const found = db.get(path.messageId);
    return found ? { status: 200, body: found } : { status: 404 };
  },
  getAppModule: notImplemented,
  sendMessage: async ({ body }) => ({ status: 201, body: db.add(body) }),
  deleteMessage: async () => ({ status: 204 })
} satisfies Handlers;

export const signatures = {
${model.endpoints
  .filter((e) => e.name !== "putAttachment")
  .map((e) => `  ${e.name}: "${signatures(model)(e)}",`)
  .join("\n")}
} satisfies HandlerSignatures;
`;

  it("adds a stub for a new endpoint, in one batch, without touching the user's text", () => {
    const model = chatModel();
    const before = userFile(model);
    const result = update(before, model);
    expect(result.added).toEqual(["putAttachment"]);
    expect(result.orphaned).toEqual([]);
    expect(result.changed).toEqual([]);
    expect(isInsertionOnly(before, result.contents)).toBe(true);
    expect(result.contents).toContain(
      "  deleteMessage: async () => ({ status: 204 }),\n" +
        "  // PUT /message/{messageId}/attachment\n" +
        "  putAttachment: notImplemented,\n" +
        "} satisfies Handlers;",
    );
    const putAttachment = model.endpoints.at(-1)!;
    expect(result.contents).toContain(
      `  putAttachment: "${signatures(model)(putAttachment)}",\n} satisfies HandlerSignatures;`,
    );
  });

  it("reports a handler whose endpoint is gone and keeps it", () => {
    const model = chatModel();
    const before = userFile(model);
    const result = update(before, withoutEndpoint(model, "deleteMessage"));
    expect(result.orphaned).toEqual(["deleteMessage"]);
    expect(result.contents).toContain(
      "  deleteMessage: async () => ({ status: 204 })",
    );
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: "warning",
        code: "scaffold/orphaned-handler",
        file: "src/handlers.ts",
        line: 15,
        column: 3,
      }),
    );
  });

  it("reports a handler whose contract changed, pointing at its signature entry", () => {
    const model = chatModel();
    const before = userFile(model);
    const original = model.endpoints.find((e) => e.name === "getMessage")!;
    const changed = chatModel();
    const getMessage = changed.endpoints.find((e) => e.name === "getMessage")!;
    getMessage.parameters.path = [
      createParameter({
        name: "messageId",
        in: "path",
        schema: { type: "string" },
        source: getMessage.sources[0]!,
      }),
    ];
    const result = update(before, changed);
    const was = signatures(model)(original);
    const now = signatures(changed)(getMessage);
    expect(was).not.toBe(now);
    expect(result.changed).toEqual([{ name: "getMessage", was, now }]);
    const diagnostic = result.diagnostics.find(
      (d) => d.code === "scaffold/changed-signature",
    )!;
    // no hash to paste: the flag that accepts it
    expect(diagnostic.message).not.toContain(now);
    expect(diagnostic.message).toContain(
      "Review the handler, then accept the change: apiloom generate --accept getMessage",
    );
    const line = result.contents.split("\n")[diagnostic.line - 1]!;
    expect(line).toContain(`getMessage: "${was}"`);
    expect(isInsertionOnly(before, result.contents)).toBe(true);

    // the words, when the caller knows them (the diff rules, src/workflow/records/handler-changes.ts)
    const described = updateHandlersFile({
      file: "src/handlers.ts",
      existing: before,
      model: changed,
      importFrom: IMPORT,
      describe: (name, hash) =>
        name === "getMessage" && hash === was
          ? [
              "path parameter messageId is now a string (breaking, breaks clients)",
            ]
          : undefined,
    });
    expect(described.diagnostics[0]!.message).toContain(
      "changed since its handler was written: path parameter messageId is now a string (breaking, breaks clients). Review",
    );

    // accepted: the hash between the quotes is the one thing that changes, whatever the quotes
    const single = before.replace(
      `getMessage: "${was}"`,
      `getMessage: '${was}'`,
    );
    const accepted = updateHandlersFile({
      file: "src/handlers.ts",
      existing: single,
      model: changed,
      importFrom: IMPORT,
      accept: (name) => name === "getMessage",
    });
    expect(accepted.accepted).toEqual(["getMessage"]);
    expect(accepted.diagnostics).toEqual([]);
    // (beside the stub this fixture always gets)
    expect(accepted.contents).toBe(
      update(single, changed).contents.replace(
        `getMessage: '${was}'`,
        `getMessage: '${now}'`,
      ),
    );
  });

  it("does not report a change in descriptions only", () => {
    const model = chatModel();
    const reworded = chatModel();
    for (const e of reworded.endpoints) e.summary = "reworded";
    reworded.schemas.Message!.schema.description = "reworded";
    const result = update(update(undefined, model).contents, reworded);
    expect(result.changed).toEqual([]);
  });

  it("adds an import of notImplemented when the file has none", () => {
    const before = `import type { Handlers } from "${IMPORT}";\n\nexport const handlers = {} satisfies Handlers;\n`;
    const result = update(before);
    expect(isInsertionOnly(before, result.contents)).toBe(true);
    expect(result.contents.split("\n").slice(0, 2)).toEqual([
      `import type { Handlers } from "${IMPORT}";`,
      `import { notImplemented } from "${IMPORT}";`,
    ]);
    expect(result.contents).toContain(
      "export const handlers = {\n  // GET /app/chat:bot:messages\n  listBotMessages: notImplemented,\n",
    );
    expect(result.diagnostics.map((d) => d.code)).toEqual([
      "scaffold/signatures-not-found",
    ]);
  });

  it("imports notImplemented as the file imports the server, .js or .ts", () => {
    const ts = IMPORT.replace(/\.js$/, ".ts");
    for (const [own, setting] of [
      [IMPORT, ts],
      [ts, IMPORT],
    ]) {
      const before = `import type { Handlers } from "${own}";\n\nexport const handlers = {} satisfies Handlers;\n`;
      const result = updateHandlersFile({
        file: "src/handlers.ts",
        existing: before,
        model: chatModel(),
        importFrom: setting!,
      });
      expect(result.contents.split("\n")[1]).toBe(
        `import { notImplemented } from "${own}";`,
      );
    }
  });

  it("fills an empty object whose brace is on its own line", () => {
    const before = `import { notImplemented } from "${IMPORT}";\n\nexport const handlers = {\n} satisfies Handlers;\n`;
    const result = update(before);
    expect(result.contents).toMatch(
      /^export const handlers = \{\n  \/\/ GET \/app\/chat:bot:messages\n  listBotMessages: /m,
    );
    expect(result.contents).toMatch(
      /putAttachment: notImplemented,\n\} satisfies Handlers;\n$/,
    );
  });

  it("opens new lines in an object written on one line", () => {
    const model = withoutEndpoint(chatModel(), "putAttachment");
    const small: ApiModel = {
      ...model,
      endpoints: model.endpoints.filter((e) =>
        ["getMessage", "deleteMessage"].includes(e.name),
      ),
    };
    const before = `export const handlers = { getMessage: async () => ({ status: 404 }) } satisfies Handlers;\n`;
    const result = update(before, small);
    expect(result.contents).toBe(
      `import { notImplemented } from "${IMPORT}";\n` +
        // the space that stood before the brace stays where it was
        "export const handlers = { getMessage: async () => ({ status: 404 }), \n" +
        "  // DELETE /message/{messageId}\n" +
        "  deleteMessage: notImplemented,\n" +
        "} satisfies Handlers;\n",
    );
  });

  it("finds the objects in a default export and behind a type annotation", () => {
    const model = withoutEndpoint(chatModel(), "putAttachment");
    const before = `import { notImplemented, type Handlers } from "${IMPORT}";

export default {
  getMessage: async () => ({ status: 404 }),
} satisfies Partial<Handlers>;

export const signatures: api.HandlerSignatures = {};
`;
    const result = update(before, model);
    expect(result.added).toHaveLength(model.endpoints.length - 1);
    expect(isInsertionOnly(before, result.contents)).toBe(true);
    expect(result.contents).toContain(
      "  getMessage: async () => ({ status: 404 }),\n  // GET /app/chat:bot:messages\n",
    );
    expect(result.contents).toMatch(
      /export const signatures: api\.HandlerSignatures = \{\n  listBotMessages: "[0-9a-f]{10}",\n/,
    );
  });

  it("adds nothing after a spread, which could hold the missing handler", () => {
    const before = `import { notImplemented } from "${IMPORT}";\nimport { base } from "./base.js";\nexport const handlers = {\n  ...base,\n} satisfies Handlers;\n`;
    const result = update(before);
    expect(result.contents).toBe(before);
    expect(result.added).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual([
      "scaffold/spread-in-handlers",
    ]);
  });

  it("reports a file without a Handlers object instead of guessing", () => {
    const before = "export const nothing = {};\n";
    const result = update(before);
    expect(result.contents).toBe(before);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: "error",
        code: "scaffold/handlers-not-found",
      }),
    ]);
  });
});

describe("serverImportPath", () => {
  it.each([
    [
      "examples/stride-server/handlers.ts",
      "generated",
      "../../generated/server/index.js",
    ],
    ["handlers.ts", "generated", "./generated/server/index.js"],
    ["generated/handlers.ts", "generated", "./server/index.js"],
  ])("%s importing from %s", (file, out, want) => {
    expect(serverImportPath(file, out)).toBe(want);
  });
});

describe("updateHandlersFile on the Stride seeds", () => {
  it("scaffolds a file prettier leaves alone, long names included", async () => {
    const specs = readdirSync(SPECS)
      .sort()
      .map((f) => join(SPECS, f));
    const model = loadModel(specs);
    expect(model.endpoints).toHaveLength(49);
    const { contents } = update(undefined, model);
    expect(await format(contents, { parser: "typescript" })).toBe(contents);
  });
});
