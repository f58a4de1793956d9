import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { PluginOptionSpecs } from "../artifact.js";
import { baseUrlOption } from "../shared/options.js";

// In their own module, as shared/options.ts says why, with the adapter names their check reads.

/** The adapters apiloom ships, emitted only when listed: each imports its framework. */
export const BUILT_IN_ADAPTERS = "express fastify hono".split(" ");

/** The fixed files of `server/`, copied from templates/server/ on every run. */
export const SERVER_TEMPLATE_FILES = (
  "runtime.ts router.ts decode.ts params.ts listener.ts fetch.ts index.ts " +
  "validate.ts problem.ts"
).split(" ");

/** Names an adapter cannot take: the server's own files, and those of its webhook files. */
const TAKEN = new Set([
  ...SERVER_TEMPLATE_FILES.map((file) => file.slice(0, -".ts".length)),
  ..."contracts routes settings receiver webhooks".split(" "),
]);

/**
 * Why `name` cannot be an adapter; undefined for a built-in one or `server/<name>.ts` in the user's
 * templates folder. The option's check calls it on runs that load no emitter (nor the toolkit).
 */
export function adapterProblem(name: string, templatesDir: string | undefined) {
  if (!/^[a-z][a-z0-9-]*$/.test(name))
    return `adapter names are lower-case letters, digits and "-", got ${JSON.stringify(name)}`;
  if (TAKEN.has(name) || name.startsWith("webhook"))
    return `"${name}" is a file of the server itself, not an adapter`;
  if (
    !BUILT_IN_ADAPTERS.includes(name) &&
    !(templatesDir && existsSync(resolve(templatesDir, "server", `${name}.ts`)))
  )
    return `unknown server adapter ${JSON.stringify(name)}: apiloom has ${BUILT_IN_ADAPTERS.join(", ")}; for another, put server/${name}.ts in your templates folder`;
  return undefined;
}

const WEBHOOK_SCHEMES = ["standard", "github", "stripe"] as const;

export type WebhookSchemeName = (typeof WEBHOOK_SCHEMES)[number];

/** The server plugin's options, by name. */
export const SERVER_OPTIONS = {
  /**
   * Framework adapters emitted beside the node:http listener (always emitted), each as
   * `server/<name>.ts`: `"express"` (Express 5), `"fastify"` (needs fastify 5 in your project),
   * `"hono"` (needs hono 4), or the name of your own template `server/<name>.ts` in the
   * templates folder. Default none.
   */
  adapters: {
    type: "string-list",
    default: [] as readonly string[],
    help: "Comma-separated server adapters to emit besides node:http: express, fastify, hono (default: none)",
    flag: "--server-adapters",
    placeholder: "<list>",
    problem: (
      adapters: readonly string[],
      { templates }: { templates?: string },
    ) => adapters.map((a) => adapterProblem(a, templates)).find((p) => p),
  },
  baseUrl: baseUrlOption(
    "The generated server's default base path: this URL's path (else none: the root)",
  ),
  /**
   * How the API signs its webhooks, the generated receiver's default check:
   * `"standard"` (Standard Webhooks, default), `"github"` or `"stripe"`.
   */
  webhookSignature: {
    type: "string",
    default: "standard" as WebhookSchemeName,
    help: "How the API signs its webhooks, the receiver's default check: standard (Standard Webhooks), github, stripe",
    flag: "--webhook-signature",
    placeholder: "<scheme>",
    problem: (scheme: string) =>
      (WEBHOOK_SCHEMES as readonly string[]).includes(scheme)
        ? undefined
        : `unknown webhook signature ${JSON.stringify(scheme)}: one of ${WEBHOOK_SCHEMES.join(", ")}`,
  },
  /**
   * The generated server checks its JSON answers against the specs (a 500 problem answer when a
   * handler breaks its contract) unless its listener options say otherwise. Default false:
   * meant for development and tests. Requests are always checked.
   */
  validateResponses: {
    type: "boolean",
    default: false,
    help: "The generated server checks its JSON answers against the specs by default",
    flag: "--validate-responses",
  },
} as const satisfies PluginOptionSpecs;
