import { describe, expect, it } from "vitest";
import { canonical } from "../ingest/reader.js";
import { canonicalJson, tagOrder } from "./order.js";
import type { Endpoint } from "./types.js";

describe("canonicalJson", () => {
  it("gives equal values equal text, whatever their key order or undefined members", () => {
    const a = { b: [1, { y: "2", x: null }], a: true, c: undefined };
    const b = { a: true, b: [1, { x: null, y: "2" }] };
    expect(canonicalJson(a)).toBe('{"a":true,"b":[1,{"x":null,"y":"2"}]}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
  });

  it("is the ingest's canonical text too (an overlay's unique actions, a Postman auth's identity)", () => {
    const value = {
      type: "oauth2",
      flows: { implicit: { refreshUrl: undefined } },
    };
    expect(canonical(value)).toBe('{"flows":{"implicit":{}},"type":"oauth2"}');
    expect(canonical([undefined])).toBe("[null]");
  });
});

describe("tagOrder", () => {
  it("lists declared tags once in model order, then the others endpoints name, sorted", () => {
    const tag = (name: string) => ({ name });
    const endpoint = (...tags: string[]) => ({ tags }) as Endpoint;
    expect(
      tagOrder(
        [tag("pets"), tag("admin"), tag("pets")],
        [endpoint("zoo", "pets"), endpoint("Zebra", "admin"), endpoint("zoo")],
      ),
    ).toEqual(["pets", "admin", "Zebra", "zoo"]);
  });
});
