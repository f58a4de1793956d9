/**
 * `import()` of a module outside apiloom's code (a template, a config file): the one import by a
 * run-time specifier. In Node 20 an `import()` inside the code-cached CLI bundle finds no module
 * loader, so the bundle takes this function from its launcher (bin/load-cli.js).
 */
export function importModule(specifier: string): Promise<unknown> {
  return import(specifier);
}
