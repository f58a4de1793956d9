import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";

/*
 * The mcp plugin's options (docs/mcp.md, "Large APIs"), through generate() in memory: which
 * endpoints become tools (tags, names, methods: every filter given must match), the mode (auto:
 * dynamic past maxTools) and the diagnostics of a selection that names what the API lacks.
 */
const SPEC = `openapi: 3.2.0
info: { title: Zoo, version: "1" }
paths:
  /pets:
    get: { operationId: listPets, tags: [pets], responses: { "200": { description: ok } } }
    post: { operationId: addPet, tags: [pets], responses: { "201": { description: ok } } }
  /pets/{id}:
    delete:
      operationId: removePet
      tags: [pets]
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { "204": { description: gone } }
  /keepers:
    get: { operationId: listKeepers, tags: [staff], responses: { "200": { description: ok } } }
    additionalOperations:
      COPY: { operationId: copyKeepers, tags: [staff], responses: { "201": { description: ok } } }
  /keepers/{keeperIdentifierThatIsLong}/assignments/with/a/rather/long/name:
    get:
      operationId: listAssignmentsOfTheKeeperWithAVeryLongOperationIdIndeedYesReally
      tags: [staff]
      parameters:
        - { name: keeperIdentifierThatIsLong, in: path, required: true, schema: { type: string } }
      responses: { "200": { description: ok } }
`;

async function tools(mcp: Record<string, unknown>) {
  const result = await generate([{ file: "zoo.yaml", text: SPEC }], {
    artifacts: ["mcp"],
    mcp,
  });
  const file = result.files.find((f) => f.path === "mcp/tools.ts")?.contents;
  return {
    file: file ?? "",
    names: [...(file ?? "").matchAll(/^ {4}name: "(\w+)",$/gm)].map(
      (m) => m[1],
    ),
    mode: /export const MODE: "tools" \| "dynamic" = "(\w+)";/.exec(
      file ?? "",
    )?.[1],
    diagnostics: result.diagnostics
      .filter((d) => d.code.startsWith("mcp/"))
      .map((d) => `${d.code} ${d.file}: ${d.message}`),
  };
}

describe("mcp options: which endpoints become tools, and how", () => {
  it("makes a tool of every endpoint by default, one per endpoint up to maxTools", async () => {
    const all = await tools({});
    expect(all.names).toHaveLength(6);
    expect(all.mode).toBe("tools");
    expect((await tools({ maxTools: 5 })).mode).toBe("dynamic");
    expect((await tools({ maxTools: 6 })).mode).toBe("tools");
    expect((await tools({ mode: "dynamic" })).mode).toBe("dynamic");
    expect((await tools({ mode: "tools", maxTools: 0 })).mode).toBe("tools");
  });

  it("keeps the endpoints matching every filter given", async () => {
    expect((await tools({ tags: ["pets"] })).names.sort()).toEqual([
      "addPet",
      "listPets",
      "removePet",
    ]);
    expect((await tools({ tags: ["pets"], methods: ["GET"] })).names).toEqual([
      "listPets",
    ]);
    expect(
      (
        await tools({ names: ["listKeepers", "DELETE /pets/{id}"] })
      ).names.sort(),
    ).toEqual(["listKeepers", "removePet"]);
    // an OpenAPI 3.2 additional operation's method is a method to choose by
    const copy = await tools({ methods: ["copy"] });
    expect(copy.names).toEqual(["copyKeepers"]);
    expect(copy.file).toContain("destructiveHint: true");
  });

  it("reports what the selection names and the API lacks, and a selection of nothing", async () => {
    const wrong = await tools({
      tags: ["birds"],
      names: ["feedBirds"],
      methods: ["fetch"],
    });
    expect(wrong.names).toEqual([]);
    expect(wrong.diagnostics).toEqual([
      'mcp/selection mcp.methods: mcp.methods names "fetch", which is no HTTP method',
      'mcp/selection mcp.tags: mcp.tags names "birds", which no endpoint has',
      'mcp/selection mcp.names: mcp.names names "feedBirds", which is no endpoint\'s name nor "METHOD /path"',
      "mcp/selection mcp.tags: mcp.tags, mcp.names and mcp.methods together choose no endpoint: the MCP server has no tool",
    ]);
  });

  it("warns of a tool name longer than 64 characters, at the endpoint", async () => {
    const { diagnostics } = await tools({ tags: ["staff"] });
    expect(diagnostics).toEqual([
      "mcp/long-tool-name zoo.yaml: the tool listAssignmentsOfTheKeeperWithAVeryLongOperationIdIndeedYesReally has a name of 65 characters, more than the 64 some MCP clients take",
    ]);
  });
});
