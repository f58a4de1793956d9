import { freeName } from "../../model/identifiers.js";
import type { ApiModel, Endpoint, Schema, Webhook } from "../../model/types.js";
import { webhookTypes, type WebhookTypes } from "./webhook-names.js";
import { recursiveSchemaNames } from "../../model/schema/recursion.js";
import { successStatuses } from "../../model/item-streams.js";
import { errorStatuses } from "./endpoint-types.js";
import { endpointTypeBase, schemaTypeNames } from "./names.js";
import { flat, printTypeAlias } from "./print.js";
import {
  schemaToType,
  type SchemaMode,
  type SchemaNaming,
} from "./schema-to-type.js";
import type { TypeNode } from "./type-node.js";
import {
  reaching,
  schemaFacts,
  schemasWithFormVariant,
} from "./write-variants.js";

/** The names of an endpoint's types in types.ts (docs/types.md, "Names"). */
export interface EndpointTypes {
  /** `<Name>`: the prefix of every type of this endpoint. */
  base: string;
  /** Declared type names; undefined when the endpoint has no such part. */
  path?: string;
  query?: string;
  headers?: string;
  cookies?: string;
  body?: string;
  responses: string;
  data: string;
  error: string;
  request: string;
  /** Reserved for the client's `ApiResult<<Name>Data, <Name>Error>` alias. */
  result: string;
  /** Which members of `<Name>Request` are required. */
  required: Record<"path" | "query" | "headers" | "cookies" | "body", boolean>;
  /** True when `<Name>Request` has no required member (the argument may be omitted). */
  argsOptional: boolean;
  /** Statuses whose bodies make up `<Name>Data` and `<Name>Error`. */
  successStatuses: string[];
  errorStatuses: string[];
}

export interface TypeIndex extends SchemaNaming {
  readonly model: ApiModel;
  schemaTypeName(schemaName: string, mode?: SchemaMode): string;
  endpoint(endpoint: Endpoint): EndpointTypes;
  /** The names of a webhook's types (types/types-file.ts). */
  webhook(webhook: Webhook): WebhookTypes;
  typeOf(schema: Schema | undefined, mode: SchemaMode): TypeNode;
}

/** The naming decisions for one model, made once per run (every plugin reads that one). */
export function createTypeIndex(model: ApiModel): TypeIndex {
  const names = schemaTypeNames(model);
  // one walk over the named schemas serves both variants and the recursion graph
  const facts = schemaFacts(model.schemas);
  const taken = new Set(names.values());
  // `<Name>Write`, `<Name>Form`: the first number free makes a taken name unique
  const variantNames = (schemaNames: Set<string>, suffix: string) => {
    const out = new Map<string, string>();
    for (const schemaName of [...schemaNames].sort()) {
      const base = (names.get(schemaName) ?? "Schema") + suffix;
      const name = freeName(base, (n) => taken.has(n));
      taken.add(name);
      out.set(schemaName, name);
    }
    return out;
  };
  // the schemas whose request (write) reading differs from their response (read) reading:
  // they require a readOnly or writeOnly member themselves, or reference a schema that does
  const writeNames = variantNames(
    reaching(facts.refs, facts.directional),
    "Write",
  );
  const formNames = variantNames(schemasWithFormVariant(model, facts), "Form");
  const schemaTypeName = (schemaName: string, mode: SchemaMode = "read") =>
    (mode === "form" ? formNames.get(schemaName) : undefined) ??
    (mode !== "read" ? writeNames.get(schemaName) : undefined) ??
    names.get(schemaName) ??
    "unknown"; // a dangling $ref: the readers report it; the type stays honest
  const endpointNames = new Map<Endpoint, EndpointTypes>();
  const index: TypeIndex = {
    model,
    schemaTypeName,
    refName: schemaTypeName,
    schemas: model.schemas,
    recursive: recursiveSchemaNames(model.schemas, facts.refs),
    ...(model.scalars ? { scalars: model.scalars } : {}),
    // every emitter asks for each endpoint's names: made once, shared (no emitter changes them)
    endpoint: (endpoint) =>
      endpointNames.get(endpoint) ??
      endpointNames.set(endpoint, endpointTypes(endpoint)).get(endpoint)!,
    webhook: webhookTypes,
    typeOf: (schema, mode) => schemaToType(schema, index, mode),
  };
  return index;
}

function endpointTypes(endpoint: Endpoint): EndpointTypes {
  const base = endpointTypeBase(endpoint);
  const { path, query, header: headers, cookie } = endpoint.parameters;
  const required = {
    path: path.length > 0,
    query: query.some((p) => p.required),
    headers: headers.some((p) => p.required),
    cookies: cookie.some((p) => p.required),
    body: endpoint.requestBody?.required === true,
  };
  const out: EndpointTypes = {
    base,
    responses: `${base}Responses`,
    data: `${base}Data`,
    error: `${base}Error`,
    request: `${base}Request`,
    result: `${base}Result`,
    required,
    argsOptional: !Object.values(required).some(Boolean),
    successStatuses: successStatuses(endpoint.responses),
    errorStatuses: errorStatuses(endpoint),
  };
  if (path.length > 0) out.path = `${base}Path`;
  if (query.length > 0) out.query = `${base}Query`;
  if (headers.length > 0) out.headers = `${base}Headers`;
  if (cookie.length > 0) out.cookies = `${base}Cookies`;
  if (endpoint.requestBody) out.body = `${base}Body`;
  return out;
}

/** Prints a type expression on its own (flat when it fits, as prettier would break it otherwise). */
export function printType(node: TypeNode): string {
  return (
    flat(node) ?? printTypeAlias("type T", node).slice("type T = ".length, -2)
  );
}
