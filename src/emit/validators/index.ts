import type { ApiModel } from "../../model/types.js";
import type { GeneratedFile, TypeIndex } from "../artifact.js";
import {
  assignment,
  print,
  environmentFile,
  propertyKey,
  revivesAny,
  runtimeFile,
  streamedFile,
  templateText,
  templateLiteralText,
  type TextOut,
} from "../toolkit.js";
import { VALIDATORS_FOLDER } from "./path.js";
import { PlanBuilder, type PlanOp } from "./plan.js";
import { CheckCode } from "./code.js";
import { bracketed } from "./code-function.js";
import { operationsFile } from "./operations-file.js";
import { HEADER, narrowedTo, objectType, planText } from "./plan-text.js";

/** The files of the validators the generator writes (the others are copied from templates). */
export const VALIDATOR_FILES = [
  `${VALIDATORS_FOLDER}/schemas.ts`,
  `${VALIDATORS_FOLDER}/endpoints.ts`,
] as const;

/** Copied from templates/validators/ after runtime.ts: the formats and the plans' interpreter. */
const COPIED = ["formats.ts", "plan.ts", "plan-checks.ts", "plan-keywords.ts"];

/**
 * The validators artifact, the files docs/validation.md lists. `code: false` leaves the named
 * schemas' checks to the plan's interpreter (the tests compare the two).
 */
export function validatorFiles(
  model: ApiModel,
  index: TypeIndex,
  templatesDir: string | undefined,
  code = true,
): GeneratedFile[] {
  const files: GeneratedFile[] = [
    runtimeFile("validators", "runtime.ts", templatesDir),
    ...COPIED.map((file) => runtimeFile("validators", file, templatesDir)),
    ...schemasFile(model, index, code, templatesDir),
    operationsFile(model, index, "endpoints"),
  ];
  if (model.webhooks && model.webhooks.length > 0)
    files.push(operationsFile(model, index, "webhooks"));
  files.push(environmentFile("validators", files, templatesDir));
  return files;
}

/** validators/schemas.ts: a check per named schema (i, sorted by name, is the plan's node i). */
function schemasFile(
  model: ApiModel,
  index: TypeIndex,
  written: boolean,
  templatesDir: string | undefined,
): GeneratedFile[] {
  const names = Object.keys(model.schemas).sort();
  const ids = new Map(names.map((name, i) => [model.schemas[name]!, i]));
  const plan = new PlanBuilder(model, (target) => {
    const id = ids.get(target);
    return id === undefined ? undefined : ["$", id];
  });
  for (const name of names) plan.reserve(model.schemas[name]!.schema);
  plan.finish();
  // the checks as code; with int64 as bigint, the interpreter's (it compares bigints)
  const code =
    plan.bigints || !written || names.length === 0
      ? undefined
      : new CheckCode(plan.nodes as PlanOp[][], plan.patterns);
  const checks = names.map((name) => `check${index.schemaTypeName(name)}`);
  const imports = [
    ...(names.length > 0 ? ['import type * as T from "../types.js";'] : []),
    'import * as r from "./runtime.js";',
    ...(code !== undefined
      ? ['import { checks as C } from "./checks.js";']
      : names.length > 0
        ? ['import { plan } from "./plan.js";']
        : []),
  ].join("\n");
  const schemas = streamedFile(
    VALIDATOR_FILES[0],
    (out) => {
      out.write(
        HEADER +
          "// One check per named schema (JSON Schema 2020-12), and `schemas`: a validator for each.\n\n",
      );
      out.write(imports);
      // `Wire<T>`, declared here once (and imported by the other files)
      if (revivesAny(model.scalars))
        out.write(
          "\n\n" +
            templateText("validators", "wire.ts", templatesDir).trimEnd(),
        );
      if (names.length > 0) {
        out.write("\n\n");
        if (code === undefined) planText(out, plan);
        for (let i = 0; i < names.length; i++)
          out.write(
            (i === 0 && code !== undefined ? "" : "\n") +
              print(
                assignment(
                  `export const ${checks[i]!}: r.Check =`,
                  code === undefined ? `P.check(${i})` : `C[${i}]!`,
                  ";",
                ),
              ),
          );
      }
      out.write(
        "\n\n/** The type each validator of `schemas` narrows to. */\n",
      );
      objectType(
        out,
        "SchemaTypes",
        names.map((name) => {
          const type = index.schemaTypeName(name);
          return `  ${propertyKey(type)}: ${narrowedTo(model, `T.${type}`)};`;
        }),
      );
      const head =
        "\n\nexport type SchemaValidators = r.Validators<SchemaTypes>;\n\n" +
        "/** A validator per named schema, reading it as plain JSON Schema. */\n" +
        "export const schemas: SchemaValidators = r.validators<SchemaTypes>(";
      out.write(`${head}{`);
      // a check too long for its line moves below a key of 5+ characters (prettier's layout)
      names.forEach((name, i) => {
        const key = propertyKey(index.schemaTypeName(name));
        const member =
          key.length < 5
            ? `${key}: ${checks[i]!},`
            : print(assignment(`${key}:`, checks[i]!, ","), { indent: 2 });
        out.write(`\n  ${member}`);
      });
      out.write(names.length === 0 ? "});\n" : "\n});\n");
    },
    { skipTypecheck: true },
  );
  if (code === undefined) return [schemas];
  return [
    schemas,
    checksFile(plan, code, names.length),
    {
      path: `${VALIDATORS_FOLDER}/checks.d.ts`,
      contents: templateText("validators", "checks.d.ts", templatesDir),
    },
  ];
}

