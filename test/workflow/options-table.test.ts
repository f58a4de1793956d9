import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseGenerateArgs } from "../../src/cli/generate-options.js";
import { BUILT_IN_PLUGINS } from "../../src/emit/registry.js";
import {
  OUTPUT_NEUTRAL,
  settingsRecord,
} from "../../src/workflow/records/fingerprint.js";
import { produce } from "../../src/workflow/produce.js";
import { finish } from "../../src/emit/run.js";
import {
  resolveSettings,
  type EmitSettings,
  type GenerateSettings,
  type ModelSettings,
} from "../../src/workflow/config/settings.js";
import { REPO, removeDir } from "./harness.js";

/**
 * Issue 23: every setting either changes the manifest's fingerprint (and the output, or the run's
 * outcome) or is declared output-neutral in fingerprint.ts with its reason. One row per setting of
 * the resolved value: the type below makes tsc fail for a setting without a row, and the test
 * fails for a plugin option without one (the options come from the registry).
 */
type Row =
  /** Flipping it changes the fingerprint and the files made. */
  | { kind: "output"; flip: Flip }
  /** Flipping it changes the fingerprint and what the run does, not the files (exit, outside files). */
  | { kind: "outcome"; flip: Flip }
  /** Left out of the fingerprint (OUTPUT_NEUTRAL): another value leaves it as it was. */
  | { kind: "neutral"; other: unknown };

interface Flip {
  /** Laid over the base config (a whole section replaces the base's). */
  config?: Record<string, unknown>;
  /** The config's folder, relative to the project (default the project itself). */
  configDir?: string;
  /** JavaScript laid into the config object (a plugin). */
  code?: string;
}

type CoreRows = {
  [K in Exclude<keyof GenerateSettings, "model" | "emit">]-?: Row;
} & { [K in keyof ModelSettings as `model.${K}`]-?: Row } & {
  [K in Exclude<keyof EmitSettings, "options"> as `emit.${K}`]-?: Row;
};

const CORE_ROWS: CoreRows = {
  api: { kind: "neutral", other: "billing" },
  baseDir: { kind: "output", flip: { configDir: "sub" } },
  configFile: { kind: "neutral", other: "/elsewhere/apiloom.config.mjs" },
  inputs: { kind: "neutral", other: ["specs/a.yaml", "specs/b.yaml"] },
  placesPrinted: { kind: "neutral", other: "any" },
  out: { kind: "output", flip: { config: { out: "build/out" } } },
  "model.allowExternalRefs": {
    kind: "output",
    flip: { config: { merge: { allowExternalRefs: true } } },
  },
  "model.prefer": {
    kind: "output",
    flip: { config: { merge: { prefer: ["specs/b.yaml"] } } },
  },
  "model.info": {
    kind: "output",
    flip: { config: { info: { title: "Renamed" } } },
  },
  "model.tags": {
    kind: "output",
    flip: { config: { tags: { animals: "Creatures" } } },
  },
  "model.overlays": {
    kind: "output",
    flip: { config: { overlays: ["overlays/fix.yaml"] } },
  },
  "model.scalars": {
    kind: "output",
    flip: { config: { dates: "Date", int64: "bigint" } },
  },
  "model.names": {
    kind: "output",
    flip: { config: { names: { "GET /pets": "fetchPets" } } },
  },
  "emit.plugins": {
    kind: "output",
    flip: {
      code: `plugins: [{ name: "notes", version: "1.0.0", description: "notes", path: "notes.md",
        emit: ({ model }) => [{ path: "notes.md", contents: model.info.title + "\\n" }] }]`,
    },
  },
  "emit.artifacts": {
    kind: "output",
    flip: { config: { artifacts: ["openapi"] } },
  },
  "emit.templatesDir": {
    kind: "output",
    flip: { config: { templates: "tpl" } },
  },
  "emit.typecheckGenerated": {
    kind: "output",
    flip: { config: { typecheckGenerated: true } },
  },
  "emit.layout": { kind: "output", flip: { config: { out: "build/out" } } },
  serverHandlers: {
    kind: "outcome",
    flip: { config: { server: { handlers: "src/handlers.ts" } } },
  },
  lock: { kind: "output", flip: { config: { lock: "other.lock.json" } } },
  strict: { kind: "outcome", flip: { config: { strict: true } } },
  maxInputBytes: {
    kind: "outcome",
    flip: { config: { merge: { maxInputSize: 50 } } },
  },
  notApplied: { kind: "neutral", other: ["lock"] },
  remote: {
    kind: "neutral",
    other: {
      timeoutMs: 1000,
      maxRedirects: 0,
      watchIntervalMs: 5000,
      offline: true,
      headers: { "https://a.example": { Authorization: { env: "TOKEN" } } },
    },
  },
  warnings: {
    kind: "neutral",
    other: [
      {
        severity: "warning",
        code: "config/ignored-option",
        message: "x",
        file: "f",
        line: 1,
        column: 1,
      },
    ],
  },
};

