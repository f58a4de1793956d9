import type { PluginOptionSpecs } from "../artifact.js";

/** The paths plugin's options, apart so that a run that emits nothing loads no emitter. */
export const PATHS_OPTIONS = {
  readWriteMarkers: {
    type: "boolean",
    default: false,
    help: "openapi-typescript's --read-write-markers: readOnly members are $Read<T>, writeOnly ones $Write<T>",
    flag: "--read-write-markers",
  },
  defaultNonNullable: {
    type: "boolean",
    default: false,
    help: "openapi-typescript's --default-non-nullable: a member with a default is required where it is read",
    flag: "--default-non-nullable",
  },
} as const satisfies PluginOptionSpecs;
