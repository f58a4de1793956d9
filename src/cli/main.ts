import * as nodeModule from "node:module";
import { join } from "node:path";
import { apiloomVersion } from "../workflow/identity.js";
import { projectCacheDir } from "../workflow/records/cache-dir.js";
import { failedRun } from "./run-io.js";

/** The command line: parses the sub-command and hands over. The CLI owns the file system. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Node 22.1+ keeps V8's compiled code of the packages a run loads (ts-morph's TypeScript, ~0.3 s
  // of CPU in each run with a handlers file) in the project's cache; V8 checks it against the source
  const dir = projectCacheDir(process.cwd());
  const { enableCompileCache } = nodeModule as {
    enableCompileCache?: (at: string) => unknown;
  };
  if (dir) enableCompileCache?.(join(dir, "compiled"));
  try {
    switch (command) {
      case "inspect":
        return await (await import("./inspect.js")).runInspect(rest);
      case "generate":
        return await (await import("./generate.js")).runGenerate(rest);
      case "diff":
        return await (await import("./diff.js")).runDiff(rest);
      case "init":
        return await (await import("./init.js")).runInit(rest);
      case "overlay":
        return await (await import("./overlay.js")).runOverlay(rest);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(
          USAGE + "\n" + (await import("./generate-options.js")).generateHelp(),
        );
        return 0;
      case "--version":
        process.stdout.write(`apiloom ${apiloomVersion()}\n`);
        return 0;
      default:
        process.stderr.write(
          `apiloom: unknown command ${JSON.stringify(command)}\n\n${USAGE}`,
        );
        return 2;
    }
  } catch (error) {
    return failedRun(error, process.stderr);
  }
}

const USAGE = `Usage: apiloom <command> [options]

Commands:
  init                   Write a starter config for the specs in this project and an npm script
  inspect [files...]     Print the merged endpoints and the diagnostics (--json for the model)
  generate [inputs...]   Write the client, server stubs, docs and OpenAPI document
  diff <old...> --to <new...> | --base <git-ref>
                         What changed between two versions of the inputs, and whom it breaks
  overlay <original> <edited> [-o overlay.yaml]
                         Write the OpenAPI Overlay that turns one document into the other

Run 'apiloom <command> --help' for a command's options.
`;
