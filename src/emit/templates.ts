import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { GeneratedFile } from "./artifact.js";
import { importModule } from "./import-module.js";
import { compareCodeUnits } from "../model/order.js";

/** apiloom's own templates: `templates/` at the package root (from src/emit or dist/emit alike). */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(
  new URL("../../templates", import.meta.url),
);

/**
 * The version of the render-template contract (the views, helpers and exports that
 * `apiloom-gen/templates` types): it goes up with a change that could break a template written for
 * the last one. A template declares it (`export const contract = 1`); another, or none, is refused.
 */
export const TEMPLATE_CONTRACT = 1;

/** A user template that cannot be used, naming the file and the cause (exit code 2). */
export class TemplateError extends Error {}

/**
 * Loads the render template `templates/<artifact>/<file>`, the user's copy first: an ES module of
 * functions turning a view into text. A user's copy is guarded: any fault is a TemplateError.
 */
export async function loadTemplate<T>(
  artifact: string,
  file: string,
  templatesDir?: string,
): Promise<T> {
  const { path, own } = templateSource(artifact, file, templatesDir);
  if (own) return (await importModule(pathToFileURL(path).href)) as T;
  // by content: a watching process must see the user's edits, and modules are cached by URL
  const version = createHash("sha256").update(readFileSync(path)).digest("hex");
  const module = (await importModule(
    `${pathToFileURL(path).href}?v=${version.slice(0, 16)}`,
  ).catch((error: unknown) => {
    throw new TemplateError(
      `the template ${path} does not load: ${causeOf(error)}`,
    );
  })) as Record<string, unknown>;
  const declared = module["contract"];
  if (declared !== TEMPLATE_CONTRACT)
    throw new TemplateError(
      `the template ${path} ${writtenFor(declared)}, and apiloom speaks template contract ${TEMPLATE_CONTRACT} (the views and helpers \`apiloom-gen/templates\` types): update it, then declare \`export const contract = ${TEMPLATE_CONTRACT};\``,
    );
  return guarded(module, path) as T;
}

/** What a template's `contract` export says, for the error that refuses it. */
function writtenFor(declared: unknown): string {
  if (declared === undefined)
    return "declares no template contract (it exports no `contract`)";
  return `is written for template contract ${JSON.stringify(declared) ?? String(declared)}`;
}

/** The module's exports as apiloom reads them: a missing one, a throw or a non-text result is a TemplateError. */
function guarded(module: Record<string, unknown>, path: string): object {
  const exports: Record<string, unknown> = { ...module };
  return new Proxy(exports, {
    get(target, key) {
      // `then`: the object passes through `await`; symbols: inspection
      if (typeof key !== "string" || key === "then" || key === "contract")
        return target[key as string];
      if (!(key in target))
        throw new TemplateError(
          `the template ${path} exports no \`${key}\`, which apiloom calls`,
        );
      const value = target[key];
      if (typeof value === "string") return value;
      if (typeof value !== "function")
        throw new TemplateError(
          `the template ${path} exports \`${key}\` as ${typeof value}, not text`,
        );
      return (...args: unknown[]) => {
        let result: unknown;
        try {
          result = (value as (...a: unknown[]) => unknown)(...args);
        } catch (error) {
          throw new TemplateError(
            `the template ${path} threw in \`${key}\`: ${causeOf(error)}`,
          );
        }
        if (typeof result !== "string")
          throw new TemplateError(
            `the template ${path}: \`${key}\` returned ${result === null ? "null" : typeof result}, not text`,
          );
        return result;
      };
    },
  });
}

function causeOf(error: unknown): string {
  return error instanceof Error
    ? `${error.name}: ${error.message}`
    : String(error);
}

/** Template files apiloom does not read, by their replacement: a user's copy is refused, not ignored. */
const RETIRED: Record<string, string> = {
  "client/runtime.ts": "client/runtime.js",
  "client/validate.ts": "client/validate.js",
};

/** The text of the runtime file `templates/<artifact>/<file>`, the user's copy first. */
export function templateText(
  artifact: string,
  file: string,
  templatesDir?: string,
): string {
  const { path } = templateSource(artifact, file, templatesDir);
  return readFileSync(path, "utf8");
}

/**
 * The files `runtimeFile` made of apiloom's own templates: the unchecked files that may import a
 * package (other `skipTypecheck` files import only their neighbours).
 */
const OWN_COPIES = new WeakSet<GeneratedFile>();

/**
 * The runtime file `templates/<artifact>/<file>` as a plugin writes it, at `path`. apiloom's own
 * copy is marked `skipTypecheck` (its tests compile it); a user's copy is checked as their code.
 */
export function runtimeFile(
  artifact: string,
  file: string,
  templatesDir?: string,
  path = `${artifact}/${file}`,
): GeneratedFile {
  const source = templateSource(artifact, file, templatesDir);
  const contents = readFileSync(source.path, "utf8");
  if (!source.own) return { path, contents };
  const copy = { path, contents, skipTypecheck: true };
  OWN_COPIES.add(copy);
  return copy;
}

/**
 * An artifact's `environment.ts` (checked), with a `/// <reference types>` of each package that
 * apiloom's unchecked runtime files among `files` import: unchecked, a missing package reads as
 * `any`; referenced here, tsc names it. Not an import: TypeScript 5's classic resolution would
 * find `fastify` in the adapter beside this file, `server/fastify.ts`.
 */
export function environmentFile(
  artifact: string,
  files: readonly GeneratedFile[],
  templatesDir?: string,
  path = `${artifact}/environment.ts`,
): GeneratedFile {
  const packages = new Set<string>();
  for (const file of files.filter((f) => OWN_COPIES.has(f)))
    for (const [, name] of file.contents.matchAll(IMPORTED))
      if (!name!.startsWith(".") && !name!.startsWith("node:"))
        packages.add(name!);
  const text = templateText(artifact, "environment.ts", templatesDir);
  if (packages.size === 0) return { path, contents: text };
  // a reference counts only before the first statement: after the leading comments
  const lines = text.split("\n");
  const first = lines.findIndex((l) => !l.startsWith("//") && l.trim() !== "");
  const references = [...packages]
    .sort(compareCodeUnits)
    .map((name) => `/// <reference types=${JSON.stringify(name)} />`);
  lines.splice(
    first < 0 ? lines.length : first,
    0,
    "// the packages the runtime files use: tsc names here the one your project lacks",
    ...references,
    "",
  );
  return { path, contents: lines.join("\n") };
}

/** The module an import statement's line (its first, or its last `} from "…";`) names. */
const IMPORTED = /^(?:import .*|\}) from "([^"]*)";$/gm;

/** Where `templates/<artifact>/<file>` is read from: the user's copy first, else apiloom's own. */
function templateSource(
  artifact: string,
  file: string,
  templatesDir: string | undefined,
): { path: string; own: boolean } {
  const user = templatesDir ? resolve(templatesDir, artifact, file) : undefined;
  const now = `${artifact}/${file}`;
  const stale =
    templatesDir && RETIRED[now] && resolve(templatesDir, RETIRED[now]);
  if (stale && existsSync(stale))
    throw new TemplateError(
      `the template ${stale} is no longer read: ${now} is a runtime file of real TypeScript, copied as it is; put your copy there`,
    );
  return user && existsSync(user)
    ? { path: user, own: false }
    : { path: join(DEFAULT_TEMPLATES_DIR, artifact, file), own: true };
}
