import { describe, expect, it } from "vitest";
import { assignNames, methodPathName } from "./naming.js";
import { ModelReporter } from "../diagnostics/codes.js";
import { at, endpoint } from "../../../test/support/model-builders.js";
import type { Endpoint } from "../types.js";

function named(list: Endpoint[], options = {}) {
  assignNames(list, options, new ModelReporter());
  return list.map((e) => e.name);
}

const id = (
  value: string,
  kind: "operationId" | "requestName" = "operationId",
) => ({ value, kind, source: at("x", 1) });

describe("assignNames", () => {
  it("makes camelCase identifiers and never a reserved word", () => {
    const list = [
      endpoint("get", "/a", at("x", 1), {
        nameCandidates: [id("Get-All Handlers")],
      }),
      endpoint("delete", "/b", at("x", 2), { nameCandidates: [id("delete")] }),
      endpoint("get", "/c", at("x", 3), {
        nameCandidates: [id("2fa status", "requestName")],
      }),
    ];
    expect(named(list)).toEqual(["getAllHandlers", "delete_", "_2faStatus"]);
  });

  it("names each endpoint by its own candidates, identifiers made once per text", () => {
    // the same texts asked again (a candidate of two endpoints, an operationId found again when
    // its endpoint is named), and different texts of one length
    const list = [
      endpoint("get", "/a", at("x", 1), {
        nameCandidates: [id("list-pets"), id("get-users", "requestName")],
      }),
      endpoint("get", "/b", at("x", 2), { nameCandidates: [id("get-users")] }),
      endpoint("get", "/c", at("x", 3), { nameCandidates: [id("list-pets")] }),
    ];
    expect(named(list)).toEqual(["listPets", "getUsers", "getC"]);
    expect(list.map((e) => e.operationId)).toEqual([
      "list-pets",
      "get-users",
      undefined,
    ]);
  });

  it("falls back to method and path", () => {
    expect(
      methodPathName({ method: "get", path: "/pets/{petId}/photos" }),
    ).toBe("getPetsByPetIdPhotos");
    expect(
      methodPathName({
        method: "put",
        path: "/app/module/chat:bot:messages/{key}",
      }),
    ).toBe("putAppModuleChatBotMessagesByKey");
    expect(named([endpoint("post", "/", at("x", 1))])).toEqual(["post"]);
  });

  it("settles collisions by (path, method), whatever the input order", () => {
    const make = () => [
      endpoint("post", "/b", at("x", 1), { nameCandidates: [id("create")] }),
      endpoint("post", "/a", at("x", 2), { nameCandidates: [id("create")] }),
    ];
    const forward = make();
    named(forward);
    const backward = make().reverse();
    named(backward);
    expect(Object.fromEntries(forward.map((e) => [e.path, e.name]))).toEqual({
      "/a": "create",
      "/b": "postB",
    });
    expect(Object.fromEntries(backward.map((e) => [e.path, e.name]))).toEqual({
      "/a": "create",
      "/b": "postB",
    });
  });

  it("keeps locked names so a new endpoint never renames an existing one", () => {
    const list = [
      endpoint("post", "/a", at("x", 2), { nameCandidates: [id("create")] }),
      endpoint("post", "/b", at("x", 1), { nameCandidates: [id("create")] }),
    ];
    expect(named(list, { lockedNames: { "POST /b": "create" } })).toEqual([
      "postA",
      "create",
    ]);
  });

  it("applies user overrides first", () => {
    const list = [
      endpoint("get", "/a", at("x", 1), { nameCandidates: [id("x")] }),
    ];
    expect(named(list, { names: { "GET /a": "listThings" } })).toEqual([
      "listThings",
    ]);
  });
});

describe("assignNames: clashes and reserved names", () => {
  const run = (list: Endpoint[], options = {}) => {
    const reporter = new ModelReporter();
    assignNames(list, options, reporter);
    return {
      names: list.map((e) => e.name),
      diagnostics: reporter.diagnostics,
    };
  };

  it("never gives an operationId or a locked name the client declares itself", () => {
    const { names } = run(
      [
        endpoint("get", "/a", at("x", 1), {
          nameCandidates: [id("createClient")],
        }),
        endpoint("get", "/b", at("x", 2)),
      ],
      { lockedNames: { "GET /b": "DEFAULT_BASE_URL" } },
    );
    expect(names).toEqual(["getA", "getB"]);
  });

  it("a derived name gives way to one differing only in its first letter", () => {
    const { names } = run(
      [
        endpoint("get", "/a", at("x", 1), { nameCandidates: [id("Pets")] }),
        endpoint("get", "/b", at("x", 2), { nameCandidates: [id("pets")] }),
      ],
      { names: { "GET /a": "Pets" } },
    );
    expect(names).toEqual(["Pets", "getB"]);
  });

  it("camelCases an unusable override, and falls back to the derived name when nothing is left", () => {
    const { names, diagnostics } = run(
      [
        endpoint("get", "/a", at("x", 1)),
        endpoint("get", "/b", at("x", 2), { nameCandidates: [id("listB")] }),
      ],
      { names: { "GET /a": "list things", "GET /b": "???" } },
    );
    expect(names).toEqual(["listThings", "listB"]);
    expect(diagnostics.map((d) => d.code)).toEqual([
      "naming/invalid-override",
      "naming/invalid-override",
    ]);
    expect(diagnostics[1]!.message).toMatch(/the derived name is used/);
  });

  it("prefers the key written exactly and reports the other one", () => {
    const { names, diagnostics } = run(
      [endpoint("get", "/a/{id}", at("x", 1))],
      {
        names: { "get /a/:x": "one", "GET /a/{id}": "two" },
      },
    );
    expect(names).toEqual(["two"]);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: "naming/unmatched-override",
        message: expect.stringMatching(/another key names the same endpoint/),
      }),
    ]);
  });
});
