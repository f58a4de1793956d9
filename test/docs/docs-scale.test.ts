import { describe, expect, it } from "vitest";
import { emitDocs } from "../../src/emit/docs/index.js";
import { emitOpenApi } from "../../src/emit/openapi/index.js";
import { bigModel } from "./big-model.js";
import docsPlugin from "../../src/emit/docs/plugin.js";
import { pluginContext } from "../emitted.js";

// Speed is measured by `npm run bench`, never by a timed test: these check the output at scale.
describe("docs and openapi.json at scale (string building, no formatter)", () => {
  it("handle 1,200 endpoints and keep the HTML page small enough to open", async () => {
    const model = bigModel(1200);
    const docs = await emitDocs(pluginContext(docsPlugin, model));
    const openapi = await emitOpenApi(model);
    const html = docs.find((f) => f.path === "docs/index.html")!.contents;
    // two budgets: the endpoints' part (with their links to the schemas), and the schemas
    // section (issue 12), whose size follows the schemas (600 here, ~30 properties each)
    const start = html.indexOf('<section id="schemas">');
    const section = html.slice(start, html.indexOf("</section>", start));
    expect(section.length).toBeGreaterThan(0);
    expect(
      (html.length - section.length) / model.endpoints.length,
    ).toBeLessThan(4600);
    expect(section.length / Object.keys(model.schemas).length).toBeLessThan(
      3500,
    );
    expect(openapi[0]!.contents.length).toBeGreaterThan(1_000_000);
  });

  it("handle a model the size of a 13 MB spec", async () => {
    const model = bigModel(5000, 1500);
    const openapi = await emitOpenApi(model);
    expect(openapi[0]!.contents.length).toBeGreaterThan(13_000_000);
    const docs = await emitDocs(pluginContext(docsPlugin, model));
    const index = docs.find((f) => f.path === "docs/index.md")!.contents;
    expect(
      index.split("\n").filter((line) => line.startsWith("| ")).length,
    ).toBeGreaterThan(1500);
  });
});
