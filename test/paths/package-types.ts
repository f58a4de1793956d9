import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** openapi-fetch's declarations, for an in-memory program (`/node_modules/<package>/…`). */
export function packageTypes(): Map<string, string> {
  const files = new Map<string, string>();
  const add = (root: string, at: string) => {
    for (const entry of readdirSync(root)) {
      const path = join(root, entry);
      if (statSync(path).isDirectory()) add(path, `${at}/${entry}`);
      else if (/(\.d\.m?ts|package\.json)$/.test(entry))
        files.set(`${at}/${entry}`, readFileSync(path, "utf8"));
    }
  };
  for (const name of ["openapi-fetch", "openapi-typescript-helpers"]) {
    const root = dirname(
      createRequire(import.meta.url).resolve(`${name}/package.json`),
    );
    add(root, `/node_modules/${name}`);
  }
  return files;
}
