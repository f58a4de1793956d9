/**
 * The HTTP methods of the model. An endpoint's method (`HttpMethod` in types.ts) is lower-cased
 * (emitters upper-case it): one of the methods OpenAPI names ({@link StandardHttpMethod}), or any
 * other HTTP method an OpenAPI 3.2 path item lists under `additionalOperations` (`link` for
 * LINK). {@link isStandardMethod} tells them apart; an emitter that cannot carry another method
 * says so with a diagnostic (emit/shared/methods.ts).
 */

/** True when `method` is one OpenAPI names (and QUERY), not one of `additionalOperations`. */
export function isStandardMethod(method: string): method is StandardHttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(method);
}

/** The methods OpenAPI names, and OpenAPI 3.2's QUERY. */
export type StandardHttpMethod =
  | "get"
  | "put"
  | "post"
  | "delete"
  | "options"
  | "head"
  | "patch"
  | "trace"
  /** OpenAPI 3.2's QUERY: a safe, idempotent request with a body (draft-ietf-httpbis-safe-method-w-body). */
  | "query";

export const HTTP_METHODS: readonly StandardHttpMethod[] = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
  "query",
];
