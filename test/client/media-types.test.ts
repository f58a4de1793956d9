/*
 * Issue 24 I and J on the wire: the generated client against a real server on 127.0.0.1 that
 * answers what the spec allows. I: a body that may be JSON or multipart is typed as the JSON
 * the client sends, and arrives as that JSON. J: the client prefers JSON with q-values; a server
 * that answers XML when XML is acceptable at full weight answers it JSON; an XML-only answer is
 * typed as the Blob the client hands over. The media-type decisions live in
 * src/emit/shared/media-types.ts; the last test holds `decodedAs` to what the runtime does.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { decodedAs } from "../../src/emit/shared/media-types.js";
import { typeCheck } from "./compile.js";
import { generateClient, importClient } from "./generate.js";
import { recordingServer } from "./server.js";

type Fn = (
  args?: object,
) => Promise<{ ok: boolean; status: number; data?: unknown }>;

const FIXTURE = join(
  import.meta.dirname,
  "../fixtures/faults24/media.openapi.yaml",
);

let dir: string;
let api: Record<string, Fn>;
let server: Awaited<ReturnType<typeof recordingServer>>;

/** Whether `accept` takes `type` at full weight (no `q`, or `q=1`). */
function fullWeight(accept: string, type: string): boolean {
  return accept.split(",").some((item) => {
    const [name, ...params] = item.split(";").map((p) => p.trim());
    if (name !== type && name !== "*/*") return false;
    const q = params.find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) === 1;
  });
}

beforeAll(async () => {
  const { model } = await generate(
    [{ file: "media.openapi.yaml", text: readFileSync(FIXTURE, "utf8") }],
    { artifacts: [] },
  );
  dir = await generateClient(model, "media-types");
  server = await recordingServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const accept = String(req.headers.accept ?? "*/*");
    if (url.pathname === "/media") {
      const type = url.searchParams.get("type") ?? "";
      if (type !== "") res.setHeader("Content-Type", type);
      res.end(type.includes("json") ? '{"a":1}' : "<a>1</a>");
    } else if (url.pathname.startsWith("/calls/")) {
      res.setHeader("Content-Type", "application/xml");
      res.end("<Call><Sid>CA1</Sid><Status>completed</Status></Call>");
    } else if (
      url.pathname === "/pets" &&
      fullWeight(accept, "application/xml")
    ) {
      res.setHeader("Content-Type", "application/xml");
      res.end("<pets><pet><name>Rex</name></pet></pets>");
    } else if (url.pathname === "/pets") {
      res.setHeader("Content-Type", "application/json");
      res.end('[{"name":"Rex"}]');
    } else {
      res.statusCode = 201;
      res.end();
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

describe("I: a body that is JSON or multipart", () => {
  it("is typed as the JSON the client sends: a file member does not type-check", async () => {
    writeFileSync(
      join(dir, "use-body.ts"),
      [
        `import { createClient } from "./client/index.js";`,
        `export async function use(baseUrl: string) {`,
        `  const api = createClient({ baseUrl });`,
        `  await api.createUpload({ body: { name: "a", tags: ["x"] } });`,
        `  // @ts-expect-error the client sends JSON: a Blob would arrive as {}`,
        `  await api.createUpload({ body: { name: "a", file: new Blob(["x"]) } });`,
        `}`,
      ].join("\n"),
    );
    expect(await typeCheck(dir)).toBe("");
  });

  it("arrives as the JSON the caller gave", async () => {
    const before = server.received.length;
    const result = await api.createUpload!({
      body: { name: "a", tags: ["x"] },
    });
    expect(result.status).toBe(201);
    const got = server.received.slice(before);
    expect(got.map((r) => r.headers["content-type"])).toEqual([
      "application/json",
    ]);
    expect(JSON.parse(got[0]!.body.toString("utf8"))).toEqual({
      name: "a",
      tags: ["x"],
    });
  });
});

describe("J: responses the client may not decode", () => {
  it("JSON or XML: Accept prefers JSON, so a negotiating server answers JSON, decoded", async () => {
    const before = server.received.length;
    const result = await api.listPets!();
    const accept = String(server.received[before]!.headers.accept);
    expect(accept).toBe("application/json, application/xml;q=0.5");
    expect(fullWeight(accept, "application/xml")).toBe(false);
    expect(result.data).toEqual([{ name: "Rex" }]);
  });

  it("XML only: the client hands over a Blob, and the type says so", async () => {
    const result = await api.fetchCall!({ path: { sid: "CA1" } });
    expect(result.data).toBeInstanceOf(Blob);
    expect(await (result.data as Blob).text()).toContain("<Sid>CA1</Sid>");
  });

  it("types each status as what the client returns (tsc)", async () => {
    writeFileSync(
      join(dir, "use-data.ts"),
      [
        `import { createClient } from "./client/index.js";`,
        `import type { Pet } from "./types.js";`,
        `export async function use(baseUrl: string) {`,
        `  const api = createClient({ baseUrl });`,
        `  const pets = await api.listPets();`,
        `  if (pets.ok) {`,
        `    const data: Pet[] | Blob = pets.data;`,
        `    // @ts-expect-error an XML answer arrives as a Blob`,
        `    const only: Pet[] = pets.data;`,
        `    void data; void only;`,
        `  }`,
        `  const call = await api.fetchCall({ path: { sid: "CA1" } });`,
        `  if (call.ok) { const blob: Blob = call.data; void blob; }`,
        `}`,
      ].join("\n"),
    );
    expect(await typeCheck(dir)).toBe("");
  });

  it.each([
    "application/json",
    "application/problem+json",
    "text/plain",
    "text/xml",
    "application/xml",
    "application/pdf",
    "",
  ])("the runtime hands over what decodedAs(%j) says", async (type) => {
    const result = await api.fetchMedia!({ query: { type } });
    const kind =
      result.data instanceof Blob
        ? "blob"
        : typeof result.data === "string"
          ? "text"
          : "json";
    expect(kind).toBe(decodedAs(type));
  });
});
