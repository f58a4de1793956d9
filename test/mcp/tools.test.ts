import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { typeCheckCell } from "../compat/matrix.js";
import { CORPUS_DIR, CORPUS_PRESENT } from "../shared-corpus.js";
import {
  ajv,
  bundleStdio,
  generate,
  OUT,
  overHttp,
  overStdio,
  type Connected,
} from "./harness.js";

/*
 * The mcp artifact's tools (issue 43, item 1), seen by the SDK's own Client: the Stride seeds
 * over stdio, a rich OpenAPI 3.1 description (the museum) and a Swagger 2.0 one (the pet store)
 * from the shared corpus over Streamable HTTP, and a hostile description of our own. tools/list
 * names exactly the generated client's functions; every input and output schema is JSON Schema
 * 2020-12 to ajv, self-contained, and compiles in the validator the SDK's client uses.
 */
const ROOT = join(OUT, "full");
const apis: Record<string, string> = {};
const lists: Record<string, Tool[]> = {};
const open: Connected[] = [];

/** The generated client's endpoint functions: the tools there must be, by another plugin. */
async function clientFunctions(out: string): Promise<string[]> {
  const { createClient } = (await import(join(out, "client/index.ts"))) as {
    createClient: () => Record<string, unknown>;
  };
  return Object.keys(createClient()).sort();
}

beforeAll(async () => {
  rmSync(ROOT, { recursive: true, force: true });
  apis["stride"] = generate("full/stride", ["specs/*"]);
  apis["hostile"] = generate("full/hostile", [
    "test/mcp/fixtures/hostile.yaml",
  ]);
  if (CORPUS_PRESENT) {
    apis["museum"] = generate("full/museum", [
      join(CORPUS_DIR, "oas31/redocly-museum.yaml"),
    ]);
    apis["petstore"] = generate("full/petstore", [
      join(CORPUS_DIR, "swagger2/petstore.json"),
    ]);
  }
  const bundle = await bundleStdio(apis["stride"]);
  const env = { API_BASE_URL: "http://127.0.0.1:9", API_TOKEN: "t" };
  const stride = await overStdio(bundle, { ...env, API_MCP_MODE: "tools" });
  const strideDefault = await overStdio(bundle, env);
  open.push(stride, strideDefault);
  lists["stride"] = (await stride.client.listTools()).tools;
  lists["stride (default)"] = (await strideDefault.client.listTools()).tools;
  for (const name of ["museum", "petstore", "hostile"]) {
    if (!apis[name]) continue;
    const http = await overHttp(apis[name], { baseUrl: "http://127.0.0.1:9" });
    open.push(http);
    lists[name] = (await http.client.listTools()).tools;
  }
}, 120_000);

afterAll(async () => {
  for (const c of open) await c.close();
});

