import {
  isJsonMediaType,
  resolveSchema,
  revivedScalar,
  revivedTypeName,
  revivesAny,
  type Pagination,
} from "../toolkit.js";
import type { ApiModel, Endpoint } from "../../model/types.js";

/*
 * TanStack Query options with `dates: "Date"` and `int64: "bigint"`: a query key holds Dates and
 * bigints as text (keyHelpers), and a page parameter has the type the client gives its value.
 */

/** Whether the client revives values: keys then hold `KeyArgs<…>` of the arguments. */
export function keysAsText(model: Pick<ApiModel, "scalars">): boolean {
  return revivesAny(model.scalars);
}

/** The type of the arguments in a query key: `KeyArgs<request>` when keys hold text. */
export function keyArgsType(
  model: Pick<ApiModel, "scalars">,
  request: string,
): string {
  return keysAsText(model) ? `KeyArgs<${request}>` : request;
}

/**
 * The type of an infinite query's page value: the page parameter's, a Date or a bigint where
 * the client revives it; undefined when the next-page field of the answer is not revived alike
 * (the value read would not be the one sent), which makes no infinite variant.
 */
export function pageType(
  model: ApiModel,
  endpoint: Endpoint,
  pages: Pagination,
  successStatuses: readonly string[],
): string | undefined {
  const { schemas, scalars } = model;
  if (!revivesAny(scalars)) return pages.kind;
  const sent = revivedScalar(
    resolveSchema(schemas, pages.parameter.schema),
    scalars,
  );
  const response = endpoint.responses.find((r) =>
    successStatuses.includes(r.status),
  );
  const body = response?.content.find((c) => isJsonMediaType(c.mediaType));
  const object = resolveSchema(schemas, body?.schema);
  const properties = object?.properties;
  const field =
    properties && Object.hasOwn(properties, pages.field)
      ? properties[pages.field]
      : undefined;
  const read = revivedScalar(resolveSchema(schemas, field), scalars);
  if (sent !== read) return undefined;
  return sent === undefined ? pages.kind : revivedTypeName(sent);
}
