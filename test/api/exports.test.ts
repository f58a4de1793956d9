import { readFileSync } from "node:fs";
import { Node, Project, SyntaxKind } from "ts-morph";
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";

/** Every object reachable from `value` that is not frozen, by its path from the export. */
function unfrozen(value: unknown, path: string, seen = new Set()): string[] {
  if (typeof value !== "object" || value === null || seen.has(value)) return [];
  seen.add(value);
  const found = Object.isFrozen(value) ? [] : [path];
  for (const [key, inner] of Object.entries(value))
    found.push(...unfrozen(inner, `${path}.${key}`, seen));
  return found;
}

/** The package's entry points (package.json `exports`): `apiloom`, `/config`, `/plugin`, `/templates`. */
const ENTRIES: Record<string, () => Promise<Record<string, unknown>>> = {
  index: () => import("../../src/index.js"),
  config: () => import("../../src/config.js"),
  plugin: () => import("../../src/plugin.js"),
  templates: () => import("../../src/templates.js"),
};

describe("the package's entry points", () => {
  it.each(Object.keys(ENTRIES))(
    "src/%s.ts exports nothing its importer can change: every value is a function, a primitive or frozen",
    async (entry) => {
      const module: Record<string, unknown> = await ENTRIES[entry]!();
      const mutable: string[] = [];
      for (const [name, value] of Object.entries(module))
        if (typeof value === "object" && value !== null)
          mutable.push(...unfrozen(value, name));
      expect(mutable).toEqual([]);
    },
  );

  it("refuses a change to a frozen export instead of taking it for every importer", () => {
    expect(() => (api.ARTIFACTS as unknown as string[]).push("x")).toThrow();
    expect(api.ARTIFACTS).not.toContain("x");
  });

  it("exports by name: an `export *` only of a module that lists its exports by name", () => {
    const text = readFileSync("src/index.ts", "utf8");
    const walls = [
      ...text.matchAll(/export\s+(?:type\s+)?\*[^;]*?from\s+"([^"]+)"/g),
    ];
    // the plugin API, listed once for apiloom and apiloom-gen/plugin alike
    expect(walls.map((m) => m[1])).toEqual(["./plugin-api.js"]);
    for (const [, from] of walls) {
      const listed = readFileSync(
        `src/${from!.replace(/\.js$/, ".ts")}`,
        "utf8",
      );
      expect(listed).not.toMatch(/export\s+(type\s+)?\*/);
    }
  });

  it("names every type its exports take, return or are made of", () => {
    const project = new Project({
      tsConfigFilePath: "tsconfig.json",
      skipAddingFilesFromTsConfig: true,
    });
    const entry = project.addSourceFileAtPath("src/index.ts");
    project.resolveSourceFileDependencies();
    const exported = new Set(entry.getExportedDeclarations().keys());
    const missing = new Set<string>();
    const visited = new Set<Node>();
    const visit = (node: Node): void => {
      if (visited.has(node)) return;
      visited.add(node);
      // a function's body is its own business: only what a caller sees is walked
      const shown = Node.isFunctionDeclaration(node)
        ? [
            ...node.getParameters().map((p) => p.getTypeNode()),
            node.getReturnTypeNode(),
          ]
        : Node.isVariableDeclaration(node)
          ? [node.getTypeNode()]
          : [node];
      for (const part of shown) {
        if (!part) continue;
        const references = [
          ...(Node.isTypeReference(part) ? [part] : []),
          ...part.getDescendantsOfKind(SyntaxKind.TypeReference),
        ];
        for (const reference of references) {
          const symbol = reference.getTypeName().getSymbol();
          const target = symbol?.getAliasedSymbol() ?? symbol;
          for (const declaration of target?.getDeclarations() ?? []) {
            const file = declaration.getSourceFile().getFilePath();
            if (
              !file.includes("/src/") ||
              Node.isTypeParameterDeclaration(declaration)
            )
              continue;
            const name = target!.getName();
            if (!exported.has(name))
              missing.add(`${name} (${file.replace(/^.*\/src\//, "src/")})`);
            visit(declaration);
          }
        }
      }
    };
    for (const declarations of entry.getExportedDeclarations().values())
      declarations.forEach(visit);
    expect([...missing].sort()).toEqual([]);
  });
});
