import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generate } from "../../src/generate.js";
import { generateClient } from "./generate.js";

// What a program that calls the generated client bundles (issue 25): what it does not use stays
// out. esbuild bundles and minifies as bench/bundle.mjs does; the budget is the goal.
const SPEC = JSON.stringify({
  openapi: "3.1.0",
  info: { title: "Bundle", version: "1" },
  paths: {
    "/pets/{id}": {
      get: {
        operationId: "getPet",
        parameters: [
          {
            name: "id",
            in: "path",
            required: true,
            schema: { type: "string" },
          },
        ],
        responses: {
          200: {
            description: "ok",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["name"],
                  properties: { name: { type: "string" } },
                },
              },
            },
          },
        },
      },
    },
    "/pets": {
      get: {
        operationId: "listPets",
        parameters: [
          { name: "cursor", in: "query", schema: { type: "string" } },
        ],
        responses: { 204: { description: "none" } },
      },
    },
    "/tags/{tags}": {
      get: {
        operationId: "getTags",
        parameters: [
          {
            name: "tags",
            in: "path",
            required: true,
            schema: { type: "array", items: { type: "string" } },
          },
        ],
        responses: { 204: { description: "none" } },
      },
    },
    "/photos": {
      post: {
        operationId: "uploadPhoto",
        requestBody: {
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                properties: {
                  tags: { type: "array", items: { type: "string" } },
                },
              },
              encoding: { tags: { explode: false } },
            },
          },
        },
        responses: { 204: { description: "stored" } },
      },
    },
  },
});

let dir: string;

beforeAll(async () => {
  const { model } = await generate([{ file: "bundle.json", text: SPEC }]);
  // with the validators, for the program that validates responses
  dir = await generateClient(model, "bundle", {}, ["client", "validators"]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `program` bundled and minified: its code and the generated files it took bytes from. */
async function bundle(
  program: string,
): Promise<{ code: string; files: string[] }> {
  const result = await build({
    stdin: { contents: program, resolveDir: dir, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    write: false,
    metafile: true,
  });
  const inputs = Object.values(result.metafile.outputs)[0]!.inputs;
  return {
    code: result.outputFiles[0]!.text,
    files: Object.entries(inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .filter(([file]) => file !== "<stdin>")
      // relative to the working folder: the last two segments name the generated file
      .map(([file]) => file.split("/").slice(-2).join("/")),
  };
}

const PLAIN = `import { getPet } from "./client/index.ts";\nconsole.log(await getPet({ path: { id: "1" } }));`;
/** Written only by serialize.ts's multipart writer, the heaviest part of the form writer. */
const FORM_WRITER = "boundary=";
/**
 * Written only by the body writer (body.ts's serializeBody: a multipart form body) and the
 * query writer (serialize.ts's serializeQuery: a delimited style).
 */
const WRITERS = ['"multipart/form-data"', "spaceDelimited"];
/** Written only by the path writers of arrays, objects, label and matrix (plainPath). */
const PATH_WRITER = "matrix path parameter";

describe("a program calling one endpoint function", () => {
  // issue 45's goal, 4 KiB: the writers of a body, a query, headers, cookies and of paths that
  // are not strings or numbers come with the endpoints that send them (each spec names its own),
  // so a call with none bundles none
  test("bundles neither the validators nor the writers it does not use, in at most 4 KiB gzipped", async () => {
    const { code, files } = await bundle(PLAIN);
    expect(files.filter((f) => f.startsWith("validators/"))).toEqual([]);
    expect(files).not.toContain("client/validate.ts");
    expect(code).not.toContain(FORM_WRITER);
    for (const writer of [...WRITERS, PATH_WRITER])
      expect(code).not.toContain(writer);
    // an API without security schemes has no credentials to send: auth.ts's applyAuth stays out
    expect(code).not.toContain("is a credential");
    expect(gzipSync(code).length).toBeLessThanOrEqual(4096);
  });

  test("bundles the writers of the parts the endpoint has", async () => {
    const { code } = await bundle(
      `import { listPets } from "./client/index.ts";\nconsole.log(await listPets({ query: { cursor: "a" } }));`,
    );
    expect(code).toContain(WRITERS[1]);
    const tags = await bundle(
      `import { getTags } from "./client/index.ts";\nconsole.log(await getTags({ path: { tags: ["a", "b"] } }));`,
    );
    expect(tags.code).toContain(PATH_WRITER);
  });

  test("bundles the validators when it imports client/validate.ts for validateResponses", async () => {
    const { files } = await bundle(
      `import { getPet } from "./client/index.ts";\nimport { validateResponses } from "./client/validate.ts";\nconsole.log(await getPet({ path: { id: "1" } }, { validateResponses }));`,
    );
    expect(files).toEqual(
      expect.arrayContaining([
        "client/validate.ts",
        "validators/endpoints.ts",
        "validators/runtime.ts",
      ]),
    );
  });

  test("bundles the form writer when it calls an endpoint that sends an encoded form", async () => {
    const { code } = await bundle(
      `import { uploadPhoto } from "./client/index.ts";\nconsole.log(await uploadPhoto({ body: { tags: ["a"] } }));`,
    );
    expect(code).toContain(FORM_WRITER);
  });
});

test("a request with an encoding but no form writer (an endpoint template older than `form`) fails before anything is sent", async () => {
  const { send } = await import(
    pathToFileURL(join(dir, "client/runtime.ts")).href
  );
  const sent: unknown[] = [];
  const call = send(
    {
      baseUrl: "http://127.0.0.1:9",
      fetch: async (request: Request) => {
        sent.push(request);
        return new Response(null, { status: 204 });
      },
    },
    {},
    undefined,
    {
      method: "POST",
      path: "/photos",
      body: { tags: ["a", "b"] },
      mediaType: "multipart/form-data",
      encoding: { tags: { explode: false } },
    },
  );
  await expect(call).rejects.toThrow(TypeError);
  expect(sent).toEqual([]);
});
