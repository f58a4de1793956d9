import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { rmSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { buildDocsView } from "../../src/emit/docs/view.js";
import { generate } from "../../src/generate.js";
import type { ApiModel, Endpoint } from "../../src/model/types.js";
import { typeCheck } from "../client/compile.js";
import { generateClient } from "../client/generate.js";
import { recordingServer } from "../client/server.js";
import { ARTIFACT_PATHS } from "../../src/emit/registry.js";

/** A Postman collection of `requests` (method, path, body member, headers). */
function postman(
  requests: [string, string, unknown?, { key: string; value: string }[]?][],
): string {
  return JSON.stringify({
    info: {
      name: "t",
      schema:
        "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
    },
    item: requests.map(([method, path, body, header]) => ({
      name: `${method} ${path}`,
      request: {
        method,
        url: `https://api.test${path}`,
        header: header ?? [],
        ...(body !== undefined ? { body } : {}),
      },
    })),
  });
}

function swagger(paths: Record<string, unknown>, extra = {}): string {
  return JSON.stringify({
    swagger: "2.0",
    info: { title: "t", version: "1" },
    paths,
    ...extra,
  });
}

const ok = { responses: { 200: { description: "OK" } } };

async function model(
  ...texts: [string, string][]
): Promise<ApiModel & { find: (m: string, p: string) => Endpoint }> {
  const { model } = await generate(
    texts.map(([file, text]) => ({ file, text })),
    { artifacts: [] },
  );
  return {
    ...model,
    find: (method, path) =>
      model.endpoints.find((e) => e.method === method && e.path === path)!,
  };
}

const undescribed = (m: ApiModel) =>
  m.diagnostics.filter((d) => d.code === "model/undescribed-body");

describe("bodies a source signals but none describes (model/undescribed-body)", () => {
  it.each([
    ["an empty raw body", { mode: "raw", raw: "" }, [], "application/json"],
    [
      "an empty raw body whose language is XML",
      { mode: "raw", raw: "", options: { raw: { language: "xml" } } },
      [],
      "application/xml",
    ],
    [
      "an empty urlencoded form",
      { mode: "urlencoded", urlencoded: [] },
      [],
      "application/x-www-form-urlencoded",
    ],
    [
      "a Content-Type header and no body",
      undefined,
      [{ key: "Content-Type", value: "text/csv" }],
      "text/csv",
    ],
  ])(
    "Postman: %s on a POST gives an optional body of that media type and no schema",
    async (_what, body, header, mediaType) => {
      const m = await model([
        "c.postman.json",
        postman([["POST", "/items", body, header]]),
      ]);
      expect(m.find("post", "/items").requestBody).toMatchObject({
        required: false,
        content: [{ mediaType }],
      });
      expect(m.find("post", "/items").requestBody!.content[0]!.schema).toBe(
        undefined,
      );
      expect(undescribed(m)).toHaveLength(1);
      expect(undescribed(m)[0]!.severity).toBe("warning");
      expect(m.find("post", "/items")).not.toHaveProperty("bodySignals");
    },
  );

  it("Postman: the raw body mode exports write on every GET and DELETE gives them no body", async () => {
    const m = await model([
      "c.postman.json",
      postman([
        ["GET", "/items", { mode: "raw" }],
        ["DELETE", "/items/1", { mode: "raw" }],
      ]),
    ]);
    expect(m.endpoints.map((e) => e.requestBody)).toEqual([
      undefined,
      undefined,
    ]);
    expect(undescribed(m)).toEqual([]);
  });

  it("Swagger: consumes with a Content-Type header on a PUT, a required Content-Type header on a PATCH, nothing on a POST", async () => {
    const contentType = {
      in: "header",
      name: "Content-Type",
      type: "string",
    };
    const m = await model([
      "s.json",
      swagger({
        "/a": {
          put: {
            ...ok,
            consumes: ["application/xml"],
            parameters: [contentType],
          },
        },
        "/b": {
          patch: {
            ...ok,
            parameters: [
              {
                in: "header",
                name: "Content-Type",
                required: true,
                type: "string",
              },
            ],
          },
        },
        "/c": { post: ok },
      }),
    ]);
    expect(m.find("put", "/a").requestBody).toMatchObject({
      required: false,
      content: [{ mediaType: "application/xml" }],
    });
    expect(m.find("patch", "/b").requestBody).toMatchObject({
      required: true,
      content: [{ mediaType: "application/json" }],
    });
    expect(m.find("post", "/c").requestBody).toBe(undefined);
    expect(undescribed(m).map((d) => d.message)).toEqual([
      expect.stringMatching(
        /^PUT \/a: a body is sent \(a Content-Type header parameter; consumes\)/,
      ),
      expect.stringMatching(
        /^PATCH \/b: a body is sent \(a Content-Type header parameter\).*\(required\)$/,
      ),
    ]);
  });

  it("a Content-Type header that names its type: a body of that type on POST, PUT and PATCH, said as every other; none on DELETE", async () => {
    const typed = {
      ...ok,
      parameters: [
        {
          in: "header",
          name: "Content-Type",
          type: "string",
          enum: ["text/csv"],
        },
      ],
    };
    const m = await model([
      "s.json",
      swagger({ "/a": { post: typed, delete: typed } }),
    ]);
    expect(m.find("post", "/a").requestBody).toMatchObject({
      required: false,
      content: [{ mediaType: "text/csv" }],
    });
    expect(m.find("delete", "/a").requestBody).toBe(undefined);
    expect(undescribed(m).map((d) => d.message)).toEqual([
      expect.stringMatching(
        /^POST \/a: a body is sent \(a Content-Type header parameter\).* text\/csv of unknown shape \(optional\)$/,
      ),
    ]);
  });

  it("Swagger (issue 24 L): consumes alone, the document's or the operation's, is no body", async () => {
    const m = await model([
      "docker.json",
      swagger(
        {
          "/containers/{id}/start": {
            post: {
              ...ok,
              parameters: [
                { in: "path", name: "id", required: true, type: "string" },
              ],
            },
          },
          "/containers/{id}/kill": {
            post: { ...ok, consumes: ["application/json"] },
          },
        },
        { consumes: ["application/json", "text/plain"] },
      ),
    ]);
    expect(m.find("post", "/containers/{id}/start").requestBody).toBe(
      undefined,
    );
    expect(m.find("post", "/containers/{id}/kill").requestBody).toBe(undefined);
    expect(undescribed(m)).toEqual([]);
  });

  it("Swagger (issue 24 L): an operation's consumes names the media type a Postman body mode leaves open", async () => {
    const m = await model(
      [
        "s.json",
        swagger({
          "/msg": { post: { ...ok, consumes: ["text/csv"] } },
        }),
      ],
      ["c.postman.json", postman([["POST", "/msg", { mode: "raw" }]])],
    );
    expect(m.find("post", "/msg").requestBody?.content).toEqual([
      { mediaType: "text/csv" },
    ]);
  });

  it("one source's signal and another's silence merge into the body; a described body wins without a diagnostic", async () => {
    const m = await model(
      [
        "s.json",
        swagger(
          {
            "/msg": { post: ok },
            "/described": {
              post: {
                ...ok,
                parameters: [
                  {
                    in: "body",
                    name: "b",
                    schema: {
                      type: "object",
                      properties: { text: { type: "string" } },
                    },
                  },
                ],
              },
            },
          },
          {},
        ),
      ],
      [
        "c.postman.json",
        postman([
          ["POST", "/msg", { mode: "raw" }],
          ["POST", "/described", { mode: "raw" }],
        ]),
      ],
    );
    expect(m.find("post", "/msg").requestBody?.content).toEqual([
      { mediaType: "application/json" },
    ]);
    expect(
      m.find("post", "/described").requestBody?.content[0]?.schema,
    ).toMatchObject({ properties: { text: { type: "string" } } });
    expect(undescribed(m).map((d) => d.message)).toEqual([
      expect.stringMatching(/^POST \/msg: /),
    ]);
  });
});

describe("the docs of an undescribed body and an untyped parameter", () => {
  it("say what the generated code takes: unknown, string | number", async () => {
    const m = await model([
      "s.json",
      swagger({
        "/notes/{id}": {
          put: {
            ...ok,
            consumes: ["application/json", "text/plain"],
            parameters: [
              { in: "path", name: "id", required: true },
              { in: "header", name: "Content-Type", type: "string" },
            ],
          },
        },
      }),
    ]);
    const view = buildDocsView(m, { paths: ARTIFACT_PATHS });
    const put = view.endpoints[0]!;
    expect(put.parameters.map((p) => [p.name, p.type])).toEqual([
      ["id", "string | number"],
    ]);
    expect(put.body?.content.map((c) => [c.mediaType, c.type])).toEqual([
      ["application/json", "unknown"],
      ["text/plain", "string"],
    ]);
  });
});

describe("the generated client with an undescribed body (tsc and a real server)", () => {
  const cleanup: (() => unknown)[] = [];
  afterAll(async () => {
    for (const stop of cleanup) await stop();
  });

  it("takes body?: unknown, or body: unknown when a source requires it, and sends it as JSON", async () => {
    const m = await model(
      ["c.postman.json", postman([["POST", "/messages", { mode: "raw" }]])],
      [
        "s.json",
        swagger({
          "/notes": {
            put: {
              ...ok,
              parameters: [
                {
                  in: "header",
                  name: "Content-Type",
                  required: true,
                  type: "string",
                },
              ],
            },
          },
        }),
      ],
    );
    const dir = await generateClient(m, "undescribed-body");
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(
      join(dir, "use.ts"),
      [
        `import { createClient } from "./client/index.js";`,
        `export async function use(baseUrl: string) {`,
        `  const api = createClient({ baseUrl });`,
        `  await api.postMessages({});`,
        `  await api.postMessages({ body: { text: "hi", n: 1 } });`,
        `  await api.putNotes({ body: ["any", "shape"] });`,
        `  // @ts-expect-error a source requires the body`,
        `  await api.putNotes({});`,
        `}`,
      ].join("\n"),
    );
    expect(await typeCheck(dir)).toBe("");

    const server = await recordingServer();
    cleanup.push(server.close);
    const client = await import(
      pathToFileURL(join(dir, "client/index.ts")).href
    );
    const api = client.createClient({ baseUrl: server.baseUrl });
    await api.postMessages({ body: { text: "hi", n: 1 } });
    await api.putNotes({ body: ["any", "shape"] });
    expect(
      server.received.map((r) => [
        r.method,
        r.url,
        r.headers["content-type"],
        JSON.parse(r.body.toString("utf8")),
      ]),
    ).toEqual([
      ["POST", "/messages", "application/json", { text: "hi", n: 1 }],
      ["PUT", "/notes", "application/json", ["any", "shape"]],
    ]);
  });
});
