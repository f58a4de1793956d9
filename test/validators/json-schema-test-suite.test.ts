import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { loadValidators, type LoadedValidators } from "./generated.js";
import { expectVerdicts } from "./suite-verdicts.js";

/**
 * The JSON Schema Test Suite (draft 4, as the `json-schema-test-suite` npm package ships it), run
 * through apiloom as a user's spec would be: each test schema becomes a named schema of an
 * OpenAPI 3.0 document (whose Schema Object is draft 4's dialect), apiloom generates the
 * validators, and every test value must get the suite's verdict. Nobody here wrote these cases.
 */
const SUITE = join(
  dirname(createRequire(import.meta.url).resolve("json-schema-test-suite")),
  "tests/draft4",
);

/** Files not run, and why. */
const SKIPPED_FILES: Record<string, string> = {
  "ref.json":
    "its $refs point into the test schema itself (`#`, `#/definitions/…`); in a spec they resolve against the document",
  "refRemote.json": "remote $refs: apiloom reads no network (ref/remote)",
  "definitions.json":
    "validates schemas against the draft 4 meta-schema by remote $ref",
  "dependencies.json":
    "draft 4 `dependencies` is not an OpenAPI 3.0 keyword; apiloom reads its 2020-12 successors dependentRequired/dependentSchemas",
  "default.json": "annotation only: nothing to validate",
};

/** Single cases where apiloom's answer differs from draft 4's, and why. */
const HOSTNAME =
  "`hostname` is not among the formats apiloom checks (date-time, date, email, uuid, uri, ipv4, ipv6)";
const TYPELESS =
  "apiloom's reading: a schema without `type` whose `properties` (`items`) make its type an object (an array) admits only those, as the generated type says (docs/validation.md)";
const KNOWN_DIFFERENCES: Record<string, string> = {
  "additionalProperties.json: additionalProperties being false does not allow other properties: ignores non-objects":
    TYPELESS,
  "items.json: a schema given for items: ignores non-arrays": TYPELESS,
  "patternProperties.json: patternProperties validates properties matching a regex: ignores non-objects":
    TYPELESS,
  "properties.json: object properties validation: ignores non-objects":
    TYPELESS,
  "optional/format.json: validation of URIs: a valid protocol-relative URI":
    "`uri` is an absolute URI (RFC 3986 §4.3), as ajv-formats and the suite's later drafts have it",
  "optional/format.json: validation of host names: a host name starting with an illegal character":
    HOSTNAME,
  "optional/format.json: validation of host names: a host name containing illegal characters":
    HOSTNAME,
  "optional/format.json: validation of host names: a host name with a component too long":
    HOSTNAME,
  "optional/zeroTerminatedFloats.json: some languages do not distinguish between different types of numeric value: a float is not an integer even without fractional part":
    "JSON.parse reads 1.0 as 1; from draft 6 on, 1.0 is an integer",
};

interface SuiteCase {
  description: string;
  data: unknown;
  valid: boolean;
}
interface SuiteGroup {
  description: string;
  schema: unknown;
  tests: SuiteCase[];
}

const files = [
  ...readdirSync(SUITE).filter((f) => f.endsWith(".json")),
  ...readdirSync(join(SUITE, "optional")).map((f) => `optional/${f}`),
].sort();
const groups: { file: string; group: SuiteGroup; name: string }[] = [];
for (const file of files) {
  if (Object.hasOwn(SKIPPED_FILES, file)) continue;
  const parsed = JSON.parse(
    readFileSync(join(SUITE, file), "utf8"),
  ) as SuiteGroup[];
  parsed.forEach((group) =>
    groups.push({
      file,
      group,
      name: `S${String(groups.length).padStart(4, "0")}`,
    }),
  );
}

let validators: LoadedValidators;

beforeAll(async () => {
  const schemas: Record<string, unknown> = {};
  for (const { name, group } of groups) schemas[name] = group.schema;
  const text = JSON.stringify({
    openapi: "3.0.3",
    info: { title: "JSON Schema Test Suite, draft 4", version: "1" },
    paths: {},
    components: { schemas },
  });
  const { model, diagnostics } = await generate(
    [{ file: "suite.json", text }],
    { artifacts: ["validators"] },
  );
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  validators = await loadValidators(model, "json-schema-test-suite");
}, 120_000);

describe("the JSON Schema Test Suite (draft 4) through apiloom's validators", () => {
  it("runs every file of the suite but those skipped with a reason", () => {
    expect(files.length).toBeGreaterThan(20);
    for (const skipped of Object.keys(SKIPPED_FILES))
      expect(files).toContain(skipped);
    // both verdicts are exercised: an "everything is valid" validator fails hundreds of cases
    const cases = groups.flatMap((g) => g.group.tests);
    expect(cases.filter((c) => c.valid).length).toBeGreaterThan(100);
    expect(cases.filter((c) => !c.valid).length).toBeGreaterThan(100);
  });

  for (const file of files.filter((f) => !Object.hasOwn(SKIPPED_FILES, f)))
    it(file, () => expectVerdicts(file, groups, validators, KNOWN_DIFFERENCES));
});
