import type { ArtifactPlugin } from "./artifact.js";
import types from "./types/plugin.js";
import client from "./client/plugin.js";
import server from "./server/plugin.js";
import validators from "./validators/plugin.js";
import docs from "./docs/plugin.js";
import openapi from "./openapi/plugin.js";
import query from "./query/plugin.js";
import mocks from "./mocks/plugin.js";

/**
 * apiloom's own artifacts, in the order they are made: one line per plugin. Adding an artifact is
 * its folder (with a plugin.ts made by definePlugin) and one line here; everything that lists
 * artifacts (the config's check, the CLI's -a, the fingerprint) reads this list.
 */
export const BUILT_IN_PLUGINS = frozen([
  types,
  client,
  server,
  validators,
  docs,
  openapi,
  query,
  mocks,
] as const);

/** A plugin and everything in it (its options and their specs), frozen: nothing exported is mutable. */
function frozen<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(frozen);
  }
  return value;
}

/** The name of one of apiloom's own artifacts. */
export type ArtifactName = (typeof BUILT_IN_PLUGINS)[number]["name"];

/**
 * Where each of apiloom's artifacts lives in the output folder (each plugin's `path`): a file
 * (`types.ts`, `openapi.json`) or a folder of files. apiloom's runtime templates import each other
 * by these same relative places (`../validators/endpoints.js` from `server/validate.ts`), so the
 * places are fixed, not options. Emitters are given them as their context's `paths`.
 */
export const ARTIFACT_PATHS: Readonly<Record<ArtifactName, string>> =
  Object.freeze(
    Object.fromEntries(
      BUILT_IN_PLUGINS.map((plugin) => [plugin.name, plugin.path]),
    ) as Record<ArtifactName, string>,
  );

/** Every artifact apiloom makes by itself, in the order they are made. */
export const ARTIFACTS: readonly ArtifactName[] = Object.freeze(
  BUILT_IN_PLUGINS.map((plugin) => plugin.name),
);

/** What each built-in artifact's files import from other artifacts (the plugins' `needs`). */
export const ARTIFACT_NEEDS: Readonly<
  Record<ArtifactName, readonly ArtifactName[]>
> = Object.freeze(
  Object.fromEntries(
    BUILT_IN_PLUGINS.map((plugin) => [
      plugin.name,
      Object.freeze([...((plugin as ArtifactPlugin).needs ?? [])]),
    ]),
  ) as Record<ArtifactName, readonly ArtifactName[]>,
);

/**
 * `wanted` and everything it needs, once each, in the order of `plugins` (apiloom's own, then
 * the config's). An unknown name is the caller's to refuse (the config check does).
 */
export function withNeeds(
  wanted: Iterable<string>,
  plugins: readonly ArtifactPlugin[] = BUILT_IN_PLUGINS,
): string[] {
  const byName = new Map(plugins.map((plugin) => [plugin.name, plugin]));
  const all = new Set<string>();
  const add = (name: string): void => {
    if (all.has(name)) return;
    all.add(name);
    byName.get(name)?.needs?.forEach(add);
  };
  for (const name of wanted) add(name);
  return plugins.map((plugin) => plugin.name).filter((name) => all.has(name));
}

/**
 * apiloom's plugins whose files hold no source position (only their diagnostics point at
 * places, and the reporter finds those): a run of only these can leave the places of the
 * inputs unfound (ingest's `deferPlaces`). The docs ("Merged from file:line") and the OpenAPI
 * document (`x-apiloom-sources`) print lines, and a plugin of the config's may read anything.
 */
const PLACE_FREE: ReadonlySet<ArtifactPlugin> = new Set<ArtifactPlugin>([
  types,
  client,
  server,
  validators,
  query,
  mocks,
]);

/** True when none of `plugins` prints a source position into its files (see PLACE_FREE). */
export function printsNoPlaces(plugins: readonly ArtifactPlugin[]): boolean {
  return plugins.every((plugin) => PLACE_FREE.has(plugin));
}
