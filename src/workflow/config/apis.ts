import { ConfigError, UnknownApiError } from "./error.js";
import {
  CONFIG_DEFAULTS,
  type ApiloomApi,
  type ApiloomConfig,
} from "./types.js";
import { isInsideReal, isSamePlace } from "../sources/real-path.js";

/** One API of a config: an `apis` entry laid over the top level, or the config without `apis`. */
export interface ApiConfig {
  /** The entry's name; undefined for a config without `apis`. */
  readonly name?: string;
  readonly config: ApiloomConfig;
}

/**
 * The config of each API: an entry's objects merged key by key over the top level's, lists and
 * values replaced; the output folder and lock default to the API's own.
 */
export function apiConfigs(config: ApiloomConfig): ApiConfig[] {
  const { apis, ...defaults } = config;
  if (apis === undefined) return [{ config }];
  return apis.map(({ name, ...own }: ApiloomApi) => {
    const merged = layered(defaults, own) as ApiloomConfig;
    return {
      name,
      config: {
        ...merged,
        out: merged.out ?? `${CONFIG_DEFAULTS.out}/${name}`,
        lock: merged.lock ?? `apiloom.${name}.lock.json`,
      },
    };
  });
}

/** `over` laid over `under`: plain objects merged key by key, anything else replaced. */
function layered(under: unknown, over: unknown): unknown {
  if (!isPlain(under) || !isPlain(over))
    return over === undefined ? under : over;
  const result: Record<string, unknown> = { ...under };
  for (const [key, value] of Object.entries(over))
    result[key] = layered(under[key], value);
  return result;
}

function isPlain(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}

/**
 * The APIs a run makes: the one `--api` names (an unknown name is an error listing the names), or
 * all. A config without `apis` has one API, which `--api` cannot pick.
 */
export function pickApis(
  apis: readonly ApiConfig[],
  wanted: string | undefined,
  file: string,
): ApiConfig[] {
  if (wanted === undefined) return [...apis];
  const names = apis.flatMap((a) => (a.name === undefined ? [] : [a.name]));
  if (names.length === 0)
    throw new UnknownApiError(
      `--api ${wanted}: ${file} lists no APIs (a config with "apis: [{ name, inputs, … }]" has names to pick from)`,
    );
  const picked = apis.filter((a) => a.name === wanted);
  if (picked.length === 0)
    throw new UnknownApiError(
      `--api: no API is named ${JSON.stringify(wanted)} in ${file} (APIs: ${names.join(", ")})`,
    );
  return picked;
}

/** What of an API's settings is its own (settings.ts imports this file: not a Pick of them). */
interface ApiFiles {
  readonly api?: string;
  readonly out: string;
  readonly lock?: string;
  readonly serverHandlers?: string;
}

/**
 * Each API's output folder, lock and handlers file belong to it alone (compared as written and by
 * real path): a clash is a config error naming both.
 */
export function checkApiFiles(apis: readonly ApiFiles[], file: string): void {
  const problems: string[] = [];
  const named = (a: ApiFiles) => `"${a.api}"`;
  apis.forEach((a, i) => {
    for (const b of apis.slice(i + 1)) {
      const both = `APIs ${named(a)} and ${named(b)}`;
      if (isSamePlace(a.out, b.out))
        problems.push(`${both} share the output folder ${a.out}`);
      else if (isInsideReal(a.out, b.out) || isInsideReal(b.out, a.out))
        problems.push(
          `${both}: one's output folder is inside the other's (${a.out}, ${b.out})`,
        );
      if (isSamePlace(a.lock, b.lock))
        problems.push(`${both} share the lock ${a.lock}`);
      if (isSamePlace(a.serverHandlers, b.serverHandlers))
        problems.push(`${both} share the handlers file ${a.serverHandlers}`);
    }
    for (const b of apis)
      if (b !== a)
        for (const [what, path] of [
          ["lock", a.lock],
          ["handlers file", a.serverHandlers],
        ] as const)
          if (path !== undefined && isInsideReal(path, b.out))
            problems.push(
              `the ${what} of API ${named(a)}, ${path}, is inside the output folder of API ${named(b)}, which apiloom owns`,
            );
  });
  if (problems.length === 0) return;
  throw new ConfigError(
    `${file}: each API's output folder, lock and handlers file must be its own:\n${problems.map((p) => `  ${p}`).join("\n")}`,
  );
}
