import { describe, expect, it } from "vitest";
import { assignNames, methodPathName } from "./naming.js";
import { at, endpoint } from "./test-helpers.js";
import type { Endpoint } from "./types.js";

function named(list: Endpoint[], options = {}) {
  const diagnostics: unknown[] = [];
  assignNames(list, options, (d) => diagnostics.push(d));
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
