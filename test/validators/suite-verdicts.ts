import { expect } from "vitest";
import type { LoadedValidators } from "./generated.js";

/** A group of the JSON Schema Test Suite: a schema and the values it judges. */
interface Judged {
  description: string;
  tests: { description: string; data: unknown; valid: boolean }[];
}

/** A case's id in the known-differences lists: `file: group: case`. */
export const caseId = (
  file: string,
  group: { description: string },
  test: { description: string },
) => `${file}: ${group.description}: ${test.description}`;

/**
 * The suite's verdicts on one file (draft 4's and draft 2020-12's tests): each value gets
 * `expected` (the suite's `valid` unless said) from its group's named schema, `is` agreeing with
 * `check`, but for the `known` differences, each of which must still differ: a fixed one leaves
 * the list.
 */
export function expectVerdicts(
  file: string,
  groups: readonly { file: string; group: Judged; name: string }[],
  validators: LoadedValidators,
  known: Readonly<Record<string, string>>,
  expected: (valid: boolean) => boolean = (valid) => valid,
): void {
  const wrong: string[] = [];
  const differing: string[] = [];
  for (const { group, name } of groups.filter((g) => g.file === file)) {
    const validator = validators.schemas[name];
    expect(validator, `${file}: ${group.description}`).toBeDefined();
    for (const test of group.tests) {
      const id = caseId(file, group, test);
      const valid = validator!.check(test.data).length === 0;
      expect(validator!.is(test.data), id).toBe(valid);
      if (valid === expected(test.valid)) continue;
      if (Object.hasOwn(known, id)) differing.push(id);
      else wrong.push(`${id} (suite: ${test.valid}, apiloom: ${valid})`);
    }
  }
  expect(wrong).toEqual([]);
  expect(differing.sort()).toEqual(
    Object.keys(known)
      .filter((id) => id.startsWith(`${file}: `))
      .sort(),
  );
}
