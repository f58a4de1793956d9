import { existsSync } from "node:fs";
import { resolve } from "node:path";

/** The adapters apiloom ships, emitted only when listed: each imports its framework. */
export const BUILT_IN_ADAPTERS = ["express", "fastify", "hono"] as const;

/** The fixed files of `server/`, copied from templates/server/ on every run. */
export const SERVER_TEMPLATE_FILES = [
  "runtime.ts",
  "router.ts",
  "decode.ts",
  "params.ts",
  "listener.ts",
  "fetch.ts",
  "index.ts",
  "validate.ts",
  "problem.ts",
] as const;

/** Names an adapter cannot take: the server's own files, and those of its webhook files. */
const TAKEN = new Set([
  ...SERVER_TEMPLATE_FILES.map((file) => file.slice(0, -".ts".length)),
  "contracts",
  "routes",
  "settings",
  "receiver",
  "webhooks",
]);

/**
 * Why `name` cannot be an adapter; undefined for a built-in one or `server/<name>.ts` in the user's
 * templates folder. The option's check calls it on runs that load no emitter (nor the toolkit).
 */
export function adapterProblem(
  name: string,
  templatesDir: string | undefined,
): string | undefined {
  if (!/^[a-z][a-z0-9-]*$/.test(name))
    return `adapter names are lower-case letters, digits and "-", got ${JSON.stringify(name)}`;
  if (TAKEN.has(name) || name.startsWith("webhook"))
    return `"${name}" is a file of the server itself, not an adapter`;
  if (
    !(BUILT_IN_ADAPTERS as readonly string[]).includes(name) &&
    !(templatesDir && existsSync(resolve(templatesDir, "server", `${name}.ts`)))
  )
    return `unknown server adapter ${JSON.stringify(name)}: apiloom has ${BUILT_IN_ADAPTERS.join(", ")}; for another, put server/${name}.ts in your templates folder`;
  return undefined;
}
