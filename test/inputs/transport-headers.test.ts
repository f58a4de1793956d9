import { afterAll, beforeAll, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { loadModel } from "../../src/pipeline.js";
import { generateClient, importClient } from "../client/generate.js";
import { recordingServer } from "../client/server.js";

/*
 * A header parameter fetch writes itself is left out, with a warning at its name. Azure's Data
 * Lake Store declares `Transfer-Encoding: chunked` as a required header of its concurrent append:
 * the client required it, and undici's fetch refuses that header (`invalid transfer-encoding
 * header`), so every call failed before it was sent. A Postman collection made from a browser's
 * request carries `Connection` and `Host`, which fetch replaces with its own. Oracles: Node's fetch
 * (undici) sending the generated client's request to a real server on 127.0.0.1.
 */
const AZURE = `openapi: 3.0.0
info: { title: DataLakeStoreFileSystemManagementClient, version: "2016-11-01" }
paths:
  /WebHdfsExt/{path}:
    post:
      operationId: FileSystem_ConcurrentAppend
      parameters:
        - { name: path, in: path, required: true, schema: { type: string } }
        - name: op
          in: query
          required: true
          schema: { type: string, enum: [CONCURRENTAPPEND] }
        - name: Transfer-Encoding
          in: header
          required: true
          schema: { type: string, enum: [chunked] }
      requestBody:
        required: true
        content:
          application/octet-stream:
            schema: { type: object, format: file }
      responses: { "200": { description: ok } }
`;

const POSTMAN = JSON.stringify({
  info: {
    name: "copied",
    schema:
      "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
  },
  item: [
    {
      name: "list",
      request: {
        method: "GET",
        header: [
          { key: "Host", value: "api.example.com" },
          { key: "Connection", value: "keep-alive" },
          { key: "X-Trace", value: "1" },
        ],
        url: "https://api.example.com/items",
      },
    },
  ],
});

let server: Awaited<ReturnType<typeof recordingServer>>;
beforeAll(async () => {
  server = await recordingServer();
});
afterAll(() => server.close());

it("leaves out Transfer-Encoding, warning at its name; the call is sent", async () => {
  const { diagnostics } = await generate(
    [{ file: "datalake.yaml", text: AZURE }],
    { artifacts: [] },
  );
  expect(
    diagnostics
      .filter((d) => d.code === "openapi3/transport-header")
      .map((d) => [d.line, d.column]),
  ).toEqual([[13, 11]]);
  const dir = await generateClient(
    loadModel([{ file: "datalake.yaml", text: AZURE }]),
    "transport-headers",
  );
  type Call = (args: object, options: object) => Promise<{ status: number }>;
  const client = await importClient<Record<string, Call>>(dir);
  const result = await client["fileSystemConcurrentAppend"]!(
    {
      path: { path: "a.txt" },
      query: { op: "CONCURRENTAPPEND" },
      body: new Blob(["line\n"]),
    },
    { baseUrl: server.baseUrl },
  );
  expect(result.status).toBe(200);
  const sent = server.received.at(-1)!;
  expect(sent.url).toBe("/WebHdfsExt/a.txt?op=CONCURRENTAPPEND");
  expect(sent.body.toString()).toBe("line\n");
});

it("leaves out a Postman request's Host and Connection headers, keeping the others", async () => {
  const { diagnostics, model } = await generate(
    [{ file: "copied.postman.json", text: POSTMAN }],
    { artifacts: [] },
  );
  expect(
    diagnostics.filter((d) => d.code === "postman/transport-header").length,
  ).toBe(2);
  expect(model!.endpoints[0]!.parameters.header.map((p) => p.name)).toEqual([
    "X-Trace",
  ]);
});
