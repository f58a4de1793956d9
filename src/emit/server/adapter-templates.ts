import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { DEFAULT_TEMPLATES_DIR } from "../toolkit.js";
import { BUILT_IN_ADAPTERS } from "./adapters.js";

/**
 * The template of an adapter's webhook receiver, `server/webhook-<name>.ts`, written beside the
 * adapter for an API with webhooks: the user's copy first, apiloom's otherwise; undefined when
 * neither exists (a user's adapter without one: the receiver's node:http listener and fetch
 * handler serve the webhooks).
 */
export function webhookAdapterTemplate(
  name: string,
  templatesDir: string | undefined,
): string | undefined {
  const file = `webhook-${name}.ts`;
  const user = templatesDir ? resolve(templatesDir, "server", file) : undefined;
  if (user && existsSync(user)) return user;
  return (BUILT_IN_ADAPTERS as readonly string[]).includes(name)
    ? join(DEFAULT_TEMPLATES_DIR, "server", file)
    : undefined;
}
