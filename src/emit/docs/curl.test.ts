import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  serializeCookie,
  serializeHeader,
  serializePath,
  serializeQuery,
  type ParamStyle,
} from "../../../templates/client/serialize.js";
import type {
  CollectionFormat,
  Parameter,
  ParameterLocation,
  ParameterStyle,
} from "../../model/types.js";
import { curlExample, onWire } from "./curl.js";
import { parameterWireStyle } from "../shared/wire-style.js";
import { loadModel } from "../../pipeline.js";

/**
 * The docs' curl commands send a parameter's sample as the generated client does: the client's
 * serializer (templates/client/serialize.ts, itself held to OpenAPI's style table by
 * test/conformance/style-table.test.ts) is the oracle, on random styles and values.
 */
const STYLES: Record<ParameterLocation, (ParameterStyle | undefined)[]> = {
  path: [undefined, "simple", "label", "matrix"],
  query: [undefined, "form", "spaceDelimited", "pipeDelimited", "deepObject"],
  header: [undefined, "simple"],
  cookie: [undefined, "form"],
};

const text = fc.string({
  unit: fc.constantFrom(..."a1 ,.;=&?/#[]%!'()*:@$+\"é😀\n"),
  maxLength: 6,
});
const scalar = fc.oneof(text, fc.integer(), fc.boolean());
const member = fc.oneof(scalar, fc.constant(null));
const value = fc.oneof(
  scalar,
  fc.array(member, { maxLength: 4 }),
  fc.dictionary(text, member, { maxKeys: 4 }),
  // deepObject's nesting
  fc.dictionary(text, fc.dictionary(text, fc.array(scalar)), { maxKeys: 2 }),
);

const parameter: fc.Arbitrary<Parameter> = fc
  .constantFrom<ParameterLocation>("path", "query", "header", "cookie")
  .chain((location) =>
    fc.record({
      name: text,
      in: fc.constant(location),
      required: fc.constant(true),
      style: fc.constantFrom(...STYLES[location]),
      explode: fc.option(fc.boolean(), { nil: undefined }),
      allowReserved: fc.option(fc.constant(location !== "header"), {
        nil: undefined,
      }),
      // Swagger 2.0's delimiters outside the query (there they are styles)
      collectionFormat: fc.constantFrom<CollectionFormat | undefined>(
        ...(location === "query" ? [] : (["ssv", "tsv", "pipes"] as const)),
        undefined,
      ),
      contentType: fc.constantFrom(
        undefined,
        undefined,
        "application/json",
        "text/plain",
      ),
      sources: fc.constant([] as Parameter["sources"]),
    }),
  )
  .map((p) => {
    const out: Parameter = { ...p };
    for (const k of Object.keys(out) as (keyof Parameter)[])
      if (out[k] === undefined) delete out[k];
    return out;
  });

function clientSends(p: Parameter, v: unknown): string[] {
  const how = parameterWireStyle(p) as ParamStyle;
  if (p.in === "path") return [serializePath(p.name, v, how)];
  if (p.in === "query") return serializeQuery(p.name, v, how);
  if (p.in === "cookie") return serializeCookie(p.name, v, how);
  return [serializeHeader(v, how)!];
}

describe("curl examples' parameters", () => {
  it("are what the generated client sends (fast-check, the client's serializer the oracle)", () => {
    fc.assert(
      fc.property(parameter, value, (p, v) => {
        const array = Array.isArray(v);
        // a delimiter is an array's; a content parameter's value is one text
        fc.pre(array || p.collectionFormat === undefined);
        // a reserved path value the client refuses (an empty segment) has no wire text
        let sent: string[] = [];
        try {
          sent = clientSends(p, v);
        } catch {
          fc.pre(false);
        }
        expect(onWire(p, v)).toEqual(sent);
      }),
      { seed: 20261130, numRuns: 3000 },
    );
  });

  it("put a list or an object in the URL, the header and the cookie as styled", () => {
    const p = (name: string, where: string, more: object) => ({
      name,
      in: where,
      required: true,
      schema: { type: "array", items: { type: "string" } },
      ...more,
    });
    const object = { schema: { type: "object" } };
    const spec = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/items/{id}": {
          get: {
            parameters: [
              p("id", "path", {
                style: "label",
                explode: true,
                example: ["a", "b"],
              }),
              p("ids", "query", { example: ["a b", "c"] }),
              p("f", "query", {
                ...object,
                style: "deepObject",
                example: { c: "red" },
              }),
              p("tags", "query", { explode: false, example: ["x", "y"] }),
              // the list's wire text as its example (Twitter's usernames)
              p("by", "query", { explode: false, example: "Dev,API" }),
              p("X-Ids", "header", { example: [1, 2] }),
              p("c", "cookie", { ...object, example: { k: "v", n: 1 } }),
            ],
            responses: { "200": { description: "ok" } },
          },
        },
      },
    };
    const model = loadModel([{ file: "s.json", text: JSON.stringify(spec) }]);
    expect(curlExample(model.endpoints[0]!, model, "https://h")).toBe(
      "curl -g 'https://h/items/.a.b?ids=a%20b&ids=c&f[c]=red&tags=x,y&by=Dev,API' \\\n" +
        "  -H 'X-Ids: 1,2' \\\n" +
        "  -b 'k=v; n=1'",
    );
  });

  it("send a lone surrogate (spec text, no UTF-8 has it) as U+FFFD, not an exception", () => {
    const spec = {
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: {
        "/x": {
          get: {
            security: [{ k: [] }],
            parameters: [
              { name: "q", in: "query", required: true, example: "a\ud800" },
            ],
            responses: { "200": { description: "ok" } },
          },
        },
      },
      components: {
        securitySchemes: { k: { type: "apiKey", in: "query", name: "\udc00" } },
      },
    };
    const model = loadModel([{ file: "s.json", text: JSON.stringify(spec) }]);
    expect(curlExample(model.endpoints[0]!, model, "https://h")).toBe(
      "curl 'https://h/x?q=a%EF%BF%BD&%EF%BF%BD='\"$API_KEY\"",
    );
  });
});
