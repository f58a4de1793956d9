import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * The JSON Schema Test Suite's draft 2020-12 files (the dialect of every OpenAPI 3.1 document's
 * schemas) as apiloom reads a user's document: each test schema becomes a named schema of an
 * OpenAPI 3.1 document (a `$ref` into itself, `#/…`, becomes `#/components/schemas/<name>/…`).
 * Nobody here wrote these cases: the files are the suite's (json-schema-org/JSON-Schema-Test-Suite,
 * MIT, LICENSE beside them), as published, only those used; those the official copy was not at
 * hand for (anyOf, const, contains, minContains, oneOf, uniqueItems, properties,
 * dependentRequired, minimum, maximum, minItems, maxItems, maxProperties, multipleOf,
 * optional/float-overflow, optional/non-bmp-regex, optional/format/unknown) as a maintainer's
 * fork has them, with test ids. Run by json-schema-test-suite-2020-12.test.ts (the validators)
 * and json-schema-test-suite-2020-12-types.test.ts (types.ts).
 */
const SUITE = join(
  import.meta.dirname,
  "oracles/json-schema-test-suite-2020-12/tests/draft2020-12",
);

/** Groups not run, and why: apiloom resolves a `$ref` against the document, as a file. */
const skipped = (schema: unknown): string | undefined => {
  const text = JSON.stringify(schema);
  if (/"\$(id|anchor)":/.test(text))
    return "$id and $anchor are not read: a $ref resolves against the document (docs/validation.md)";
  if (/"\$ref":"(?!#)/.test(text))
    return "a $ref to a URI, resolved by $id or on the network (ref/remote)";
  return undefined;
};

export interface SuiteGroup {
  description: string;
  schema: unknown;
  tests: { description: string; data: unknown; valid: boolean }[];
}

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) =>
    statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)],
  );
export const files = walk(SUITE)
  .map((f) => relative(SUITE, f))
  .sort();
export const groups: { file: string; group: SuiteGroup; name: string }[] = [];
export const skips: string[] = [];
for (const file of files)
  for (const group of JSON.parse(
    readFileSync(join(SUITE, file), "utf8"),
  ) as SuiteGroup[]) {
    if (skipped(group.schema)) skips.push(`${file}: ${group.description}`);
    else
      groups.push({
        file,
        group,
        name: `S${String(groups.length).padStart(4, "0")}`,
      });
  }

/** The test schema as a named schema: its `#…` refs point at it in the document. */
const rebase = (value: unknown, name: string): unknown =>
  Array.isArray(value)
    ? value.map((v) => rebase(v, name))
    : value !== null && typeof value === "object"
      ? Object.fromEntries(
          Object.entries(value).map(([k, v]) => [
            k,
            k === "$ref" && typeof v === "string"
              ? `#/components/schemas/${name}${v.slice(1)}`
              : k === "enum" || k === "const"
                ? v
                : rebase(v, name),
          ]),
        )
      : value;

/** The OpenAPI 3.1 document: every group's schema, named `S0000`, `S0001`, … */
export const documentText = JSON.stringify({
  openapi: "3.1.0",
  info: { title: "JSON Schema Test Suite, draft 2020-12", version: "1" },
  paths: {},
  components: {
    schemas: Object.fromEntries(
      groups.map(({ name, group }) => [name, rebase(group.schema, name)]),
    ),
  },
});

/** Which case: `file: group: test`, the key of the known differences. */
export { caseId } from "./suite-verdicts.js";

/**
 * apiloom's reading of a schema without `type` whose `properties`, `patternProperties`
 * (`items`) make its type an object (an array): it admits only those, as the generated type says
 * (docs/validation.md, docs/types.md). The cases of the suite this reading differs on.
 */
export const TYPELESS =
  "a schema without `type` read as its type (docs/validation.md)";
export const TYPELESS_CASES = [
  "additionalProperties.json: additionalProperties being false does not allow other properties: ignores arrays",
  "additionalProperties.json: additionalProperties being false does not allow other properties: ignores strings",
  "additionalProperties.json: additionalProperties being false does not allow other properties: ignores other non-objects",
  "items.json: a schema given for items: ignores non-arrays",
  "items.json: a schema given for items: JavaScript pseudo-array is valid",
  "patternProperties.json: patternProperties validates properties matching a regex: ignores arrays",
  "patternProperties.json: patternProperties validates properties matching a regex: ignores strings",
  "patternProperties.json: patternProperties validates properties matching a regex: ignores other non-objects",
  "properties.json: object properties validation: ignores arrays",
  "properties.json: object properties validation: ignores other non-objects",
  "properties.json: properties whose names are Javascript object property names: ignores arrays",
  "properties.json: properties whose names are Javascript object property names: ignores other non-objects",
  // `foo` is `false`, checked against the root: a schema of `properties` without `type`
  "ref.json: root pointer ref: match",
  "ref.json: root pointer ref: recursive match",
  "required.json: required validation: ignores arrays",
  "required.json: required validation: ignores strings",
  "required.json: required validation: ignores other non-objects",
  "required.json: required validation: null is valid",
];
