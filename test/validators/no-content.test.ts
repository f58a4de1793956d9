import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { emitted } from "../emitted.js";
import { listen, type RunningServer } from "../server/http.js";
import { outDir, writeFiles } from "./generated.js";

/*
 * A 204 whose spec gives it a JSON body (Bitbucket's, ShipEngine's and api.video's do) has no body
 * on the wire (RFC 9110 §15.3.5): with response checks on, the client rejected every such answer
 * and the server answered its own handler's 204 with a 500. Found by a held-out run of the
 * generated client against Prism's mocks. Real HTTP on 127.0.0.1 both ways.
 */
const SPEC = `openapi: 3.0.3
info: { title: votes, version: "1" }
paths:
  /votes:
    post:
      operationId: vote
      responses:
        "204":
          description: voted
          content:
            application/json:
              schema: { type: object, required: [message], properties: { message: { type: string } } }
`;

let dir: string;
let plain: RunningServer;
let generated: RunningServer;
const errors: unknown[] = [];

beforeAll(async () => {
  const { model } = await generate([{ file: "votes.yaml", text: SPEC }]);
  dir = outDir("no-content");
  writeFiles(dir, await emitted(["client", "server", "validators"], model, {}));
  // what Bitbucket sends: a 204 labelled JSON, no bytes
  plain = await listen((req, res) => {
    req.resume();
    res.writeHead(204, { "content-type": "application/json" });
    res.end();
  });
  const server = await import(pathToFileURL(join(dir, "server/index.ts")).href);
  generated = await listen(
    server.createRequestListener(
      { vote: async () => ({ status: 204 }) },
      { validateResponses: true, onError: (e: unknown) => errors.push(e) },
    ),
  );
});
afterAll(async () => {
  await plain?.close();
  await generated?.close();
});

describe("a 204 the spec gives a body", () => {
  it("passes the client's response checks", async () => {
    const { createClient } = await import(
      pathToFileURL(join(dir, "client/index.ts")).href
    );
    const { validateResponses } = await import(
      pathToFileURL(join(dir, "client/validate.ts")).href
    );
    for (const server of [plain, generated]) {
      const api = createClient({ baseUrl: server.baseUrl, validateResponses });
      expect(await api.vote({})).toMatchObject({ ok: true, status: 204 });
    }
  });

  it("passes the server's answer checks", async () => {
    errors.length = 0;
    const response = await fetch(generated.baseUrl + "/votes", {
      method: "POST",
    });
    expect(response.status).toBe(204);
    expect(errors).toEqual([]);
  });
});
