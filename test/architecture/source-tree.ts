import { readdirSync, readFileSync } from "node:fs";
import { join, posix, resolve } from "node:path";
import { ts } from "ts-morph";

/** The repository's root and its src/ folder. */
export const REPO = resolve(import.meta.dirname, "../..");
export const SRC = join(REPO, "src");

/** Every folder below `root` (relative to it, with `/`), at every depth. */
export function foldersBelow(root: string, depth = Infinity): string[] {
  const out: string[] = [];
  const walk = (rel: string, level: number): void => {
    if (level > depth) return;
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true }))
      if (entry.isDirectory() && entry.name !== "node_modules") {
        const path = rel ? `${rel}/${entry.name}` : entry.name;
        out.push(path);
        walk(path, level + 1);
      }
  };
  walk("", 1);
  return out.sort();
}

/** Every `.ts` file of src/, relative to src/ with `/`; `*.test.ts` files too when asked. */
export function sourceFiles(withTests: boolean): string[] {
  const files: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(SRC, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (
        entry.name.endsWith(".ts") &&
        (withTests || !entry.name.endsWith(".test.ts"))
      )
        files.push(path);
    }
  };
  walk("");
  return files.sort();
}

/** One import of a source file: static, type-only, re-export or dynamic `import()` alike. */
export interface Import {
  /** The importing file, relative to src/. */
  from: string;
  /** The imported file, relative to src/ (may climb out of it: `../package.json`). */
  to: string;
  line: number;
}

/**
 * The import graph of src/ without its tests, read with TypeScript's own pre-processor (no type
 * checking, so it takes well under a second). Only relative specifiers are edges; `./x.js`
 * names `./x.ts`, as the sources write it under NodeNext.
 */
export function importGraph(): Map<string, Import[]> {
  const graph = new Map<string, Import[]>();
  for (const file of sourceFiles(false)) {
    const text = readFileSync(join(SRC, file), "utf8");
    const info = ts.preProcessFile(text, true, true);
    const imports: Import[] = [];
    for (const imported of info.importedFiles) {
      if (!imported.fileName.startsWith(".")) continue;
      const to = posix
        .normalize(posix.join(posix.dirname(file), imported.fileName))
        .replace(/\.js$/, ".ts");
      const line = text.slice(0, imported.pos).split("\n").length;
      imports.push({ from: file, to, line });
    }
    graph.set(file, imports);
  }
  return graph;
}

/** The number of lines of a text file, as `wc -l` counts them for a file ending in a newline. */
export function lineCount(path: string): number {
  const text = readFileSync(path, "utf8");
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}
