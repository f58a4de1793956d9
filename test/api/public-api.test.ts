import { Node, Project } from "ts-morph";
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";

/**
 * The public surface, listed: every name the package entry points export, its kind, and for
 * functions the signature. A change to it makes this test fail until the report is updated
 * (`npx vitest run test/api -u`), so the surface only changes on purpose.
 */
function report(entry: string): string {
  // only the entry and what it imports, not the whole tsconfig project: seconds, not a minute
  const project = new Project({
    tsConfigFilePath: "tsconfig.json",
    skipAddingFilesFromTsConfig: true,
  });
  const file = project.addSourceFileAtPath(entry);
  project.resolveSourceFileDependencies();
  const lines: string[] = [];
  for (const [name, declarations] of file.getExportedDeclarations()) {
    for (const declaration of declarations) {
      const where = declaration
        .getSourceFile()
        .getFilePath()
        .replace(/^.*\/src\//, "src/");
      let detail = "";
      if (Node.isFunctionDeclaration(declaration))
        detail = declaration
          .getParameters()
          .map((p) => `${p.getName()}${p.isOptional() ? "?" : ""}`)
          .join(", ");
      else if (
        Node.isInterfaceDeclaration(declaration) ||
        Node.isClassDeclaration(declaration)
      )
        detail = declaration
          .getProperties()
          .map((p) => `${p.getName()}${p.hasQuestionToken() ? "?" : ""}`)
          .join(", ");
      lines.push(
        `${name}: ${declaration.getKindName()} (${where})${detail ? ` { ${detail} }` : ""}`,
      );
    }
  }
  return lines.sort().join("\n") + "\n";
}

describe("the public API", () => {
  it("of `apiloom` is what the report lists", async () => {
    await expect(report("src/index.ts")).toMatchFileSnapshot(
      "public-api.index.txt",
    );
  });

  it("of `apiloom-gen/config` is what the report lists", async () => {
    await expect(report("src/config.ts")).toMatchFileSnapshot(
      "public-api.config.txt",
    );
  });

  it("of `apiloom-gen/plugin` is what the report lists", async () => {
    await expect(report("src/plugin.ts")).toMatchFileSnapshot(
      "public-api.plugin.txt",
    );
  });

  it("of `apiloom-gen/templates` is what the report lists", async () => {
    await expect(report("src/templates.ts")).toMatchFileSnapshot(
      "public-api.templates.txt",
    );
  });

  it("has the values the report promises at run time", () => {
    expect(typeof api.generate).toBe("function");
    expect(typeof api.loadModel).toBe("function");
    expect([...api.ARTIFACTS]).toEqual(
      api.BUILT_IN_PLUGINS.map((plugin) => plugin.name),
    );
    expect(Object.isFrozen(api.BUILT_IN_PLUGINS)).toBe(true);
  });
});

describe("generate(), in memory", () => {
  it("returns the model, the files and the diagnostics, and writes nothing", async () => {
    const spec = [
      "openapi: 3.0.3",
      "info: { title: Pets, version: '1' }",
      "paths:",
      "  /pets/{id}:",
      "    get:",
      "      operationId: getPet",
      "      parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]",
      "      responses: { '200': { description: ok } }",
    ].join("\n");
    const result = await api.generate([{ file: "pets.yaml", text: spec }], {
      artifacts: ["client", "openapi"],
    });
    expect(result.model.endpoints.map((e) => e.name)).toEqual(["getPet"]);
    const paths = result.files.map((f) => f.path);
    expect(paths).toContain("openapi.json");
    expect(paths.some((p) => p.startsWith("docs/"))).toBe(false);
    expect(paths).toEqual([...paths].sort());
    expect(
      result.files.find((f) => f.path === "openapi.json")!.contents,
    ).toContain('"operationId": "getPet"');
    expect(result.diagnostics).toEqual(result.model.diagnostics);
  });

  it("reads files from disk relative to cwd and reports them by that name", async () => {
    const result = await api.generate(["stride-messages.swagger.yaml"], {
      cwd: "specs",
      artifacts: ["openapi"],
    });
    expect(result.model.endpoints.length).toBeGreaterThan(0);
    for (const endpoint of result.model.endpoints)
      for (const source of endpoint.sources)
        expect(source.file).toBe("stride-messages.swagger.yaml");
  });
});
