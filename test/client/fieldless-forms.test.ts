import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import {
  SERVED,
  serveSpecEveryWay,
  type StartedServer,
} from "../server/adapter-servers.js";
import { typeCheck } from "./compile.js";

/*
 * A form body whose schema admits no object names no fields: Jira's attachments (multipart, a
 * binary string) and its column lists (multipart, an array of strings), a url-encoded string. The
 * client sent an empty form for a Blob and one field per character for a string, silently; every
 * way of serving refused each such body with 400 (an object of fields is no string). Now the body
 * is the FormData its caller fills (the text given, url-encoded) on both sides, with a warning.
 * Oracles: the platform's own multipart parser (undici's `Request.formData`) reads what the client
 * sent; tsc under `strict` says what a caller may pass.
 */
const SPEC = `openapi: 3.0.3
info: { title: fieldless, version: "1" }
paths:
  /issue/{key}/attachments:
    post:
      operationId: addAttachment
      parameters:
        - { name: key, in: path, required: true, schema: { type: string } }
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema: { type: string, format: binary }
      responses: { "200": { description: ok } }
  /settings/columns:
    put:
      operationId: setColumns
      requestBody:
        content:
          multipart/form-data:
            schema: { type: array, items: { type: string } }
      responses: { "200": { description: ok } }
  /translate:
    post:
      operationId: translate
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema: { type: string, maxLength: 20 }
            example: q=hello
      responses: { "200": { description: ok } }
  /videos/{id}/studio/edit:
    post:
      operationId: editVideo
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema: { type: array, items: { type: object } }
      responses: { "204": { description: edited } }
  /analyze:
    post:
      operationId: analyzeImageInStream
      requestBody:
        required: true
        content:
          application/octet-stream:
            schema: { type: object, format: file }
          multipart/form-data:
            schema: { type: object, format: file }
      responses: { "200": { description: ok } }
  /describe:
    post:
      operationId: describeImageForm
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema: { type: object, format: file }
      responses: { "200": { description: ok } }
  /upload:
    post:
      operationId: upload
      requestBody:
        content:
          application/octet-stream:
            schema: { type: string, format: binary }
          multipart/form-data:
            schema: { type: string, format: binary }
      responses: { "200": { description: ok } }
`;

/** What each handler was given: a FormData as its entries (files as their text), text as it is. */
let seen: unknown[] = [];
const record = async ({ body }: { body: unknown }) => {
  if (body instanceof FormData) {
    const entries: [string, string][] = [];
    for (const [name, value] of body as unknown as Iterable<
      [string, string | Blob]
    >)
      entries.push([
        name,
        typeof value === "string" ? value : `file ${await value.text()}`,
      ]);
    seen.push({ form: entries });
  } else seen.push(body);
  return { status: 200 };
};
const handlers = {
  addAttachment: record,
  setColumns: record,
  translate: record,
  editVideo: record,
  analyzeImageInStream: record,
  describeImageForm: record,
  upload: record,
};

let dir: string;
let servers: Map<string, StartedServer>;

beforeAll(async () => {
  ({ dir, servers } = await serveSpecEveryWay(
    "fieldless-forms",
    SPEC,
    handlers,
  ));
}, 120_000);

afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
});

function attachment(): FormData {
  const form = new FormData();
  form.append("file", new Blob(["bytes of a.txt"]), "a.txt");
  return form;
}

it("warns at the body's line that the form names no fields", async () => {
  const { diagnostics } = await generate(
    [{ file: "fieldless.yaml", text: SPEC }],
    { artifacts: [] },
  );
  const warned = diagnostics.filter(
    (d) => d.code === "model/form-body-not-object",
  );
  expect(warned.map((d) => [d.line, d.message.slice(0, 70)])).toEqual([
    [
      9,
      "POST /issue/{key}/attachments: its multipart/form-data body's schema a",
    ],
    [
      18,
      "PUT /settings/columns: its multipart/form-data body's schema admits no",
    ],
    [
      26,
      "POST /translate: its application/x-www-form-urlencoded body's schema a",
    ],
    [
      38,
      "POST /videos/{id}/studio/edit: its application/x-www-form-urlencoded b",
    ],
    [
      66,
      "POST /upload: its multipart/form-data body's schema admits no object, ",
    ],
  ]);
  // the client sends those bytes as application/octet-stream, not a FormData
  expect(warned[4]!.message).toMatch(/fields: the server hands over/);
  // PeerTube's studio/edit: the text the caller encodes, which no array schema takes
  expect(warned[3]!.message).toContain(
    "which the schema refuses (400): give it a string schema",
  );
  expect(warned[2]!.message).not.toContain("refuses");
});

it("the docs' examples pass a FormData and send the text", async () => {
  const { files } = await generate([{ file: "fieldless.yaml", text: SPEC }], {
    artifacts: ["docs"],
  });
  const page = files.find(
    (f) => f.path.endsWith(".md") && f.path.includes("tags/"),
  )!;
  expect(page.contents).toContain("body: new FormData(),");
  expect(page.contents).toContain("--data 'q=hello'");
});

