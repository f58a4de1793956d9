import { describe, expect, it } from "vitest";
import { emitDocs } from "../../src/emit/docs/index.js";
import { emitOpenApi } from "../../src/emit/openapi/index.js";
import { bigModel } from "./big-model.js";

async function timed<T>(run: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

describe("docs and openapi.json at scale (string building, no formatter)", () => {
  it("handle 1,200 endpoints quickly and keep the HTML page small enough to open", async () => {
    const model = bigModel(1200);
    const [docs, docsMs] = await timed(() => emitDocs(model, {}));
    const [openapi, openapiMs] = await timed(() => emitOpenApi(model, {}));
    expect(docsMs).toBeLessThan(4000);
    expect(openapiMs).toBeLessThan(2000);
    const html = docs.find((f) => f.path === "docs/index.html")!.contents;
    expect(html.length / model.endpoints.length).toBeLessThan(4500);
    expect(openapi[0]!.contents.length).toBeGreaterThan(1_000_000);
  });

  it("handle a model the size of a 13 MB spec in seconds", async () => {
    const model = bigModel(5000, 1500);
    const [openapi, openapiMs] = await timed(() => emitOpenApi(model, {}));
    expect(openapi[0]!.contents.length).toBeGreaterThan(13_000_000);
    expect(openapiMs).toBeLessThan(10_000);
    const [, docsMs] = await timed(() => emitDocs(model, {}));
    expect(docsMs).toBeLessThan(20_000);
  });
});
