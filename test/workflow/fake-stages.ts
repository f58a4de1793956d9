import type { ApiModel } from "../../src/model/types.js";
import type { GeneratedFile } from "../../src/emit/artifact.js";
import {
  BUILT_IN_PLUGINS,
  type ArtifactName,
} from "../../src/emit/registry.js";
import type { Endpoint } from "../../src/model/types.js";
import type { Stages } from "../../src/workflow/produce.js";

/**
 * Stand-in emitters (the pipeline around them is the real one): one file per endpoint (so removing an endpoint
 * removes a file), a `types.ts` of its own artifact that the client and server need, and a
 * file listing every endpoint. They depend on nothing the real emitters are still changing.
 */
const SHARED_TYPES = "export type Method = string;\n";

function nameOf(e: Endpoint): string {
  return e.name || `${e.method}${e.path.replace(/[^a-zA-Z0-9]+/g, "_")}`;
}

const types: Emitter = () => [{ path: "types.ts", contents: SHARED_TYPES }];

const client: Emitter = (model) => [
  ...model.endpoints.map((e) => ({
    path: `client/endpoints/${nameOf(e)}.ts`,
    contents: `export const ${nameOf(e)} = { method: ${JSON.stringify(e.method)}, path: ${JSON.stringify(e.path)} };\n`,
  })),
  {
    path: "client/index.ts",
    contents: model.endpoints
      .map((e) => `export * from "./endpoints/${nameOf(e)}.js";\n`)
      .join(""),
  },
];

const server: Emitter = (model) => [
  {
    path: "server/routes.ts",
    contents: model.endpoints
      .map(
        (e) =>
          `// ${e.method.toUpperCase()} ${e.path} ${e.sources.map((s) => s.file).join(" ")}\n`,
      )
      .join(""),
  },
];

const validators: Emitter = (model) => [
  {
    path: "validators/schemas.ts",
    contents: Object.keys(model.schemas)
      .map((name) => `// ${name}\n`)
      .join(""),
  },
];

const docs: Emitter = (model) => [
  { path: "docs/README.md", contents: `# ${model.info.title}\n` },
];

const openapi: Emitter = (model) => [
  {
    path: "openapi.json",
    contents:
      JSON.stringify(
        {
          info: model.info,
          paths: model.endpoints.map((e) => [e.method, e.path, e.name]),
        },
        null,
        2,
      ) + "\n",
  },
];

type Emitter = (model: ApiModel) => GeneratedFile[];

/** The stand-ins above; any other artifact (query, mocks, one added later) gets `standIn`. */
const emitters: Partial<Record<ArtifactName, Emitter>> = {
  types,
  client,
  server,
  validators,
  docs,
  openapi,
};

/** One file in the artifact's folder, `index.ts`, counting the endpoints. */
const standIn =
  (folder: string): Emitter =>
  (model) => [
    {
      path: `${folder}/index.ts`,
      contents: `// ${model.endpoints.length} endpoints\n`,
    },
  ];

/** apiloom's plugins (names, needs, options) with these stand-ins as what they make. */
export const fakeStages: Stages = {
  plugins: BUILT_IN_PLUGINS.map((plugin) => ({
    ...plugin,
    emit: ({ model }) => (emitters[plugin.name] ?? standIn(plugin.path))(model),
  })),
};
