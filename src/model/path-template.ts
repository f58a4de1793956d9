import type { Parameter } from "./types.js";

/** Names of the `{…}` variables of a template, in order. */
export function pathVariables(path: string): string[] {
  const names: string[] = [];
  for (const match of path.matchAll(/\{([^{}]+)\}/g)) names.push(match[1]!);
  return names;
}

/** The key two endpoints merge on: the template with variable names erased. */
export function pathShape(path: string): string {
  return path.replace(/\{[^{}]+\}/g, "{}");
}

/** Sorts path parameters into the template's order: each name's first place in it. */
export function sortByTemplate(parameters: Parameter[], path: string): void {
  const order = new Map(
    pathVariables(path)
      .map((name, i) => [name, i] as const)
      .reverse(),
  );
  parameters.sort(
    (a, b) => (order.get(a.name) ?? -1) - (order.get(b.name) ?? -1),
  );
}
