import type {
  ApiModel,
  Endpoint,
  MediaContent,
  Parameter,
  Schema,
} from "../../model/types.js";
import type { EndpointTypes, GeneratedFile, TypeIndex } from "../artifact.js";
import {
  assignment,
  baseMediaType,
  print,
  environmentFile,
  grouped,
  isFormMediaType,
  isJsonMediaType as isJson,
  ownBodySchemas,
  propertyKey,
  revivesAny,
  runtimeFile,
  sameSchema,
  sentContent,
  setOwn,
  streamedFile,
  templateText,
  templateLiteralText,
  type TextOut,
} from "../toolkit.js";
import { VALIDATORS_FOLDER } from "./path.js";
import { PlanBuilder, type PlanOp } from "./plan.js";
import { CheckCode } from "./code.js";
import { bracketed } from "./code-function.js";

/** The files of the validators the generator writes (the others are copied from templates). */
export const VALIDATOR_FILES = [
  `${VALIDATORS_FOLDER}/schemas.ts`,
  `${VALIDATORS_FOLDER}/endpoints.ts`,
] as const;

/** Copied from templates/validators/ after runtime.ts: the formats and the plans' interpreter. */
const COPIED = ["formats.ts", "plan.ts", "plan-checks.ts", "plan-keywords.ts"];

/**
 * The validators artifact, the files docs/validation.md lists. `code: false` leaves every check
 * to the plan's interpreter (the tests compare the two).
 */
export function validatorFiles(
  model: ApiModel,
  index: TypeIndex,
  templatesDir: string | undefined,
  code = true,
): GeneratedFile[] {
  // one plan, validators/checks': a node per named schema (i, sorted by name, is node i), then one per
  // distinct part of an endpoint or webhook, which the tables name by number
  const names = Object.keys(model.schemas).sort();
  const ids = new Map(names.map((name, i) => [model.schemas[name]!, i]));
  const plan = new PlanBuilder(model, (target) => {
    const id = ids.get(target);
    return id === undefined ? undefined : ["$", id];
  });
  for (const name of names) plan.reserve(model.schemas[name]!.schema);
  const tables = (["endpoints", "webhooks"] as const)
    .filter((name) => name === "endpoints" || (model.webhooks ?? []).length > 0)
    .map((name) => operationRows(model, index, name, plan));
  const listed = plan.nodes.length;
  plan.finish();
  // the checks as code; with int64 as bigint, the interpreter's (it compares bigints)
  const written =
    code && !plan.bigints
      ? new CheckCode(plan.nodes as PlanOp[][], plan.patterns)
      : undefined;
  const functions = written?.text() ?? [];
  // TypeScript under `// @ts-nocheck`, which a plain tsc build emits beside the rest, unless the
  // code is large: then JavaScript beside a declaration, which no tsc parses (docs/validation.md)
  const js = functions.reduce((n, f) => n + f.length, 0) > CHECKS_IN_TS;
  const files: GeneratedFile[] = [
    runtimeFile("validators", "runtime.ts", templatesDir),
    ...COPIED.map((file) => runtimeFile("validators", file, templatesDir)),
    schemasFile(model, index, names, templatesDir),
    ...(listed === 0 ? [] : [checksFile(plan, written, functions, listed, js)]),
    ...(js
      ? [
          {
            path: `${VALIDATORS_FOLDER}/checks.d.ts`,
            contents: templateText("validators", "checks.d.ts", templatesDir),
          },
        ]
      : []),
    ...tables.map((table) => operationsFile(model, table, listed > 0)),
  ];
  files.push(environmentFile("validators", files, templatesDir));
  return files;
}

