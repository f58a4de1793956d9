import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Change } from "../diff/change.js";
import { compareModels } from "../diff/compare.js";
import { ConfigError } from "../workflow/config/error.js";
import { OutsideFileError } from "../workflow/output/outside-file.js";
import { resolveApis, resolveSettings } from "../workflow/config/settings.js";
import { settleOutput } from "../workflow/output/writer.js";
import { paint, useColor } from "./colors.js";
import { DIFF_FORMATS, formatChanges, type DiffFormat } from "./diff-format.js";
import {
  flagsNamed,
  optionsHelp,
  parseFlags,
  type FlagSpec,
  type GenerateFlags,
} from "./generate-options.js";
import { loadSide, placeMembers, type LoadedSide } from "./diff-sides.js";
import { printDiagnostics } from "./report.js";
import { commandIO, type CommandDeps } from "./run-io.js";

type Sides = { before: LoadedSide; after: LoadedSide };

interface DiffFlags extends GenerateFlags {
  to: string[];
  base?: string;
  format: DiffFormat;
  failOn?: "breaking" | "warning";
  project?: string;
}

const FLAGS: FlagSpec<DiffFlags>[] = [
  {
    names: ["--to"],
    help: "The new version's files follow (the ones before it are the old version's)",
    apply: () => {}, // split off before parsing (see splitTo)
  },
  {
    names: ["--base"],
    value: "<git-ref>",
    help: "Compare the config's inputs as committed at <git-ref> with the working tree",
    apply: (f, v) => (f.base = v),
  },
  {
    names: ["--format"],
    value: "<text|markdown|json|github>",
    help: "Report format (default text; github prints Actions annotations)",
    apply: (f, v) => {
      if (!DIFF_FORMATS.includes(v as DiffFormat))
        throw new ConfigError(
          `--format expects one of ${DIFF_FORMATS.join(", ")}, got ${JSON.stringify(v)}`,
        );
      f.format = v as DiffFormat;
    },
  },
  {
    names: ["--fail-on"],
    value: "<breaking|warning>",
    help: "Exit 1 when a change is at least this severe",
    apply: (f, v) => {
      if (v !== "breaking" && v !== "warning")
        throw new ConfigError(
          `--fail-on expects breaking or warning, got ${JSON.stringify(v)}`,
        );
      f.failOn = v;
    },
  },
  {
    names: ["--project"],
    value: "<tsconfig.json>",
    help: "List the call sites in this TypeScript project that use what changed",
    apply: (f, v) => (f.project = v),
  },
  ...(flagsNamed(
    "--api",
    "--config",
    "--no-config",
    "--lock",
    "--allow-external-refs",
    "--overlay",
    "--color",
    "--no-color",
    "--help",
  ) as unknown as FlagSpec<DiffFlags>[]),
];

const HELP = `Usage: apiloom diff <old files...> --to <new files...> [options]
       apiloom diff --base <git-ref> [options]

Compares two versions of the inputs (Swagger 2.0, OpenAPI 3.x, Postman, merged as generate merges
them) and lists what changed: whom it breaks (clients, servers), how badly (breaking, warning,
info), a stable rule id, the old and new place in the specs, and the generated names it touches.

Options:
${optionsHelp(FLAGS)}

Exit codes: 0; 1 when --fail-on is met or an input has errors; 2 bad usage.
`;

