import { describe, expect, it } from "vitest";
import { hostileModel } from "../../../test/docs/hostile-model.js";
import { ARTIFACT_PATHS } from "../registry.js";
import type { TextOut } from "../toolkit.js";
import { loadDocsTemplates, docsHelpers } from "./templates.js";
import { buildDocsView } from "./view.js";

describe("apiloom's own docs pages, given where to write", () => {
  it("write the text they return without it, piece by piece, and return nothing", async () => {
    const v = buildDocsView(hostileModel(), { paths: ARTIFACT_PATHS });
    const { markdown, html, assets } = await loadDocsTemplates();
    const pages: [string, (to?: TextOut) => string][] = [
      ["index.md", (to) => markdown.indexPage(v, docsHelpers, to)],
      ["tag", (to) => markdown.tagPage(v, v.tags[0]!, docsHelpers, to)],
      ["schemas.md", (to) => markdown.schemasPage(v, docsHelpers, to)],
      ["diagnostics.md", (to) => markdown.diagnosticsPage(v, docsHelpers, to)],
      ["webhooks.md", (to) => markdown.webhooksPage!(v, docsHelpers, to)],
      ["index.html", (to) => html.htmlPage(v, docsHelpers, assets, to)],
    ];
    for (const [name, page] of pages) {
      const pieces: string[] = [];
      expect(page({ write: (piece) => pieces.push(piece) }), name).toBe("");
      const whole = page();
      expect(pieces.join(""), name).toBe(whole);
      // never the whole page at once
      expect(pieces.length, name).toBeGreaterThan(2);
      expect(pieces, name).not.toContain(whole);
    }
  });
});
