import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DEFAULT_TEMPLATES_DIR } from "../templates.js";

/**
 * The text of `templates/server/<file>`: the user's copy when their templates folder has one,
 * apiloom's otherwise. The server's fixed parts (runtime, index, Fastify adapter) are real
 * TypeScript files copied as they are, so they are type-checked and tested as code.
 */
export function serverTemplate(file: string, templatesDir?: string): string {
  const user = templatesDir ? resolve(templatesDir, "server", file) : undefined;
  const chosen =
    user && existsSync(user)
      ? user
      : join(DEFAULT_TEMPLATES_DIR, "server", file);
  return readFileSync(chosen, "utf8");
}
