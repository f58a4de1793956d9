import { describe, expect, test } from "vitest";
import { readUrl } from "./url.js";

const at = ["item", 0, "request", "url"];
const parts = (url: unknown) => {
  const read = readUrl(url, at);
  return read && { protocol: read.protocol, host: read.host, path: read.path };
};

describe("readUrl", () => {
  test.each([
    [
      "https://api.example.com/a/b",
      { protocol: "https", host: "api.example.com", path: "a/b" },
    ],
    [
      "//httpbin.org/post",
      { protocol: undefined, host: "httpbin.org", path: "post" },
    ],
    [
      "localhost:3000/api",
      { protocol: undefined, host: "localhost:3000", path: "api" },
    ],
    [
      "{{base}}/site/",
      { protocol: undefined, host: "{{base}}", path: "site/" },
    ],
    [
      "/relative/only",
      { protocol: undefined, host: "", path: "/relative/only" },
    ],
    ["https://x.io", { protocol: "https", host: "x.io", path: "" }],
  ])("the string %j", (url, want) => {
    expect(parts(url)).toEqual(want);
  });

  test("an object: host and path as arrays or strings, port appended, protocol without ://", () => {
    expect(
      parts({
        protocol: "https://",
        host: ["api", "example", "com"],
        port: "8443",
        path: ["v1", "items"],
      }),
    ).toEqual({
      protocol: "https",
      host: "api.example.com:8443",
      path: "v1/items",
    });
    expect(
      parts({ host: "{{base_url}}", path: "/stacks/{{api_key}}" }),
    ).toEqual({
      protocol: undefined,
      host: "{{base_url}}",
      path: "/stacks/{{api_key}}",
    });
    expect(
      parts({ host: ["h"], path: ["a", { type: "string", value: "b" }, null] }),
    ).toMatchObject({
      path: "a/b",
    });
  });

  test("raw fills in the parts an object lacks", () => {
    expect(parts({ raw: "https://api.example.com/x/y?q=1" })).toEqual({
      protocol: "https",
      host: "api.example.com",
      path: "x/y",
    });
    expect(parts({ raw: "{{base}}/x", path: ["x"] })).toEqual({
      protocol: undefined,
      host: "{{base}}",
      path: "x",
    });
    expect(
      readUrl({ raw: "https://a.io/x?q=1&r" }, at)?.query.map((q) => [
        q.key,
        q.value,
      ]),
    ).toEqual([
      ["q", "1"],
      ["r", undefined],
    ]);
  });

  test("a query key is read decoded, from the object's list as from raw (newman sends it as written)", () => {
    const keys = (url: unknown) => readUrl(url, at)?.query.map((q) => q.key);
    const raw = "https://a.io/x?a%5B%5D=1&b+c=2";
    expect(keys(raw)).toEqual(["a[]", "b c"]);
    expect(
      keys({
        raw,
        host: ["a", "io"],
        path: ["x"],
        query: [
          { key: "a%5B%5D", value: "1" },
          { key: "b+c", value: "2" },
        ],
      }),
    ).toEqual(["a[]", "b c"]);
  });

  test("nothing usable is no URL", () => {
    expect(readUrl(7, at)).toBeUndefined();
    expect(readUrl({ query: [] }, at)).toBeUndefined();
  });
});
