import type { PluginOption } from "../artifact.js";

// The option `baseUrl` on its own: plugin definitions import it, and a run that skips emitting
// must not load the emitters.

/** Why `value` is not a base URL (an absolute http(s) URL, or a path on the same origin), or undefined. */
export function baseUrlProblem(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.startsWith("/") && !value.startsWith("//")) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url && (url.protocol === "http:" || url.protocol === "https:"))
    return undefined;
  return `${JSON.stringify(value)} is not a base URL; give an absolute http(s) URL (https://api.example.com/v1) or a path starting with / (/api)`;
}

/**
 * The `baseUrl` option (top-level `baseUrl` in the config, `--base-url`), which the client and
 * the server both read: one flag sets both.
 */
export function baseUrlOption(
  help: string,
): PluginOption<string | undefined> & { readonly config: "baseUrl" } {
  return {
    type: "string",
    default: undefined,
    help,
    config: "baseUrl",
    flag: "--base-url",
    placeholder: "<url>",
    problem: baseUrlProblem,
  };
}
