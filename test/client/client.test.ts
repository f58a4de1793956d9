import { emitted } from "../emitted.js";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as prettier from "prettier";
import { Project } from "ts-morph";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { emitClient } from "../../src/emit/client/index.js";
import type { GeneratedFile } from "../../src/emit/artifact.js";
import { createTypeIndex } from "../../src/emit/type-index/type-index.js";
import { emitTypesFile } from "../../src/emit/types/types-file.js";
import clientPlugin from "../../src/emit/client/plugin.js";
import { pluginContext } from "../emitted.js";
import { kitchenSinkModel } from "../fixtures/client/kitchen-sink-model.js";
import { sdkModel } from "../fixtures/client/sdk-model.js";
import { wireModel } from "../fixtures/client/wire-model.js";
import { endpoint } from "../../templates/client/runtime.js";
import { typeCheck, writeTree } from "./compile.js";
import { generateClient } from "./generate.js";

function fileOf(files: readonly GeneratedFile[], path: string): string {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} among ${files.map((f) => f.path)}`);
  return file.contents;
}

const usage = readFileSync(
  join(import.meta.dirname, "../fixtures/client/usage.ts.txt"),
  "utf8",
);

describe("generated client files", () => {
  test("are client/index.ts and the runtime files; a run asking for the client also makes the types it imports, and client/validate.ts only beside the validators", async () => {
    const model = kitchenSinkModel();
    const own = await emitClient(pluginContext(clientPlugin, model));
    expect(own.map((f) => f.path)).toEqual([
      "client/index.ts",
      "client/runtime.ts",
      "client/auth.ts",
      "client/body.ts",
      "client/oauth.ts",
      // the context lists every artifact, `paths` among them: openapi-typescript's client shape
      "client/openapi-fetch.ts",
      "client/options.ts",
      "client/paginate.ts",
      "client/result.ts",
      "client/serialize.ts",
      "client/stream.ts",
      "client/timeouts.ts",
      "client/transport.ts",
      "client/validate.ts",
      // made last: it names the packages the others import (none here)
      "client/environment.ts",
    ]);
    const files = await emitted("client", model, {});
    expect(files.map((f) => f.path)).toEqual([
      "client/auth.ts",
      "client/body.ts",
      "client/environment.ts",
      "client/index.ts",
      "client/oauth.ts",
      "client/options.ts",
      "client/paginate.ts",
      "client/result.ts",
      "client/runtime.ts",
      "client/serialize.ts",
      "client/stream.ts",
      "client/timeouts.ts",
      "client/transport.ts",
      "types.ts",
    ]);
    // response validation (client/validate.ts) imports the validators: made when they are
    const validating = await emitted(["client", "validators"], model, {});
    expect(validating.map((f) => f.path)).toEqual([
      ...files.map((f) => f.path).slice(0, -1),
      "client/validate.ts",
      "types.ts",
      "validators/checks.ts",
      "validators/endpoints.ts",
      "validators/environment.ts",
      "validators/formats.ts",
      "validators/plan-checks.ts",
      "validators/plan-keywords.ts",
      "validators/plan.ts",
      "validators/runtime.ts",
      "validators/schemas.ts",
    ]);
    expect(fileOf(files, "types.ts")).toBe(
      emitTypesFile(model, createTypeIndex(model)).contents,
    );
  });

  test.each([
    ["kitchen sink", kitchenSinkModel],
    ["wire", wireModel],
    ["sdk: statuses, streams", sdkModel],
  ])("are already prettier-formatted (%s)", async (_name, model) => {
    for (const file of await emitted("client", model(), {})) {
      const formatted = await prettier.format(file.contents, {
        parser: "typescript",
      });
      expect(file.contents, file.path).toBe(formatted);
    }
  });

  test("are prettier-formatted for names, paths and media types of every length", async () => {
    const model = wireModel();
    const template = model.endpoints[0]!;
    model.securitySchemes["a-scheme-with-a-rather-long-name-for-its-key"] = {
      name: "a-scheme-with-a-rather-long-name-for-its-key",
      type: "apiKey",
      in: "header",
      parameterName: "X-A-Header-Name-That-Is-Long-Enough-To-Wrap",
      sources: [],
    };
    model.endpoints = Array.from({ length: 70 }, (_, i) => ({
      ...template,
      name: "op" + "x".repeat(i),
      path: "/p" + "/segment".repeat(i % 12) + "/{id}/parts/{part}",
      security: [
        Object.fromEntries(
          ["oauth", "bearer", "headerKey"]
            .slice(0, 1 + (i % 3))
            .map((n) => [n, []]),
        ),
        ...(i % 2 === 0 ? [{ queryKey: [], basic: [] }] : []),
        ...(i % 5 === 0
          ? [{ "a-scheme-with-a-rather-long-name-for-its-key": [] }]
          : []),
      ],
      responses: [
        {
          ...template.responses[0]!,
          content: [
            "application/json",
            "application/vnd.example.item+json",
            "text/csv",
          ]
            .slice(0, 1 + (i % 3))
            .map((mediaType) => ({
              mediaType,
              schema: { type: "string" as const },
            })),
        },
      ],
      requestBody:
        i % 4 === 0
          ? {
              required: i % 8 === 0,
              content: [
                {
                  mediaType:
                    "application/vnd.example." + "long".repeat(i % 9) + "+json",
                },
              ],
              sources: [],
            }
          : undefined,
    }));
    for (const file of await emitted("client", model, {})) {
      const formatted = await prettier.format(file.contents, {
        parser: "typescript",
      });
      expect(file.contents, file.path).toBe(formatted);
    }
  });

  test("are deterministic", async () => {
    const a = await emitted("client", kitchenSinkModel(), {});
    const b = await emitted("client", kitchenSinkModel(), {});
    expect(a).toEqual(b);
  });

  test("use the client's baseUrl option over the model's servers", async () => {
    const files = await emitted("client", kitchenSinkModel(), {
      baseUrl: "https://override.test/api/",
    });
    expect(fileOf(files, "client/index.ts")).toContain(
      'export const DEFAULT_BASE_URL = "https://override.test/api";',
    );
  });

  test("document each function: summary, method and path, OAuth scopes, deprecation", async () => {
    const index = fileOf(
      await emitted("client", kitchenSinkModel(), {}),
      "client/index.ts",
    );
    expect(index).toContain(
      '/**\n * Find a pet\n *\n * `GET /pets/{petId}`\n *\n * OAuth scopes: `pets:read`.\n */\nexport const getPet: EndpointFunctions["getPet"] =',
    );
    expect(index).toMatch(
      / \* @deprecated\n \*\/\nexport const ping: EndpointFunctions\["ping"\] =/,
    );
    // and each member of EndpointFunctions, which a `client.` completion and hover show
    expect(index).toContain(
      "  /**\n   * Find a pet\n   *\n   * `GET /pets/{petId}`\n   *\n   * OAuth scopes: `pets:read`.\n   */\n  getPet: ApiCall<",
    );
    expect(index).toMatch(/ {3}\* @deprecated\n {3}\*\/\n {2}ping: ApiCall</);
  });

  test("the language service shows an endpoint's doc on `client.` completion and hover (TypeScript 5)", async () => {
    const files = await emitted("client", kitchenSinkModel(), {});
    const main =
      'import { createClient } from "./client/index.js";\n' +
      "const client = createClient();\n" +
      "void client.getPet;\nvoid client.ping;\n";
    const dir = writeTree({
      ...Object.fromEntries(files.map((f) => [f.path, f.contents])),
      "main.ts": main,
    });
    try {
      await typeCheck(dir);
      const project = new Project({
        tsConfigFilePath: join(dir, "tsconfig.json"),
      });
      const service = project.getLanguageService().compilerObject;
      const file = join(dir, "main.ts");
      const text = (name: string) => {
        const at = main.indexOf(`client.${name}`) + "client.".length;
        const hover = service.getQuickInfoAtPosition(file, at + 1);
        const details = service.getCompletionEntryDetails(
          file,
          at,
          name,
          undefined,
          undefined,
          undefined,
          undefined,
        );
        return [hover, details].map((info) => ({
          doc: (info?.documentation ?? []).map((d) => d.text).join(""),
          tags: (info?.tags ?? []).map((t) => t.name),
        }));
      };
      for (const shown of text("getPet"))
        expect(shown.doc).toBe(
          "Find a pet\n\n`GET /pets/{petId}`\n\nOAuth scopes: `pets:read`.",
        );
      for (const shown of text("ping"))
        expect(shown.tags).toContain("deprecated");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("escape spec text that lands in code and comments", async () => {
    const model = kitchenSinkModel();
    model.endpoints[0]!.summary = 'Ends */ early "quoted"';
    model.endpoints[0]!.path = '/pets/{petId}/"x"\\';
    const index = fileOf(await emitted("client", model, {}), "client/index.ts");
    expect(index).toContain(' * Ends *\\/ early "quoted"');
    expect(index).toContain("path: '/pets/{petId}/\"x\"\\\\',");
  });
});

describe("templates and names", () => {
  test("a user's endpoint template replaces apiloom's; missing ones fall back", async () => {
    const templatesDir = writeTree({
      "package.json": '{ "type": "module" }',
      "client/endpoint.js":
        "export const contract = 1;\n" +
        "export function renderEndpoint(view, helpers) {\n" +
        "  return `export const ${view.name}Path = ${helpers.stringLiteral(view.path)};\\n`;\n" +
        "}\n",
    });
    const files = await emitted("client", wireModel(), {
      templates: templatesDir,
    });
    const index = fileOf(files, "client/index.ts");
    expect(index).toContain(
      'export const getItemPath = "/items/{id}/parts/{part}";',
    );
    expect(index).not.toContain("export function getItem<");
    expect(index).toContain("export function createClient<"); // index.js: apiloom's
    expect(fileOf(files, "client/runtime.ts")).toContain(
      "export function send<",
    ); // runtime.ts: apiloom's
  });

  test("a user's endpoint template imports what its code names, not what its comments and strings do", async () => {
    const templatesDir = writeTree({
      "package.json": '{ "type": "module" }',
      "client/endpoint.js":
        "export const contract = 1;\n" +
        "export function renderEndpoint(view) {\n" +
        "  return [\n" +
        "    '/* paginate, ApiReturn */ // serializeQuery',\n" +
        "    `export const ${view.name}Words = \"pagesMaker\" + 'atServer' + \\`PageIterator\\`;`,\n" +
        "    `export const ${view.name} = (o: CallOptions): ApiPromise<unknown> => send(o);`,\n" +
        "    '',\n" +
        "  ].join('\\n');\n" +
        "}\n",
    });
    const index = fileOf(
      await emitted("client", wireModel(), { templates: templatesDir }),
      "client/index.ts",
    );
    const runtime = /import \{[^}]*\} from "\.\/runtime\.js";/.exec(index)![0];
    for (const used of ["send,", "type ApiPromise,", "type CallOptions,"])
      expect(runtime).toContain(used);
    for (const unused of [
      "paginate",
      "ApiReturn",
      "serializeQuery",
      "pagesMaker",
      "atServer",
      "PageIterator",
      "makeEndpoint",
    ])
      expect(index).not.toMatch(new RegExp(`import \\{[^}]*\\b${unused}\\b`));
    expect(index).not.toContain("function makeEndpoint(");
  });

  test("an endpoint named like a runtime helper pushes the helper's local name aside", async () => {
    const model = wireModel();
    model.endpoints[0]!.name = "specEndpoint";
    model.endpoints[1]!.name = "bindAll";
    model.endpoints[2]!.name = "makeEndpoint";
    const dir = writeTree(
      Object.fromEntries(
        (await emitted("client", model, {})).map((f) => [f.path, f.contents]),
      ),
    );
    const index = readFileSync(join(dir, "client/index.ts"), "utf8");
    expect(index).toContain("specEndpoint as specEndpoint_");
    // an API with security schemes: each endpoint sends its credentials with applyAuth
    expect(index).toContain(
      "return specEndpoint_(DEFAULTS, SCHEMES, { ...spec, authorize: applyAuth });",
    );
    expect(index).toContain("function makeEndpoint_(spec: EndpointSpec)");
    expect(index).toContain("/* @__PURE__ */ makeEndpoint_(");
    expect(index).toContain("bindAll as bindAll_");
    expect(await typeCheck(dir)).toBe("");
  });
});

