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
    artifacts: [...ARTIFACTS, "openapi"],
    cwd: "/virtual",
  });
  const all = new Map(files.map((f) => [f.path, f.contents]));
  const openapi = all.get("openapi.json")!;
  all.delete("openapi.json");
  return { code: all, openapi };
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
});
