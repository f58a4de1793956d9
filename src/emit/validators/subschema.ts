import { isAnnotation, type SubSchema as JsonSubSchema } from "../toolkit.js";
import type { Schema } from "../../model/types.js";

/**
 * What the validators ask of a sub-schema before compiling it: whether it is an object schema,
 * trivially true or false, or a bare `$ref` (a reference with nothing but annotations beside it).
 */

/** A sub-schema as it sits in its parent: a schema, a boolean schema, or absent. */
export type SubSchema = JsonSubSchema | undefined;

export function isObject(s: SubSchema): s is Schema {
  return typeof s === "object" && s !== null && !Array.isArray(s);
}

/** Absent, `true` or `{}`: accepts everything, so nothing is compiled for it. */
export function isTrivial(schema: SubSchema): boolean {
  if (schema === undefined || schema === true) return true;
  if (schema === false) return false;
  return isObject(schema) && Object.keys(schema).length === 0;
}

/** `false`, or `{ not: {} }` as the readers write it. */
export function isFalse(schema: SubSchema): boolean {
  if (schema === false) return true;
  return (
    isObject(schema) &&
    Object.keys(schema).length === 1 &&
    isTrivial(schema.not as SubSchema) &&
    schema.not !== undefined
  );
}

/** A schema whose only constraint is its `$ref` (annotations and `x-` extensions aside). */
export function isBareRef(schema: Schema): boolean {
  return Object.keys(schema).every((k) => k === "$ref" || isAnnotation(k));
}

/** A finite number (a bound, a multipleOf). */
export const num = (v: unknown): v is number =>
  typeof v === "number" && Number.isFinite(v);

/** A count: a non-negative integer (a length, a number of items or properties). */
export const count = (v: unknown): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= 0;