describe("an endpoint template written before the specs named their writers", () => {
  // last release's templates/client/endpoint.js made each function with the runtime's
  // `endpoint(DEFAULTS, SCHEMES, spec)` and no `write`, `writeQuery`, ...: its calls must still
  // send their query, headers and body (they threw a TypeError at the first call)
  test("still sends the query, headers and body", async () => {
    const sent: Request[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push(new Request(input, init));
      return new Response("{}", {
        headers: { "Content-Type": "application/json" },
      });
    };
    const call = endpoint(
      { baseUrl: "http://127.0.0.1:9", fetch, retry: false },
      {},
      {
        method: "POST",
        path: "/items/{id}",
        takes: ["query", "headers", "body"],
        mediaType: "application/json",
        statuses: ["200"],
      },
    ) as (args: object) => Promise<{ ok: boolean }>;
    const result = await call({
      path: { id: "a b" },
      query: { tag: ["x", "y"] },
      headers: { "X-Trace": "1" },
      body: { name: "n" },
    });
    expect(result.ok).toBe(true);
    const [request] = sent;
    expect(request?.url).toBe("http://127.0.0.1:9/items/a%20b?tag=x&tag=y");
    expect(request?.headers.get("x-trace")).toBe("1");
    expect(await request?.text()).toBe('{"name":"n"}');
  });
});

describe("generated client under tsc --strict", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await generateClient(wireModel(), "typed");
    writeFileSync(join(dir, "usage.ts"), usage);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("compiles, and a missing path parameter or a wrong query type are compile errors", async () => {
    // usage.ts holds `@ts-expect-error` lines: an error that does not happen fails the check too
    expect(await typeCheck(dir)).toBe("");
  });

  test("the same usage without the expect-error markers reports exactly those errors", async () => {
    writeFileSync(
      join(dir, "usage.ts"),
      usage.replace(/\/\/ @ts-expect-error.*\n/g, ""),
    );
    const output = await typeCheck(dir);
    writeFileSync(join(dir, "usage.ts"), usage);
    expect(output).toMatch(/Property 'path' is missing/);
    expect(output).toMatch(
      /Type 'number' is not assignable to type 'string\[\]'/,
    );
    expect(output).toMatch(/Property 'data' does not exist/);
  });
});
