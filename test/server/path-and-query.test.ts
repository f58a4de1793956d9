import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pathAndQuery } from "../../templates/server/listener.js";

// The fetch dispatcher (and the Hono adapter) reads a request's path and query off the URL as
// `Request.url` serializes it, without parsing the URL again: what `new URL(url)` gives as
// `pathname + search` is the oracle, on URLs as the URL standard serializes them (an empty
// query aside, which the dispatcher reads as none).
describe("a Request's path and query", () => {
  const same = (url: string) => {
    const { pathname, search } = new URL(url);
    const got = pathAndQuery(url);
    // `?` alone: an empty query, which URL's `search` leaves out
    expect(search === "" && got === `${pathname}?` ? pathname : got).toBe(
      pathname + search,
    );
  };

  it("is new URL's pathname and search (fast-check)", () => {
    const char = fc.constantFrom(
      "a",
      "/",
      "?",
      "#",
      "%20",
      "=",
      "&",
      ":",
      "@",
      "é",
      " ",
      ".",
    );
    const text = fc.array(char, { maxLength: 12 }).map((c) => c.join(""));
    fc.assert(
      fc.property(
        fc.constantFrom("http", "https"),
        fc.constantFrom(
          "h",
          "u:p@h",
          "h:8080",
          "[::1]:1",
          "xn--bcher-kva.example",
        ),
        text,
        (scheme, host, rest) =>
          same(new URL(`${scheme}://${host}/${rest}`).href),
      ),
    );
  });

  it("reads URLs of other schemes, or without a path, as new URL does", () => {
    for (const url of [
      "http://h",
      "http://h?q=1",
      "http://h?q=/x",
      "http://h#/x?y",
      "http://h#f",
      "https://h/a/b?c=d#e?f",
      "file:///a/b?c",
      "x:y?z",
    ])
      same(url);
  });
});
