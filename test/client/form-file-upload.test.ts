import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { typeCheck } from "./compile.js";
import { generateClient, importClient } from "./generate.js";
import { recordingServer } from "./server.js";

/*
 * A Swagger 2.0 form with a file field whose `consumes` lists both form encodings, as the
 * specification allows ("If type is file, the consumes MUST be either multipart/form-data,
 * application/x-www-form-urlencoded or both"). The excerpt is fungenerators' Barcode API from the
 * APIs.guru directory as a held-out Swagger 2.0 hunt converted it (api-spec-converter). The client
 * sent the url-encoded form, its file typed as a string: no caller could upload the image, and the
 * bytes never left. A file goes in multipart; swagger2openapi (the directory's converter) makes
 * the same choice. Oracles: undici's multipart parser (`Request.formData`) reads what arrived, and
 * tsc under `strict` says what a caller may pass.
 */
const SPEC = `swagger: "2.0"
info: { title: Barcode API, version: "1.5" }
host: api.fungenerators.com
schemes: [http]
paths:
  /barcode/decode:
    post:
      description: Decode a Barcode image and return the cotents if successful
      consumes:
        - multipart/form-data
        - application/x-www-form-urlencoded
      produces: [application/json]
      parameters:
        - name: barimage
          in: formData
          required: true
          type: file
          description: Barcode image to decode and get the content value
      responses:
        "200": { description: 200  response }
        "401": { description: 401  response }
`;

type Decode = (args: {
  body: { barimage: Blob };
}) => Promise<{ status: number }>;

let dir: string;
let server: Awaited<ReturnType<typeof recordingServer>>;
let decode: Decode;

beforeAll(async () => {
  const { model } = await generate([{ file: "barcode.yaml", text: SPEC }], {
    artifacts: [],
  });
  dir = await generateClient(model, "form-file-upload");
  server = await recordingServer();
  const { createClient } = await importClient<{
    createClient: (config: object) => Record<string, Decode>;
  }>(dir);
  const api = createClient({ baseUrl: server.baseUrl });
  decode = Object.values(api)[0]!;
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a form with a file, offered url-encoded and multipart", () => {
  it("is sent as multipart, and the file's bytes arrive as a file part", async () => {
    const before = server.received.length;
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], {
      type: "image/png",
    });
    expect((await decode({ body: { barimage: png } })).status).toBe(200);
    const got = server.received[before]!;
    const type = String(got.headers["content-type"]);
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Request("http://x/", {
      method: "POST",
      headers: { "content-type": type },
      body: new Uint8Array(got.body),
    }).formData();
    const file = form.get("barimage");
    expect(file).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await (file as Blob).arrayBuffer())]).toEqual([
      0x89, 0x50, 0x4e, 0x47,
    ]);
  });

  it("types the file as a Blob (tsc)", async () => {
    writeFileSync(
      join(dir, "use-form.ts"),
      [
        `import type { EndpointFunctions } from "./client/index.js";`,
        `type Args = Parameters<EndpointFunctions[keyof EndpointFunctions]>[0];`,
        `export const ok: Args = { body: { barimage: new Blob(["x"]) } };`,
        `// @ts-expect-error the file is bytes, not text`,
        `export const text: Args = { body: { barimage: "x" } };`,
      ].join("\n"),
    );
    expect(await typeCheck(dir)).toBe("");
  });
});