/** validators/schemas.ts: a check per named schema (validators/checks' of its number), `schemas`. */
function schemasFile(
  model: ApiModel,
  index: TypeIndex,
  names: readonly string[],
  templatesDir: string | undefined,
): GeneratedFile {
  const checks = names.map((name) => `check${index.schemaTypeName(name)}`);
  const imports = [
    ...(names.length > 0 ? ['import type * as T from "../types.js";'] : []),
    'import * as r from "./runtime.js";',
    ...(names.length > 0 ? ['import { checks as C } from "./checks.js";'] : []),
  ].join("\n");
  return streamedFile(
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
      if (names.length > 0) out.write("\n");
      for (let i = 0; i < names.length; i++)
        out.write(
          "\n" +
            print(
              assignment(
                `export const ${checks[i]!}: r.Check =`,
                `C[${i}]!`,
                ";",
              ),
            ),
        );
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
}

/**
 * How much code (characters) the checks may hold in checks.ts. GitHub's are 10 MB: as
 * TypeScript under `// @ts-nocheck`, its default artifacts took a user's tsc 5.71 s and 791 MiB,
 * as JavaScript 3.03 s and 313 MiB (docs/benchmark.md); 2 MB of checks as TypeScript cost a
 * program using them 0.9 s and 110 MB more on TypeScript 5.9, 0.13 s and 55 MB on 7.
 */
const CHECKS_IN_TS = 1_000_000;

/**
 * validators/checks.ts (or .js, beside its declaration checks.d.ts, when `js`): the checks as
 * code (code.ts's `functions`; the plan's interpreter for what it does not write); `checks[i]`
 * is node i's, for the first `listed` nodes (the named schemas', then the parts').
 */
function checksFile(
  plan: PlanBuilder,
  code: CheckCode | undefined,
  functions: readonly string[],
  listed: number,
  js: boolean,
) {
  // the plan, when a node is left to it or the code uses its patterns
  const planned =
    plan.nodes.some((_, id) => !code?.written(id)) ||
    functions.some((f) => f.includes("P.pattern("));
  const path = `${VALIDATORS_FOLDER}/checks.${js ? "js" : "ts"}`;
  return streamedFile(path, (out) => {
    out.write(
      HEADER +
        "// The checks of the named schemas (validators/schemas.ts names them) and of the endpoints' parts.\n" +
        // untyped code; in checks.js, for a project's `checkJs` (@tsconfig/strictest)
        "// @ts-nocheck\n\n",
    );
    if (code || !js) out.write('import * as r from "./runtime.js";\n');
    if (planned) out.write('import { plan } from "./plan.js";\n');
    // sections of lines, a blank line before each
    const section = (write: (out: TextOut) => void): void => {
      const pieces: string[] = [];
      write({ write: (piece) => pieces.push(piece) });
      if (pieces.length > 0) out.write("\n" + pieces.join(""));
    };
    // `const K = JSON.parse(`[…]`)`: the code's constants, one per line (when it uses them)
    const usesK = (text: string) => text.includes("K[");
    if (code && (functions.some(usesK) || code.hoisted.some(usesK)))
      section((o) => {
        const lines = code.constants.map((c) => "\n" + json(c));
        o.write(
          "/** The constants of the checks below (spec text among them). */\n" +
            `const K = JSON.parse(\`[${lines.join(",")}\n]\`);\n`,
        );
      });
    if (planned) section((o) => planText(o, plan, code));
    section((o) => {
      for (const id of code?.interpreted() ?? [])
        o.write(`const c${id} = P.check(${id});\n`);
      for (const line of code?.hoisted ?? []) o.write(line + "\n");
    });
    for (const fn of functions) section((o) => o.write(fn + "\n"));
    const list = Array.from({ length: listed }, (_, id) =>
      code?.called(id) ? `c${id}` : `P.check(${id})`,
    );
    const head = `export const checks${js ? "" : ": readonly r.Check[]"} = `;
    out.write(`\n${bracketed(head, list, ";")}\n`);
  });
}

type Part = "path" | "query" | "headers" | "cookies" | "body";

/** A table entry: a part and its node, or `bodies`, a node and the media types it judges. */
type PartRow = [Part, number] | ["bodies", number, string[]];

/**
 * The operations files by their table's name: its `<Of>` (`<Of>Types`), its header's second line
 * and its table's doc. A webhook's payload is read as the API sends it, as a response is.
 */
const OPERATIONS = {
  endpoints: [
    "Endpoint",
    "// Validators of each endpoint's parameters, body (by media type, where they differ) and JSON responses.\n\n",
    "/**\n * Per endpoint: validators of the request's parts (readOnly properties not required) and of\n * the JSON response of each status (writeOnly properties not required).\n */\n",
  ],
  webhooks: [
    "Webhook",
    "// Validators of each webhook's headers, JSON payload and JSON answers.\n\n",
    "/**\n * Per webhook: validators of the request the API sends (writeOnly properties not required)\n * and of the receiver's JSON answer of each status (readOnly properties not required).\n */\n",
  ],
} as const;

/** An operations table: its name, its rows (what `P.table()` reads), its types' lines. */
interface OperationTable {
  name: keyof typeof OPERATIONS;
  rows: unknown[];
  typeLines: string[];
}

/** An operations table's rows: each part's sub a node of `plan` (validators/checks'), by number. */
function operationRows(
  model: ApiModel,
  index: TypeIndex,
  name: keyof typeof OPERATIONS,
  plan: PlanBuilder,
): OperationTable {
  const operations: [Endpoint, Pick<EndpointTypes, Part | "responses">][] =
    name === "endpoints"
      ? model.endpoints.map((e) => [e, index.endpoint(e)])
      : (model.webhooks ?? []).map((w) => [w, index.webhook(w)]);
  const table: OperationTable = { name, rows: [], typeLines: [] };
  const { typeLines } = table;
  for (const [endpoint, types] of operations) {
    const parts: PartRow[] = [];
    const add = (part: Part, schema: Schema, type: string) => {
      parts.push([part, plan.part(schema)]);
      typeLines.push(`    ${part}: ${narrowedTo(model, type)};`);
    };
    typeLines.push(`  ${propertyKey(endpoint.name)}: {`);
    const params = endpoint.parameters;
    if (types.path) add("path", paramsSchema(params.path), `T.${types.path}`);
    if (types.query)
      add("query", paramsSchema(params.query), `T.${types.query}`);
    if (types.headers)
      add("headers", paramsSchema(params.header), `T.${types.headers}`);
    if (params.cookie.length > 0)
      add("cookies", paramsSchema(params.cookie), "Record<string, unknown>");
    const body =
      endpoint.requestBody && jsonSchemaOf(endpoint.requestBody.content, true);
    if (types.body && body) add("body", body, `T.${types.body}`);
    if (types.body && endpoint.requestBody) {
      // the `bodies` rows: a body's validator by media type, where `body` would judge one wrongly
      // (see `ownBodySchemas`); one row per distinct sub
      const subs = ownBodySchemas(
        endpoint.requestBody.content,
        model.schemas,
        body,
      ).map(({ type, schema }) => ({ type, sub: plan.part(schema) }));
      for (const same of grouped(subs, (s) => s.sub).values())
        parts.push(["bodies", same[0]!.sub, same.map((s) => s.type)]);
    }
    const responses: [string, number][] = [];
    for (const response of endpoint.responses) {
      const schema = jsonSchemaOf(response.content);
      if (schema) responses.push([response.status, plan.part(schema)]);
      // another JSON media type with its own schema: `<status> <type>`, by what the API sent
      for (const c of response.content)
        if (isJson(c.mediaType) && !sameSchema(c.schema ?? schema, schema))
          responses.push([
            `${response.status} ${baseMediaType(c.mediaType)}`,
            plan.part(c.schema!),
          ]);
    }
    typeLines.push(
      `    responses: ${narrowedTo(model, `T.${types.responses}`)};`,
      "  };",
    );
    table.rows.push([endpoint.name, parts, responses]);
  }
  return table;
}

/**
 * An operations table's file: its rows, each part's check validators/checks' of its number
 * (`checks`: whether there is that file, which a table without a part's schema does not need).
 */
function operationsFile(
  model: ApiModel,
  { name, rows, typeLines }: OperationTable,
  checks: boolean,
): GeneratedFile {
  const [of, comment, tableDoc] = OPERATIONS[name];
  const typesName = `${of}Types`;
  const alias = `${of}ValidatorTable`;
  return streamedFile(
    `${VALIDATORS_FOLDER}/${name}.ts`,
    (out) => {
      out.write(HEADER + comment);
      const some = rows.length > 0;
      const imports = [
        ...(some ? ['import type * as T from "../types.js";'] : []),
        'import * as r from "./runtime.js";',
        ...(revivesAny(model.scalars) && some
          ? ['import type { Wire } from "./schemas.js";']
          : []),
        ...(some && checks
          ? ['import { checks as C } from "./checks.js";']
          : []),
        ...(some ? ['import { plan } from "./plan.js";'] : []),
      ];
      out.write(imports.join("\n"));
      if (some) {
        out.write(
          "\n\n/** The table: each part's check is validators/checks' of its number. */\n" +
            'const P = plan(\n  JSON.parse(`{\n"e":[',
        );
        lines(out, rows, ",");
        out.write(`]}\`),\n  "",${checks ? "\n  C," : ""}\n);\n`);
      }
      out.write(
        `\n/** Each ${of.toLowerCase()}'s parts and the types their validators narrow to. */\n`,
      );
      objectType(out, typesName, typeLines);
      const head =
        `\n\nexport type ${alias} = r.Endpoints<${typesName}>;\n\n` +
        `${tableDoc}export const ${name}: ${alias} = r.${name}<${typesName}>(`;
      if (!some) out.write(`${head}{});\n`);
      else out.write(`${head}\n  P.table<${typesName}>(),\n);\n`);
    },
    { skipTypecheck: true },
  );
}

export function paramsSchema(params: readonly Parameter[]): Schema {
  const properties: Record<string, Schema> = {};
  for (const p of params) setOwn(properties, p.name, p.schema ?? {});
  const required = params.filter((p) => p.required).map((p) => p.name);
  return required.length > 0 ? { properties, required } : { properties };
}

/** The schema of the first JSON media type that has one (a request's: the one the client sends). */
export function jsonSchemaOf(
  content: readonly MediaContent[],
  request = false,
) {
  const sent = request ? sentContent([...content])[0] : undefined;
  if (sent?.schema && isJson(sent.mediaType)) return sent.schema;
  const form =
    sent && isFormMediaType(sent.mediaType) ? sent.schema : undefined;
  return content.find((c) => c.schema && isJson(c.mediaType))?.schema ?? form;
}

export const HEADER =
  "// Generated by apiloom from the API description: rewritten on every run, do not edit.\n";

/** `types` as the validators narrow to it: `Wire<types>` when the model revives values. */
function narrowedTo(model: Pick<ApiModel, "scalars">, types: string): string {
  return revivesAny(model.scalars) ? `Wire<${types}>` : types;
}

/**
 * `const P = plan(JSON.parse(`…`), `…`)`: validators/checks' plan in template literals: the patterns as
 * JSON, then one node per line, parsed on its check's first use; the nodes written as code
 * (`code`) are left empty, and given to the plan as their functions.
 */
function planText(out: TextOut, plan: PlanBuilder, code?: CheckCode): void {
  out.write(
    "/** The schemas as data: validators/plan.ts makes each check on its first use. */\n",
  );
  const members: string[] = [];
  if (plan.patterns.length > 0) members.push(`"r":${json(plan.patterns)}`);
  if (plan.bigints) members.push('"b":1');
  // a member per line: a literal with a line break stays hugged in its call (prettier's layout)
  out.write("const P = plan(\n  JSON.parse(`{");
  if (members.length > 0) out.write("\n" + members.join(",\n"));
  out.write("}`),\n  `");
  lines(
    out,
    code === undefined
      ? plan.nodes
      : plan.nodes.map((node, id) => (code.written(id) ? 0 : node)),
    "",
  );
  out.write("`,\n");
  if (code !== undefined) {
    const checks = plan.nodes.map((_, id) =>
      code.written(id) ? `c${id}` : "undefined",
    );
    out.write(bracketed("", checks, ",", 2) + "\n");
  }
  out.write(");\n");
}

/** The items, one per line (separated by `comma` and a line break). */
function lines(out: TextOut, items: readonly unknown[], comma: string): void {
  for (let i = 0; i < items.length; i++)
    out.write((i === 0 ? "" : comma) + "\n" + json(items[i]));
  if (items.length > 0 && comma !== "") out.write("\n");
}

const json = (value: unknown) => templateLiteralText(JSON.stringify(value));

function objectType(out: TextOut, name: string, lines: readonly string[]) {
  const body = lines.length === 0 ? "" : `\n${lines.join("\n")}\n`;
  out.write(`export interface ${name} {${body}}`);
}
