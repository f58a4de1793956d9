/*
 * Path parameters that keep reserved characters: OpenAPI 3.2's `allowReserved: true` on a path
 * parameter and Azure's `x-ms-skip-url-encoding: true` are RFC 6570's reserved expansion
 * (`{+name}`), so Azure's `scope` (`subscriptions/1/resourceGroups/rg`) goes with its slashes.
 * The client sent `/` as `%2F`, a path Azure does not serve. Oracles: RFC 6570's own `{+var}`
 * examples (§1.2, §3.2.3) as data, Azure's own runtime (@azure/core-client) on random values, the
 * raw request target as node:http receives it on 127.0.0.1, and tsc under `strict` for the
 * generated client.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ServiceClient, createSerializer } from "@azure/core-client";
import { createHttpHeaders } from "@azure/core-rest-pipeline";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  fillPath,
  plainPath,
  serializePath,
} from "../../templates/client/serialize.js";
import { generate } from "../../src/generate.js";
import { typeCheck } from "./compile.js";
import { generateClient, importClient } from "./generate.js";
import { recordingServer } from "./server.js";

/** RFC 6570 §3.2's variables. */
const VARS: Record<string, unknown> = {
  var: "value",
  hello: "Hello World!",
  half: "50%",
  base: "http://example.com/home/",
  path: "/foo/bar",
  list: ["red", "green", "blue"],
  keys: { semi: ";", dot: ".", comma: "," },
  x: 1024,
  y: 768,
  empty: "",
  undef: null,
};

/**
 * RFC 6570's `{+var}` examples (§1.2 levels 2 to 4, §3.2.3) but for the prefix modifier
 * (`{+path:6}`), which OpenAPI does not write: template, expansion.
 */
const RFC_EXAMPLES: [string, string][] = [
  ["{+var}", "value"],
  ["{+hello}", "Hello%20World!"],
  ["{+half}", "50%25"],
  ["{base}index", "http%3A%2F%2Fexample.com%2Fhome%2Findex"],
  ["{+base}index", "http://example.com/home/index"],
  ["O{+empty}X", "OX"],
  ["O{+undef}X", "OX"],
  ["{+path}/here", "/foo/bar/here"],
  ["here?ref={+path}", "here?ref=/foo/bar"],
  ["up{+path}{var}/here", "up/foo/barvalue/here"],
  ["{+x,hello,y}", "1024,Hello%20World!,768"],
  ["{+path,x}/here", "/foo/bar,1024/here"],
  ["{+list}", "red,green,blue"],
  ["{+list*}", "red,green,blue"],
  ["{+keys}", "semi,;,dot,.,comma,,"],
  ["{+keys*}", "semi=;,dot=.,comma=,"],
];

/**
 * Expands `template` with serialize.ts's writers: `{+a,b}` by serializePath with
 * allowReserved, `{a}` by plainPath (RFC 6570's simple expansion), `*` exploding.
 */
function expand(template: string): string {
  return template.replace(/\{(\+?)([^}]+)\}/g, (_m, plus: string, list) =>
    (list as string)
      .split(",")
      .map((spec) => {
        const explode = spec.endsWith("*");
        const name = explode ? spec.slice(0, -1) : spec;
        const how = { explode, allowReserved: plus === "+" };
        return plus
          ? rawWriter(name, VARS[name], how)
          : plainPath(name, VARS[name], how);
      })
      .join(","),
  );
}

