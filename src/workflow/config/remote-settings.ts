import { isRecord } from "../../ingest/reader.js";
import {
  checkObject,
  entry,
  isBoolean,
  secondsProblem,
  under,
  type Check,
} from "./checks.js";
import { ConfigError } from "./error.js";
import { isHeaderName, isHeaderValue } from "../../model/header-name.js";
import { isUrlInput, shownUrl } from "../../model/source-url.js";

/** How URL inputs are fetched, resolved from the config's `remote` and the flags. */
export type RemoteSettings = Readonly<ReturnType<typeof remoteSettings>>;

/** The config's `remote` section. */
export interface RemoteConfig {
  /**
   * Headers sent with the requests to one origin (scheme, host and port, no path), and to no
   * other (a redirect elsewhere is asked without them): `{ "https://api.example.com": {
   * Authorization: { env: "EXAMPLE_TOKEN", prefix: "Bearer " } } }`. A value read from the
   * environment is never written anywhere: not in the output, the cache or a message.
   */
  headers?: Record<
    string,
    Record<string, string | { env: string; prefix?: string }>
  >;
  /** Seconds one URL may take, redirects included. Default 30. */
  timeout?: number;
  /** Redirects followed. Default 5. */
  maxRedirects?: number;
  /** Seconds between `--watch`'s questions to each URL input: has it changed? Default 60. */
  watchInterval?: number;
  /**
   * The sha256 a URL's body must have, by the URL as the inputs (or a `$ref`) write it, in hex:
   * `{ "https://api.example.com/openapi.json": "9f86d0…" }`. A body that differs fails the run,
   * whatever the cache or the server says (a 304 included); see docs/inputs.md "Pinning".
   */
  sha256?: Record<string, string>;
  /**
   * Record the sha256 of every URL a run reads in the name lock the first time, and fail a later
   * run whose bytes differ. Default false. See docs/inputs.md "Pinning".
   */
  lock?: boolean;
}

export const REMOTE_DEFAULTS = {
  timeout: 30,
  maxRedirects: 5,
  watchInterval: 60,
} as const;

/** What the command line sets over `remote`. */
export interface RemoteOverrides {
  fetchTimeout?: number;
  watchInterval?: number;
  offline?: boolean;
}

/**
 * The config's `remote` (of the API, or the top level's) with the flags over it: the whole
 * exchange of one URL (redirects included) ends within `timeoutMs`; `headers` by origin
 * (`https://api.example.com`) are sent to that origin alone.
 */
export function remoteSettings(
  remote: RemoteConfig = {},
  flags: RemoteOverrides,
) {
  return {
    timeoutMs:
      (flags.fetchTimeout ?? remote.timeout ?? REMOTE_DEFAULTS.timeout) * 1000,
    maxRedirects: remote.maxRedirects ?? REMOTE_DEFAULTS.maxRedirects,
    watchIntervalMs:
      (flags.watchInterval ??
        remote.watchInterval ??
        REMOTE_DEFAULTS.watchInterval) * 1000,
    offline: flags.offline ?? false,
    lock: remote.lock ?? false,
    headers: remote.headers ?? {},
    sha256: Object.fromEntries(
      Object.entries(remote.sha256 ?? {}).map(([url, hex]) => [
        url,
        hex.toLowerCase(),
      ]),
    ),
  };
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const seconds: Check = (v, where, report) => {
  const problem = secondsProblem(v);
  if (problem) report(where, problem);
};

export const checkRemote: Check = (value, where, report) =>
  checkObject(
    value,
    {
      headers: checkHeaders,
      timeout: seconds,
      maxRedirects: (v, at) => {
        if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 20)
          report(at, " must be a whole number from 0 to 20");
      },
      watchInterval: seconds,
      sha256: checkPins,
      lock: isBoolean,
    },
    where,
    report,
  );

/** `remote.sha256`: an http(s) URL (no user info) → 64 hex digits. */
const checkPins: Check = (value, where, report) => {
  if (!isRecord(value))
    return report(where, " must be an object: URL → sha256 (64 hex digits)");
  for (const [url, hex] of Object.entries(value)) {
    const at = under(where, url, `[${JSON.stringify(shownUrl(url))}]`);
    const problem = isUrlInput(url)
      ? remoteUrlProblem(url)
      : "it is not an http or https URL";
    if (problem) report(at, `: ${problem}`);
    if (typeof hex !== "string" || !/^[0-9a-fA-F]{64}$/.test(hex))
      report(at, " must be a sha256 as 64 hex digits");
  }
};

const checkHeaders: Check = (value, where, report) => {
  if (!isRecord(value)) return report(where, " must be an object");
  for (const [origin, headers] of Object.entries(value)) {
    const at = entry(where, origin);
    const problem = originProblem(origin);
    if (problem) report(at, problem);
    if (!isRecord(headers)) {
      report(at, " must be an object: header name → value");
      continue;
    }
    for (const [name, v] of Object.entries(headers)) {
      const here = entry(at, name);
      if (!isHeaderName(name)) report(here, ": not a header name");
      // the value, or the prefix put before a variable's value
      const text = isRecord(v) ? v["prefix"] : v;
      if (typeof text === "string" && !isHeaderValue(text))
        report(
          here,
          " must not hold a character a header cannot carry (a line break, a control character)",
        );
      if (
        typeof v !== "string" &&
        (!isRecord(v) ||
          typeof v["env"] !== "string" ||
          !ENV_NAME.test(v["env"]) ||
          (v["prefix"] !== undefined && typeof v["prefix"] !== "string") ||
          Object.keys(v).some((k) => k !== "env" && k !== "prefix"))
      )
        report(
          here,
          ' must be a string or { env: "VARIABLE_NAME", prefix?: "Bearer " }',
        );
    }
  }
};

/** A key of `remote.headers` must be an origin as URL.origin writes it. */
function originProblem(origin: string): string | undefined {
  if (!URL.canParse(origin))
    return ' must be an origin such as "https://api.example.com"';
  const url = new URL(origin);
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return " must be an http or https origin";
  if (url.origin !== origin)
    return ` must be an origin, written as ${JSON.stringify(url.origin)} (scheme, host and port; no path, no trailing slash)`;
  return undefined;
}

/**
 * The headers configured for `origin`, with the environment's values: sent to that origin alone.
 * A variable that is not set is a configuration error, named without a value.
 */
export function headersFor(
  settings: RemoteSettings,
  origin: string,
  env: NodeJS.ProcessEnv,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(settings.headers[origin] ?? {})) {
    if (typeof value === "string") {
      headers[name] = value;
      continue;
    }
    const read = env[value.env];
    if (read === undefined || read === "")
      throw new ConfigError(
        `remote.headers[${JSON.stringify(origin)}][${JSON.stringify(name)}] reads the environment variable ${value.env}, which is not set`,
      );
    if (!isHeaderValue(read))
      throw new ConfigError(
        `the environment variable ${value.env} (header ${name} for ${origin}) holds a character a header cannot carry (a line break, a control character)`,
      );
    headers[name] = (value.prefix ?? "") + read;
  }
  return headers;
}

/** Why a URL input cannot be fetched as written (it does not parse, or it holds credentials). */
export function remoteUrlProblem(input: string): string | undefined {
  if (!URL.canParse(input))
    return `${JSON.stringify(shownUrl(input))} is not a valid URL`;
  const url = new URL(input);
  if (url.username !== "" || url.password !== "")
    return `the URL ${JSON.stringify(shownUrl(input))} holds a user name or password, which would be written wherever the URL is shown; give the credential as a header from an environment variable (config: remote.headers)`;
  return undefined;
}