/** `apiloom diff`: the changes between two versions of the inputs, in the user's names. */
export async function runDiff(
  args: string[],
  deps: CommandDeps = {},
): Promise<number> {
  const { cwd, env, stdout, stderr } = commandIO(deps);
  let flags: DiffFlags;
  // one pair of sides per API compared (a config's `apis`, or the one --api names)
  let pairs: { api?: string; baseDir: string; sides: Sides }[];
  try {
    flags = parse(args);
    if (flags.help) {
      stdout.write(HELP);
      return 0;
    }
    const say = (line: string) => stderr.write(line);
    if (flags.base !== undefined) {
      if (flags.to.length > 0)
        throw new ConfigError("--base and --to cannot be combined");
      const ref = flags.base;
      pairs = [];
      for (const settings of await resolveApis(flags, cwd)) {
        // a run killed after its commit point is rolled forward first
        settleOutput(settings.out);
        pairs.push({
          api: settings.api,
          baseDir: settings.baseDir,
          sides: {
            before: await loadSide(settings, ref, say, ref),
            after: await loadSide(settings, "the working tree", say),
          },
        });
      }
    } else {
      if (flags.inputs.length === 0 || flags.to.length === 0)
        throw new ConfigError(
          "give the old files, then --to and the new files (or --base <git-ref>)",
        );
      // each side's inputs as generate reads them, without the config unless one is named; the
      // names from the lock when one is given (or apiloom.lock.json is here)
      const lock =
        flags.lock ??
        (existsSync(resolve(cwd, "apiloom.lock.json"))
          ? "apiloom.lock.json"
          : false);
      const side = (inputs: string[]) =>
        resolveSettings(
          { ...flags, inputs, lock, config: flags.config ?? false },
          cwd,
        );
      const before = await side(flags.inputs);
      const after = await side(flags.to);
      pairs = [
        {
          baseDir: before.baseDir,
          sides: {
            before: await loadSide(before, "old files", say),
            after: await loadSide(after, "new files", say),
          },
        },
      ];
    }
  } catch (error) {
    // a lock that cannot be read is the user's file to fix, as for generate
    if (!(error instanceof ConfigError || error instanceof OutsideFileError))
      throw error;
    stderr.write(`apiloom diff: ${error.message}\n`);
    return 2;
  }
  const color = useColor(flags.color, env, stdout.isTTY ?? false);
  const p = paint(color);
  const several = pairs.length > 1;
  const reports: string[] = [];
  let failed = false;
  for (const { baseDir, sides } of pairs)
    if ((await diffOne(sides, baseDir)) === 1) failed = true;
  if (several && flags.format === "json")
    stdout.write(
      JSON.stringify(
        {
          apis: Object.fromEntries(
            reports.map((r, i) => [pairs[i]!.api, JSON.parse(r)]),
          ),
        },
        null,
        2,
      ) + "\n",
    );
  else stdout.write(reports.join(""));
  return failed ? 1 : 0;

  /** One API's comparison: its report kept for printing, 1 when it fails (or cannot compare). */
  async function diffOne(sides: Sides, baseDir: string): Promise<number> {
    // a side that did not load would show every endpoint as removed: report it instead
    const errors = [sides.before, sides.after].flatMap((side) =>
      side.model.diagnostics
        .filter((d) => d.severity === "error")
        .map((d) => ({ ...d, message: `(${side.label}) ${d.message}` })),
    );
    if (errors.length > 0) {
      printDiagnostics(errors, { paint: p, baseDir, cwd, max: 20 }, (t) =>
        stderr.write(t),
      );
      stderr.write(
        "apiloom diff: the inputs have errors; fix them to compare the versions\n",
      );
      reports.push(several && flags.format === "json" ? "null" : "");
      return 1;
    }
    const changes = compareModels(sides.before.model, sides.after.model);
    placeMembers(changes, sides, baseDir);
    if (flags.project !== undefined) {
      const { attachCallSites } = await import("../diff/blast-radius.js");
      attachCallSites(changes, resolve(cwd, flags.project), cwd);
    }
    const api = pairs[reports.length]!.api;
    const heading =
      several && flags.format === "text"
        ? `${p.bold(`API ${api}`)}\n`
        : several && flags.format === "markdown"
          ? `## API ${api}\n\n`
          : "";
    reports.push(
      heading +
        formatChanges(changes, flags.format, {
          paint: p,
          baseDir,
          cwd,
          labels: { old: sides.before.label, new: sides.after.label },
          lines: (side, abs) =>
            (side === "old" ? sides.before : sides.after).texts
              .get(abs)
              ?.split(/\r?\n/),
        }),
    );
    return fails(changes, flags.failOn) ? 1 : 0;
  }
}

function fails(changes: readonly Change[], on: DiffFlags["failOn"]): boolean {
  if (on === undefined) return false;
  return changes.some(
    (c) =>
      c.severity === "breaking" ||
      (on === "warning" && c.severity === "warning"),
  );
}

/** Positionals before `--to` are the old files, after it the new ones. */
function parse(args: readonly string[]): DiffFlags {
  const flags: DiffFlags = {
    inputs: [],
    to: [],
    names: {},
    options: {},
    check: false,
    watch: false,
    force: false,
    help: false,
    quiet: false,
    verbose: false,
    format: "text",
  };
  const at = args.indexOf("--to");
  const before = at === -1 ? args : args.slice(0, at);
  parseFlags(before, FLAGS, flags);
  if (at !== -1) {
    const old = flags.inputs;
    flags.inputs = [];
    parseFlags(args.slice(at + 1), FLAGS, flags);
    flags.to = flags.inputs;
    flags.inputs = old;
    if (flags.to.length === 0)
      throw new ConfigError("--to needs the new version's files");
  }
  return flags;
}