/** serializePath where RFC 6570 has no paths: a value spanning empty segments is refused. */
function rawWriter(
  name: string,
  value: unknown,
  how: { explode: boolean; allowReserved: boolean },
): string {
  const text = String(value ?? "");
  if (!/^\/|\/\/|\/$/.test(text)) return serializePath(name, value, how);
  expect(() => serializePath(name, value, how)).toThrow(/empty segment/);
  // the same value with a letter either side of each slash (no segment empty) expands the same
  // way but for those letters
  expect(text).not.toContain("z");
  const spaced = serializePath(name, text.replace(/\//g, "z/z"), how);
  return spaced.replace(/z\/z/g, "/");
}

describe("reserved expansion (serializePath with allowReserved)", () => {
  it("expands RFC 6570's {+var} examples as the RFC does", () => {
    for (const [template, want] of RFC_EXAMPLES)
      expect([template, expand(template)]).toEqual([template, want]);
  });

  it("encodes ? and # (they would end the path), keeps a %XX triplet, encodes a lone %", () => {
    const how = { allowReserved: true };
    expect(serializePath("p", "a?b#c", how)).toBe("a%3Fb%23c");
    expect(serializePath("p", "a%2Fb%zz%4", how)).toBe("a%2Fb%25zz%254");
    expect(serializePath("p", "é €/x y", how)).toBe("%C3%A9%20%E2%82%AC/x%20y");
    expect(serializePath("p", ":@!$&'()*+,;=[]-._~", how)).toBe(
      ":@!$&'()*+,;=[]-._~",
    );
    // without the flag, and in the label style, every reserved character is encoded
    expect(serializePath("p", "a/b", {})).toBe("a%2Fb");
    expect(
      serializePath("p", "a/b", { style: "label", allowReserved: true }),
    ).toBe(".a%2Fb");
  });

  it("refuses a value that makes an empty, `.` or `..` segment, or is empty", () => {
    const styles = { scope: { allowReserved: true } };
    const fill = (scope: unknown) =>
      fillPath("/{scope}/providers", { scope }, styles, serializePath);
    expect(fill("subscriptions/1")).toBe("/subscriptions/1/providers");
    for (const scope of ["..", "a/../b", "a/.", "%2E%2E/x", "a/.%2e"])
      expect(() => fill(scope)).toThrow(/dot segment/);
    for (const scope of ["/subscriptions/1", "a//b", "a/"])
      expect(() => fill(scope)).toThrow(/empty segment/);
    expect(() => fill("")).toThrow(/is empty/);
    expect(() => fill(undefined)).toThrow(/is missing/);
  });
});

/**
 * What Azure's own runtime sends for a path parameter with `skipEncoding` (AutoRest's reading of
 * `x-ms-skip-url-encoding`): @azure/core-client's ServiceClient, its request caught by an
 * httpClient that answers 200 at once; the request target after the host.
 */
async function azureSends(scope: string): Promise<string> {
  let url = "";
  const client = new ServiceClient({
    endpoint: "http://h",
    httpClient: {
      sendRequest: async (request) => {
        url = request.url;
        return { status: 200, headers: createHttpHeaders(), request };
      },
    },
  });
  const text = { required: true, type: { name: "String" as const } };
  await client.sendOperationRequest(
    { scope, $host: "http://h" },
    {
      path: "/{scope}/providers/Microsoft.Authorization/roleAssignments",
      httpMethod: "GET",
      responses: { 200: {} },
      baseUrl: "{$host}",
      urlParameters: [
        {
          parameterPath: "$host",
          mapper: { serializedName: "$host", ...text },
          skipEncoding: true,
        },
        {
          parameterPath: "scope",
          mapper: { serializedName: "scope", ...text },
          skipEncoding: true,
        },
      ],
      serializer: createSerializer(),
    },
  );
  return url.slice("http://h".length);
}

describe("reserved expansion against Azure's runtime (@azure/core-client, skipEncoding)", () => {
  it("sends what Azure's SDKs send, but `?`, `#` and a lone `%`, which Azure puts in as they are", async () => {
    const fill = (scope: string) =>
      fillPath(
        "/{scope}/providers/Microsoft.Authorization/roleAssignments",
        { scope },
        { scope: { allowReserved: true } },
        serializePath,
      );
    // Azure's runtime puts the value in as it is: `a?b` ends the path there, `%zz` is no escape
    const escaped = (scope: string) =>
      scope
        .replace(/[?#]/g, encodeURIComponent)
        .replace(/%(?![\dA-Fa-f]{2})/g, "%25");
    const value = fc.string({
      unit: fc.constantFrom(..."aZ09-._~:@!$&'()*+,;=[] ?#é😀%/"),
      minLength: 1,
      maxLength: 8,
    });
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(value, async (scope) => {
        let ours: string;
        try {
          ours = fill(scope);
        } catch {
          // an empty, `.` or `..` segment: refused here, sent by Azure's runtime
          return;
        }
        compared++;
        expect(ours).toBe(await azureSends(escaped(scope)));
      }),
      { seed: 20261201, numRuns: 1000 },
    );
    expect(compared).toBeGreaterThan(800);
  });
});

/** An excerpt of Azure's authorization API, as Swagger 2.0 (the server's tests serve it too). */
const AZURE = readFileSync(
  new URL("../fixtures/server/azure-role-assignments.yaml", import.meta.url),
  "utf8",
);

/** OpenAPI 3.2: `allowReserved` on a path parameter, a whole segment and one with other text. */
const OAS32 = {
  openapi: "3.2.0",
  info: { title: "Files", version: "1" },
  paths: {
    "/files/{path}/meta": {
      get: {
        operationId: "getMeta",
        parameters: [
          {
            name: "path",
            in: "path",
            required: true,
            allowReserved: true,
            schema: { type: "string" },
          },
        ],
        responses: { 204: { description: "none" } },
      },
    },
    "/raw/{name}.json": {
      get: {
        operationId: "getRaw",
        parameters: [
          {
            name: "name",
            in: "path",
            required: true,
            allowReserved: true,
            schema: { type: "string" },
          },
        ],
        responses: { 204: { description: "none" } },
      },
    },
  },
};

type Fn = (args: object) => Promise<{ ok: boolean; status: number }>;
type Client = { createClient: (config: object) => Record<string, Fn> };

let server: Awaited<ReturnType<typeof recordingServer>>;
const dirs: string[] = [];
const apis: Record<string, Record<string, Fn>> = {};

beforeAll(async () => {
  server = await recordingServer();
  for (const [name, doc] of [
    ["azure", AZURE],
    ["files", OAS32],
  ] as const) {
    const text = typeof doc === "string" ? doc : JSON.stringify(doc);
    const { model } = await generate([{ file: `${name}.json`, text }]);
    const dir = await generateClient(model, `reserved-${name}`);
    dirs.push(dir);
    const client = await importClient<Client>(dir);
    apis[name] = client.createClient({ baseUrl: server.baseUrl });
  }
});
afterAll(async () => {
  await server?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The raw request target of `call`'s request, as node:http received it. */
async function target(call: Promise<{ status: number }>): Promise<string> {
  const before = server.received.length;
  expect((await call).status).toBe(200);
  expect(server.received.length).toBe(before + 1);
  return server.received.at(-1)!.url;
}

describe("Azure's x-ms-skip-url-encoding (Swagger 2.0), over HTTP", () => {
  const query = { "api-version": "2017-10-01-preview" };

  it("sends scope with its slashes", async () => {
    const { roleAssignmentsListForScope: list } = apis.azure!;
    expect(
      await target(
        list!({ path: { scope: "subscriptions/1/resourceGroups/rg" }, query }),
      ),
    ).toBe(
      "/subscriptions/1/resourceGroups/rg/providers/Microsoft.Authorization/roleAssignments?api-version=2017-10-01-preview",
    );
    // a space, `?`, `#` and non-ASCII are encoded; reserved characters and `%XX` are kept
    expect(
      await target(
        list!({ path: { scope: "subscriptions/a b?c#d/é/%2F/x:y@z" }, query }),
      ),
    ).toBe(
      "/subscriptions/a%20b%3Fc%23d/%C3%A9/%2F/x:y@z/providers/Microsoft.Authorization/roleAssignments?api-version=2017-10-01-preview",
    );
  });

  it("sends a full id as the whole path", async () => {
    const id =
      "subscriptions/1/providers/Microsoft.Authorization/roleAssignments/x";
    expect(
      await target(
        apis.azure!.roleAssignmentsGetById!({
          path: { roleAssignmentId: id },
          query,
        }),
      ),
    ).toBe(`/${id}?api-version=2017-10-01-preview`);
  });

  it("sends two such parameters side by side, and one without the flag still with %2F", async () => {
    expect(
      await target(
        apis.azure!.roleAssignmentsListForResource!({
          path: {
            subscriptionId: "1",
            resourceGroupName: "rg",
            resourceProviderNamespace: "Microsoft.Web",
            parentResourcePath: "sites/app",
            resourceType: "slots/x",
            resourceName: "a/b",
          },
          query,
        }),
      ),
    ).toBe(
      "/subscriptions/1/resourcegroups/rg/providers/Microsoft.Web/sites/app/slots/x/a%2Fb/providers/Microsoft.Authorization/roleAssignments?api-version=2017-10-01-preview",
    );
  });

  it("refuses `..` and a value that makes an empty segment before anything is sent", async () => {
    const before = server.received.length;
    const list = apis.azure!.roleAssignmentsListForScope!;
    for (const scope of ["..", "subscriptions/1/../2", "/subscriptions/1"])
      await expect(list({ path: { scope }, query })).rejects.toThrow(/segment/);
    expect(server.received.length).toBe(before);
  });

  it("names the reserved writer in the endpoints that have such a parameter, and compiles under strict", async () => {
    const index = readFileSync(join(dirs[0]!, "client/index.ts"), "utf8");
    const specs = index.split("export const ").slice(1);
    const writes = (name: string) =>
      specs.find((s) => s.startsWith(name))!.includes("writePath:");
    expect(writes("roleAssignmentsListForScope")).toBe(true);
    expect(writes("roleAssignmentsListForResource")).toBe(true);
    // and the client compiles under strict with a call of one
    writeFileSync(
      join(dirs[0]!, "program.ts"),
      `import { roleAssignmentsListForScope } from "./client/index.js";
await roleAssignmentsListForScope({
  path: { scope: "subscriptions/1" },
  query: { "api-version": "2017-10-01-preview" },
});
`,
    );
    expect(await typeCheck(dirs[0]!)).toBe("");
  });
});

describe("OpenAPI 3.2's allowReserved on a path parameter, over HTTP", () => {
  it("sends a whole segment's value with its slashes", async () => {
    expect(
      await target(apis.files!.getMeta!({ path: { path: "docs/a b.md" } })),
    ).toBe("/files/docs/a%20b.md/meta");
  });

  it("keeps a parameter in a segment with other text one segment", async () => {
    expect(await target(apis.files!.getRaw!({ path: { name: "a/b" } }))).toBe(
      "/raw/a%2Fb.json",
    );
    const index = readFileSync(join(dirs[1]!, "client/index.ts"), "utf8");
    // nor the writer that would read it: plainPath, as for any other endpoint
    const spec = index
      .split("export const getRaw")[1]!
      .split("export const")[0];
    expect(spec).not.toContain("allowReserved");
    expect(spec).not.toContain("writePath:");
  });
});
