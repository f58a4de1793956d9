import { describe, expect, it } from "vitest";
import { emitDocs } from "../../src/emit/docs/index.js";
import { emitOpenApi } from "../../src/emit/openapi/index.js";
import { bigModel } from "./big-model.js";

// Speed is measured by `npm run bench`, never by a timed test: these check the output at scale.
describe("docs and openapi.json at scale (string building, no formatter)", () => {
  it("handle 1,200 endpoints and keep the HTML page small enough to open", async () => {
    const model = bigModel(1200);
    const docs = await emitDocs(model, {});
    const openapi = await emitOpenApi(model, {});
    const html = docs.find((f) => f.path === "docs/index.html")!.contents;
    expect(html.length / model.endpoints.length).toBeLessThan(4500);
    expect(openapi[0]!.contents.length).toBeGreaterThan(1_000_000);
  });

  it("handle a model the size of a 13 MB spec", async () => {
    const model = bigModel(5000, 1500);
    const openapi = await emitOpenApi(model, {});
    expect(openapi[0]!.contents.length).toBeGreaterThan(13_000_000);
    const docs = await emitDocs(model, {});
    const index = docs.find((f) => f.path === "docs/index.md")!.contents;
    expect(
      index.split("\n").filter((line) => line.startsWith("| ")).length,
    ).toBeGreaterThan(1500);
  });
});
