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
