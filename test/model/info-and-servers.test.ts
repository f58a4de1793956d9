import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultBaseUrl } from "../../src/emit/client/base-url.js";
import { openApiDocument } from "../../src/emit/openapi/index.js";
import { generate, type GenerateOptions } from "../../src/generate.js";
import { parseGenerateArgs } from "../../src/cli/generate-options.js";
import { resolveSettings } from "../../src/workflow/config/settings.js";

/** A Swagger 2.0 document titled `title` with one GET per summary. */
function swagger(
  title: string,
  summaries: string[],
  extra: Record<string, unknown> = {},
  description?: string,
): string {
  const paths: Record<string, unknown> = {};
  summaries.forEach((summary, i) => {
    paths[`/r${i}/${summary.length}`] = {
      get: { summary, responses: { 200: { description: "OK" } } },
    };
  });
  return JSON.stringify({
    swagger: "2.0",
    info: { title, version: "2.1", ...(description ? { description } : {}) },
    paths,
    ...extra,
  });
}

async function modelOf(
  docs: Record<string, string>,
  options: GenerateOptions = {},
) {
  const { model } = await generate(
    Object.entries(docs).map(([file, text]) => ({ file, text })),
    { artifacts: [], ...options },
  );
  return model;
}

describe("the API's title", () => {
  it("is the one most inputs share once a trailing operation summary is cut off", async () => {
    const model = await modelOf({
      "a.json": swagger("Acme Chat Get conversation roster", [
        "Get conversation roster",
      ]),
      "b.json": swagger("Acme Chat Send a message", ["Send a message"]),
      // the richest document, in the best-ranked format, titled otherwise: outvoted
      "c.json": swagger("Chat Tools", ["List", "Create", "Delete", "Edit"], {
        swagger: "2.0",
      }),
      "d.json": swagger("acme chat", ["Archive"]),
    });
    expect(model.info.title).toBe("Acme Chat");
  });

  it("never is an operation's summary, nor is the description an operation's", async () => {
    const model = await modelOf({
      "a.json": swagger(
        "Send message to a user",
        ["Send message to a user"],
        {},
        "Send message to a user.",
      ),
      "b.json": swagger(
        "Messaging Send message to a user",
        ["List users"],
        {},
        "The messaging API.",
      ),
    });
    expect(model.info).toEqual({
      title: "Messaging",
      version: "2.1",
      description: "The messaging API.",
    });
  });

  it("goes to a preferred input (merge.prefer) over the majority", async () => {
    const docs = {
      "a.json": swagger("Acme Get a", ["Get a"]),
      "b.json": swagger("Acme Get b", ["Get b"]),
      "special/c.json": swagger("Special API", ["Get c"]),
    };
    expect((await modelOf(docs)).info.title).toBe("Acme");
    expect(
      (await modelOf(docs, { merge: { prefer: ["special"] } })).info.title,
    ).toBe("Special API");
  });

  it("is replaced, with version and description, by the config's info", async () => {
    const docs = { "a.json": swagger("Acme Get a", ["Get a"]) };
    const model = await modelOf(docs, {
      info: { title: "Stride", description: "Team chat." },
    });
    expect(model.info).toEqual({
      title: "Stride",
      version: "2.1",
      description: "Team chat.",
    });
  });

  // Spectral's info-contact fired on openapi.json for 130 of 232 APIs.guru documents that had one
  it("keeps the winner's terms of service, contact and license, and openapi.json says them", async () => {
    const meta = {
      termsOfService: "https://acme.test/terms",
      contact: { name: "Acme", email: "api@acme.test", "x-team": "api" },
      license: { name: "MIT", url: "https://opensource.org/license/mit/" },
    };
    const a = JSON.parse(swagger("Acme", ["Get a", "Get b"]));
    const b = JSON.parse(swagger("Other", ["Get c"]));
    b.info.contact = { name: "Other" };
    const model = await modelOf({
      "a.json": JSON.stringify({ ...a, info: { ...a.info, ...meta } }),
      "b.json": JSON.stringify(b),
    });
    expect(model.info).toEqual({ title: "Acme", version: "2.1", ...meta });
    expect(openApiDocument(model).info).toEqual(model.info);
    const openapi3 = JSON.stringify({
      openapi: "3.0.3",
      info: { title: "T", version: "1", contact: { url: "https://t.test" } },
      paths: {},
    });
    expect((await modelOf({ "t.json": openapi3 })).info.contact).toEqual({
      url: "https://t.test",
    });
  });
});

