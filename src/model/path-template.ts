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
