import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toJson } from "../src/cli/inspect.js";
import { allParameters } from "../src/model/factories.js";
import { loadModel } from "../src/pipeline.js";

const SPECS = [
  "specs/stride-full.postman.json",
  "specs/stride-subset.postman.json",
  "specs/stride-messaging.swagger.yaml",
  "specs/stride-conversations.swagger.yaml",
  "specs/stride-messages.swagger.yaml",
];

const model = loadModel(SPECS);
const find = (method: string, path: string) =>
  model.endpoints.find((e) => e.method === method && e.path === path)!;

/** The 1-based line of the first line matching `pattern` after the line matching `after`. */
function lineOf(file: string, after: RegExp, pattern: RegExp): number {
  const lines = readFileSync(file, "utf8").split("\n");
  const start = lines.findIndex((l) => after.test(l));
  return lines.findIndex((l, i) => i > start && pattern.test(l)) + 1;
}

describe("the five Stride seeds", () => {
  it("merge into exactly 49 endpoints with unique names", () => {
    expect(model.endpoints).toHaveLength(49);
    expect(new Set(model.endpoints.map((e) => e.name)).size).toBe(49);
    for (const e of model.endpoints)
      expect(e.name).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(model.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("give each endpoint every query parameter any source declares", () => {
    const list = find("get", "/site/{cloudId}/conversation");
    expect(list.parameters.query.map((p) => p.name).sort()).toEqual([
      "cursor",
      "exclude-direct",
      "include-archived",
      "include-private",
      "limit",
      "query",
      "sort",
    ]);
    expect(list.parameters.path.map((p) => p.name)).toEqual(["cloudId"]);
    expect(
      find("get", "/site/{cloudId}/conversation/{conversationId}/message")
        .parameters.query.map((p) => p.name)
        .sort(),
    ).toEqual([
      "afterMessage",
      "afterTimestamp",
      "beforeMessage",
      "beforeTimestamp",
      "limit",
    ]);
  });

  it("turn Accept and Content-Type parameters into media types, never parameters", () => {
    for (const e of model.endpoints) {
      const names = allParameters(e.parameters).map((p) =>
        p.name.toLowerCase(),
      );
      expect(names).not.toContain("accept");
      expect(names).not.toContain("content-type");
    }
  });

  it("keep literal colons and turn :vars into {vars}", () => {
    const paths = model.endpoints.map((e) => e.path);
    expect(paths).toContain(
      "/site/{cloudId}/conversation/{conversationId}/app/module/chat:bot:messages/{key}",
    );
    expect(paths).toContain(
      "/app/module/chat/conversation/chat:configuration/{key}/state",
    );
    expect(paths).toContain(
      "/site/{cloudId}/conversation/{conversationId}/message/recent",
    );
    expect(paths.some((p) => p.includes("/:"))).toBe(false);
  });

  it("carry the scopes their prose names", () => {
    expect(
      toJson(model).endpoints.find(
        (e) => e.method === "GET" && e.path === "/site/",
      )!.scopes,
    ).toEqual(["participate:conversation"]);
    expect(find("post", "/site/{cloudId}/conversation").security).toEqual([
      { oauth2: ["manage:conversation"] },
    ]);
    expect(model.securitySchemes.oauth2).toMatchObject({
      type: "oauth2",
      inferred: true,
    });
    const withScopes = model.endpoints.filter((e) =>
      (e.security ?? []).some((r) =>
        Object.values(r).some((s) => s.length > 0),
      ),
    );
    expect(withScopes.length).toBeGreaterThan(30);
  });

  it("point their sources at the lines the operations are on", () => {
    const e = find("get", "/site/{cloudId}/conversation");
    const swagger = "specs/stride-messaging.swagger.yaml";
    const expected = lineOf(
      swagger,
      /^ {2}\/site\/\{cloudId\}\/conversation:$/,
      /^ {4}get:$/,
    );
    expect(expected).toBeGreaterThan(1);
    expect(e.sources).toContainEqual(
      expect.objectContaining({ file: swagger, line: expected, column: 5 }),
    );
    const postman = "specs/stride-full.postman.json";
    const requestName = lineOf(
      postman,
      /"name": "List"/,
      /"name": "ConversationGetAllHandler"/,
    );
    const source = e.sources.find((s) => s.file === postman)!;
    expect(Math.abs(source.line - requestName)).toBeLessThanOrEqual(2);
    expect(e.sources.map((s) => s.file)).toEqual(
      expect.arrayContaining(
        SPECS.filter((f) => !f.includes("messages.swagger")),
      ),
    );
  });

  it("give a byte-identical result whatever the order of the input files", () => {
    const reference = JSON.stringify(toJson(model));
    const orders = [
      [...SPECS].reverse(),
      [SPECS[2]!, SPECS[0]!, SPECS[4]!, SPECS[1]!, SPECS[3]!],
      [SPECS[4]!, SPECS[3]!, SPECS[0]!, SPECS[2]!, SPECS[1]!],
    ];
    for (const order of orders)
      expect(JSON.stringify(toJson(loadModel(order)))).toBe(reference);
  });
});
