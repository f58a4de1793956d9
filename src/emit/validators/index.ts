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
import { isBareRef, PlanBuilder, type PlanOp, type PlanSub } from "./plan.js";
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
function checksFile(plan: PlanBuilder, code: CheckCode, named: number) {
  const functions = code.text();
  // the plan, when a node is left to it or the code uses its patterns
  const planned =
    plan.nodes.some((_, id) => !code.written(id)) ||
    functions.some((f) => f.includes("P.pattern("));
  return streamedFile(`${VALIDATORS_FOLDER}/checks.js`, (out) => {
    out.write(
      HEADER +
        "// The named schemas' checks as JavaScript (validators/schemas.ts names them).\n" +
        // checks.d.ts types it: a project's `checkJs` (@tsconfig/strictest) leaves it unchecked
        "// @ts-nocheck\n\n",
    );
    out.write('import * as r from "./runtime.js";\n');
    if (planned) out.write('import { plan } from "./plan.js";\n');
    // sections of lines, a blank line before each
    const section = (write: (out: TextOut) => void): void => {
      const pieces: string[] = [];
      write({ write: (piece) => pieces.push(piece) });
      if (pieces.length > 0) out.write("\n" + pieces.join(""));
    };
    // `const K = JSON.parse(`[…]`)`: the code's constants, one per line (when it uses them)
    const usesK = (text: string) => text.includes("K[");
    if (functions.some(usesK) || code.hoisted.some(usesK))
      section((o) => {
        const lines = code.constants.map((c) => "\n" + json(c));
        o.write(
          "/** The constants of the checks below (spec text among them). */\n" +
            `const K = JSON.parse(\`[${lines.join(",")}\n]\`);\n`,
        );
      });
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

type Part = "path" | "query" | "headers" | "cookies" | "body";

/** A table entry: a part and its sub, or `bodies`, a sub and the media types it judges. */
type PartRow = [Part, PlanSub] | ["bodies", PlanSub, string[]];

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

/** An operations table's file: its plan (calling schemas.ts's checks by name), types and table. */
function operationsFile(
  model: ApiModel,
  index: TypeIndex,
  name: keyof typeof OPERATIONS,
): GeneratedFile {
  const [of, comment, tableDoc] = OPERATIONS[name];
  const typesName = `${of}Types`;
  const alias = `${of}ValidatorTable`;
  const rows: [Endpoint, Pick<EndpointTypes, Part | "responses">][] =
    name === "endpoints"
      ? model.endpoints.map((e) => [e, index.endpoint(e)])
      : (model.webhooks ?? []).map((w) => [w, index.webhook(w)]);
  const checkNames = new Map<object, string>();
  for (const [name, schema] of Object.entries(model.schemas))
    checkNames.set(schema, `check${index.schemaTypeName(name)}`);
  let named = false;
  const plan = new PlanBuilder(model, (target) => {
    const check = checkNames.get(target);
    if (check === undefined) return undefined;
    named = true;
    return ["@", check];
  });
  const typeLines: string[] = [];
  const planRows: unknown[] = [];
  for (const [endpoint, types] of rows) {
    const parts: PartRow[] = [];
    const add = (part: Part, schema: Schema, type: string) => {
      parts.push([part, entry(plan, schema)]);
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
      ).map(({ type, schema }) => ({ type, sub: entry(plan, schema) }));
      for (const same of grouped(subs, (s) => JSON.stringify(s.sub)).values())
        parts.push(["bodies", same[0]!.sub, same.map((s) => s.type)]);
    }
    const responses: [string, PlanSub][] = [];
    for (const response of endpoint.responses) {
      const schema = jsonSchemaOf(response.content);
      if (schema) responses.push([response.status, entry(plan, schema)]);
      // another JSON media type with its own schema: `<status> <type>`, by what the API sent
      for (const c of response.content)
        if (isJson(c.mediaType) && !sameSchema(c.schema ?? schema, schema))
          responses.push([
            `${response.status} ${baseMediaType(c.mediaType)}`,
            entry(plan, c.schema!),
          ]);
    }
    typeLines.push(
      `    responses: ${narrowedTo(model, `T.${types.responses}`)};`,
      "  };",
    );
    planRows.push([endpoint.name, parts, responses]);
  }
  plan.finish();
  return streamedFile(
    `${VALIDATORS_FOLDER}/${name}.ts`,
    (out) => {
      out.write(HEADER + comment);
      const imports = [
        ...(rows.length > 0 ? ['import type * as T from "../types.js";'] : []),
        'import * as r from "./runtime.js";',
        ...(revivesAny(model.scalars) && rows.length > 0
          ? ['import type { Wire } from "./schemas.js";']
          : []),
        ...(named ? ['import * as S from "./schemas.js";'] : []),
        ...(rows.length > 0 ? ['import { plan } from "./plan.js";'] : []),
      ];
      out.write(imports.join("\n"));
      if (rows.length > 0) {
        out.write("\n\n");
        planText(out, plan, planRows, named ? "S" : undefined);
      }
      out.write(
        `\n/** Each ${of.toLowerCase()}'s parts and the types their validators narrow to. */\n`,
      );
      objectType(out, typesName, typeLines);
      const head =
        `\n\nexport type ${alias} = r.Endpoints<${typesName}>;\n\n` +
        `${tableDoc}export const ${name}: ${alias} = r.${name}<${typesName}>(`;
      if (rows.length === 0) out.write(`${head}{});\n`);
      else out.write(`${head}\n  P.table<${typesName}>(),\n);\n`);
    },
    { skipTypecheck: true },
  );
}

/** A table entry's sub: the named check itself for a bare `$ref`, else an interned node. */
function entry(plan: PlanBuilder, schema: Schema): PlanSub {
  const op = isBareRef(schema) ? plan.ref(schema.$ref) : undefined;
  return op === undefined ? plan.intern(schema) : [op];
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
 * `const P = plan(JSON.parse(`…`), `…`)`: a file's plan in template literals (a token each for
 * a user's tsc): the patterns and `rows` (an operations table) as JSON, then one node per line,
 * parsed on its check's first use. `named`: how the file imports validators/schemas.ts; `code`:
 * the nodes written as code, whose lines are left empty.
 */
function planText(
  out: TextOut,
  plan: PlanBuilder,
  rows: readonly unknown[] = [],
  named?: string,
  code?: CheckCode,
): void {
  out.write(
    "/** The schemas as data: validators/plan.ts makes each check on its first use. */\n",
  );
  const members: string[] = [];
  if (plan.patterns.length > 0) members.push(`"r":${json(plan.patterns)}`);
  if (plan.bigints) members.push('"b":1');
  // a member per line: a literal with a line break stays hugged in its call (prettier's layout)
  out.write("const P = plan(\n  JSON.parse(`{");
  if (members.length > 0) out.write("\n" + members.join(",\n"));
  if (rows.length > 0) {
    out.write(`${members.length > 0 ? "," : ""}\n"e":[`);
    lines(out, rows, ",");
    out.write("]");
  }
  out.write("}`),\n  `");
  lines(
    out,
    code === undefined
      ? plan.nodes
      : plan.nodes.map((node, id) => (code.written(id) ? 0 : node)),
    "",
  );
  out.write("`,\n");
  if (named !== undefined || code !== undefined)
    out.write(`  ${named ?? "undefined"},\n`);
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
