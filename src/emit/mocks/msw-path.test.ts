import { matchRequestUrl } from "msw";
import { describe, expect, it } from "vitest";
import type { Endpoint } from "../../model/types.js";
import { bySpecificity, mswPath } from "./index.js";

/** Whether MSW matches `url` with the MSW path of `template`, and the parameters it reads. */
function match(template: string, url: string) {
  return matchRequestUrl(new URL(url), mswPath(template));
}

describe("mswPath: the path template as MSW reads it", () => {
  it("matches under any origin and base path, with :params", () => {
    expect(mswPath("/pets/{petId}")).toBe("*://*/pets/:petId");
    expect(match("/pets/{petId}", "https://a.example/v1/pets/7")).toEqual({
      matches: true,
      params: { 0: "https", 1: "a.example/v1", petId: "7" },
    });
    expect(match("/pets/{petId}", "https://a.example/v1/pets").matches).toBe(
      false,
    );
  });

  it("reads path-to-regexp syntax in literal parts as text", () => {
    const template = "/files/{name}:copy(v2)+{x}";
    expect(match(template, "http://h/files/a:copy(v2)+b").matches).toBe(true);
    expect(match(template, "http://h/files/a:copyv2b").matches).toBe(false);
  });

  it("keeps a parameter name to word characters, and its end where the template's is", () => {
    expect(mswPath("/pets/{pet-id}")).toBe("*://*/pets/:pet_id");
    expect(mswPath("/{a}x/{}")).toBe("*://*/{:a}x/:param");
    expect(match("/{a}x", "http://h/1x").params).toEqual({
      0: "http",
      1: "h",
      a: "1",
    });
  });

  it("lets a parameter that keeps reserved characters take several segments", () => {
    // Azure's authorization API: x-ms-skip-url-encoding on parentResourcePath and resourceType
    const template =
      "/subscriptions/{s}/providers/{ns}/{parentResourcePath}/{resourceType}/{name}/providers/x";
    const path = mswPath(template, ["parentResourcePath", "resourceType"]);
    expect(path).toBe(
      "*://*/subscriptions/:s/providers/:ns/:parentResourcePath+/:resourceType+/:name/providers/x",
    );
    const url = "https://h/subscriptions/1/providers/N/a/b/T/t2/v/providers/x";
    expect(matchRequestUrl(new URL(url), path).matches).toBe(true);
    expect(match(template, url).matches).toBe(false);
    // only a whole segment: `{a}.json` stays one
    expect(mswPath("/{a}.json/{b}", ["a", "b"])).toBe("*://*/:a.json/:b+");
  });

  // held-out hunt on APIs.guru (bufferapp, apisetu.gov.in, keycloak-like paths): msw's own matcher
  it("keeps the origin out of the parameters: /{a}/{b} does not answer http://h/x", () => {
    expect(match("/{a}/{b}", "http://h/users").matches).toBe(false);
    expect(match("/{a}/{b}", "http://h/v1/users").matches).toBe(true);
  });

  it("matches adjacent parameters, and literal text as the URL encodes it", () => {
    expect(
      match("/profiles/{id}{ext}", "http://h/profiles/7.json").matches,
    ).toBe(true);
    expect(
      match("/Your Pull API/{id}", "http://h/Your%20Pull%20API/7"),
    ).toEqual({ matches: true, params: { 0: "http", 1: "h", id: "7" } });
    expect(match("/café/`x`", "http://h/caf%C3%A9/%60x%60").matches).toBe(true);
    // a lone surrogate (JSON can hold one) is U+FFFD on the wire; encodeURIComponent throws on it
    const lone = "/a\ud800b/{id}";
    expect(
      match(lone, new URL(`http://h${lone.replace("{id}", "7")}`).href),
    ).toMatchObject({ matches: true, params: { id: "7" } });
  });
});

describe("bySpecificity: the order MSW tries the handlers", () => {
  const at = (path: string) => ({ path }) as Endpoint;
  it("puts longer paths first, then a literal before a parameter", () => {
    const order = bySpecificity([
      at("/pets/{id}"),
      at("/owners/{o}/pets/{id}"),
      at("/pets/mine"),
      at("/pets"),
    ]).map((e) => e.path);
    expect(order).toEqual([
      "/owners/{o}/pets/{id}",
      "/pets/mine",
      "/pets/{id}",
      "/pets",
    ]);
  });

  it("puts a segment with a parameter and text before a bare parameter", () => {
    // Google's `{name}:cancel` beside `{name}`: MSW's `:name` matches `x:cancel` too
    const order = bySpecificity([
      at("/v1/{name}"),
      at("/v1/{name}:cancel"),
      at("/v1/operations"),
    ]).map((e) => e.path);
    expect(order).toEqual([
      "/v1/operations",
      "/v1/{name}:cancel",
      "/v1/{name}",
    ]);
  });
});
