import type { Path } from "../../model/pointer.js";
import type { Schema, SchemaType } from "../../model/types.js";
import { isRecord, type SourceDocument } from "../reader.js";
import { pascalCase } from "../../model/identifiers.js";
import { isAnnotation } from "../../model/schema/walk.js";

/** Draft 4's boolean `exclusiveMinimum`/`exclusiveMaximum` (Swagger 2.0, OpenAPI 3.0) as 2020-12 numbers. */
export function applyDraft4Exclusive(
  raw: Record<string, unknown>,
  out: Schema,
): void {
  if (raw.exclusiveMinimum === true && typeof raw.minimum === "number") {
    out.exclusiveMinimum = raw.minimum;
    delete out.minimum;
  }
  if (raw.exclusiveMaximum === true && typeof raw.maximum === "number") {
    out.exclusiveMaximum = raw.maximum;
    delete out.maximum;
  }
}

/** Keys that say what a schema is to its parent, not what it is called. */
const STRUCTURE = new Set([
  ...["schema", "items", "properties", "additionalProperties", "content"],
  ...["allOf", "anyOf", "oneOf", "not", "responses", "requestBody"],
]);

/** Keys whose members are named things: `items` under `properties` is a property's name. */
const NAMED = new Set(
  "definitions schemas properties parameters responses".split(" "),
);

/**
 * The name a referenced schema gets: its key under definitions/components, else the nearest key
 * of its pointer that names something (`#/components/parameters/companyId/schema` is `companyId`,
 * `Tags/items` is `TagsItem`, `Video/properties/id` is `VideoId`; inside an operation, its method
 * and path), else the file's name.
 */
export function suggestName(path: Path, doc: SourceDocument): string {
  const last = path[path.length - 1];
  const says = (i: number) => {
    const key = path[i];
    const parent = String(path[i - 1]);
    return (
      typeof key === "string" &&
      (NAMED.has(parent) || (!STRUCTURE.has(key) && parent !== "content"))
    );
  };
  const named = says(path.length - 1);
  if (!named && path[0] === "paths" && path.length > 2) {
    const status = path[3] === "responses" ? [path[4], "response"] : [];
    return pascalCase([path[2], path[1], ...status].join(" "), "Schema");
  }
  const tail = !named && last === "items" ? "Item" : "";
  for (let i = path.length - 1; i >= 0; i--) {
    if (!says(i)) continue;
    // a property is named with its owner's name (`Video/properties/id` is `VideoId`, not `Id2`)
    const owner =
      path[i - 1] === "properties"
        ? path.findLastIndex((_, j) => j < i - 1 && says(j))
        : -1;
    return owner === -1
      ? `${path[i]}${tail}`
      : pascalCase(`${path[owner]} ${path[i]} ${tail}`);
  }
  const base = doc.file.split("/").pop() ?? "Schema";
  return base.replace(/\.(json|ya?ml)$/i, "") || "Schema";
}

/** Adds `null` to a schema: to its type list when it has one, else as an alternative. */
export function makeNullable(schema: Schema): Schema {
  return nullableOwn(typedNotRef(schema) ? { ...schema } : schema);
}

/**
 * {@link makeNullable} of a schema the caller made and holds alone: `null` is added to its type
 * list (and enum) in place, each where it was among the keys, instead of in a copy.
 */
export function nullableOwn(schema: Schema): Schema {
  if (!typedNotRef(schema)) return { anyOf: [schema, { type: "null" }] };
  const types: SchemaType[] = [schema.type!].flat();
  if (!types.includes("null")) types.push("null");
  schema.type = types;
  if (Array.isArray(schema.enum) && !schema.enum.includes(null))
    schema.enum = [...schema.enum, null];
  return schema;
}

/**
 * Whether an `allOf` member says `nullable: true` and nothing else but annotations (Box's
 * `allOf: [{$ref: Folder}, {description}, {nullable: true}]`): read as the whole schema's, as
 * such an API sends null there. OpenAPI 3.0.3 gives a `nullable` without `type` no effect, and
 * the `allOf` would refuse those nulls.
 */
export function nullableMember(raw: Record<string, unknown>): boolean {
  return (
    Array.isArray(raw.allOf) &&
    raw.allOf.some(
      (m) =>
        isRecord(m) &&
        (m.nullable === true || m["x-nullable"] === true) &&
        Object.keys(m).every((k) => k === "nullable" || isAnnotation(k)),
    )
  );
}

/**
 * Whether `null` can join the schema's type list alone: it has one, and no `$ref`, `allOf`,
 * `anyOf` or `oneOf` beside it whose members would still refuse `null` (OpenAPI 3.0's
 * `{type: object, nullable: true, allOf: [{$ref: Address}]}` means "an Address, or null", as
 * it does without the `type`).
 */
function typedNotRef(schema: Schema): boolean {
  return (
    schema.type !== undefined &&
    schema.$ref === undefined &&
    schema.allOf === undefined &&
    schema.anyOf === undefined &&
    schema.oneOf === undefined
  );
}

/** Spellings some APIs use for IEEE floats JSON cannot carry. */
const NON_FINITE = new Set(["NaN", "Infinity", "+Infinity", "-Infinity"]);

/**
 * The indexes of a numeric schema's `enum` values that name non-finite numbers as strings
 * (`type: number, enum: ["NaN"]`): JSON has no such numbers, so no valid value is one of them.
 */
export function nonFiniteEnumValues(out: Schema): number[] {
  if (!Array.isArray(out.enum)) return [];
  const types = Array.isArray(out.type) ? out.type : [out.type];
  const numeric = types.filter((t) => t !== "null");
  if (
    numeric.length === 0 ||
    !numeric.every((t) => t === "number" || t === "integer")
  )
    return [];
  return out.enum.flatMap((v, i) =>
    typeof v === "string" && NON_FINITE.has(v) ? [i] : [],
  );
}

/**
 * A `discriminator` as the model's (Swagger 2.0's is the property's name); undefined if invalid.
 * `mappingRef` gives a mapping entry's target as the model's `$ref`, or undefined to leave it out.
 */
export function discriminatorOf(
  value: unknown,
  mappingRef: (target: string, entry: string) => string | undefined,
): Schema["discriminator"] {
  if (typeof value === "string") return { propertyName: value };
  if (!isRecord(value) || typeof value.propertyName !== "string")
    return undefined;
  const mapping = isRecord(value.mapping)
    ? Object.fromEntries(
        Object.entries(value.mapping).flatMap(([k, v]) => {
          const ref = typeof v === "string" ? mappingRef(v, k) : String(v);
          return ref === undefined ? [] : [[k, ref]];
        }),
      )
    : undefined;
  return { propertyName: value.propertyName, ...(mapping ? { mapping } : {}) };
}
