import type { Path } from "../../model/pointer.js";
import type { Severity, SourceRef } from "../../model/types.js";
import type { ReaderContext } from "../reader.js";

/** What every part of the Postman reader needs from the reader context. */
export interface PostmanContext {
  ref(path: Path): SourceRef;
  report(severity: Severity, code: string, message: string, at: Path): void;
}

export function postmanContext(ctx: ReaderContext): PostmanContext {
  return {
    ref: (path) => ctx.doc.ref(path),
    report: (severity, code, message, at) =>
      ctx.report(severity, code, message, ctx.doc.ref(at)),
  };
}
