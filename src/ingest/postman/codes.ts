/** Diagnostic codes the Postman reader reports. */
export const POSTMAN_CODES = {
  /** A `{{var}}` with no value in any variable scope of the collection. */
  unresolvedVariable: "postman/unresolved-variable",
  /** A method OpenAPI cannot express (COPY, LINK, PURGE, VIEW…): the request is skipped. */
  unsupportedMethod: "postman/unsupported-method",
  /** An auth type OpenAPI cannot express (oauth1, hawk, ntlm, awsv4, akamai…). */
  unsupportedAuth: "postman/unsupported-auth",
  /** An auth block that lacks what its type needs (an API key without a name). */
  incompleteAuth: "postman/incomplete-auth",
  /** An item that is neither a folder nor a request, or a request without a usable URL. */
  invalidItem: "postman/invalid-item",
  /** A header whose name is not an HTTP token (`disabled header`): no client could send it. */
  invalidHeaderName: "postman/invalid-header-name",
  /** A GET or HEAD body Postman itself would not send (no `disableBodyPruning`): left out. */
  prunedBody: "postman/pruned-body",
  /** A body declared as JSON whose text does not parse: kept without an example. */
  invalidJsonBody: "postman/invalid-json-body",
} as const;