/**
 * validators/checks.js: the named schemas' checks as JavaScript (code.ts), beside a declaration
 * (checks.d.ts) so that a user's tsc reads none of it; `checks[i]` is named schema i's.
 */
function checksFile(
  plan: PlanBuilder,
  code: CheckCode,
  named: number,
): GeneratedFile {
  const functions = code.text();
  // the plan, when a node is left to it or the code uses its patterns
  const planned =
    plan.nodes.some((_, id) => !code.written(id)) ||
    functions.some((f) => f.includes("P.pattern("));
  return streamedFile(`${VALIDATORS_FOLDER}/checks.js`, (out) => {
    out.write(
      HEADER +
        "// The named schemas' checks as JavaScript (validators/schemas.ts names them).\n\n",
    );
    out.write('import * as r from "./runtime.js";\n');
    if (planned) out.write('import { plan } from "./plan.js";\n');
    // sections of lines, a blank line before each
    const section = (write: (out: TextOut) => void): void => {
      const pieces: string[] = [];
      write({ write: (piece) => pieces.push(piece) });
      if (pieces.length > 0) out.write("\n" + pieces.join(""));
    };
    section((o) => constantsText(o, code, functions));
    if (planned) section((o) => planText(o, plan, [], undefined, code));
    section((o) => {
      for (const id of code.interpreted())
        o.write(`const c${id} = P.check(${id});\n`);
      for (const line of code.hoisted) o.write(line + "\n");
    });
    for (const fn of functions) section((o) => o.write(fn + "\n"));
    const list = Array.from({ length: named }, (_, id) =>
      code.called(id) ? `c${id}` : `P.check(${id})`,
    );
    out.write(`\n${bracketed("export const checks = ", list, ";")}\n`);
  });
}

/** `const K = JSON.parse(`[…]`)`: the constants of the code, one per line (when it uses them). */
function constantsText(
  out: TextOut,
  code: CheckCode,
  functions: readonly string[],
): void {
  const used = (text: string) => text.includes("K[");
  if (!functions.some(used) && !code.hoisted.some(used)) return;
  out.write(
    "/** The constants of the checks below (spec text among them). */\n",
  );
  const lines = code.constants.map(
    (c) => "\n" + templateLiteralText(JSON.stringify(c)),
  );
  out.write(`const K = JSON.parse(\`[${lines.join(",")}\n]\`);\n`);
}
