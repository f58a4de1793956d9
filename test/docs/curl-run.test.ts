import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parse } from "yaml";
import { curlExample } from "../../src/emit/docs/curl.js";
import { loadModel } from "../../src/pipeline.js";

/**
 * The docs' curl commands are run by curl against 127.0.0.1, and what arrives is judged without
 * apiloom: the platform's own form parser (undici's `Request.formData()`), a list field read as
 * every value of its name, and ajv (types coerced from form text, `coerceTypes: "array"`) on the
 * document's own schema.
 */

const FIXTURE = "test/docs/fixtures/curl-bodies.yaml";
const document = parse(readFileSync(FIXTURE, "utf8")) as {
  paths: Record<string, Record<string, { requestBody: Body }>>;
  components: unknown;
};
interface Body {
  content: Record<string, { schema: Record<string, unknown> }>;
}
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const judge = (coerceTypes: false | "array") => {
  const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes });
  addFormats(ajv);
  ajv.addSchema({
    $id: "https://fixture.invalid/doc",
    components: document.components,
  });
  return (schema: unknown) =>
    ajv.compile(
      JSON.parse(
        JSON.stringify(schema).replaceAll(
          '"#/',
          '"https://fixture.invalid/doc#/',
        ),
      ),
    );
};
const formJudge = judge("array");
const jsonJudge = judge(false);

let received: { type: string; body: Buffer }[] = [];
const server = createServer((req: IncomingMessage, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    received.push({
      type: req.headers["content-type"] ?? "",
      body: Buffer.concat(chunks),
    });
    res.writeHead(204).end();
  });
});
let base = "";
beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const model = loadModel([FIXTURE]);

it.each(model.endpoints.map((e) => [`${e.method} ${e.path}`, e] as const))(
  "%s: what its curl sends is a value of the body's schema",
  async (_, endpoint) => {
    const command = curlExample(endpoint, model, base);
    received = [];
    await promisify(execFile)(
      "bash",
      ["-c", command.replace("@file", "@/dev/null")],
      {
        env: { PATH: process.env.PATH, TOKEN: "t" },
      },
    );
    expect(received).toHaveLength(1);
    const [{ type, body }] = received as [{ type: string; body: Buffer }];
    const [media, { schema }] = Object.entries(
      document.paths[endpoint.path]![endpoint.method]!.requestBody.content,
    )[0]!;
    if (media === "application/json") {
      const check = jsonJudge(schema);
      expect(check(JSON.parse(body.toString())) ? [] : check.errors).toEqual(
        [],
      );
      return;
    }
    const form = await new Request(base, {
      method: "POST",
      headers: { "content-type": type },
      body: new Uint8Array(body),
    }).formData();
    const properties = schema.properties as Record<string, { type?: string }>;
    const value = Object.fromEntries(
      [...new Set(form.keys())].map((name) => [
        name,
        properties[name]?.type === "array" ? form.getAll(name) : form.get(name),
      ]),
    );
    const check = formJudge(schema);
    expect(check(value) ? [] : check.errors).toEqual([]);
  },
);
