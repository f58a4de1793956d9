import { resolve } from "node:path";
import { SEVERITY_ORDER } from "../diff/rules.js";
import { ConfigError } from "../workflow/config/error.js";
import { OutsideFileError } from "../workflow/output/outside-file.js";
import {
  compareSides,
  diffPairs,
  type DiffPair,
} from "../workflow/diff-sides.js";
import { paint, useColor } from "./colors.js";
import { DIFF_FORMATS, formatChanges, type DiffFormat } from "./diff-format.js";
import { choice, optionsHelp, parseFlags, type FlagSpec } from "./flags.js";
import {
  flagsNamed,
  noGenerateFlags,
  type GenerateFlags,
} from "./generate-options.js";
import { apisJson, printDiagnostics, visibleLines } from "./report.js";
import { commandIO, type CommandDeps } from "./run-io.js";

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
    apply: () => {}, // split off before parsing (runDiff)
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
    apply: (f, v) => (f.format = choice("--format", v, DIFF_FORMATS, true)),
  },
  {
    names: ["--fail-on"],
    value: "<breaking|warning>",
    help: "Exit 1 when a change is at least this severe",
    apply: (f, v) =>
      (f.failOn = choice("--fail-on", v, ["breaking", "warning"])),
  },
  {
    names: ["--project"],
    value: "<tsconfig.json>",
    help: "List the call sites in this TypeScript project that use what changed",
    apply: (f, v) => (f.project = v),
  },
  ...flagsNamed(
    "--api",
    "--config",
    "--no-config",
    "--lock",
    "--allow-external-refs",
    "--overlay",
    "--color",
    "--no-color",
    "--help",
  ),
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
  let pairs: DiffPair[];
  try {
    // positionals before `--to` are the old files, after it the new ones
    flags = { ...noGenerateFlags(), to: [], format: "text" };
    const at = args.indexOf("--to");
    parseFlags(at === -1 ? args : args.slice(0, at), FLAGS, flags);
    if (at !== -1) {
      const old = flags.inputs;
      flags.inputs = [];
      parseFlags(args.slice(at + 1), FLAGS, flags);
      flags.to = flags.inputs;
      flags.inputs = old;
      if (flags.to.length === 0)
        throw new ConfigError("--to needs the new version's files");
    }
    if (flags.help) {
      stdout.write(HELP);
      return 0;
    }
    pairs = await diffPairs(flags, cwd, (line) => stderr.write(line));
  } catch (error) {
    // a lock that cannot be read is the user's file to fix, as for generate
    if (!(error instanceof ConfigError || error instanceof OutsideFileError))
      throw error;
    stderr.write(`apiloom diff: ${visibleLines(error.message)}\n`);
    return 2;
  }
  const p = paint(useColor(flags.color, env, stdout.isTTY ?? false));
  const several = pairs.length > 1;
  const project =
    flags.project !== undefined
      ? { tsconfig: resolve(cwd, flags.project), cwd }
      : undefined;
  const reports: string[] = [];
  let failed = false;
  for (const pair of pairs) {
    const compared = await compareSides(pair, project);
    if ("errors" in compared) {
      printDiagnostics(
        compared.errors,
        { paint: p, baseDir: pair.baseDir, cwd, max: 20 },
        (t) => stderr.write(t),
      );
      stderr.write(
        "apiloom diff: the inputs have errors; fix them to compare the versions\n",
      );
      reports.push(several && flags.format === "json" ? "null" : "");
      failed = true;
      continue;
    }
    const { changes } = compared;
    const heading =
      several && flags.format === "text"
        ? `${p.bold(`API ${pair.api}`)}\n`
        : several && flags.format === "markdown"
          ? `## API ${pair.api}\n\n`
          : "";
    reports.push(
      heading +
        formatChanges(changes, flags.format, {
          paint: p,
          baseDir: pair.baseDir,
          cwd,
          labels: { old: pair.before.label, new: pair.after.label },
          lines: (side, abs) =>
            (side === "old" ? pair.before : pair.after).texts
              .get(abs)
              ?.split(/\r?\n/),
        }),
    );
    const on = flags.failOn;
    failed ||=
      on !== undefined &&
      changes.some((c) => SEVERITY_ORDER[c.severity] <= SEVERITY_ORDER[on]);
  }
  if (several && flags.format === "json")
    stdout.write(
      apisJson(reports.map((r, i) => [pairs[i]!.api, JSON.parse(r)])),
    );
  else stdout.write(reports.join(""));
  return failed ? 1 : 0;
}
