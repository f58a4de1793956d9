import { describe, expect, it } from "vitest";
import type { GeneratedFile } from "../../src/emit/artifact.js";
import {
  fixture,
  generateFixture,
  typeCheckStrictest,
} from "./fidelity-project.js";

// Fault B (issue 24): a document with only webhooks (OpenAPI 3.1) has no endpoint; its client,
// contracts, server and validators must still compile with noUnusedLocals/noUnusedParameters,
// and so must those of one and two endpoints.
const ONE_ENDPOINT = `openapi: 3.1.0
info: { title: one, version: "1" }
paths:
  /ping:
    get:
      operationId: ping
      responses:
        "204": { description: pong }
`;
const NO_PATHS = `openapi: 3.0.3
info: { title: none, version: "1" }
paths: {}
`;

describe("a document with no endpoint emits nothing unused", () => {
  it("compiles under noUnusedLocals for 0 (webhooks only, empty paths) and 1 endpoint", async () => {
    const projects = new Map<string, GeneratedFile[]>();
    const cases: [string, string][] = [
      ["webhooks-only.yaml", fixture("webhooks-only.yaml")],
      ["no-paths.yaml", NO_PATHS],
      ["one-endpoint.yaml", ONE_ENDPOINT],
    ];
    for (const [name, text] of cases) {
      const { files } = await generateFixture(
        name,
        { artifacts: ["client", "server", "validators"] },
        text,
      );
      expect(files.map((f) => f.path)).toContain("client/index.ts");
      projects.set(name.replace(/\W+/g, "-"), files);
    }
    const result = await typeCheckStrictest("no-endpoints", projects);
    expect(result.output).toBe("");
  }, 120_000);
});
