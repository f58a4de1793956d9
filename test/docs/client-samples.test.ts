import {
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, expect, test } from "vitest";
import { COMPILERS, CONFIGS } from "../compat/matrix.js";
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, "../..");

// Every `ts` block of docs/client.md compiles against the committed Stride client (generated/)
// under the strictest config of the compat matrix, so the page's samples stay true.
// the page's SDK sections, up to the opt-in artifacts (mocks, query: test/samples checks those
// against a pet store generated with every artifact)
const whole = readFileSync(join(REPO, "docs/client.md"), "utf8");
const page = whole.slice(0, whole.indexOf("\n## Mocks for tests"));
const samples = [...page.matchAll(/```ts\n([^]*?)```/g)].map((m) => m[1]!);
// a project folder with generated/ in it, as the samples' `./generated/` expects
const dir = mkdtempSync(join(REPO, ".client-samples-"));
symlinkSync(join(REPO, "generated"), join(dir, "generated"), "dir");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("docs/client.md has samples, and each compiles (strictest, TypeScript 7)", async () => {
  expect(samples.length).toBeGreaterThanOrEqual(6);
  const files = samples.map((code, i) => {
    const file = join(dir, `sample-${i + 1}.ts`);
    // each sample is a module of its own (top-level await, no clashes between samples)
    writeFileSync(file, code + "\nexport {};\n");
    return file;
  });
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        ...CONFIGS.strictest.compilerOptions,
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        typeRoots: [join(REPO, "node_modules/@types")],
      },
      files,
    }),
  );
  const output = await run(COMPILERS["TypeScript 7"], [
    "-p",
    join(dir, "tsconfig.json"),
    "--pretty",
    "false",
  ]).then(
    () => "",
    (e: { stdout?: string; message: string }) => e.stdout || e.message,
  );
  expect(output.replaceAll(dir + "/", "")).toBe("");
}, 120_000);