describe("config info", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true })));
  const settingsFor = async (config: unknown) => {
    const dir = mkdtempSync(join(tmpdir(), "apiloom-info-"));
    dirs.push(dir);
    writeFileSync(join(dir, "apiloom.config.json"), JSON.stringify(config));
    return resolveSettings(parseGenerateArgs([]), dir);
  };

  it("reaches the settings, and a wrong member names itself", async () => {
    const settings = await settingsFor({
      inputs: ["x.yaml"],
      info: { title: "Stride", version: "3" },
    });
    expect(settings.model.info).toEqual({ title: "Stride", version: "3" });
    await expect(
      settingsFor({ inputs: ["x.yaml"], info: { name: "Stride" } }),
    ).rejects.toThrow(/info: unknown option "name"/);
    await expect(
      settingsFor({ inputs: ["x.yaml"], info: { title: 3 } }),
    ).rejects.toThrow(/info\.title must be a non-empty string/);
  });
});

describe("placeholder servers", () => {
  const withServer = (
    title: string,
    host: string | undefined,
    basePath = "/",
  ) =>
    swagger(title, [`Get ${title}`], {
      ...(host ? { host } : {}),
      basePath,
      schemes: ["https"],
    });

  it("come after real ones and are not the client's default, with no base-URL conflict", async () => {
    const model = await modelOf({
      "a.json": withServer("A", "www.example.com"),
      "b.json": withServer("B", "api.example.invalid"),
      "c.json": withServer("C", undefined),
      "d.json": withServer("D", "api.acme.io", "/v1"),
    });
    expect(model.servers.map((s) => s.url)).toEqual([
      "https://api.acme.io/v1",
      "/",
      "https://www.example.com",
      "https://api.example.invalid",
    ]);
    expect(defaultBaseUrl(model)).toBe("https://api.acme.io/v1");
    expect(
      model.diagnostics.filter((d) => d.code === "merge/base-url-conflict"),
    ).toEqual([]);
  });

  it("an http:// URL whose https:// twin is listed comes after the real ones: credentials go over TLS", async () => {
    // 413 of APIs.guru's documents list http:// first beside its https:// twin (AWS's all do)
    const doc = (urls: string[]) =>
      JSON.stringify({
        openapi: "3.0.3",
        info: { title: "T", version: "1" },
        servers: urls.map((url) => ({ url })),
        paths: {},
      });
    const twins = await modelOf({
      "a.json": doc([
        "http://lambda.amazonaws.com",
        "https://lambda.amazonaws.com",
        "http://other.io",
      ]),
    });
    expect(twins.servers.map((s) => s.url)).toEqual([
      "https://lambda.amazonaws.com",
      "http://other.io",
      "http://lambda.amazonaws.com",
    ]);
    expect(defaultBaseUrl(twins)).toBe("https://lambda.amazonaws.com");
    // an http:// URL alone stays the default: there is no https:// to choose
    const alone = await modelOf({
      "a.json": doc(["http://localhost:8080", "https://api.io"]),
    });
    expect(defaultBaseUrl(alone)).toBe("http://localhost:8080");
  });

  it("lose to a bare / when nothing real is left (same origin beats a made-up host)", async () => {
    const model = await modelOf({
      "a.json": withServer("A", "example.com"),
      "c.json": withServer("C", undefined),
    });
    expect(defaultBaseUrl(model)).toBe("");
    expect(model.servers.map((s) => s.url)).toEqual([
      "/",
      "https://example.com",
    ]);
  });

  it("still win when their input is preferred (merge.prefer is the user's word)", async () => {
    const model = await modelOf(
      {
        "a.json": withServer("A", "www.example.com"),
        "d.json": withServer("D", "api.acme.io"),
      },
      { merge: { prefer: ["a.json"] } },
    );
    expect(defaultBaseUrl(model)).toBe("https://www.example.com");
  });

  it("two real hosts of two inputs conflict, and the warning names both inputs", async () => {
    const model = await modelOf({
      "a.json": withServer("A", "api.acme.io"),
      "b.json": withServer("B", "api.acme.dev"),
    });
    const found = model.diagnostics.filter(
      (d) => d.code === "merge/base-url-conflict",
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/a\.json says https:\/\/api\.acme\.io\b/);
    expect(found[0]!.message).toMatch(/b\.json says https:\/\/api\.acme\.dev/);
  });

  it("one input's own list of servers is no conflict, nor is another input that lists the default too", async () => {
    const servers = (...urls: string[]) =>
      JSON.stringify({
        openapi: "3.0.3",
        info: { title: "T", version: "1" },
        servers: urls.map((url) => ({ url })),
        paths: { "/a": { get: { responses: { 200: { description: "OK" } } } } },
      });
    const model = await modelOf({
      "a.json": servers("https://api.acme.io/v1", "https://staging.acme.io/v1"),
      "b.json": servers("https://staging.acme.io/v1", "https://api.acme.io/v1"),
    });
    expect(model.servers.map((s) => s.url)).toEqual([
      "https://api.acme.io/v1",
      "https://staging.acme.io/v1",
    ]);
    expect(
      model.diagnostics.filter((d) => d.code === "merge/base-url-conflict"),
    ).toEqual([]);
  });

  it("nor is an input whose server the default's input lists too (the http:// twin)", async () => {
    // ptv.vic.gov.au.json lists http:// then https://; the collection openapi-to-postmanv2 makes
    // of it takes the first
    const model = await modelOf({
      "ptv.json": JSON.stringify({
        openapi: "3.0.0",
        info: { title: "PTV Timetable API - Version 3", version: "v3" },
        servers: [
          { url: "http://timetableapi.ptv.vic.gov.au" },
          { url: "https://timetableapi.ptv.vic.gov.au" },
        ],
        paths: {
          "/v3/route_types": {
            get: {
              operationId: "RouteTypes_GetRouteTypes",
              responses: { "200": { description: "Success" } },
            },
          },
        },
      }),
      "ptv.postman.json": JSON.stringify({
        info: {
          name: "PTV Timetable API - Version 3",
          schema:
            "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        item: [
          {
            name: "View route types supported by PTV",
            request: {
              method: "GET",
              url: { host: ["{{baseUrl}}"], path: ["v3", "route_types"] },
            },
          },
        ],
        variable: [
          { key: "baseUrl", value: "http://timetableapi.ptv.vic.gov.au" },
        ],
      }),
    });
    expect(defaultBaseUrl(model)).toBe("https://timetableapi.ptv.vic.gov.au");
    expect(
      model.diagnostics.filter((d) => d.code === "merge/base-url-conflict"),
    ).toEqual([]);
  });
});

