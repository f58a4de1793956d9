import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** apiloom's own templates: `templates/` at the package root (from src/emit or dist/emit alike). */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(
  new URL("../../templates", import.meta.url),
);

/**
 * Loads the template module `templates/<artifact>/<file>`: the user's copy when their templates
 * folder has one, apiloom's otherwise. Templates are plain ES modules exporting functions that
 * turn view data into text; they receive escaping helpers and must use them for spec strings.
 */
export async function loadTemplate<T>(
  artifact: string,
  file: string,
  templatesDir?: string,
): Promise<T> {
  const own = join(DEFAULT_TEMPLATES_DIR, artifact, file);
  const user = templatesDir ? resolve(templatesDir, artifact, file) : undefined;
  const chosen = user && existsSync(user) ? user : own;
  const module = (await import(pathToFileURL(chosen).href)) as T;
  return module;
}

/** The text of a template that is copied as it is (real TypeScript): the user's copy first. */
export function templateText(
  artifact: string,
  file: string,
  templatesDir?: string,
): string {
  const user = templatesDir ? resolve(templatesDir, artifact, file) : undefined;
  const chosen =
    user && existsSync(user)
      ? user
      : join(DEFAULT_TEMPLATES_DIR, artifact, file);
  return readFileSync(chosen, "utf8");
}
