import type { ApiDescription, SourceRef } from "../model/types.js";
import type { ArtifactPlugin, OptionValues } from "./artifact.js";
import types from "./types/plugin.js";
import client from "./client/plugin.js";
import server from "./server/plugin.js";
import validators from "./validators/plugin.js";
import docs from "./docs/plugin.js";
import openapi from "./openapi/plugin.js";
import query from "./query/plugin.js";
import mocks from "./mocks/plugin.js";
import mcp from "./mcp/plugin.js";
import paths from "./paths/plugin.js";

/**
 * apiloom's own artifacts, in the order they are made; whatever lists artifacts reads this list.
 * Adding one is its folder, one line here and its line of PLACES.
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
  mcp,
  paths,
] as const);

/** apiloom's own plugins, to tell them from a config's. */
export const OWN_PLUGINS: ReadonlySet<ArtifactPlugin> = new Set(
  BUILT_IN_PLUGINS,
);

/**
 * A value and everything in it frozen (the plugins: nothing exported is mutable), but a member
 * named `shallow`, frozen itself alone (the settings' `plugins`: the user's objects).
 */
export function frozen<T>(value: T, shallow?: string): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const [key, item] of Object.entries(value))
      if (key === shallow) Object.freeze(item);
      else frozen(item, shallow);
  }
  return value;
}

/** The name of one of apiloom's own artifacts. */
export type ArtifactName = (typeof BUILT_IN_PLUGINS)[number]["name"];

/**
 * The options of apiloom's artifacts as a config gives them, each under its artifact's name
 * (`server: { adapters: ["hono"] }`), typed from the plugins' option specs (`OptionValues`). An
 * option the config holds elsewhere (its `config`, as `baseUrl`) is not in the section.
 */
export type BuiltInOptions = {
  [
    P in (typeof BUILT_IN_PLUGINS)[number] as keyof NonNullable<
      P["options"]
    > extends never
      ? never
      : P["name"]
  ]?: {
    -readonly [
      K in keyof NonNullable<P["options"]> as NonNullable<
        P["options"]
      >[K] extends { config: string }
        ? NonNullable<P["options"]>[K] extends {
            config: `${P["name"]}.${K & string}`;
          }
          ? K
          : never
        : K
    ]?: Exclude<OptionValues<NonNullable<P["options"]>>[K], undefined>;
  };
};

/**
 * Where each of apiloom's artifacts lives in the output folder: fixed, not options, as the
 * runtime templates import each other there (`../validators/endpoints.js`).
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

/** `wanted` and everything it needs, once each, in the order of `plugins`; unknown names kept. */
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

/** Which source positions (`file:line`) the files of a run print. */
type PrintedPlaces = "none" | "endpoints" | "any";

/** Which source positions each of apiloom's artifacts prints: a speed device, docs/benchmark.md. */
const PLACES: Readonly<Record<ArtifactName, PrintedPlaces>> = {
  types: "none",
  client: "none",
  server: "none",
  validators: "none",
  docs: "endpoints",
  openapi: "endpoints",
  query: "none",
  mocks: "none",
  mcp: "none",
  paths: "none",
};

/**
 * Which source positions the files of `plugins` print (a plugin of the config: any). A run that
 * prints none, or only the endpoints' and the schemes', leaves the other places unfound.
 */
export function placesPrinted(
  plugins: readonly ArtifactPlugin[],
): PrintedPlaces {
  const places = plugins.map((plugin) =>
    OWN_PLUGINS.has(plugin) ? PLACES[plugin.name as ArtifactName] : "any",
  );
  return (
    (["any", "endpoints"] as const).find((p) => places.includes(p)) ?? "none"
  );
}

/**
 * The places the docs and the OpenAPI document print: every endpoint's sources and every
 * security scheme's (all of them in `paths`, so finding them leaves the schemas unwalked).
 */
export function printedPlaces(model: ApiDescription): SourceRef[] {
  return [...model.endpoints, ...Object.values(model.securitySchemes)].flatMap(
    (place) => place.sources,
  );
}
