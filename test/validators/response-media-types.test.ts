import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { emitted } from "../emitted.js";
import { listen, type RunningServer } from "../server/http.js";
import { outDir, writeFiles } from "./generated.js";

/*
 * A response with two JSON media types of different schemas (483 2XX responses of 17 documents in
 * APIs.guru's directory: ConfigCat's `application/hal+json` beside `application/json`) is
 * checked by the schema of the media type the answer says it is. Every answer was checked by the
 * first one's: a valid `application/vnd.thing.v2+json` body was a ResponseValidationError. Found
 * by a held-out run of the generated client against Prism's mocks. Real HTTP on 127.0.0.1.
 */
const SPEC = `openapi: 3.0.3
info: { title: things, version: "1" }
paths:
  /thing:
    get:
      operationId: getThing
      responses:
        "200":
          description: a thing, in either version
          content:
            application/json:
              schema: { type: object, required: [id], properties: { id: { type: string } } }
            application/vnd.thing.v2+json:
              schema: { type: object, required: [uuid], properties: { uuid: { type: string } } }
`;

const V2 = "application/vnd.thing.v2+json; charset=utf-8";
let answer: { type: string; body: object } = { type: V2, body: {} };
let dir: string;
let plain: RunningServer;
let generated: RunningServer;

beforeAll(async () => {
  const { model } = await generate([{ file: "things.yaml", text: SPEC }]);
  dir = outDir("response-media-types");
  writeFiles(dir, await emitted(["client", "server", "validators"], model, {}));
  plain = await listen((req, res) => {
    req.resume();
    res.writeHead(200, { "content-type": answer.type });
    res.end(JSON.stringify(answer.body));
  });
  const server = await import(pathToFileURL(join(dir, "server/index.ts")).href);
  generated = await listen(
    server.createRequestListener(
      {
        getThing: async () => ({
          status: 200,
          headers: { "content-type": answer.type },
          body: answer.body,
        }),
      },
      { validateResponses: true, onError: () => {} },
    ),
  );
});
afterAll(async () => {
  await plain?.close();
  await generated?.close();
});

describe("a response's JSON media types with their own schemas", () => {
  it("are each the client's check of an answer of that type", async () => {
    const { createClient } = await import(
      pathToFileURL(join(dir, "client/index.ts")).href
    );
    const { validateResponses } = await import(
      pathToFileURL(join(dir, "client/validate.ts")).href
    );
    const api = createClient({ baseUrl: plain.baseUrl, validateResponses });
    const verdict = () =>
      api.getThing({}).then(
        () => "valid",
        (e: Error) => e.name,
      );
    for (const [type, body, expected] of [
      [V2, { uuid: "u" }, "valid"],
      [V2, { id: "i" }, "ResponseValidationError"],
      ["application/json", { id: "i" }, "valid"],
      ["application/json", { uuid: "u" }, "ResponseValidationError"],
    ] as const) {
      answer = { type, body };
      expect(await verdict(), `${type} ${JSON.stringify(body)}`).toBe(expected);
    }
  });

  it("are each the server's check of its handler's answer", async () => {
    for (const [type, body, status] of [
      [V2, { uuid: "u" }, 200],
      [V2, { id: "i" }, 500],
      ["application/json", { id: "i" }, 200],
      ["application/json", { uuid: "u" }, 500],
    ] as const) {
      answer = { type, body };
      const response = await fetch(generated.baseUrl + "/thing");
      await response.arrayBuffer();
      expect(response.status, `${type} ${JSON.stringify(body)}`).toBe(status);
    }
  });
});
