import { describe, expect, it } from "vitest";
import { ingestTexts } from "../index.js";

describe("webhooks", () => {
  const hooks = (openapi: string) =>
    ingestTexts([
      {
        file: "hooks.yaml",
        text: `openapi: ${openapi}
info: { title: hooks, version: "1" }
webhooks:
  pet.adopted:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string } }
      - { name: X-Tenant, in: header, schema: { type: string } }
    post:
      responses:
        "204": { description: received }
  broken: 42
`,
      },
    ]);

  it("are read from 3.1, headers kept, path and query parameters reported", () => {
    const { documents, diagnostics } = hooks("3.1.0");
    const [webhook] = documents[0]!.webhooks!;
    expect(webhook!.key).toBe("pet.adopted");
    expect(webhook!.parameters.header.map((p) => p.name)).toEqual(["X-Tenant"]);
    expect(webhook!.parameters.path).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["openapi3/webhook-parameter-skipped", 6],
      ["openapi3/invalid-webhook", 11],
    ]);
  });

  it("are skipped in a 3.0 document, which cannot declare them, and said so", () => {
    const { documents, diagnostics } = hooks("3.0.3");
    expect(documents[0]!.webhooks).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["openapi3/invalid-webhook", 3],
    ]);
  });
});