/** The options of apiloom's plugins: `emit.options.<plugin>.<option>`. */
const OPTION_ROWS: Record<string, Row> = {
  "emit.options.client.baseUrl": {
    kind: "output",
    flip: { config: { baseUrl: "https://other.example.com" } },
  },
  "emit.options.client.pages": {
    kind: "output",
    flip: { config: { client: { pages: { "GET /pets": { kind: "link" } } } } },
  },
  "emit.options.query.pages": {
    kind: "output",
    flip: { config: { client: { pages: { "GET /pets": { kind: "link" } } } } },
  },
  "emit.options.server.baseUrl": {
    kind: "output",
    flip: { config: { baseUrl: "https://other.example.com/v9" } },
  },
  "emit.options.server.adapters": {
    kind: "output",
    flip: { config: { server: { adapters: ["fastify"] } } },
  },
  "emit.options.server.webhookSignature": {
    kind: "output",
    flip: { config: { server: { webhookSignature: "github" } } },
  },
  "emit.options.server.validateResponses": {
    kind: "output",
    flip: { config: { server: { validateResponses: true } } },
  },
  "emit.options.docs.groupBy": {
    kind: "output",
    flip: { config: { docs: { groupBy: "path" } } },
  },
  // mcp is opt-in: each flip asks for it too (test/mcp/options.test.ts shows each option's effect)
  "emit.options.mcp.tags": {
    kind: "output",
    flip: { config: { artifacts: ["mcp"], mcp: { tags: ["animals"] } } },
  },
  "emit.options.mcp.names": {
    kind: "output",
    flip: { config: { artifacts: ["mcp"], mcp: { names: ["listPets"] } } },
  },
  "emit.options.mcp.methods": {
    kind: "output",
    flip: { config: { artifacts: ["mcp"], mcp: { methods: ["get"] } } },
  },
  "emit.options.mcp.mode": {
    kind: "output",
    flip: { config: { artifacts: ["mcp"], mcp: { mode: "dynamic" } } },
  },
  "emit.options.mcp.maxTools": {
    kind: "output",
    flip: { config: { artifacts: ["mcp"], mcp: { maxTools: 0 } } },
  },
  // paths is opt-in too
  "emit.options.paths.readWriteMarkers": {
    kind: "output",
    flip: {
      config: { artifacts: ["paths"], paths: { readWriteMarkers: true } },
    },
  },
  "emit.options.paths.defaultNonNullable": {
    kind: "output",
    flip: {
      config: { artifacts: ["paths"], paths: { defaultNonNullable: true } },
    },
  },
};

const ROWS: Record<string, Row> = { ...CORE_ROWS, ...OPTION_ROWS };

const spec = (
  title: string,
  summary: string,
  version = "3.0.3",
) => `openapi: ${version}
info: { title: ${title}, version: 1.0.0 }
servers: [{ url: "https://${title.toLowerCase()}.example.com" }]
paths:
  /pets:
    get:
      operationId: listPets
      summary: ${summary}
      tags: [animals]
      parameters: # a date-time and an int64, for the model's scalars (dates, int64)
        - { name: since, in: query, schema: { type: string, format: date-time } }
        - { name: chip, in: query, schema: { type: integer, format: int64 } }
      responses:
        "200":
          description: the pets
          content:
            application/json:
              schema: { $ref: "../shared/owner.json" }
`;

