/**
 * `import()` of a module outside apiloom's code: a template, a config file, its transpiled
 * copy. The one place apiloom imports by a specifier made at run time. The CLI's one file
 * (scripts/bundle.mjs) is compiled by its launcher with a code cache, and in Node 20 an
 * `import()` inside such a script finds no module loader; the bundle takes this function from
 * the launcher instead (bin/load-cli.js), so both import the same way: ES modules, by URL.
 */
export function importModule(specifier: string): Promise<unknown> {
  return import(specifier);
}
