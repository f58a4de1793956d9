import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readProseAuth } from "./scopes-from-prose.js";

describe("readProseAuth", () => {
  it.each([
    [
      "Authentication required, with scope participate:conversation",
      true,
      ["participate:conversation"],
    ],
    [
      "The API returns the list Authentication required, with scope participate:conversation",
      true,
      ["participate:conversation"],
    ],
    [
      "Requires scopes read:jira-work and write:jira-work.",
      true,
      ["read:jira-work", "write:jira-work"],
    ],
    [
      "Post app configuration updates telling the.\n\nAuthentication required.",
      true,
      [],
    ],
    ["Send message to a user.", false, []],
    ["Change the scope of the search", false, []],
    [undefined, false, []],
  ])("%j", (text, required, scopes) => {
    expect(readProseAuth(text)).toEqual({ required, scopes });
  });
});

describe("readProseAuth's look for the word scope first", () => {
  it("reads what the scope phrase alone read, over texts with and without the word", () => {
    // the expressions of scopes-from-prose.ts, applied to every text as before the look
    const SCOPE = String.raw`[A-Za-z][\w.\-]*(?:[:/][\w.\-*]+)+|[A-Za-z][\w.\-]*`;
    const PHRASE = new RegExp(
      String.raw`\b(?:with|requires?|needs?|using)?\s*(?:the\s+)?(?:oauth\s*2(?:\.0)?\s+)?scopes?\s*[:=]?\s+((?:${SCOPE})(?:\s*(?:,|and|or|&)\s*(?:${SCOPE}))*)`,
      "gi",
    );
    const REQUIRED =
      /\bauthenticat(?:ion|ed)\s+(?:is\s+)?required\b|\brequires?\s+authentication\b/i;
    const before = (text: string) => {
      const scopes: string[] = [];
      for (const match of text.matchAll(PHRASE))
        for (const token of match[1]!.split(/\s*(?:,|\band\b|\bor\b|&)\s*/)) {
          const scope = token.trim().replace(/[.]+$/, "");
          if (scope !== "" && /[:/.]/.test(scope) && !scopes.includes(scope))
            scopes.push(scope);
        }
      return { required: scopes.length > 0 || REQUIRED.test(text), scopes };
    };
    const piece = fc.constantFrom(
      "scope",
      "Scopes",
      "SCOPE:",
      "ſcope",
      "scoPe=",
      "with the OAuth 2.0 scopes",
      "requires",
      "needs",
      "authentication required",
      "repo:status",
      "read:org",
      "user/email",
      "and",
      ",",
      "&",
      "or",
      "x.y",
      "é",
      ".",
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(piece, fc.constantFrom(" ", "", "\n")), {
          maxLength: 12,
        }),
        (parts) => {
          const text = parts.map(([p, sep]) => p + sep).join("");
          expect(readProseAuth(text)).toEqual(before(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
