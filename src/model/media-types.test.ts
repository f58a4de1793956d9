import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isJsonType as clientIsJson } from "../../templates/client/serialize.js";
import { isJsonType as serverIsJson } from "../../templates/server/runtime.js";
import { isJsonMediaType, JSON_MEDIA_TYPE } from "./media-types.js";

const TEMPLATES = join(import.meta.dirname, "../../templates");

/**
 * The oracle, written another way: split off the parameters, split type and subtype, check each
 * is an RFC 6838 token, then the subtype `json` (`application/json`, ASP.NET's `text/json`) or
 * a `+json` suffix (RFC 6839 §3.1).
 */
function reference(mediaType: string): boolean {
  const [essence = ""] = mediaType.trim().split(";");
  const parts = essence
    .replace(/[\t ]+$/, "")
    .toLowerCase()
    .split("/");
  if (parts.length !== 2) return false;
  const [type, subtype] = parts as [string, string];
  const token = /^[a-z0-9!#$&^_.+-]+$/;
  if (!token.test(type) || !token.test(subtype)) return false;
  return subtype === "json" || subtype.endsWith("+json");
}

const RULES = [
  ["model", isJsonMediaType],
  ["client runtime", clientIsJson],
  ["server runtime", serverIsJson],
] as const;

describe("which media types are JSON: one rule", () => {
  it.each([
    ["application/json", true],
    ["Application/JSON", true],
    ["application/json; charset=utf-8", true],
    ["application/json ;charset=utf-8", true],
    ["application/problem+json", true],
    ["application/vnd.api+json;v=1", true],
    ["application/json-patch+json", true],
    ["model/gltf+json", true],
    ["application/json-seq", false],
    ["application/geo+json-seq", false],
    ["application/jsonl", false],
    ["application/x-ndjson", false],
    ["application/json5", false],
    ["application/jsonpath", false],
    ["application/json-patch-query+json-seq", false],
    ["text/json", true],
    ["Text/JSON; charset=utf-8", true],
    ["text/jsonl", false],
    ["text/event-stream", false],
    ["text/plain; note=json", false],
    ["application/xml", false],
    ["", false],
  ])("%j is JSON: %s, in the generator and both runtimes", (type, json) => {
    expect(reference(type)).toBe(json);
    for (const [, rule] of RULES) expect(rule(type)).toBe(json);
  });

  it("agrees with the reference on random media types (fast-check)", () => {
    const piece = fc.constantFrom(
      "application",
      "text",
      "model",
      "json",
      "+json",
      "-seq",
      "seq",
      "l",
      "/",
      ";",
      " ",
      "\t",
      "vnd.",
      "+",
      "x",
      "=",
      "5",
      "*",
    );
    const mediaType = fc.array(piece, { maxLength: 8 }).map((p) => p.join(""));
    fc.assert(
      fc.property(mediaType, (type) => {
        // the runtimes read Content-Type as Headers give it: without surrounding blanks
        const trimmed = type.trim();
        for (const [, rule] of RULES)
          expect(rule(trimmed)).toBe(reference(trimmed));
      }),
      { numRuns: 2000, seed: 6839 },
    );
  });

  it("is written out in the runtime templates as the model's source text, once each", () => {
    const literal = `/${JSON_MEDIA_TYPE.source}/${JSON_MEDIA_TYPE.flags}`;
    const where: string[] = [];
    for (const dir of readdirSync(TEMPLATES)) {
      for (const file of readdirSync(join(TEMPLATES, dir))) {
        const text = readFileSync(join(TEMPLATES, dir, file), "utf8");
        if (text.includes(literal)) where.push(`${dir}/${file}`);
        // no second, different test of a JSON media type (`json\b`, `+)?json`…)
        expect(text.split(literal).join(""), `${dir}/${file}`).not.toMatch(
          /\)\??json|json\\b/,
        );
      }
    }
    expect(where.sort()).toEqual(["client/serialize.ts", "server/runtime.ts"]);
  });
});
