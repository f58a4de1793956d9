import { plural } from "./report.js";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { makeOverlay } from "../workflow/overlay.js";
import { shownUrl } from "../model/source-url.js";
import { commandIO, type CommandDeps } from "./run-io.js";

const HELP = `Usage: apiloom overlay <original> <edited> [-o overlay.yaml]

Writes the OpenAPI Overlay (1.0) that turns <original> into <edited>: a team that edited a vendor's
file by hand keeps the vendor's file as it comes and its edits as an overlay (give it to generate
with --overlay, or list it under "overlays" in the config). JSON or YAML, any format apiloom reads;
each document is an input as generate reads it: a file, a glob matching one, or an http(s) URL.

Options:
  -o, --out <file>  Write the overlay there (JSON when it ends in .json), not to stdout;
                    its "extends" names <original> relative to that file's folder
  -h, --help        Show this help

Exit codes: 0 written; 1 a file cannot be read or parsed, or the two are the same; 2 bad usage.
`;

export async function runOverlay(
  args: string[],
  deps: CommandDeps = {},
): Promise<number> {
  const { cwd, stdout, stderr } = commandIO(deps);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: "string", short: "o" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    stderr.write(`apiloom overlay: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (parsed.values.help) {
    stdout.write(HELP);
    return 0;
  }
  const files = parsed.positionals;
  if (files.length !== 2) {
    stderr.write(
      `apiloom overlay: give the original and the edited document (got ${files.length} files)\n\n${HELP}`,
    );
    return 2;
  }
  const [originalFile, editedFile] = files as [string, string];
  const given = parsed.values.out;
  const out = given !== undefined ? resolve(cwd, given) : undefined;
  if (out !== undefined && files.some((f) => resolve(cwd, f) === out)) {
    stderr.write(`apiloom overlay: --out ${given} is one of the documents\n`);
    return 2;
  }
  const result = await makeOverlay(originalFile, editedFile, {
    cwd,
    out,
    say: (line) => stderr.write(line),
  });
  if ("usage" in result) {
    stderr.write(`apiloom overlay: ${result.usage}\n`);
    return 2;
  }
  if ("failed" in result) {
    // the line starts at its place, which is shown as every place is: a URL's user info `***`
    stderr.write(shownUrl(result.failed));
    return 1;
  }
  if (out === undefined) stdout.write(result.text);
  else
    stderr.write(
      `apiloom overlay: ${plural(result.actions, "action")} → ${given}\n`,
    );
  return 0;
}
