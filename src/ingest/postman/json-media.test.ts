import { describe, expect, test } from "vitest";
import { loadModel } from "../../pipeline.js";

/** A collection of one POST whose raw body is `{"a":1}`, sent as `type`. */
const collection = (type: string) =>
  JSON.stringify({
    info: {
      name: "Media",
      schema: "https://schema.getpostman.com/json/collection/v2.1.0/",
    },
    item: [
      {
        name: "Send",
        request: {
          method: "POST",
          url: "https://api.example.com/things",
          header: [{ key: "Content-Type", value: type }],
          body: { mode: "raw", raw: '{"a":1}' },
        },
      },
    ],
  });

const bodyOf = (type: string) =>
  loadModel([{ file: "c.json", text: collection(type) }]).endpoints[0]!
    .requestBody!.content[0]!;

describe("which Postman bodies are JSON: the model's rule, as the generator's", () => {
  test.each([
    "application/json",
    "application/vnd.api+json",
    "application/problem+json; charset=utf-8",
    "model/gltf+json",
    "text/json",
  ])("%s: parsed, its schema inferred", (type) => {
    const body = bodyOf(type);
    expect(body.examples).toEqual([{ value: { a: 1 } }]);
    expect(body.schema).toMatchObject({ type: "object" });
  });

  test.each(["text/plain", "application/json-seq", "application/jsonl"])(
    "%s: kept as its text, as the generated client sends it",
    (type) => {
      const body = bodyOf(type);
      expect(body.examples).toEqual([{ value: '{"a":1}' }]);
    },
  );
});
