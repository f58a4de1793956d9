import type { Path } from "../../model/pointer.js";
import type { SecurityRequirement } from "../../model/types.js";
import type { PostmanContext, SecurityState } from "./context.js";
import { authFromHeader, readAuth, type AuthBlock } from "./auth.js";
import type { KeyValue } from "./fields.js";
import type { VariableScope } from "./variables.js";

/** An `auth` block and where it is; a request's chain runs from itself out to the collection. */
export interface AuthLink {
  value: unknown;
  at: Path;
}

/**
 * A request's effective security: the first auth block up the chain that is not `inherit`.
 * `noauth` stops the search. When no block gives a scheme, an Authorization header is the
 * evidence left: it yields an inferred scheme (Postman sends it even under `noauth`).
 * Undefined when the collection says nothing about auth for this request.
 */
export function requestSecurity(
  chain: readonly AuthLink[],
  authorization: KeyValue | undefined,
  variables: VariableScope,
  state: SecurityState,
  pc: PostmanContext,
): SecurityRequirement[] | undefined {
  let block: AuthBlock = { kind: "inherit" };
  let link: AuthLink | undefined;
  for (const candidate of chain) {
    block = readAuth(candidate.value, variables);
    link = candidate;
    if (block.kind !== "inherit") break;
  }
  if (block.kind === "scheme" && link) {
    const name = state.schemes.add(block.scheme, block.baseName, false, () =>
      pc.ref(link.at),
    );
    // an inherited block is met once per request: said again, the same diagnostic is kept once
    if (block.note)
      pc.reporter.report(
        "postman/api-key-location",
        block.note.message,
        pc.ref([...link.at, ...block.note.at]),
      );
    for (const variable of block.unresolved)
      pc.reporter.report(
        "postman/unresolved-variable",
        `the OAuth 2 URL uses {{${variable}}}, which no collection variable defines; the URL is left out`,
        pc.ref(link.at),
      );
    return [{ [name]: block.scopes }];
  }
  if ((block.kind === "unsupported" || block.kind === "incomplete") && link) {
    const message =
      block.kind === "unsupported"
        ? `OpenAPI cannot express ${block.type} auth; the requests that use it get no security scheme`
        : block.code
          ? block.reason
          : `the ${block.type} auth block is ignored: ${block.reason}`;
    const code =
      block.kind === "unsupported"
        ? "postman/unsupported-auth"
        : (block.code ?? "postman/incomplete-auth");
    const at = block.kind === "incomplete" && block.at ? block.at : [];
    pc.reporter.report(code, message, pc.ref([...link.at, ...at]));
  }
  if (authorization !== undefined) {
    const inferred = authFromHeader(authorization.value ?? "");
    const name = state.schemes.add(
      inferred.scheme,
      inferred.baseName,
      true,
      () => pc.ref(authorization.at),
    );
    return [{ [name]: [] }];
  }
  return block.kind === "none" ? [] : undefined;
}
