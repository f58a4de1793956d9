import { describe, expect, it } from "vitest";
import { buildModel } from "./merge/build.js";
import { shareEmpties } from "./lists.js";
import { resolveSerialization } from "./serialization.js";
import { at, doc, endpoint, param } from "../../test/support/model-builders.js";
import type { ParameterStyle } from "./types.js";

/** The same model as plain data: what every emitter reads of it. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe("shareEmpties", () => {
  it("replaces an endpoint's empty lists and extensions by shared frozen ones, and nothing else", () => {
    const a = endpoint("get", "/a", at("a.json", 1), {
      query: [param("q", "query", at("a.json", 2))],
      extensions: { "x-a": 1 },
    });
    a.responses = [
      { status: "204", description: "none", content: [], sources: [] },
    ];
    const b = endpoint("get", "/b/{id}", at("a.json", 3), {
      pathParams: [param("id", "path", at("a.json", 4))],
    });
    const before = plain([a, b]);
    const query = a.parameters.query;
    const extensions = a.extensions;
    shareEmpties(a);
    shareEmpties(b);
    expect(plain([a, b])).toEqual(before);
    // a list that holds something is kept as it was
    expect(a.parameters.query).toBe(query);
    expect(a.extensions).toBe(extensions);
    // every empty one is the same frozen list (record), which cannot be added to
    expect(a.parameters.path).toBe(b.parameters.query);
    expect(a.responses[0]!.content).toBe(b.tags);
    expect(b.extensions).toEqual({});
    expect(Object.isFrozen(b.parameters.cookie)).toBe(true);
    expect(Object.isFrozen(b.extensions)).toBe(true);
    expect(() => b.tags.push("t")).toThrow(TypeError);
    expect(() => {
      b.extensions["x-b"] = 1;
    }).toThrow(TypeError);
  });

  it("is applied by buildModel to every endpoint, the model's data unchanged", () => {
    const model = buildModel(
      [
        doc("a.json", "openapi3.0", [
          endpoint("get", "/a", at("a.json", 1)),
          endpoint("post", "/b", at("a.json", 5), {
            query: [param("q", "query", at("a.json", 6))],
            tags: ["t"],
          }),
        ]),
      ],
      [],
    );
    const [a, b] = model.endpoints;
    expect(a!.parameters.query).toBe(b!.parameters.header);
    expect(a!.tags).toBe(b!.parameters.cookie);
    expect(b!.tags).toEqual(["t"]);
    expect(b!.parameters.query.map((p) => p.name)).toEqual(["q"]);
  });
});

describe("resolveSerialization", () => {
  const styles: ParameterStyle[] = [
    "form",
    "simple",
    "label",
    "matrix",
    "spaceDelimited",
    "pipeDelimited",
    "deepObject",
  ];

  it("gives the rule's style and explode", () => {
    for (const style of styles)
      for (const explode of [undefined, false, true]) {
        const got = resolveSerialization("query", { style, explode });
        expect(got).toEqual({
          style,
          explode: explode ?? (style === "form" || style === "deepObject"),
        });
      }
    expect(resolveSerialization("path", {})).toEqual({
      style: "simple",
      explode: false,
    });
    expect(resolveSerialization("cookie", {})).toEqual({
      style: "form",
      explode: true,
    });
  });

  it("keeps a style it does not know, or an explode that is not a boolean, as declared", () => {
    const odd = { style: "tabDelimited" as ParameterStyle, explode: true };
    expect(resolveSerialization("query", odd)).toEqual(odd);
    const text = { style: "form" as const, explode: "yes" as never };
    expect(resolveSerialization("query", text)).toEqual(text);
  });
});
