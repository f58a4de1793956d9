import { describe, expect, it } from "vitest";
import { checkRemote, headersFor, remoteSettings } from "./remote-settings.js";

describe("the remote settings", () => {
  const problems = (value: unknown) => {
    const found: string[] = [];
    checkRemote(value, { path: ["remote"], shown: "remote" }, (w, text) =>
      found.push(`${w.shown}${text}`),
    );
    return found;
  };

  it("checks origins, header names and values", () => {
    expect(
      problems({
        timeout: 0,
        maxRedirects: 1.5,
        headers: {
          "https://api.example.com/v1": { "Bad Name": "x" },
          "https://ok.example.com": {
            A: "line\nbreak",
            B: { env: "lower-case-not-ok" },
            C: { env: "TOKEN", prefix: "Bearer " },
            D: { env: "TOKEN", prefix: "Bearer\u0007" },
          },
        },
        retries: 3,
      }),
    ).toEqual([
      "remote.timeout must be a number of seconds above 0 and at most 2147483 (24.8 days)",
      "remote.maxRedirects must be a whole number from 0 to 20",
      'remote.headers["https://api.example.com/v1"] must be an origin, written as "https://api.example.com" (scheme, host and port; no path, no trailing slash)',
      'remote.headers["https://api.example.com/v1"]["Bad Name"]: not a header name',
      'remote.headers["https://ok.example.com"]["A"] must not hold a character a header cannot carry (a line break, a control character)',
      'remote.headers["https://ok.example.com"]["B"] must be a string or { env: "VARIABLE_NAME", prefix?: "Bearer " }',
      'remote.headers["https://ok.example.com"]["D"] must not hold a character a header cannot carry (a line break, a control character)',
      'remote: unknown option "retries" (known: headers, timeout, maxRedirects, watchInterval, sha256, lock)',
    ]);
  });

  it("checks pins: an http(s) URL without user info to 64 hex digits, and lock a boolean", () => {
    const hex = "ab".repeat(32);
    expect(
      problems({
        sha256: {
          "https://api.example.com/openapi.json": hex.toUpperCase(),
          "specs/a.yaml": hex,
          "https://user:secret@api.example.com/x.yaml": hex,
          "https://api.example.com/short.json": "abc",
        },
        lock: "yes",
      }),
    ).toEqual([
      'remote.sha256["specs/a.yaml"]: it is not an http or https URL',
      'remote.sha256["https://***@api.example.com/x.yaml"]: the URL "https://***@api.example.com/x.yaml" holds a user name or password, which would be written wherever the URL is shown; give the credential as a header from an environment variable (config: remote.headers)',
      'remote.sha256["https://api.example.com/short.json"] must be a sha256 as 64 hex digits',
      "remote.lock must be true or false",
    ]);
    expect(
      remoteSettings(
        { sha256: { "https://a.example/x": hex.toUpperCase() } },
        {},
      ).sha256,
    ).toEqual({ "https://a.example/x": hex });
  });

  it("holds its times to what a timer holds: 24.8 days (Node runs a longer setTimeout at once)", () => {
    expect(problems({ timeout: 2_147_483, watchInterval: 0.5 })).toEqual([]);
    expect(problems({ timeout: 3_000_000, watchInterval: Infinity })).toEqual([
      "remote.timeout must be a number of seconds above 0 and at most 2147483 (24.8 days)",
      "remote.watchInterval must be a number of seconds above 0 and at most 2147483 (24.8 days)",
    ]);
  });

  it("reads a header's value from the environment, for its origin only, and names no value", () => {
    const settings = remoteSettings(
      {
        headers: {
          "https://api.example.com": {
            Authorization: { env: "TOKEN", prefix: "Bearer " },
            Accept: "application/yaml",
          },
        },
      },
      {},
    );
    expect(
      headersFor(settings, "https://api.example.com", { TOKEN: "t0k" }),
    ).toEqual({ Authorization: "Bearer t0k", Accept: "application/yaml" });
    expect(
      headersFor(settings, "https://other.example.com", { TOKEN: "t0k" }),
    ).toEqual({});
    expect(() => headersFor(settings, "https://api.example.com", {})).toThrow(
      'remote.headers["https://api.example.com"]["Authorization"] reads the environment variable TOKEN, which is not set',
    );
    expect(() =>
      headersFor(settings, "https://api.example.com", { TOKEN: "a\r\nX: y" }),
    ).toThrow(
      /^the environment variable TOKEN \(header Authorization for https:\/\/api.example.com\) holds a character a header cannot carry \(a line break, a control character\)$/,
    );
    // Node refuses to send these: the run read the cached copy as if the server gave no answer
    for (const TOKEN of ["a\u0001b", "tab\u007f", "euro \u20ac"])
      expect(() =>
        headersFor(settings, "https://api.example.com", { TOKEN }),
      ).toThrow(
        /holds a character a header cannot carry \(a line break, a control character\)$/,
      );
  });
});