describe("a server URL that names no host", () => {
  const openapi = (url: string, variables?: Record<string, unknown>) =>
    JSON.stringify({
      openapi: "3.0.3",
      info: { title: "T", version: "1" },
      servers: [{ url, ...(variables ? { variables } : {}) }],
      paths: { "/a": { get: { responses: { 200: { description: "OK" } } } } },
    });
  const run = (text: string, options: GenerateOptions = {}) =>
    generate([{ file: "api.json", text }], {
      artifacts: ["client"],
      ...options,
    });
  const defaultOf = (files: { path: string; contents: string }[]) =>
    /export const DEFAULT_BASE_URL = (".*");/.exec(
      files.find((f) => f.path === "client/index.ts")!.contents,
    )?.[1];

  // as a Postman collection's `{{base_url}}` whose variable is empty reads
  it("gives the client an empty default base URL and a warning, not https:", async () => {
    const { files, diagnostics } = await run(
      openapi("https://{base_url}", { base_url: { default: "" } }),
    );
    expect(defaultOf(files)).toBe('""');
    const found = diagnostics.filter(
      (d) => d.code === "client/no-default-base-url",
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('"https://{base_url}"');
    expect(found[0]!.file).toBe("api.json");
  });

  it("also for a port without a host, and not when --base-url is given", async () => {
    const text = openapi("https://{host}:8443/v1", { host: { default: "" } });
    expect(defaultOf((await run(text)).files)).toBe('""');
    const given = await run(text, { baseUrl: "https://api.acme.io" });
    expect(defaultOf(given.files)).toBe('"https://api.acme.io"');
    expect(
      given.diagnostics.filter((d) => d.code === "client/no-default-base-url"),
    ).toEqual([]);
  });

  it("leaves a server URL's user name and password out, says so without printing them, and the client's calls go", async () => {
    const made = await run(openapi("https://ops:hunter2@api.acme.io/v1"));
    expect(defaultOf(made.files)).toBe('"https://api.acme.io/v1"');
    expect(made.files.some((f) => f.contents.includes("hunter2"))).toBe(false);
    const said = made.diagnostics.filter(
      (d) => d.code === "model/server-credentials",
    );
    expect(said).toHaveLength(1);
    expect(said[0]!.message).toContain("https://***@api.acme.io/v1");
    expect(JSON.stringify(made.diagnostics)).not.toContain("hunter2");
    // fetch refuses a URL with credentials: what the client would have been given
    expect(() => new Request("https://ops:hunter2@api.acme.io/v1")).toThrow(
      /credentials/,
    );
    expect(() => new Request("https://api.acme.io/v1")).not.toThrow();
  });

  it("keeps a real host and a relative URL, and never reads a variable through the prototype", async () => {
    const filled = await run(
      openapi("https://{region}.acme.io/v1", { region: { default: "eu" } }),
    );
    expect(defaultOf(filled.files)).toBe('"https://eu.acme.io/v1"');
    expect(filled.diagnostics).toEqual([]);
    expect(defaultOf((await run(openapi("/v2"))).files)).toBe('"/v2"');
    const inherited = await run(
      openapi("https://{toString}.acme.io", { other: { default: "x" } }),
    );
    // `toString` is no declared variable (not Object.prototype's): undeclared, so no default
    // base URL rather than one with braces in it (issue 24, N)
    expect(defaultOf(inherited.files)).toBe('""');
  });
});
