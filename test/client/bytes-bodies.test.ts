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
 * A body of a media type neither JSON, a form nor text (`application/xml`: openSUSE OBS, AWS's
 * REST-XML services; `application/x-yaml`, a PDF) under an object schema was typed as that schema
 * on both sides: the client took a `Pet` and sent it as JSON text labelled `application/xml`,
 * silently, and every way of serving handed the handler the body's bytes (a `Uint8Array`, an
 * octet-stream's a `Blob`) where its type said `Pet`. Now the client takes the text or Blob it
 * sends as they are (`string | Blob`), and the server hands every such body over as a `Blob` of
 * its media type, typed so (`<Name>Received`), listed alone or beside JSON.
 * Oracles: tsc under `strict` says what a caller may pass and a handler gets; the bytes on the
 * wire and the handler's `instanceof Blob` say what was sent and handed over.
 */
const SPEC = `openapi: 3.0.3
info: { title: bytes, version: "1" }
paths:
  /pets:
    post:
      operationId: addPet
      requestBody:
        required: true
        content:
          application/xml:
            schema: { $ref: "#/components/schemas/Pet" }
      responses: { "204": { description: ok } }
  /configs:
    put:
      operationId: putConfig
      requestBody:
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Pet" }
          application/x-yaml:
            schema: { $ref: "#/components/schemas/Pet" }
      responses: { "204": { description: ok } }
  /files:
    post:
      operationId: addFile
      requestBody:
        required: true
        content:
          application/octet-stream:
            schema: { type: string }
      responses: { "204": { description: ok } }
components:
  schemas:
    Pet:
      type: object
      properties: { name: { type: string } }
`;

const XML = "<pet><name>Rex</name></pet>";

/** What each handler was given: a Blob as its type and text, anything else as it is. */
let seen: unknown[] = [];
const record = async ({ body }: { body: unknown }) => {
  seen.push(
    body instanceof Blob ? { blob: body.type, text: await body.text() } : body,
  );
  return { status: 204 };
};
const handlers = { addPet: record, putConfig: record, addFile: record };

let dir: string;
let servers: Map<string, StartedServer>;

beforeAll(async () => {
  ({ dir, servers } = await serveSpecEveryWay("bytes-bodies", SPEC, handlers));
}, 120_000);

afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
});

it("warns of no such body: its types say what travels", async () => {
  const { diagnostics } = await generate([{ file: "bytes.yaml", text: SPEC }], {
    artifacts: [],
  });
  expect(diagnostics.map((d) => d.code)).toEqual([]);
});

it("types the client's body as the text or Blob sent, and the handler's as the Blob it gets", async () => {
  const program = join(dir, "program");
  mkdirSync(program, { recursive: true });
  writeFileSync(
    join(program, "program.ts"),
    `import { addPet, putConfig } from "../client/index.ts";
import type { Handlers } from "../server/contracts.ts";
await addPet({ body: "<pet/>" });
await addPet({ body: new Blob(["<pet/>"]) });
// @ts-expect-error an object is no XML: the client would send it as JSON
await addPet({ body: { name: "Rex" } });
await putConfig({ body: { name: "Rex" } });
type Body<H> = H extends (request: infer R) => unknown
  ? R extends { body?: infer B } ? B : never
  : never;
export const pet: Blob = null! as Body<Handlers["addPet"]>;
export const file: Blob = null! as Body<Handlers["addFile"]>;
export function config(request: Parameters<Handlers["putConfig"]>[0]): string {
  if (request.mediaType === "application/x-yaml") return request.body.type;
  return request.body?.name ?? "";
}
`,
  );
  expect(await typeCheck(program, { allowImportingTsExtensions: true })).toBe(
    "",
  );
});

it("the client sends the caller's XML text as it is, labelled application/xml", async () => {
  const client = (await import(
    pathToFileURL(join(dir, "client", "index.ts")).href
  )) as Record<string, (args: object, options: object) => Promise<unknown>>;
  const url = servers.get("node")!.url;
  const sent: { type: string; body: string }[] = [];
  const fetch = async (request: Request) => {
    sent.push({
      type: request.headers.get("content-type") ?? "",
      body: await request.clone().text(),
    });
    return globalThis.fetch(request);
  };
  seen = [];
  await client["addPet"]!({ body: XML }, { baseUrl: url, fetch });
  expect(sent).toEqual([{ type: "application/xml", body: XML }]);
  expect(seen).toEqual([{ blob: "application/xml", text: XML }]);
});

describe.each(SERVED)("%s", (served) => {
  async function send(path: string, method: string, type: string) {
    seen = [];
    const response = await fetch(servers.get(served)!.url + path, {
      method,
      headers: { "content-type": type },
      body: XML,
    });
    await response.arrayBuffer();
    return { status: response.status, got: seen };
  }

  it("hands the handler a Blob of the media type for XML, YAML and octet-stream bodies", async () => {
    expect(await send("/pets", "POST", "application/xml")).toEqual({
      status: 204,
      got: [{ blob: "application/xml", text: XML }],
    });
    expect(await send("/configs", "PUT", "application/x-yaml")).toEqual({
      status: 204,
      got: [{ blob: "application/x-yaml", text: XML }],
    });
    expect(await send("/files", "POST", "application/octet-stream")).toEqual({
      status: 204,
      got: [{ blob: "application/octet-stream", text: XML }],
    });
  });
});
