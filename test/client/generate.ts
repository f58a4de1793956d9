import { emitted } from "../emitted.js";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { EmitTestOptions } from "../emitted.js";
import type { ApiModel } from "../../src/model/types.js";
import type { ArtifactName } from "../../src/emit/registry.js";

/** Generated clients are written under test/client/out/ (git-ignored) so vitest can import them. */
export const OUT_DIR = resolve(import.meta.dirname, "out");

export async function generateClient(
  model: ApiModel,
  name: string,
  options: EmitTestOptions = {},
  artifacts: readonly ArtifactName[] = ["client"],
): Promise<string> {
  mkdirSync(OUT_DIR, { recursive: true });
  const dir = mkdtempSync(join(OUT_DIR, `${name}-`));
  for (const file of await emitted(artifacts, model, options)) {
    const full = join(dir, file.path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, file.contents);
  }
  return dir;
}

/** The generated client under `dir` (as generateClient wrote it), imported. */
export async function importClient<T>(dir: string): Promise<T> {
  return (await import(pathToFileURL(join(dir, "client/index.ts")).href)) as T;
}
