/*
 * Request body encodings as the client writes them (templates/client/serialize.ts): what the
 * Encoding Object asks for must be on the wire, byte for byte where the specification says.
 */
import { describe, expect, test } from "vitest";
import { serializeForm } from "../../templates/client/serialize.js";
import { formFields, typedParts } from "../../templates/server/params.js";

describe("application/x-www-form-urlencoded with encodings", () => {
  const body = {
    name: "a b&c",
    deep: { R: 1, G: 2 },
    tags: ["x,y", "z"],
    meta: { note: "é" },
    plain: ["p", "q"],
  };
  const encoding = {
    deep: { style: "deepObject" as const },
    tags: { explode: false },
    meta: { contentType: "application/json" },
  };

  test("each field is written by its style; the others as before (repeat, JSON)", () => {
    expect(
      serializeForm(body, "application/x-www-form-urlencoded", encoding),
    ).toBe(
      "name=a%20b%26c&deep[R]=1&deep[G]=2&tags=x%2Cy,z" +
        "&meta=%7B%22note%22%3A%22%C3%A9%22%7D&plain=p&plain=q",
    );
  });

  test("the server reads it back, typed where the field is described", () => {
    const text = serializeForm(
      body,
      "application/x-www-form-urlencoded",
      encoding,
    ) as string;
    expect(
      formFields(text, [
        {
          name: "deep",
          in: "query",
          required: false,
          type: "string",
          style: "deepObject",
          properties: { R: "integer", G: "integer" },
        },
        {
          name: "tags",
          in: "query",
          required: false,
          type: "string",
          array: true,
          explode: false,
        },
        {
          name: "meta",
          in: "query",
          required: false,
          type: "string",
          contentType: "application/json",
        },
      ]),
    ).toEqual(body);
  });

  test("a field that is not its type is a 400 naming the body field, not a query parameter", () => {
    expect(() =>
      formFields("n=abc", [
        {
          name: "n",
          in: "query",
          required: false,
          type: "integer",
          field: true,
        },
      ]),
    ).toThrow(/^body field "n" must be an integer$/);
  });
});

describe("multipart/form-data with encodings", () => {
  test("parts carry their Content-Type and the headers the encoding fixes", async () => {
    const blob = serializeForm(
      { meta: { title: "t" }, file: new Blob(["bytes"]), note: "n" },
      "multipart/form-data",
      {
        meta: { contentType: "application/json" },
        file: {
          contentType: "text/plain",
          headers: { "X-Part": "attachment" },
        },
      },
    ) as Blob;
    const boundary = /boundary=(.+)$/.exec(blob.type)![1]!;
    expect(blob.type).toBe(`multipart/form-data; boundary=${boundary}`);
    const text = await blob.text();
    expect(text).toBe(
      [
        `--${boundary}`,
        'Content-Disposition: form-data; name="meta"',
        "Content-Type: application/json",
        "",
        '{"title":"t"}',
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="blob"',
        "Content-Type: text/plain",
        "X-Part: attachment",
        "",
        "bytes",
        `--${boundary}`,
        'Content-Disposition: form-data; name="note"',
        "",
        "n",
        `--${boundary}--`,
        "",
      ].join("\r\n"),
    );
    // the platform's multipart parser reads it, and the server parses the JSON part
    const form = await new Response(blob).formData();
    const parts = Object.fromEntries(
      ["meta", "file", "note"].map((name) => [name, form.get(name)]),
    );
    const parsed = await typedParts(parts, [
      {
        name: "meta",
        in: "query",
        required: false,
        type: "string",
        contentType: "application/json",
      },
    ]);
    expect(parsed.meta).toEqual({ title: "t" });
    expect(parsed.note).toBe("n");
  });

  // ReadMe's parameters-style.json (@readme/oas-examples): an object field whose Encoding Object
  // has a style (OpenAPI 3.1.1: then contentType is ignored) went as a JSON part, which the
  // server reads by the style: mangled (form, explode false), dropped (form exploded,
  // deepObject) or refused (pipeDelimited), with the same client and server on either side
  test.each([
    [{ style: "form" as const, explode: true }, ["foo", "bar"]],
    [{ style: "form" as const, explode: false }, ["object"]],
    [
      { style: "deepObject" as const, explode: true },
      ["object[foo]", "object[bar]"],
    ],
    [{ style: "pipeDelimited" as const, explode: false }, ["object"]],
    [{ style: "spaceDelimited" as const, explode: false }, ["object"]],
  ])(
    "an object field styled %o goes as its style's text parts, read back whole",
    async (how, names) => {
      const object = { foo: "blue", bar: "x;y=é&z" };
      const blob = serializeForm({ object, n: "1" }, "multipart/form-data", {
        object: how,
      }) as Blob;
      const form = await new Response(blob).formData();
      expect([...form.keys()]).toEqual([...names, "n"]);
      expect([...form.values()].every((v) => typeof v === "string")).toBe(true);
      const parts = Object.fromEntries(
        [...form.keys()].map((k) => [k, form.get(k)]),
      );
      const spec = {
        name: "object",
        in: "query" as const,
        required: false,
        type: "string" as const,
        properties: { foo: "string" as const, bar: "string" as const },
        field: true,
        ...how,
      };
      expect(await typedParts(parts, [spec])).toEqual({ object, n: "1" });
    },
  );

  test("without encodings the runtime's own rules apply (FormData)", () => {
    expect(
      serializeForm({ a: "1" }, "multipart/form-data", undefined),
    ).toBeUndefined();
  });
});
