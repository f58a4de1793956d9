import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { typeCheck } from "../server/generated.js";

/*
 * docs/server.md's `ts` examples compile (strict) against the repository's generated/ (whose
 * config lists every adapter) and the Stride example's handlers, as `./generated/…` and
 * `./handlers.js` in a project's root.
 */
const REPO = resolve(import.meta.dirname, "../..");
const DOC = join(REPO, "docs/server.md");

function samples(): string[] {
  // the adapters' sections; the handlers-file section after them quotes a generated handlers file
  // (test/samples checks its blocks as excerpts)
  const whole = readFileSync(DOC, "utf8");
  const text = whole.slice(0, whole.indexOf("\n## Your handlers file"));
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

describe("docs/server.md", () => {
  it("has an example per adapter, each about 15 lines", () => {
    const found = samples();
    for (const adapter of ["express", "fastify", "hono"])
      expect(
        found.some((s) => s.includes(`generated/server/${adapter}.js`)),
        adapter,
      ).toBe(true);
    expect(found.some((s) => s.includes("createRequestListener"))).toBe(true);
    for (const sample of found)
      expect(sample.split("\n").length).toBeLessThanOrEqual(20);
  });

  it("every ts example type-checks against generated/", () => {
    const dir = join(REPO, "test/docs/out/server-docs");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
    samples().forEach((sample, i) =>
      writeFileSync(
        join(dir, `sample-${i}.ts`),
        sample
          .replaceAll('"./generated/', '"../../../../generated/')
          .replaceAll(
            '"./handlers.js"',
            '"../../../../examples/stride-server/handlers.js"',
          ),
      ),
    );
    const { ok, output } = typeCheck(dir);
    expect(output).toBe("");
    expect(ok).toBe(true);
  }, 60_000);
});
