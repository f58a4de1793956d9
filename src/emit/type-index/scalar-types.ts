import { revivedScalar } from "../../model/schema/scalars.js";
import type { ScalarChoices } from "../../model/scalar-choices.js";
import type { Schema } from "../../model/types.js";
import { raw, type TypeNode } from "./type-node.js";

export type { ScalarChoices };

/** The nodes below, one each (type nodes are never changed once made). */
const NODES = {
  string: raw("string"),
  Blob: raw("Blob"),
  Date: raw("Date"),
  number: raw("number"),
  bigint: raw("bigint"),
};

/**
 * A `type: string` schema's type: the Blob a form body's `format: binary` field is, a Date where
 * the model's `scalars` revive it (config `dates`: src/model/schema/scalars.ts), else string.
 */
export function stringType(
  schema: Schema,
  scalars: ScalarChoices | undefined,
  form: boolean,
): TypeNode {
  if (form && schema.format === "binary") return NODES.Blob;
  return revivedScalar(schema, scalars) ? NODES.Date : NODES.string;
}

/** A `type: integer` schema's type: a bigint where the model's `scalars` say (config `int64`). */
export function integerType(
  schema: Schema,
  scalars: ScalarChoices | undefined,
): TypeNode {
  return revivedScalar(schema, scalars) === "int64"
    ? NODES.bigint
    : NODES.number;
}
