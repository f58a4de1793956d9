import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiServer,
  generate,
  inProcess,
  OUT,
  type ApiServer,
} from "./harness.js";

/*
 * Form bodies (url-encoded and multipart) are checked as JSON bodies are, before anything is
 * sent: they went to the API unchecked (a wrong type, an enum value, a number out of range, a
 * required field missing; an object for a string field went as JSON text). And a form has no
 * null: a required field given null (allowed by an untyped schema) was dropped silently.
 */
const SPEC = `openapi: 3.0.3
info: { title: Form checks, version: "1" }
paths:
  /form:
    post:
      operationId: postForm
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema: { $ref: "#/components/schemas/Thing" }
      responses: { "200": { description: ok } }
  /multi:
    post:
      operationId: postMulti
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema: { $ref: "#/components/schemas/Thing" }
      responses: { "200": { description: ok } }
  /json:
    post:
      operationId: postJson
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Thing" }
      responses: { "200": { description: ok } }
  /transcripts:
    post:
      operationId: createTranscript
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              required: [ServiceSid, Channel]
              properties:
                ServiceSid: { type: string }
                Channel: { description: JSON object describing the media channel }
                Note: {}
      responses: { "200": { description: ok } }
components:
  schemas:
    Thing:
      type: object
      required: [name, count]
      properties:
        name: { type: string }
        count: { type: integer, minimum: 1 }
        kind: { type: string, enum: [a, b] }
`;

const WRONG: [unknown, string][] = [
  [{ name: "x", count: "notanumber" }, "/body/count: must be integer"],
  [{ name: { x: 1 }, count: 2 }, "/body/name: must be string"],
  [
    { name: "x", count: 2, kind: "zzz" },
    "/body/kind: must be one of the allowed values",
  ],
  [{ name: "x", count: 0 }, "/body/count: must be at least 1"],
  [{ count: 2 }, '/body: must have the property \\"name\\"'],
];

const dir = join(OUT, "form-checks");
let out = "";
let api: ApiServer;
beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "spec.yaml"), SPEC);
  out = generate("form-checks/out", [join(dir, "spec.yaml")]);
  api = await apiServer();
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a form body", () => {
  it("is checked before anything is sent, as a JSON body is, by each tool and call_endpoint", async () => {
    const server = await inProcess(out, { baseUrl: api.baseUrl });
    const dynamic = await inProcess(out, {
      baseUrl: api.baseUrl,
      mode: "dynamic",
    });
    try {
      api.received.length = 0;
      for (const name of ["postJson", "postForm", "postMulti"])
        for (const [body, violation] of WRONG) {
          const result = await server.client.callTool({
            name,
            arguments: { body },
          });
          expect(result.isError, `${name} ${JSON.stringify(body)}`).toBe(true);
          expect(JSON.stringify(result.content)).toContain(violation);
        }
      const called = await dynamic.client.callTool({
        name: "call_endpoint",
        arguments: { name: "postForm", arguments: { body: { count: "x" } } },
      });
      expect(called.isError).toBe(true);
      const text = JSON.stringify(called.content);
      expect(text).toContain("/body/count: must be integer");
      expect(text).toContain('/body: must have the property \\"name\\"');
      expect(api.received).toHaveLength(0);
      // a valid form is sent as before
      for (const name of ["postForm", "postMulti"]) {
        const sent = await server.client.callTool({
          name,
          arguments: { body: { name: "x", count: 2, kind: "a" } },
        });
        expect(sent.isError).toBeFalsy();
      }
      expect(api.received.map((r) => r.url)).toEqual(["/form", "/multi"]);
      expect(api.received[0]!.body).toBe("name=x&count=2&kind=a");
      expect(api.received[1]!.body).toContain('name="count"\r\n\r\n2\r\n');
    } finally {
      await server.close();
      await dynamic.close();
    }
  });

  it("refuses null for a required field, which a form cannot send", async () => {
    const server = await inProcess(out, { baseUrl: api.baseUrl });
    try {
      api.received.length = 0;
      const call = (body: unknown) =>
        server.client.callTool({
          name: "createTranscript",
          arguments: { body },
        });
      const refused = await call({ ServiceSid: "GA1", Channel: null });
      expect(refused.isError).toBe(true);
      expect(JSON.stringify(refused.content)).toContain("/body/Channel:");
      expect(api.received).toHaveLength(0);
      // an optional field's null is no field, as the client sends it; an object is JSON text
      const sent = await call({
        ServiceSid: "GA1",
        Channel: { participants: [1, 2] },
        Note: null,
      });
      expect(sent.isError).toBeFalsy();
      expect(api.received.map((r) => decodeURIComponent(r.body))).toEqual([
        'ServiceSid=GA1&Channel={"participants":[1,2]}',
      ]);
    } finally {
      await server.close();
    }
  });
});
