/*
 * A JSON text sequence (`application/json-seq`, RFC 7464) is not JSON: its records begin with
 * RS (0x1E) and a body of several holds several values. Without an OpenAPI 3.2 `itemSchema` the
 * client does not read it item by item, so it hands the body over as the Blob the types say; it
 * used to take it for JSON (the rule `application/…json\b` matched `json-seq`) and the call
 * failed on `JSON.parse`. The one rule is src/model/media-types.ts.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { typeCheck } from "./compile.js";
import { generateClient, importClient } from "./generate.js";
import { recordingServer } from "./server.js";

const SPEC = `openapi: 3.1.0
info: { title: seq, version: "1" }
paths:
  /records:
    get:
      operationId: listRecords
      responses:
        "200":
          description: records, one JSON text each
          content:
            application/json-seq:
              schema: { type: object, properties: { n: { type: integer } } }
  /record:
    get:
      operationId: getRecord
      responses:
        "200":
          description: one record
          content:
            application/vnd.record+json:
              schema: { type: object, properties: { n: { type: integer } } }
`;

const SEQ = '\x1e{"n":1}\n\x1e{"n":2}\n';

type Fn = (
  args?: object,
) => Promise<{ ok: boolean; status: number; data?: unknown }>;

let dir: string;
let api: Record<string, Fn>;
let server: Awaited<ReturnType<typeof recordingServer>>;

beforeAll(async () => {
  const { model } = await generate([{ file: "seq.yaml", text: SPEC }], {
    artifacts: [],
  });
  dir = await generateClient(model, "json-seq");
  server = await recordingServer((req, res) => {
    if (req.url.startsWith("/records")) {
      res.setHeader("Content-Type", "application/json-seq");
      res.end(SEQ);
    } else {
      res.setHeader("Content-Type", "application/vnd.record+json; v=1");
      res.end('{"n":3}');
    }
  });
  const client = await importClient<{
    createClient: (config: object) => Record<string, Fn>;
  }>(dir);
  api = client.createClient({ baseUrl: server.baseUrl });
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("application/json-seq without itemSchema", () => {
  it("is handed over as the bytes the server sent, not decoded as one JSON value", async () => {
    const result = await api.listRecords!();
    expect(result.ok).toBe(true);
    expect(result.data).toBeInstanceOf(Blob);
    expect(await (result.data as Blob).text()).toBe(SEQ);
    const accept = String(server.received.at(-1)!.headers.accept);
    expect(accept).toBe("application/json-seq");
  });

  it("a +json type with parameters is still JSON", async () => {
    const result = await api.getRecord!();
    expect(result.data).toEqual({ n: 3 });
  });

  it("is typed as the Blob it is (tsc)", async () => {
    writeFileSync(
      join(dir, "use.ts"),
      [
        `import { createClient } from "./client/index.js";`,
        `export async function use(baseUrl: string) {`,
        `  const api = createClient({ baseUrl });`,
        `  const r = await api.listRecords();`,
        `  if (r.ok) {`,
        `    const blob: Blob = r.data;`,
        `    // @ts-expect-error not one JSON value`,
        `    const n: number | undefined = r.data.n;`,
        `    void blob; void n;`,
        `  }`,
        `  const one = await api.getRecord();`,
        `  if (one.ok) { const n: number | undefined = one.data.n; void n; }`,
        `}`,
      ].join("\n"),
    );
    expect(await typeCheck(dir)).toBe("");
  });
});
