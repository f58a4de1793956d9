import { definePlugin } from "../artifact.js";

/**
 * The `paths` artifact: `paths.ts`, openapi-typescript 7's types (`paths`, `components`,
 * `operations`, `webhooks`, `$defs`) from the model, so code written against openapi-typescript's
 * output (and openapi-fetch, through `client/openapi-fetch.ts`) moves over by its import. Opt-in.
 */
export default definePlugin({
  name: "paths",
  description:
    "paths.ts: openapi-typescript's `paths`/`components`/`operations` types (opt-in: -a ...,paths)",
  byDefault: false,
  path: "paths.ts",
  options: {
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
  },
  async emit(context) {
    const { emitPaths, openapiFetchFiles } = await import("./index.js");
    // openapi-fetch's client: the client plugin's when the run makes it
    return [
      emitPaths(context, context.options),
      ...(context.artifacts.includes("client")
        ? []
        : openapiFetchFiles(context)),
    ];
  },
});
