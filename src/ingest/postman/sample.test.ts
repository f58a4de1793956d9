import { describe, expect, test } from "vitest";
import { readText } from "../../../test/fixtures/postman/read-fixture.js";
import { MAX_INFERRED_CHARS, MAX_SAMPLE_CHARS } from "./sample.js";

// Issue 41 item 7: a long body is not copied whole into the output (the OpenAPI document and the
// docs each carry its example): a text example keeps its start, a JSON body past the example
// bound gives its schema only, and past the inference bound is not parsed at all.
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ",");

describe("long Postman bodies", () => {
  const text = "ab".repeat(MAX_SAMPLE_CHARS); // twice the bound
  // a surrogate pair astride the bound: the cut keeps neither half
  const astride = "x".repeat(MAX_SAMPLE_CHARS - 1) + "😀" + "y".repeat(10);
  const json = JSON.stringify({
    items: Array.from({ length: 5000 }, (_, id) => ({ id, name: `n${id}` })),
  });
  const huge = JSON.stringify({ data: "z".repeat(MAX_INFERRED_CHARS) });
  const request = (name: string, type: string, raw: string) => ({
    name,
    request: {
      method: "POST",
      header: [{ key: "Content-Type", value: type }],
      url: `https://api.example.com/${name}`,
      body: { mode: "raw", raw },
    },
    response: [
      {
        name: "saved",
        code: 200,
        header: [{ key: "Content-Type", value: type }],
        body: raw,
      },
    ],
  });
  const source = JSON.stringify(
    {
      info: {
        name: "Long",
        schema: "https://schema.getpostman.com/json/collection/v2.1.0/",
      },
      item: [
        request("text", "text/plain", text),
        request("astride", "text/plain", astride),
        request("json", "application/json", json),
        request("huge", "application/json", huge),
        request("short", "application/json", '{"a": 1}'),
      ],
    },
    null,
    2,
  );
  const read = readText("long.json", source);
  const body = (name: string) => read.endpoint(name).requestBody!.content[0]!;
  const saved = (name: string) =>
    read.endpoint(name).responses.find((r) => r.status === "200")!.content[0]!;
  const warnings = read.diagnostics
    .filter((d) => d.code === "postman/large-body")
    .map((d) => `${d.line} ${d.message}`);

  test("a text example keeps its first 65,536 characters, with a summary saying so", () => {
    for (const content of [body("text"), saved("text")])
      expect(content.examples).toEqual([
        {
          ...(content === saved("text") ? { name: "saved" } : {}),
          value: text.slice(0, MAX_SAMPLE_CHARS),
          summary: "the first 65,536 of 131,072 characters",
        },
      ]);
    const cut = body("astride").examples![0]!.value as string;
    expect(cut).toBe("x".repeat(MAX_SAMPLE_CHARS - 1));
  });

  test("a JSON body over the example bound gives its schema and no example", () => {
    expect(json.length).toBeGreaterThan(MAX_SAMPLE_CHARS);
    for (const content of [body("json"), saved("json")]) {
      expect(content.examples).toBeUndefined();
      expect(content.schema).toMatchObject({
        type: "object",
        properties: {
          items: {
            type: "array",
            items: { type: "object", properties: { id: { type: "integer" } } },
          },
        },
      });
    }
  });

  test("a JSON body over the inference bound is not parsed: no schema, no example", () => {
    expect(body("huge")).toEqual({ mediaType: "application/json" });
    expect(saved("huge")).toEqual({ mediaType: "application/json" });
  });

  test("each cut is a warning at the body's line; a short body is whole and says nothing", () => {
    expect(body("short").examples).toEqual([{ value: { a: 1 } }]);
    const at = (needle: string) =>
      source.split("\n").findIndex((l) => l.includes(needle)) + 1;
    // saved responses are read before the request body: compared in any order
    expect(warnings.sort()).toEqual(
      [
        `${at('"raw": "abab')} the raw body is 131,072 characters: its example keeps the first 65,536 of 131,072 characters`,
        `${at('"body": "abab')} the saved response's body is 131,072 characters: its example keeps the first 65,536 of 131,072 characters`,
        `${at('"raw": "xxx')} the raw body is 65,547 characters: its example keeps the first 65,535 of 65,547 characters`,
        `${at('"body": "xxx')} the saved response's body is 65,547 characters: its example keeps the first 65,535 of 65,547 characters`,
        `${at('"raw": "{\\"items')} the application/json body is ${grouped(json.length)} characters, more than the 65,536 an example keeps: its schema is inferred from it, and it is no example`,
        `${at('"body": "{\\"items')} the saved response's body is ${grouped(json.length)} characters, more than the 65,536 an example keeps: its schema is inferred from it, and it is no example`,
        `${at('"raw": "{\\"data')} the application/json body is 4,194,315 characters, more than the 4,194,304 a schema is inferred from: it is kept without a schema or an example`,
        `${at('"body": "{\\"data')} the saved response's body is 4,194,315 characters, more than the 4,194,304 a schema is inferred from: it is kept without a schema or an example`,
      ].sort(),
    );
  });
});
