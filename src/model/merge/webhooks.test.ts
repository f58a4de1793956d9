import { describe, expect, it } from "vitest";
import { buildModel } from "./build.js";
import { createEndpoint } from "../factories.js";
import type { DocumentModel, Webhook } from "../types.js";

const at = (file: string, line: number) => ({
  file,
  line,
  column: 1,
  pointer: "",
});

function webhook(
  key: string,
  method: "post" | "put",
  file: string,
  line: number,
): Webhook {
  return {
    ...createEndpoint({ method, path: key, source: at(file, line) }),
    key,
  };
}

function doc(
  file: string,
  webhooks: Webhook[],
  endpointNames: string[] = [],
): DocumentModel {
  return {
    file,
    format: "openapi3.1",
    info: { title: file, version: "1" },
    servers: [],
    securitySchemes: {},
    schemas: {},
    tags: [],
    endpoints: endpointNames.map((name, i) => ({
      ...createEndpoint({
        method: "get",
        path: `/e${i}`,
        source: at(file, 90 + i),
      }),
      nameCandidates: [
        { value: name, kind: "operationId", source: at(file, 90 + i) },
      ],
    })),
    webhooks,
  };
}

describe("webhooks in the merged model", () => {
  it("are sorted by key and method, named apart from each other and from the endpoints", () => {
    const model = buildModel(
      [
        doc(
          "a.yaml",
          [
            webhook("pet.created", "post", "a.yaml", 3),
            webhook("ping", "put", "a.yaml", 5),
            webhook("ping", "post", "a.yaml", 4),
            webhook("order", "post", "a.yaml", 6),
            webhook("Pet-Created", "post", "a.yaml", 7),
          ],
          ["order", "petCreatedWebhook"],
        ),
      ],
      [],
    );
    expect(model.webhooks!.map((w) => [w.key, w.method, w.name])).toEqual([
      ["Pet-Created", "post", "petCreated2"],
      ["order", "post", "order2"],
      ["pet.created", "post", "petCreated3"],
      ["ping", "post", "pingPost"],
      ["ping", "put", "pingPut"],
    ]);
  });

  it("keep one per key and method across documents, the preferred one, and say so where they differ", () => {
    const model = buildModel(
      [
        doc("a.yaml", [webhook("pet.created", "post", "a.yaml", 3)]),
        doc("b.yaml", [
          { ...webhook("pet.created", "post", "b.yaml", 8), summary: "New" },
        ]),
      ],
      [],
      { prefer: ["b.yaml"] },
    );
    expect(model.webhooks!.map((w) => w.sources[0]!.file)).toEqual(["b.yaml"]);
    expect(model.diagnostics).toContainEqual(
      expect.objectContaining({
        code: "model/duplicate-webhook",
        file: "a.yaml",
        line: 3,
      }),
    );
  });

  it("are absent from a model whose documents declare none", () => {
    expect(buildModel([doc("a.yaml", [])], []).webhooks).toBeUndefined();
  });
});