let project: string;
const BASE = { inputs: ["specs/*.yaml"], out: "out" };

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "apiloom-options-table-"));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    writeFileSync(join(project, path), text);
  };
  write("package.json", "{}\n");
  // a webhook, for the server's webhookSignature (webhooks are OpenAPI 3.1's)
  write(
    "specs/a.yaml",
    spec("Alpha", "List the pets", "3.1.0") +
      'webhooks:\n  pet.adopted:\n    post:\n      responses:\n        "204": { description: received }\n',
  );
  write("specs/b.yaml", spec("Beta", "List every pet"));
  write(
    "overlays/fix.yaml",
    "overlay: 1.1.0\ninfo: { title: Fix, version: '1' }\nactions:\n  - target: $.paths['/pets'].get\n    update: { summary: Every pet there is }\n",
  );
  write(
    "shared/owner.json",
    JSON.stringify({
      type: "object",
      properties: { nick: { type: "string" } },
    }),
  );
  write(
    "other.lock.json",
    JSON.stringify({
      lockfileVersion: 1,
      names: { "GET /pets": "lockedPets" },
    }),
  );
  write(
    "tpl/client/endpoint.js",
    readFileSync(join(REPO, "templates/client/endpoint.js"), "utf8").replace(
      "return [",
      'return "// mine\\n" + [',
    ),
  );
});
afterAll(() => removeDir(project));

/** Resolves the base config with `flip` laid over it, as the CLI would, and runs it in memory. */
async function run(flip: Flip = {}) {
  const dir = join(project, flip.configDir ?? ".");
  mkdirSync(dir, { recursive: true });
  const up = flip.configDir ? "../" : "";
  const config = {
    inputs: BASE.inputs.map((p) => `${up}${p}`),
    out: `${up}${BASE.out}`,
    ...flip.config,
  };
  const text = JSON.stringify(config, null, 2);
  writeFileSync(
    join(dir, "apiloom.config.mjs"),
    `export default ${flip.code ? `${text.slice(0, -2)},\n  ${flip.code}\n}` : text};\n`,
  );
  try {
    const settings = await resolveSettings(parseGenerateArgs([]), dir);
    const produced = await finish(
      produce({ settings, stages: { id: "apiloom" } }),
    );
    return {
      settings,
      hash: produced.fingerprint!.settings,
      files: JSON.stringify(produced.files),
    };
  } finally {
    removeDir(join(dir, "apiloom.config.mjs"));
  }
}

/** The dotted paths of every setting a resolved value holds, plugin options one by one. */
function settingPaths(settings: GenerateSettings): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(settings)) {
    if (key === "model" || key === "emit")
      for (const inner of Object.keys(value as object))
        if (key === "emit" && inner === "options")
          for (const [plugin, options] of Object.entries(settings.emit.options))
            for (const option of Object.keys(options))
              paths.push(`emit.options.${plugin}.${option}`);
        else paths.push(`${key}.${inner}`);
    else paths.push(key);
  }
  return paths;
}

describe("every setting is in the fingerprint or declared output-neutral", () => {
  let base: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    base = await run();
  });

  it("has a row for every setting of the resolved value and every option of every plugin", () => {
    const registry = BUILT_IN_PLUGINS.flatMap((plugin) =>
      Object.keys(plugin.options ?? {}).map(
        (key) => `emit.options.${plugin.name}.${key}`,
      ),
    );
    const seen = [...settingPaths(base.settings), ...registry];
    expect(seen.filter((path) => !(path in ROWS))).toEqual([]);
    expect(Object.keys(OPTION_ROWS).sort()).toEqual([...registry].sort());
  });

  it.each(Object.entries(ROWS))("%s", async (path, row) => {
    if (row.kind === "neutral") {
      // declared, with a reason, and another value leaves the fingerprint as it was
      expect(OUTPUT_NEUTRAL).toHaveProperty(path);
      const other = { ...base.settings, [path]: row.other } as GenerateSettings;
      expect(JSON.stringify(settingsRecord(other, "apiloom"))).toBe(
        JSON.stringify(settingsRecord(base.settings, "apiloom")),
      );
      return;
    }
    const flipped = await run(row.flip);
    // the flip reached the setting the row is for
    const value = (s: GenerateSettings) =>
      JSON.stringify(
        path.split(".").reduce<unknown>((v, k) => (v as never)?.[k], s),
      );
    expect(value(flipped.settings)).not.toBe(value(base.settings));
    expect(flipped.hash).not.toBe(base.hash);
    if (row.kind === "output") expect(flipped.files).not.toBe(base.files);
    else expect(flipped.files).toBe(base.files);
  });
});
