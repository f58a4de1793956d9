import { fileStart } from "../../model/diagnostics/reporter.js";
import { EmitReporter, type EmitCode } from "../codes.js";
import type { ApiModel, Diagnostic } from "../../model/types.js";

// The methods the generated client and server can send and receive (OpenAPI 3.2 allows any).

/** Methods the Fetch standard forbids (§2.2.1 "forbidden method"): `fetch` rejects every call. */
export const FETCH_FORBIDDEN_METHODS: readonly string[] = Object.freeze(
  "CONNECT TRACE TRACK".split(" "),
);

/**
 * The methods Node's HTTP parser accepts (`http.METHODS`, Node 20 to 24; others get 400): written
 * out, not read from the running Node, so that output is the same on every machine.
 */
export const NODE_HTTP_METHODS: readonly string[] = Object.freeze(
  (
    "ACL BIND CHECKOUT CONNECT COPY DELETE GET HEAD LINK LOCK M-SEARCH " +
    "MERGE MKACTIVITY MKCALENDAR MKCOL MOVE NOTIFY OPTIONS PATCH POST " +
    "PROPFIND PROPPATCH PURGE PUT QUERY REBIND REPORT SEARCH SOURCE " +
    "SUBSCRIBE TRACE UNBIND UNLINK UNLOCK UNSUBSCRIBE"
  ).split(" "),
);

/** A diagnostic at each endpoint whose upper-cased method `refused` gives a reason for. */
export function methodDiagnostics(
  model: ApiModel,
  code: EmitCode,
  refused: (method: string) => string | undefined,
): Diagnostic[] {
  const reporter = new EmitReporter();
  for (const endpoint of model.endpoints) {
    const method = endpoint.method.toUpperCase();
    const why = refused(method);
    if (why !== undefined)
      reporter.report(
        code,
        `${method} ${endpoint.path} (${endpoint.name}): ${why}`,
        endpoint.sources[0] ?? fileStart(""),
      );
  }
  return reporter.diagnostics;
}
