import { join } from "node:path";
import { expect } from "vitest";
import type { Change } from "../../src/diff/change.js";
import type { ApiModel } from "../../src/model/types.js";
import { loadModel } from "../../src/pipeline.js";
import { apiloom } from "../cli/run.js";

/** The fixture pairs, written for these tests: test/fixtures/diff/<format>/old… and new…. */
export const FIXTURES = join(import.meta.dirname, "../fixtures/diff");

export function load(files: readonly string[]): ApiModel {
  const model = loadModel(files, { cwd: FIXTURES });
  expect(model.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return model;
}

/** A change as one line: rule, endpoint, and the generated type and member it touches. */
export function line(c: Change): string {
  const type = c.names.type
    ? ` ${c.names.type}${c.names.member ? `.${c.names.member}` : ""}`
    : "";
  return `${c.rule} ${c.endpoint}${type}`;
}

/**
 * `apiloom generate spec.yaml --out gen --no-config --no-lock -a <artifacts> …extra` in `cwd`:
 * the run the changelog and handler-contract tests repeat on a project they edit between runs.
 */
export function generateSpec(
  cwd: string,
  artifacts: string,
  ...extra: string[]
): ReturnType<typeof apiloom> {
  return apiloom(
    [
      "generate",
      "spec.yaml",
      "--out",
      "gen",
      "--no-config",
      "--no-lock",
      "-a",
      artifacts,
      ...extra,
    ],
    cwd,
  );
}