it("types such a multipart body as the FormData its caller fills, under strict", async () => {
  const program = join(dir, "program");
  mkdirSync(program, { recursive: true });
  writeFileSync(
    join(program, "program.ts"),
    `import { addAttachment, editVideo, setColumns, translate } from "../client/index.ts";
const form = new FormData();
await addAttachment({ path: { key: "A-1" }, body: form });
await setColumns({ body: form });
await translate({ body: "q=hello&target=fr" });
// @ts-expect-error a Blob names no field: the caller says which
await addAttachment({ path: { key: "A-1" }, body: new Blob(["x"]) });
// @ts-expect-error an array names no field either
await setColumns({ body: ["summary"] });
await editVideo({ path: { id: "v" }, body: "tasks[0][name]=cut" });
// @ts-expect-error a url-encoded form without fields is the text its caller encodes
await editVideo({ path: { id: "v" }, body: [{}] });
`,
  );
  expect(await typeCheck(program, { allowImportingTsExtensions: true })).toBe(
    "",
  );
});

it("the client sends the caller's FormData and text as they are", async () => {
  const client = (await import(
    pathToFileURL(join(dir, "client", "index.ts")).href
  )) as Record<string, (args: object, options: object) => Promise<unknown>>;
  const url = servers.get("node")!.url;
  const sent: { type: string; body: ArrayBuffer }[] = [];
  const fetch = async (request: Request) => {
    sent.push({
      type: request.headers.get("content-type") ?? "",
      body: await request.clone().arrayBuffer(),
    });
    return globalThis.fetch(request);
  };
  seen = [];
  await client["addAttachment"]!(
    { path: { key: "A-1" }, body: attachment() },
    { baseUrl: url, fetch },
  );
  await client["translate"]!(
    { body: "q=hello&target=fr" },
    { baseUrl: url, fetch },
  );
  // the platform's parser reads the multipart body the client sent
  const parsed = await new Request("http://x", {
    method: "POST",
    headers: { "content-type": sent[0]!.type },
    body: sent[0]!.body,
  }).formData();
  expect(await (parsed.get("file") as Blob).text()).toBe("bytes of a.txt");
  expect(sent[1]!.type).toBe("application/x-www-form-urlencoded");
  expect(new TextDecoder().decode(sent[1]!.body)).toBe("q=hello&target=fr");
  expect(seen).toEqual([
    { form: [["file", "file bytes of a.txt"]] },
    "q=hello&target=fr",
  ]);
});

// Azure's ComputerVision: the image as bytes or as a multipart body of `type: object, format:
// file`, a form whose fields are any. The client picked the form, and made a Blob, text or bytes
// given for it an empty form, sent without a word: now it sends the bytes, and a form alone
// refuses them before sending
it("sends the bytes where a form naming no fields is offered beside them", async () => {
  const client = (await import(
    pathToFileURL(join(dir, "client", "index.ts")).href
  )) as Record<string, (args: object, options: object) => Promise<unknown>>;
  const types: string[] = [];
  const fetch = async (request: Request) => {
    types.push(request.headers.get("content-type") ?? "");
    return globalThis.fetch(request);
  };
  seen = [];
  await client["analyzeImageInStream"]!(
    { body: new Blob(["png"]) },
    { baseUrl: servers.get("node")!.url, fetch },
  );
  expect(types).toEqual(["application/octet-stream"]);
  expect(seen.length).toBe(1);
  expect(await (seen[0] as Blob).text()).toBe("png");
});

it("refuses a Blob, text or bytes where a multipart body wants its fields, before sending", async () => {
  const client = (await import(
    pathToFileURL(join(dir, "client", "index.ts")).href
  )) as Record<string, (args: object, options: object) => Promise<unknown>>;
  let calls = 0;
  const fetch = async () => {
    calls++;
    return new Response(null);
  };
  const options = { baseUrl: servers.get("node")!.url, fetch };
  for (const body of [new Blob(["png"]), "png", new Uint8Array([1])])
    await expect(
      client["describeImageForm"]!({ body }, options),
    ).rejects.toThrow(
      "a multipart/form-data body is an object of its fields or a FormData",
    );
  expect(calls).toBe(0);
  await client["describeImageForm"]!({ body: { url: "u" } }, options);
  expect(calls).toBe(1);
});

describe.each(SERVED)("%s", (served) => {
  async function post(path: string, init: RequestInit) {
    seen = [];
    const response = await fetch(servers.get(served)!.url + path, {
      method: "POST",
      ...init,
    });
    await response.arrayBuffer();
    return { status: response.status, got: seen };
  }

  it("hands the handler the FormData it received, and a url-encoded text checked as text", async () => {
    expect(
      await post("/issue/A-1/attachments", { body: attachment() }),
    ).toEqual({
      status: 200,
      got: [{ form: [["file", "file bytes of a.txt"]] }],
    });
    const columns = new FormData();
    columns.append("columns", "summary");
    columns.append("columns", "status");
    expect(
      await post("/settings/columns", { method: "PUT", body: columns }),
    ).toEqual({
      status: 200,
      got: [
        {
          form: [
            ["columns", "summary"],
            ["columns", "status"],
          ],
        },
      ],
    });
    const form = { "content-type": "application/x-www-form-urlencoded" };
    expect(
      await post("/translate", { headers: form, body: "q=hi&target=fr" }),
    ).toEqual({ status: 200, got: ["q=hi&target=fr"] });
    // the schema's maxLength: 20 judges the text
    expect(
      await post("/translate", { headers: form, body: "q=" + "x".repeat(30) }),
    ).toEqual({ status: 400, got: [] });
  });
});
