import { Project } from "ts-morph";
import { describe, expect, expectTypeOf, it } from "vitest";
import { definePlugin, type ArtifactPlugin } from "../../src/emit/artifact.js";
import { BUILT_IN_PLUGINS } from "../../src/emit/registry.js";
import {
  defineConfig,
  type ApiloomConfig,
  type ApiloomSettings,
} from "../../src/workflow/config/types.js";

/*
 * The config's sections of apiloom's artifacts (`client`, `docs`, `server`, `mcp`) are typed
 * from the plugins' option specs, not typed a second time (issue 59, item 3). The type checks
 * below are checked by `tsc --noEmit`; the test compares the sections' keys with the specs.
 */

describe("the config's types of apiloom's artifacts' options", () => {
  it("hold each built-in's options under its name, those the config holds elsewhere left out", () => {
    const project = new Project({
      tsConfigFilePath: "tsconfig.json",
      skipAddingFilesFromTsConfig: true,
    });
    const file = project.addSourceFileAtPath("src/emit/registry.ts");
    project.resolveSourceFileDependencies();
    const sections = file.getTypeAliasOrThrow("BuiltInOptions").getType();
    for (const plugin of BUILT_IN_PLUGINS as readonly ArtifactPlugin[]) {
      const expected = Object.entries(plugin.options ?? {})
        .filter(
          ([key, spec]) =>
            (spec.config ?? `${plugin.name}.${key}`) ===
            `${plugin.name}.${key}`,
        )
        .map(([key]) => key)
        .sort();
      const section = sections.getProperty(plugin.name);
      const keys = section
        ? section
            .getTypeAtLocation(file)
            .getNonNullableType()
            .getProperties()
            .map((p) => p.getName())
            .sort()
        : [];
      expect(keys, plugin.name).toEqual(expected);
    }
  });

  it("take what each spec's type takes", () => {
    expectTypeOf<NonNullable<ApiloomSettings["server"]>>().toEqualTypeOf<
      {
        adapters?: readonly string[];
        webhookSignature?: "standard" | "github" | "stripe";
        validateResponses?: boolean;
      } & { handlers?: string }
    >();
    expectTypeOf<NonNullable<ApiloomSettings["docs"]>>().toEqualTypeOf<{
      groupBy?: "tag" | "path" | "auto";
    }>();
    expectTypeOf<NonNullable<ApiloomSettings["mcp"]>["mode"]>().toEqualTypeOf<
      "auto" | "tools" | "dynamic" | undefined
    >();
    expectTypeOf<
      NonNullable<ApiloomSettings["mcp"]>["maxTools"]
    >().toEqualTypeOf<number | undefined>();
    const config: ApiloomConfig = defineConfig({
      inputs: ["api.yaml"],
      baseUrl: "/api",
      client: { pages: { "GET /things": { kind: "link" } } },
      server: { adapters: ["hono"], webhookSignature: "github" },
      mcp: { maxTools: 10, mode: "dynamic" },
      // @ts-expect-error: not a grouping the docs take
      docs: { groupBy: "tags" },
    });
    defineConfig({
      // @ts-expect-error: a number, not text
      mcp: { maxTools: "10" },
    });
    expect(config.server?.adapters).toEqual(["hono"]);
  });

  it("type a plugin's emit by its specs' types, not their literal defaults", () => {
    const plugin = definePlugin({
      name: "counted",
      description: "",
      path: "counted",
      options: {
        most: { type: "number", default: 40, help: "" },
        mode: { type: ["auto", "tools"], default: "auto", help: "" },
        tags: { type: "string-list", default: [], help: "" },
      },
      emit({ options }) {
        expectTypeOf(options.most).toEqualTypeOf<number>();
        expectTypeOf(options.mode).toEqualTypeOf<"auto" | "tools">();
        expectTypeOf(options.tags).toEqualTypeOf<readonly string[]>();
        return [];
      },
    });
    expect(plugin.options?.most.default).toBe(40);
  });
});
