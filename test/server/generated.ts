import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GeneratedFile } from "../../src/emit/artifact.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));

/** A fresh folder under test/server/out/ (git-ignored), inside the repo so `fastify` resolves. */
export function outDir(name: string): string {
  const dir = join(REPO, "test/server/out", name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function writeFiles(dir: string, files: readonly GeneratedFile[]): void {
  for (const file of files) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
}

/** Runs the project's tsc over `dir` with strict settings; returns its diagnostics text. */
export function typeCheck(dir: string): { ok: boolean; output: string } {
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "es2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        lib: ["es2023", "dom"],
        strict: true,
        noUnusedLocals: true,
        erasableSyntaxOnly: true,
        noEmit: true,
        skipLibCheck: true,
        verbatimModuleSyntax: true,
        types: ["node"],
        typeRoots: [join(REPO, "node_modules/@types")],
      },
      include: ["**/*.ts"],
    }),
  );
  const result = spawnSync(
    process.execPath,
    [join(REPO, "node_modules/typescript/bin/tsc"), "-p", dir],
    { encoding: "utf8" },
  );
  return {
    ok: result.status === 0,
    output: (result.stdout + result.stderr).replaceAll(dir + "/", ""),
  };
}
