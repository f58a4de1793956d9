// The model's diagnostic codes: schemas (schema/), the merge of several inputs (merge/), the
// model's checks (model/), naming overrides (naming/) and auth read from prose (security/). Each
// layer declares its codes beside it, its own and those below (src/ingest/codes.ts,
// src/emit/codes.ts, src/scaffold/codes.ts, src/workflow/codes.ts); src/diagnostic-codes.ts
// assembles the registry of them all.

import type { FamilyCodes } from "./code-info.js";
import { Reporter } from "./reporter.js";

/** The `schema/` codes. */
const SCHEMA_CODES = {
  "schema/alias-cycle": {
    severity: "error",
    meaning:
      "named schemas that are only references to each other (`A → B → A`): no value",
  },
  "schema/composition-cycle": {
    severity: "warning",
    meaning:
      "schemas that compose each other (`Cat: allOf [Pet]`, `Pet: oneOf [Cat]`): one link inlined",
  },
  "schema/invalid-keyword": {
    severity: "warning",
    meaning:
      "a schema keyword whose value has the wrong type (`required: yes`): ignored",
  },
  "schema/too-deep": {
    severity: "warning",
    meaning:
      "schemas nest more than 128 levels deep: deeper ones are typed `unknown`",
  },
  "schema/non-finite-enum": {
    severity: "warning",
    meaning:
      'a numeric schema\'s `enum` lists `"NaN"` or `"Infinity"`, which JSON numbers cannot be: left out of the type',
  },
  "schema/invalid-pattern": {
    severity: "warning",
    meaning:
      "a `pattern` that is not a JavaScript regular expression: the validators skip it",
  },
  "schema/backtracking-pattern": {
    severity: "warning",
    meaning:
      "a `pattern` a backtracking engine may take super-linear time on (`^(a+)+$`), or that the analysis could not prove linear within its budget: the validators run it in linear time instead",
  },
  "schema/unsafe-pattern": {
    severity: "warning",
    meaning:
      "a `pattern` not proved linear that the linear-time matcher cannot run (backreferences, lookaround, or a program over 5,000 instructions: large nested counts): the validators do not check it (`--strict` fails the run)",
  },
} as const satisfies FamilyCodes<"schema">;

/** The `merge/` codes. */
const MERGE_CODES = {
  "merge/base-url-conflict": {
    severity: "warning",
    meaning: "sources disagree on the server URL",
  },
  "merge/unmatched-prefer": {
    severity: "warning",
    meaning:
      "a `merge.prefer` / `--prefer` entry is neither an input nor a folder holding one: it prefers nothing",
  },
  "merge/operation-id-conflict": {
    severity: "warning",
    meaning: "sources give one endpoint different operationIds",
  },
  "merge/parameter-type-conflict": {
    severity: "warning",
    meaning: "sources give one parameter different types",
  },
  "merge/path-variable-names": {
    severity: "warning",
    meaning: "sources name a path variable differently",
  },
  "merge/schema-conflict": {
    severity: "warning",
    meaning:
      "sources define one named schema differently: the higher-ranked source wins",
  },
  "merge/security-scheme-conflict": {
    severity: "warning",
    meaning:
      "sources define one security scheme differently: the higher-ranked source wins",
  },
} as const satisfies FamilyCodes<"merge">;

/** The `model/` codes: the model's checks. */
const CHECK_CODES = {
  "model/degenerate-tags": {
    severity: "info",
    meaning:
      "the tags are words of the summaries, or more than half as many as the endpoints: the docs group by path (`docs.groupBy`)",
  },
  "model/duplicate-webhook": {
    severity: "warning",
    meaning:
      "several documents declare one webhook (key and method): the preferred one is used, the others ignored",
  },
  "model/invalid-path-template": {
    severity: "warning",
    meaning:
      "a path template with a stray brace or a `{name}` twice: endpoint left out",
  },
  "model/text-body-not-string": {
    severity: "warning",
    meaning:
      "a request body's `text/*` media type has a schema no string passes: the generated server refuses every such body (400)",
  },
  "model/undeclared-path-parameter": {
    severity: "warning",
    meaning:
      "a `{name}` in a path that no source declares: made a required string",
  },
  "model/undescribed-body": {
    severity: "warning",
    meaning:
      "a source says a POST/PUT/PATCH sends a body (Postman body mode, `Content-Type`; not `consumes` alone), none describes it: `unknown`",
  },
  "model/untyped-parameter": {
    severity: "warning",
    meaning:
      "no source types a parameter: the client takes a string or a number (sent as text), the server hands over a `string`",
  },
  "model/unused-path-parameter": {
    severity: "warning",
    meaning:
      "a declared path parameter that is not in the path template: left out",
  },
} as const satisfies FamilyCodes<"model">;

/** The `naming/` codes. */
const NAMING_CODES = {
  "naming/invalid-override": {
    severity: "warning",
    meaning:
      "a `names` override that is not a usable identifier: its camelCase form is used (none: the derived name)",
  },
  "naming/override-taken": {
    severity: "warning",
    meaning:
      "a `names` override taken by an earlier one, or reserved (`createClient`): the derived name is used",
  },
  "naming/name-taken": {
    severity: "warning",
    meaning:
      "the name an endpoint's operationId or request title gives is another endpoint's (or reserved): it gets its method-and-path name",
  },
  "naming/shared-route": {
    severity: "info",
    meaning:
      "requests with different titles share one route (merged examples): the endpoint is named after its method and path",
  },
  "naming/unmatched-override": {
    severity: "warning",
    meaning:
      "a `names` key matches no endpoint (any method case, any variable names, `:id`), or another key names it",
  },
} as const satisfies FamilyCodes<"naming">;

/** The `security/` codes. */
const SECURITY_CODES = {
  "security/scopes-from-prose": {
    severity: "info",
    meaning:
      'auth was read from descriptions ("Authentication required, with scope …")',
  },
} as const satisfies FamilyCodes<"security">;

/** The codes the model reports; every layer above reports them too. */
export const MODEL_CODES = {
  ...SCHEMA_CODES,
  ...MERGE_CODES,
  ...CHECK_CODES,
  ...NAMING_CODES,
  ...SECURITY_CODES,
} as const;

export type ModelCode = keyof typeof MODEL_CODES;

/** A reporter of the model's codes. */
export class ModelReporter extends Reporter<ModelCode> {
  constructor() {
    super(MODEL_CODES);
  }
}
