import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SERVED,
  serveSpecEveryWay,
  type StartedServer,
} from "../server/adapter-servers.js";

/*
 * A multipart field of objects with no Encoding Object is a JSON part labelled
 * `Content-Type: application/json` (OpenAPI's default for an object; an array's by its items).
 * Telegram's addStickerToSet (`mask_position`, a $ref'd object) went out as a FormData text part:
 * JSON with no Content-Type, which a server that binds parts by type (Spring's @RequestPart)
 * refuses. A field that may be text stays a text part. Oracles: the part headers on the wire, read
 * by hand, and the platform's multipart parser (undici's `Request.formData`); then every generated
 * way of serving hands its handler the object.
 */
const SPEC = `openapi: 3.0.3
info: { title: stickers, version: "1" }
paths:
  /addStickerToSet:
    post:
      operationId: addStickerToSet
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              required: [user_id, png_sticker]
              properties:
                user_id: { type: integer }
                name: { type: string }
                png_sticker: { type: string, format: binary }
                mask_position: { $ref: "#/components/schemas/MaskPosition" }
                corners:
                  type: array
                  items: { $ref: "#/components/schemas/MaskPosition" }
                emojis: { type: array, items: { type: string } }
                reply_markup:
                  oneOf: [{ type: string }, { $ref: "#/components/schemas/MaskPosition" }]
      responses: { "200": { description: ok } }
components:
  schemas:
    MaskPosition:
      type: object
      properties:
        point: { type: string }
        scale: { type: number }
`;

let seen: unknown[] = [];
const handlers = {
  addStickerToSet: async ({ body }: { body: Record<string, unknown> }) => {
    const fields: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(await body))
      fields[name] =
        value instanceof Blob ? `file ${await value.text()}` : value;
    seen.push(fields);
    return { status: 200 };
  },
};

let dir: string;
let servers: Map<string, StartedServer>;

beforeAll(async () => {
  ({ dir, servers } = await serveSpecEveryWay("json-parts", SPEC, handlers));
}, 120_000);

afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
});

const mask = { point: "forehead", scale: 1.5 };
const body = {
  user_id: 7,
  name: "set",
  png_sticker: new Blob(["png bytes"], { type: "image/png" }),
  mask_position: mask,
  corners: [mask, { point: "chin", scale: 2 }],
  emojis: ["a", "b"],
  reply_markup: "plain text",
};

/** Each part's name and its Content-Type header (none: ""), read from the multipart text. */
function partTypes(type: string, text: string): [string, string][] {
  const boundary = /boundary=([^;]+)/.exec(type)![1]!;
  return text
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const head = part.split("\r\n\r\n")[0]!;
      const name = /name="([^"]*)"/.exec(head)![1]!;
      return [name, /\r\nContent-Type: ([^\r\n]*)/i.exec(head)?.[1] ?? ""];
    });
}

async function call(served: string) {
  const client = (await import(
    pathToFileURL(join(dir, "client", "index.ts")).href
  )) as Record<string, (args: object, options: object) => Promise<unknown>>;
  const sent: { type: string; body: ArrayBuffer }[] = [];
  const fetch = async (request: Request) => {
    sent.push({
      type: request.headers.get("content-type") ?? "",
      body: await request.clone().arrayBuffer(),
    });
    return globalThis.fetch(request);
  };
  seen = [];
  await client["addStickerToSet"]!(
    { body },
    { baseUrl: servers.get(served)!.url, fetch },
  );
  return sent[0]!;
}

it("labels each object part application/json, as OpenAPI's default says; text stays text", async () => {
  const sent = await call("node");
  expect(sent.type).toMatch(/^multipart\/form-data; boundary=/);
  expect(partTypes(sent.type, new TextDecoder().decode(sent.body))).toEqual([
    ["user_id", ""],
    ["name", ""],
    ["png_sticker", "image/png"],
    ["mask_position", "application/json"],
    ["corners", "application/json"],
    ["corners", "application/json"],
    ["emojis", ""],
    ["emojis", ""],
    ["reply_markup", ""],
  ]);
  // the platform's parser reads it: the JSON parts as their text, the file as a file
  const parsed = await new Request("http://x", {
    method: "POST",
    headers: { "content-type": sent.type },
    body: sent.body,
  }).formData();
  expect(JSON.parse(parsed.get("mask_position") as string)).toEqual(mask);
  expect(parsed.getAll("corners").map((c) => JSON.parse(c as string))).toEqual(
    body.corners,
  );
  expect(await (parsed.get("png_sticker") as Blob).text()).toBe("png bytes");
});

describe.each(SERVED)("%s", (served) => {
  it("hands the handler the objects the client sent", async () => {
    await call(served);
    expect(seen).toEqual([
      {
        user_id: 7,
        name: "set",
        png_sticker: "file png bytes",
        mask_position: mask,
        corners: body.corners,
        emojis: ["a", "b"],
        reply_markup: "plain text",
      },
    ]);
  });
});
