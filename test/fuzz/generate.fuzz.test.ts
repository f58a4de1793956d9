import { spawnSync } from "node:child_process";
import {
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { dump, loadAll } from "js-yaml";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import type { GeneratedFile } from "../../src/emit/artifact.js";
import { CORPUS_DIR, CORPUS_FILES } from "../shared-corpus.js";
import {
  anyDocument,
  name,
  openapi31,
  postman21,
  swagger2,
} from "./arbitraries.js";
import { applyMutations, mutation } from "./mutate.js";

/**
 * Property-based tests of the whole generator (issue 10): random documents and random damage to
 * real ones. `npm test` runs a short sample with a fixed seed, so that CI judges the change and
 * not the dice; `npm run fuzz` runs the same properties long with a new seed each time
 * (FUZZ_RUNS, default 1,000 each; FUZZ_SEED to replay a failure fast-check printed).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED =
  process.env.FUZZ_SEED !== undefined
    ? Number(process.env.FUZZ_SEED)
    : process.env.FUZZ_RUNS === undefined
      ? 20261123
      : undefined;
const params = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };
const REPO = join(import.meta.dirname, "../..");
const OUT = join(REPO, "test/fuzz/out");

/** A document as a file: JSON, or YAML (js-yaml's dump, which quotes what needs quoting). */
function asText(value: unknown, yaml: boolean): { file: string; text: string } {
  return yaml
    ? { file: "fuzz.yaml", text: dump(value, { noRefs: true, lineWidth: -1 }) }
    : { file: "fuzz.json", text: JSON.stringify(value, null, 2) };
}

async function run(inputs: { file: string; text: string }[]) {
  return generate(inputs, { cwd: REPO, typecheckGenerated: true });
}

/** Accepted outputs kept for one tsc run at the end (tsc costs a second or two per call). */
const accepted: GeneratedFile[][] = [];
const KEEP = Number(process.env.FUZZ_TYPECHECK ?? 6);

const counts = { runs: 0, accepted: 0 };

const kept = { random: 0, damaged: 0 };

/** Half the type-checked outputs from each property, spread over the run (every 3rd accepted). */
function keep(files: GeneratedFile[], from: keyof typeof kept): void {
  counts.accepted++;
  if (counts.accepted % 3 !== 1 || kept[from] >= Math.ceil(KEEP / 2)) return;
  kept[from]++;
  accepted.push(files);
}

function sameBytes(a: GeneratedFile[], b: GeneratedFile[]): void {
  expect(b.map((f) => f.path)).toEqual(a.map((f) => f.path));
  for (let i = 0; i < a.length; i++)
    expect(b[i]!.contents, a[i]!.path).toBe(a[i]!.contents);
}

describe("fuzz: random documents", () => {
  it("never throws, and an accepted document gives output (type-checked below)", async () => {
    await fc.assert(
      fc.asyncProperty(anyDocument, fc.boolean(), async (doc, yaml) => {
        counts.runs++;
        const result = await run([asText(doc, yaml)]);
        if (!result.diagnostics.some((d) => d.severity === "error"))
          keep(result.files, "random");
      }),
      params,
    );
  });

  it("gives the same bytes for the same inputs in any order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(openapi31, swagger2),
        postman21,
        async (a, b) => {
          const first = { file: "a.json", text: JSON.stringify(a) };
          const second = { file: "b.json", text: JSON.stringify(b) };
          const forward = await run([first, second]);
          const backward = await run([second, first]);
          sameBytes(forward.files, backward.files);
          expect(backward.diagnostics).toEqual(forward.diagnostics);
        },
      ),
      { ...params, numRuns: Math.max(5, Math.floor(RUNS / 3)) },
    );
  });
});

/** The seeds, and the shared corpus's documents when it is there. */
function realDocuments(): { file: string; value: unknown }[] {
  const files = [
    ...[
      "stride-messaging.swagger.yaml",
      "stride-conversations.swagger.yaml",
      "stride-subset.postman.json",
    ].map((f) => join(REPO, "specs", f)),
    // the small ones: each run generates the whole document again
    ...CORPUS_FILES.map((f) => join(CORPUS_DIR, f)).filter(
      (f) => statSync(f).size < 150_000,
    ),
  ];
  return files.flatMap((file) =>
    loadAll(readFileSync(file, "utf8"))
      .filter((value) => value !== null && value !== undefined)
      .map((value) => ({ file, value })),
  );
}

describe("fuzz: damaged real documents", () => {
  const documents = realDocuments();

  it("never throws on seeds and corpus documents with nodes deleted, duplicated, retyped and moved", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: documents.length - 1 }),
        fc.array(mutation(name), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (which, mutations, yaml) => {
          const damaged = applyMutations(documents[which]!.value, mutations);
          counts.runs++;
          const result = await run([asText(damaged, yaml)]);
          if (!result.diagnostics.some((d) => d.severity === "error"))
            keep(result.files, "damaged");
        },
      ),
      { ...params, numRuns: Math.max(5, Math.floor(RUNS / 2)) },
    );
  });
});

afterAll(() => {
  process.stdout.write(
    `fuzz: ${counts.accepted} of ${counts.runs} documents accepted; ${accepted.length} outputs type-checked\n`,
  );
  // every accepted output of this run, checked by the project's tsc under --strict in one call
  if (accepted.length === 0) return;
  rmSync(OUT, { recursive: true, force: true });
  accepted.forEach((files, i) => {
    for (const f of files) {
      if (!f.path.endsWith(".ts")) continue;
      const target = join(OUT, String(i), f.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, f.contents);
    }
  });
  writeFileSync(
    join(OUT, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "es2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        lib: ["es2023", "dom"],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        verbatimModuleSyntax: true,
        types: ["node"],
        typeRoots: [join(REPO, "node_modules/@types")],
      },
      include: ["**/*.ts"],
    }),
  );
  const tsc = spawnSync(
    process.execPath,
    [join(REPO, "node_modules/typescript/bin/tsc"), "-p", OUT],
    {
      encoding: "utf8",
    },
  );
  expect((tsc.stdout + tsc.stderr).replaceAll(OUT + "/", "")).toBe("");
}, 120_000);