describe("mcp/: tools/list through the SDK's client", () => {
  it("compiles under the strictest tsconfig, with TypeScript 7 and 5", async () => {
    for (const compiler of ["TypeScript 7", "TypeScript 5"] as const) {
      const result = await typeCheckCell(ROOT, "strictest", compiler);
      expect(result.output, compiler).toBe("");
    }
  }, 240_000);

  it("serves its tools itself: the McpServer's registerTool refuses to take tools/list over", async () => {
    const { createMcpServer } = (await import(
      join(apis["hostile"]!, "mcp/index.ts")
    )) as {
      createMcpServer: () => {
        registerTool: (name: string, config: object, cb: () => object) => void;
      };
    };
    expect(() =>
      createMcpServer().registerTool("mine", {}, () => ({ content: [] })),
    ).toThrow(/tools\/list/);
  });

  it("lists one tool per endpoint, named as the client's functions (Stride over stdio, 49)", async () => {
    const names = lists["stride"]!.map((t) => t.name).sort();
    expect(names).toEqual(await clientFunctions(apis["stride"]!));
    expect(names).toHaveLength(49);
  });

  it("gives Stride's 49 endpoints (more than 40) the three dynamic tools by default", () => {
    expect(lists["stride (default)"]!.map((t) => t.name)).toEqual([
      "list_endpoints",
      "describe_endpoint",
      "call_endpoint",
    ]);
  });

  it.runIf(CORPUS_PRESENT)(
    "lists the museum's 8 and the pet store's 20 endpoints over Streamable HTTP",
    async () => {
      for (const [name, count] of [
        ["museum", 8],
        ["petstore", 20],
      ] as const) {
        const names = lists[name]!.map((t) => t.name).sort();
        expect(names).toEqual(await clientFunctions(apis[name]!));
        expect(names).toHaveLength(count);
      }
    },
  );

  it("gives every input and output schema as JSON Schema 2020-12 ajv compiles, with no $ref but to its own $defs", () => {
    const sdk = new AjvJsonSchemaValidator();
    let checked = 0;
    for (const tools of Object.values(lists))
      for (const tool of tools)
        for (const schema of [tool.inputSchema, tool.outputSchema]) {
          if (!schema) continue;
          expect(ajv.validateSchema(schema), tool.name).toBe(true);
          expect(() => ajv.compile(schema), tool.name).not.toThrow();
          expect(() => sdk.getValidator(schema), tool.name).not.toThrow();
          const text = JSON.stringify(schema);
          for (const [, ref] of text.matchAll(/"\$ref":"([^"]*)"/g)) {
            expect(ref, tool.name).toMatch(/^#\/\$defs\//);
            expect(schema).toHaveProperty("$defs");
          }
          expect(text).not.toMatch(/"x-|"discriminator"|"xml"/);
          checked++;
        }
    expect(checked).toBeGreaterThan(49 + 3);
  });

  it("resolves every $ref it can: only a recursive schema keeps one, under $defs", () => {
    const refs = (value: unknown) =>
      [...JSON.stringify(value).matchAll(/"\$ref":"#\/\$defs\/([^"]*)"/g)].map(
        (m) => decodeURIComponent(m[1]!),
      );
    const kept: string[] = [];
    for (const [api, tools] of Object.entries(lists))
      for (const tool of tools)
        for (const schema of [tool.inputSchema, tool.outputSchema]) {
          const defs = (schema?.["$defs"] ?? {}) as Record<string, object>;
          for (const name of Object.keys(defs)) {
            kept.push(`${api} ${tool.name} ${name}`);
            // the schema reaches itself through the references of $defs: a cycle
            const seen = new Set<string>();
            const next = [...refs(defs[name])];
            while (next.length > 0) {
              const n = next.pop()!;
              if (seen.has(n)) continue;
              seen.add(n);
              next.push(...refs(defs[n]));
            }
            expect(seen.has(name), `${api} ${tool.name} ${name}`).toBe(true);
          }
        }
    expect(kept).toContain("hostile putItems Tree");
  });

  it.runIf(CORPUS_PRESENT)(
    "annotates by method and names the OAuth scopes (the pet store)",
    () => {
      const byName = new Map(lists["petstore"]!.map((t) => [t.name, t]));
      const petById = byName.get("getPetById")!;
      expect(petById.annotations).toMatchObject({
        readOnlyHint: true,
        destructiveHint: false,
      });
      expect(byName.get("deletePet")!.annotations).toMatchObject({
        readOnlyHint: false,
        destructiveHint: true,
        idempotentHint: true,
      });
      expect(byName.get("updatePet")!.annotations).toMatchObject({
        idempotentHint: true,
      });
      expect(byName.get("addPet")!.annotations).toMatchObject({
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
      });
      expect(byName.get("addPet")!.description).toContain(
        "OAuth scopes: `write:pets`, `read:pets`.",
      );
      expect(byName.get("addPet")!.description).toContain("`POST /pet`");
    },
  );

  it("keeps a description's text as data: it arrives as written", () => {
    const get = lists["hostile"]!.find((t) => t.name === "getItem")!;
    expect(get.title).toBe('Read */ an item "quoted" `tick` ${template}');
    expect(get.description).toContain(
      "Line two \u2028 with */ and <script>alert(1)</script>",
    );
    const text = readFileSync(join(apis["hostile"]!, "mcp/tools.ts"), "utf8");
    expect(text).not.toMatch(/^[^"'\n]*\*\/ an item/m);
  });

  it("leaves out what carries a credential and what does not travel in a request", () => {
    const get = lists["hostile"]!.find((t) => t.name === "getItem")!;
    expect(Object.keys(get.inputSchema.properties!)).toEqual(["path", "query"]);
    const put = lists["hostile"]!.find((t) => t.name === "putItems")!;
    const item = (put.inputSchema.properties!["body"] as { items: object })
      .items as { required: string[]; properties: object };
    // id is readOnly: a request does not send it, nor is it offered
    expect(item.required).toEqual(["name"]);
    expect(Object.keys(item.properties)).toContain("__proto__");
    expect(Object.keys(item.properties)).not.toContain("id");
    const output = get.outputSchema!["properties"] as {
      body: { required: string[] };
    };
    expect(output.body.required).toEqual(["id", "name"]);
  });
});
