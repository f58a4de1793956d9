import { describe, expect, it } from "vitest";
import { withSpec } from "./harness.js";

/*
 * A summary over 120 characters is cut for the tool's title: cut by UTF-16 code units, an emoji
 * (a surrogate pair) at the cut left half of itself, a lone surrogate, in the title an MCP
 * client shows. Found by the held-out hunt's check of the tools' texts.
 */
const SUMMARY = `${"a".repeat(118)}\u{1F600} and more after the emoji`;
const SPEC = JSON.stringify({
  openapi: "3.0.3",
  info: { title: "Titles", version: "1" },
  paths: {
    "/a": {
      get: {
        operationId: "getA",
        summary: SUMMARY,
        responses: { "200": { description: "ok" } },
      },
    },
  },
});

const run = withSpec("long-titles", SPEC);

describe("a tool's title cut from a long summary", () => {
  it("is whole characters: no half of a surrogate pair", () =>
    run(async (server) => {
      const [tool] = (await server.client.listTools()).tools;
      expect(tool!.title).toBe(`${"a".repeat(118)}…`);
      expect(tool!.description).toContain(SUMMARY);
    }));
});
