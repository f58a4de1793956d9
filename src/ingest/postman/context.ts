import type { Path } from "../../model/pointer.js";
import type { Severity, SourceRef } from "../../model/types.js";
import type { ReaderContext } from "../reader.js";
import type { SchemeRegistry } from "./security-schemes.js";
import type { ServerRegistry } from "./servers.js";

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

/** State shared by every request of one collection. */
export interface CollectionState extends SecurityState {
  servers: ServerRegistry;
  /** Unresolved variables already reported (`host:name`, `path:name`): once per collection. */
  reportedVariables: Set<string>;
}

/** Auth state of one collection. */
export interface SecurityState {
  schemes: SchemeRegistry;
  /** Blocks already reported, so an inherited block is reported once, not once per request. */
  reported: Set<string>;
}
