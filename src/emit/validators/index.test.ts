import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MediaContent, Parameter } from "../../model/types.js";
import { jsonSchemaOf, paramsSchema } from "./index.js";

describe("paramsSchema", () => {
  it("has a property per parameter, own and in order, whatever its name", () => {
    const param = (name: string, required = false) =>
      ({ name, required, schema: { title: name } }) as unknown as Parameter;
    const schema = paramsSchema([
      param("id", true),
      param("__proto__"),
      param("constructor", true),
      param("toString"),
    ]);
    const properties = schema.properties as Record<string, unknown>;
    expect(Object.keys(properties)).toEqual([
      "id",
      "__proto__",
      "constructor",
      "toString",
    ]);
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(properties["__proto__"]).toEqual({ title: "__proto__" });
    expect(schema.required).toEqual(["id", "constructor"]);
    expect(paramsSchema([param("a")])).toEqual({
      properties: { a: { title: "a" } },
    });
  });
});

describe("jsonSchemaOf", () => {
  /** The rule, asked of each media type afresh. */
  const isJson = (mediaType: string) =>
    /^application\/(?:[\w.+-]+\+)?json$/i.test(mediaType.split(";")[0]!.trim());

  it("takes the first JSON media type's schema, each type asked any number of times", () => {
    const mediaType = fc
      .tuple(
        fc.constantFrom(" ", ""),
        fc.constantFrom("application", "text", "APPLICATION"),
        fc.constantFrom("/json", "/JSON", "/vnd.github+json", "/jsonx", "/x+y"),
        fc.constantFrom("", "; charset=utf-8", " ;q=1", "+json"),
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.array(mediaType, { maxLength: 4 }), (types) => {
        const content = types.map(
          (mediaType, i) =>
            ({ mediaType, schema: { title: String(i) } }) as MediaContent,
        );
        const first = content.find((c) => isJson(c.mediaType));
        expect(jsonSchemaOf(content)).toBe(first?.schema);
        expect(jsonSchemaOf(content)).toBe(first?.schema);
      }),
      { numRuns: 500 },
    );
    expect(
      jsonSchemaOf([{ mediaType: "application/json" } as MediaContent]),
    ).toBeUndefined();
  });
});
