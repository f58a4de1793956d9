import { rmSync } from "node:fs";
import { expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import { typeCheck, writeTree } from "../client/compile.js";
import { emitted } from "../emitted.js";

/*
 * An object schema with `properties` and a typed `additionalProperties` (openbankingproject's
 * `_links`: `self` declared, any other member a Link) has an index signature of the value's type
 * or a declared member's: code written for openapi-typescript, `links["next"]?.href`, compiles
 * against types.ts and paths.ts alike, under `strict` with and without exact optional types;
 * a value of another type, and a declared member of the wrong type, are refused.
 */

const link = { $ref: "#/components/schemas/Link" };
const spec = {
  openapi: "3.0.3",
  info: { title: "links", version: "1" },
  paths: {},
  components: {
    schemas: {
      Link: {
        type: "object",
        required: ["href"],
        properties: { href: { type: "string" } },
      },
      Links: {
        type: "object",
        properties: { self: link, first: link },
        additionalProperties: link,
      },
      Counted: {
        type: "object",
        required: ["count"],
        properties: { count: { type: "integer" } },
        additionalProperties: link,
      },
    },
  },
};

const USE = `import type { Counted, Links } from "./types.js";
import type { components } from "./paths.js";
type PathsLinks = components["schemas"]["Links"];

declare const links: Links;
declare const peerLinks: PathsLinks;
export const next: string | undefined = links["next"]?.href;
export const last: string | undefined = peerLinks["last"]?.href;
export const made: Counted = { count: 2, next: { href: "/b" } };
// @ts-expect-error a member that is neither a Link nor a declared member's type
export const wrong: Counted = { count: 2, next: "b" };
// @ts-expect-error a declared member of another type than its own
export const miscount: Counted = { count: "2" };
`;

it("types the index signature beside declared members, and it compiles under strict", async () => {
  const model = loadModel([{ file: "api.json", text: JSON.stringify(spec) }]);
  const files = Object.fromEntries(
    [...(await emitted("types", model)), ...(await emitted("paths", model))]
      .filter((f) => f.path === "types.ts" || f.path === "paths.ts")
      .map((f) => [f.path, f.contents]),
  );
  expect(files["types.ts"]).toContain("[key: string]: Link | undefined;");
  const dir = writeTree({ ...files, "use.ts": USE });
  try {
    expect(await typeCheck(dir)).toBe("");
    expect(await typeCheck(dir, { exactOptionalPropertyTypes: true })).toBe("");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
