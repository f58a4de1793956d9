import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Validator } from "@seriousme/openapi-schema-validator";
import { expect, it } from "vitest";
import { allParameters } from "../../src/model/factories.js";
import { loadModel } from "../../src/pipeline.js";
import type { ApiModel } from "../../src/model/types.js";
import { emitted } from "../emitted.js";

/*
 * A path parameter that keeps reserved characters is said in openapi.json in a way its version
 * allows: OpenAPI 3.1 lets only a query parameter have `allowReserved` (3.2 a path one too).
 * The merged 3.1 document wrote it on path parameters, which the official 3.1 schema refuses:
 * 47 of APIs.guru's azure.com documents, windows.net/graphrbac and openpolicy.local (found by a
 * held-out hunt validating openapi.json over the directory).
 */
const AZURE = fileURLToPath(
  new URL("../fixtures/server/azure-role-assignments.yaml", import.meta.url),
);

/** An excerpt of APIs.guru's openpolicy.local.json (OpenAPI 3.0): `allowReserved` on a path. */
const OPA = `
openapi: 3.0.0
info: { title: Open Policy Agent (OPA) REST API, version: 0.28.0 }
paths:
  /v1/data/{path}:
    parameters: [{ $ref: "#/components/parameters/pathParameter" }]
    get:
      operationId: getDocument
      responses: { "200": { description: Success } }
components:
  parameters:
    pathParameter:
      allowReserved: true
      description: A backslash (/) delimited path to access values inside object and array documents.
      example: opa/examples/public_servers
      in: path
      name: path
      required: true
      schema: { type: string }
`;

const kept = (model: ApiModel) =>
  model.endpoints.flatMap((e) =>
    allParameters(e.parameters)
      .filter((p) => p.allowReserved)
      .map((p) => `${e.name} ${p.name}`),
  );

async function merged(model: ApiModel) {
  const files = await emitted("openapi", model);
  const text = files.find((f) => f.path === "openapi.json")!.contents as string;
  return { text, doc: JSON.parse(text) };
}

it.each([
  [
    "azure.com/authorization-authorization-RACalls (Swagger 2.0)",
    { file: AZURE, text: readFileSync(AZURE, "utf8") },
  ],
  ["openpolicy.local (OpenAPI 3.0)", { file: "opa.yaml", text: OPA }],
])(
  "%s: a 3.1 document the official schema accepts, which reads back to the same parameters",
  async (_, input) => {
    const model = loadModel([input]);
    expect(kept(model).length).toBeGreaterThan(0);
    const { text, doc } = await merged(model);
    expect(doc.openapi).toBe("3.1.1");
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const again = loadModel([{ file: "openapi.json", text }]);
    expect(kept(again)).toEqual(kept(model));
  },
);

it("keeps allowReserved on a path parameter in a 3.2 document", async () => {
  const model = loadModel([
    { file: "opa.yaml", text: OPA.replace("3.0.0", "3.2.0") },
  ]);
  const { doc } = await merged(model);
  expect(doc.openapi).toBe("3.2.0");
  const [parameter] = doc.paths["/v1/data/{path}"].get.parameters;
  expect(parameter).toMatchObject({ in: "path", allowReserved: true });
  expect(await new Validator().validate(doc)).toEqual({ valid: true });
});
