import { execFile } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const TSC = resolve(import.meta.dirname, "../../node_modules/.bin/tsc");

/** Writes `files` (path → text) under a fresh temp folder and returns the folder. */
export function writeTree(
  files: Record<string, string>,
  prefix = "apiloom-client-",
): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, contents] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, contents);
  }
  return dir;
}

/**
 * Type-checks every .ts file under `dir` with `tsc --strict --noEmit` as a child process and
 * returns its diagnostics ("" when clean). The generated code targets plain fetch, so the
 * config carries the DOM library and Node's types only for tests that need them.
 */
export async function typeCheck(
  dir: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "es2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        lib: ["es2023", "dom", "dom.iterable"],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        isolatedModules: true,
        verbatimModuleSyntax: true,
        types: [],
        ...extra,
      },
      include: ["**/*.ts"],
    }),
  );
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  try {
    await run(TSC, ["-p", join(dir, "tsconfig.json")], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return "";
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    return (e.stdout || "") + (e.stderr || "") || e.message;
  }
}
