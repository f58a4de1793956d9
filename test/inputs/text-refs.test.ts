import { fileURLToPath } from "node:url";
import { bundle, createConfig } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { ingestFiles } from "../../src/ingest/index.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SPEC = "test/fixtures/openapi3/text-refs/openapi.yaml";

describe("a description that is a $ref to a Markdown file (Redocly's openapi-starter)", () => {
  it("reads the file's text, as Redocly's bundle does", async () => {
    const { documents, diagnostics } = ingestFiles([SPEC], { cwd: ROOT });
    expect(diagnostics).toEqual([]);
    const doc = documents[0]!;
    const redocly = (
      await bundle({ ref: ROOT + SPEC, config: await createConfig({}) })
    ).bundle.parsed;
    expect(doc.info.description).toBe(redocly.info.description);
    expect(doc.tags).toEqual(redocly.tags);
    const { summary, description } = redocly.paths["/pets"].get;
    expect(doc.endpoints[0]).toMatchObject({ summary, description });
    // the text is read as written, never as YAML (`key: value` lines, `# heading`)
    expect(doc.info.description).toContain("key: value lines stay text");
  });

  it("says where a text file that is not there was named", () => {
    const { diagnostics } = ingestFiles(["openapi.yaml"], {
      cwd: ROOT,
      readText: (path) => {
        if (path.endsWith("openapi.yaml"))
          return "openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\n  description: {$ref: ./gone.md}\npaths: {}\n";
        throw Object.assign(new Error("no such file"), { code: "ENOENT" });
      },
    });
    expect(diagnostics).toMatchObject([
      { code: "ref/unreadable", file: "openapi.yaml", line: 5, column: 17 },
    ]);
  });
});
