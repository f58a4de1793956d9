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

/**
 * Every `.ts` file of `root` (src/ unless told; `.js` too when `withJs`), relative to it with
 * `/`; `*.test.ts` files too when asked.
 */
export function sourceFiles(
  withTests: boolean,
  root: string = SRC,
  withJs = false,
): string[] {
  const files: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (
        (entry.name.endsWith(".ts") ||
          (withJs && entry.name.endsWith(".js"))) &&
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
 * The import graph of src/ (or of `root`, its `.js` files too: templates/) without its tests,
 * read with TypeScript's own pre-processor (no type checking, so it takes well under a second).
 * Only relative specifiers are edges; `./x.js` names `./x.ts`, as the sources write it under
 * NodeNext, unless `x.js` itself is there.
 */
export function importGraph(root: string = SRC): Map<string, Import[]> {
  const graph = new Map<string, Import[]>();
  const files = sourceFiles(false, root, root !== SRC);
  const present = new Set(files);
  for (const file of files) {
    const text = readFileSync(join(root, file), "utf8");
    const info = ts.preProcessFile(text, true, true);
    const imports: Import[] = [];
    for (const imported of info.importedFiles) {
      if (!imported.fileName.startsWith(".")) continue;
      const named = posix.normalize(
        posix.join(posix.dirname(file), imported.fileName),
      );
      const to = present.has(named) ? named : named.replace(/\.js$/, ".ts");
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

/**
 * One circle per strongly connected component of the graph (Tarjan), each as the chain of
 * imports that closes it, starting from its first file in path order.
 */
export function findCircles(graph: Map<string, Import[]>): Import[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const { to } of graph.get(v) ?? []) {
      if (!graph.has(to)) continue;
      if (!index.has(to)) {
        connect(to);
        low.set(v, Math.min(low.get(v)!, low.get(to)!));
      } else if (onStack.has(to))
        low.set(v, Math.min(low.get(v)!, index.get(to)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    const selfImport = graph.get(v)!.some((i) => i.to === v);
    if (component.length > 1 || selfImport) components.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);
  return components.map((component) => {
    // the shortest way from the first file back to itself, inside the component
    const inside = new Set(component);
    const start = component[0]!;
    const came = new Map<string, Import>();
    const queue = [start];
    while (queue.length > 0) {
      const v = queue.shift()!;
      for (const i of graph.get(v)!) {
        if (!inside.has(i.to) || came.has(i.to)) continue;
        came.set(i.to, i);
        if (i.to === start) queue.length = 0;
        else queue.push(i.to);
      }
    }
    const chain: Import[] = [];
    for (let at = start; chain.length === 0 || at !== start;) {
      const i = came.get(at)!;
      chain.unshift(i);
      at = i.from;
    }
    return chain;
  });
}
