import type {
  ApiModel,
  Endpoint,
  MediaContent,
  Parameter,
  Schema,
} from "../../model/types.js";
import type { EndpointTypes, GeneratedFile, TypeIndex } from "../artifact.js";
import { VALIDATORS_FOLDER } from "./path.js";
import {
  grouped,
  isJsonMediaType as isJson,
  ownBodySchemas,
  propertyKey,
  revivesAny,
  setOwn,
  streamedFile,
} from "../toolkit.js";
import { isBareRef, PlanBuilder, type PlanSub } from "./plan.js";
import { HEADER, narrowedTo, objectType, planText } from "./plan-text.js";

type Part = "path" | "query" | "headers" | "cookies" | "body";

/** A table entry: a part and its sub, or `bodies`, a sub and the media types it judges. */
type PartRow = [Part, PlanSub] | ["bodies", PlanSub, string[]];

/** The type names of an endpoint's or a webhook's parts. */
type OperationTypes = Pick<
  EndpointTypes,
  "path" | "query" | "headers" | "body" | "responses"
>;

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
export function operationsFile(
  model: ApiModel,
  index: TypeIndex,
  name: keyof typeof OPERATIONS,
): GeneratedFile {
  const [of, comment, tableDoc] = OPERATIONS[name];
  const typesName = `${of}Types`;
  const alias = `${of}ValidatorTable`;
  const rows: [Endpoint, OperationTypes][] =
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
      endpoint.requestBody && jsonSchemaOf(endpoint.requestBody.content);
    if (types.body && body) add("body", body, `T.${types.body}`);
    if (types.body && endpoint.requestBody)
      parts.push(
        ...bodiesRows(model, plan, endpoint.requestBody.content, body),
      );
    const responses: [string, PlanSub][] = [];
    for (const response of endpoint.responses) {
      const schema = jsonSchemaOf(response.content);
      if (schema) responses.push([response.status, entry(plan, schema)]);
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
        ...(revivesAny(model.scalars)
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
        `${tableDoc}export const ${name}: ${alias} = `;
      const call = `r.${name}<${typesName}>(`;
      if (rows.length === 0) out.write(`${head}${call}{});\n`);
      else out.write(`${head}${call}\n  P.table<${typesName}>(),\n);\n`);
    },
    { skipTypecheck: true },
  );
}

/** A table entry's sub: the named check itself for a bare `$ref`, else an interned node. */
function entry(plan: PlanBuilder, schema: Schema): PlanSub {
  if (typeof schema.$ref === "string" && isBareRef(schema)) {
    const op = plan.ref(schema.$ref);
    if (op !== undefined) return [op];
  }
  return plan.intern(schema);
}

/**
 * The `bodies` rows: a body's validator by media type, where `body` would judge one wrongly (see
 * `ownBodySchemas`); one row per distinct sub.
 */
function bodiesRows(
  model: ApiModel,
  plan: PlanBuilder,
  content: readonly MediaContent[],
  body: Schema | undefined,
): PartRow[] {
  const subs = ownBodySchemas(content, model.schemas, body).map(
    ({ type, schema }) => ({ type, sub: entry(plan, schema) }),
  );
  return [...grouped(subs, (s) => JSON.stringify(s.sub)).values()].map(
    (same) => ["bodies", same[0]!.sub, same.map((s) => s.type)],
  );
}

export function paramsSchema(params: readonly Parameter[]): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const p of params) {
    setOwn(properties, p.name, p.schema ?? {});
    if (p.required) required.push(p.name);
  }
  return required.length > 0 ? { properties, required } : { properties };
}

/** The schema of the first JSON media type that has one. */
export function jsonSchemaOf(
  content: readonly MediaContent[],
): Schema | undefined {
  return content.find((c) => c.schema && isJson(c.mediaType))?.schema;
}
