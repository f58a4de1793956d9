import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "../../src/emit/openapi/index.js";
import { printJsonTo } from "../../src/emit/openapi/print-json.js";
import { ingestTexts } from "../../src/ingest/index.js";
import { buildModel } from "../../src/model/merge/build.js";

/**
 * A Postman collection has no schemas: apiloom guesses each body's from the bodies the requests
 * send and the responses they saved, and keeps those bodies as examples. The oracle is ajv: every
 * example the merged OpenAPI document keeps must fit the schema it stands under, or the types and
 * validators refuse what the collection shows the API taking and sending. (The samples oracle,
 * test/validators/oracles/samples.test.ts, judges the corpus's collections the same way.)
 */
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

type Json = Record<string, unknown>;

/** "where: ajv's complaint" for each example of `document` its schema refuses. */
function misfits(document: Json): string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ components: document.components ?? {} }, "doc");
  const found: string[] = [];
  const fits = (schema: unknown, value: unknown, where: string) => {
    const local = JSON.stringify(schema).replaceAll(
      '"#/components/',
      '"doc#/components/',
    );
    if (!ajv.validate(JSON.parse(local), value))
      found.push(`${where}: ${ajv.errorsText()}`);
  };
  const media = (content: unknown, where: string) => {
    for (const [type, m] of Object.entries((content ?? {}) as Json)) {
      const { schema, example, examples } = m as Json;
      if (schema === undefined || !/json/.test(type)) continue;
      if (example !== undefined) fits(schema, example, `${where} ${type}`);
      for (const [name, e] of Object.entries((examples ?? {}) as Json))
        fits(schema, (e as Json).value, `${where} ${type} ${name}`);
    }
  };
  for (const [path, item] of Object.entries(document.paths as Json))
    for (const [method, op] of Object.entries(item as Json)) {
      const { requestBody, responses } = op as Json;
      media((requestBody as Json | undefined)?.content, `${method} ${path}`);
      for (const [status, r] of Object.entries((responses ?? {}) as Json))
        media((r as Json).content, `${method} ${path} ${status}`);
    }
  return found;
}

function documentOf(file: string, text: string): Json {
  const read = ingestTexts([{ file, text }], { cwd: "/" });
  const parts: string[] = [];
  printJsonTo(openApiDocument(buildModel(read.documents, read.diagnostics)), {
    write: (part) => parts.push(part),
  });
  return JSON.parse(parts.join("")) as Json;
}

const request = (name: string, body: Json) => ({
  name,
  request: {
    method: "POST",
    url: "https://api.example.com/post",
    header: [{ key: "Content-Type", value: "application/json" }],
    body,
  },
});

describe("every example kept from a Postman collection fits its schema (ajv)", () => {
  it("requests to one endpoint with a raw JSON body and a GraphQL one", () => {
    const text = JSON.stringify({
      info: {
        name: "echo",
        schema: "https://schema.getpostman.com/json/collection/v2.1.0/",
      },
      item: [
        request("json", { mode: "raw", raw: '{"json": "Test-Test"}' }),
        request("graphql", {
          mode: "graphql",
          graphql: { query: "{ scenes { id } }", variables: '{"n": 1}' },
        }),
      ],
    });
    const document = documentOf("echo.json", text);
    expect(misfits(document)).toEqual([]);
    // both bodies are there to be judged: the oracle saw them
    const body = JSON.stringify((document.paths as Json)["/post"]);
    expect(body).toContain("Test-Test");
    expect(body).toContain("scenes");
  });

  it("forms of other fields to one endpoint: every field is a member, as for JSON", () => {
    const form = (key: string) =>
      request(key, { mode: "urlencoded", urlencoded: [{ key, value: "1" }] });
    const text = JSON.stringify({
      info: {
        name: "forms",
        schema: "https://schema.getpostman.com/json/collection/v2.1.0/",
      },
      item: [form("email"), form("phone")],
    });
    const post = (documentOf("forms.json", text).paths as Json)["/post"];
    const { schema } = (post as any).post.requestBody.content[
      "application/x-www-form-urlencoded"
    ];
    expect(Object.keys(schema.properties)).toEqual(["email", "phone"]);
  });
});
