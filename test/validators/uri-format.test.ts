import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fullFormats } from "ajv-formats/dist/formats.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backtracking } from "../../src/model/patterns/ambiguity.js";
import { isUri } from "../../templates/validators/formats.js";

/*
 * The validators' `uri` format (templates/validators/formats.ts) is ajv-formats' `uri` taken
 * apart: the delimiters found with indexOf, each piece checked by an anchored expression. The
 * oracles: ajv-formats' own expression (which our ReDoS analyzer cannot prove safe) must give
 * the same answer on every text, and the analyzer must prove each piece safe, so that the check
 * takes time linear in the text, whatever it is. Where ajv-formats' expression lets `//` start a
 * path (`\/?\/`: a "/" and an empty authority, so "http://x:8a" passed), it is read as RFC 3986
 * §3.3 and the JSON Schema Test Suite have it: `//` starts an authority.
 */
const AJV_URI = /const URI = (\/.+\/i);/.exec(
  readFileSync(
    resolve(
      import.meta.dirname,
      "../../node_modules/ajv-formats/dist/formats.js",
    ),
    "utf8",
  ),
)![1]!;
const ajvLax = fullFormats.uri as (s: string) => boolean;
const ajvUriRe = new RegExp(
  AJV_URI.slice(1, -2).replace("\\/?\\/", "\\/\\/"),
  "i",
);
const ajvUri = (s: string) => ajvUriRe.test(s);

const SOURCE = readFileSync(
  resolve(import.meta.dirname, "../../templates/validators/formats.ts"),
  "utf8",
);

/** Every `const URI_… = /…/flags;` of formats.ts: its source and flags. */
const PIECES = [
  ...SOURCE.matchAll(/^const (URI_\w+) =\s*\/(.+)\/([a-z]*);$/gm),
].map((m) => ({ name: m[1]!, source: m[2]!, flags: m[3]! }));

/** Characters a URI is made of, its delimiters, look-alikes and a few it may not hold. */
const CHAR = fc.constantFrom(
  ..."aZv09fF:/?#[]@!$&'()*+,;=-._~%% \"<>\\^`{|}éſKV.1:2"
    .split("")
    .concat(["%2f", "%4", "%g1", "::", "//", "[::1]", "[v1.x]", "\u{1F600}"]),
);

/** Texts shaped like URIs, so that valid and nearly valid ones come often. */
const URIISH = fc
  .tuple(
    fc.constantFrom("http", "a+b.c-d", "1x", "", "S", "ſ"),
    fc.constantFrom(":", ":/", "://", ":///", "", "::"),
    fc.option(fc.string({ unit: CHAR, maxLength: 6 }).map((u) => u + "@")),
    fc.constantFrom(
      "example.com",
      "127.0.0.1",
      "[::1]",
      "[2001:db8::7]",
      "[::ffff:192.0.2.1]",
      "[v7.abc:d]",
      "[V1.]",
      "[1:2:3:4:5:6:7:8]",
      "[::1",
      "",
      "x%41y",
      "a b",
    ),
    fc.constantFrom("", ":", ":80", ":8a", "::1"),
    fc.string({ unit: CHAR, maxLength: 12 }),
  )
  .map((parts) => parts.map((p) => p ?? "").join(""));

describe("the uri format", () => {
  it("has pieces, each an anchored expression the ReDoS analyzer proves safe", () => {
    expect(PIECES.map((p) => p.name).sort()).toEqual([
      "URI_IPV6",
      "URI_IP_FUTURE",
      "URI_PATH",
      "URI_PORT",
      "URI_QUERY",
      "URI_REG_NAME",
      "URI_SCHEME",
      "URI_USERINFO",
    ]);
    for (const piece of PIECES) {
      // no flag: the analyzer reads the classes as they are, no case folding to add
      expect(piece.flags, piece.name).toBe("");
      expect(backtracking(piece.source) === "linear", piece.name).toBe(true);
    }
    // not vacuous: ajv-formats' one expression is not proven
    expect(backtracking(AJV_URI.slice(1, -2)) === "linear").toBe(false);
    expect(ajvUriRe.source).not.toBe(AJV_URI.slice(1, -2));
  });

  it("tries the common shape first, an expression the analyzer proves safe, that only accepts URIs", () => {
    const plain = /^const PLAIN_URI =\s*\/(.+)\/([a-z]*);$/m.exec(SOURCE)!;
    expect(plain[2]).toBe("");
    expect(backtracking(plain[1]!) === "linear").toBe(true);
    const shape = new RegExp(plain[1]!);
    for (const s of [
      "https://api.github.com/repos/octocat/Hello-World",
      "http://x:8080/a//b;c=d",
      "a+b.c-d://",
    ])
      expect(shape.test(s), s).toBe(true);
    // what it accepts, ajv-formats accepts (and isUri, compared with it below)
    let hits = 0;
    const plainish = fc
      .tuple(
        fc.constantFrom("http", "a+b", "x-1.", "H", "1x"),
        fc.string({
          unit: fc.constantFrom(..."aZ09-._~!$&'()*+,;=:@/%?#[] ".split("")),
          maxLength: 30,
        }),
      )
      .map(([scheme, rest]) => `${scheme}://${rest}`);
    fc.assert(
      fc.property(fc.oneof(URIISH, plainish), (s) => {
        if (!shape.test(s)) return;
        hits++;
        expect(ajvUri(s), JSON.stringify(s)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    expect(hits).toBeGreaterThan(1000);
  });

  it("answers as ajv-formats' uri does, on URI-shaped texts and on any text", () => {
    const agree = (s: string) => {
      expect(isUri(s), JSON.stringify(s)).toBe(ajvUri(s));
    };
    fc.assert(fc.property(URIISH, agree), { numRuns: 20_000 });
    fc.assert(fc.property(fc.string({ unit: CHAR, maxLength: 30 }), agree), {
      numRuns: 20_000,
    });
    fc.assert(fc.property(fc.string({ unit: "binary" }), agree), {
      numRuns: 2_000,
    });
  });

  it("takes each kind of URI as ajv-formats does, but `//` always starts an authority (RFC 3986 §3.3)", () => {
    const valid = [
      "http://example.com/a/b?c=d#e",
      "https://user:pa%20ss@[2001:db8::1]:8443/p",
      "file:///etc/hosts",
      "mailto:someone@example.com",
      "urn:isbn:0451450523",
      "a:/b",
      "x://[v1.fe]",
      "HTTP://EXAMPLE.COM",
      "http://a.com:",
      "http://:80",
    ];
    const invalid = [
      "",
      "example.com",
      "1http://x",
      "http:",
      "http://a b",
      "http://[::1",
      "http://[::1]:8a",
      "http://a@[b]",
      "http://x/%zz",
      "http://x/#a#b",
      "ht tp://x",
      // no authority is "a@b@c", "x:8a", "[::1" or empty after a single "/"
      "http://a@b@c",
      "http://x:8a",
      "http://example.com:abc/path",
      "a:/[::1]",
    ];
    for (const s of valid) expect(isUri(s), s).toBe(true);
    for (const s of invalid) expect(isUri(s), s).toBe(false);
    for (const s of [...valid, ...invalid]) expect(ajvUri(s), s).toBe(isUri(s));
    // ajv-formats' own expression took the last four
    expect(invalid.filter(ajvLax)).toEqual(invalid.slice(-4));
  });
});
