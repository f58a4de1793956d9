import type { Path } from "../../model/pointer.js";
import type { IngestReporter } from "../codes.js";
import type { SourceRef } from "../../model/types.js";
import type { ReaderContext } from "../reader.js";
import type { SchemeRegistry } from "./security-schemes.js";
import type { ServerRegistry } from "./servers.js";

/** What every part of the Postman reader needs from the reader context. */
export interface PostmanContext {
  /** Where `path` is in the collection: what a diagnostic points at (`pc.ref(at)`). */
  ref(path: Path): SourceRef;
  /** The collection's reporter: `once` means once per collection. */
  reporter: IngestReporter;
}

export function postmanContext(ctx: ReaderContext): PostmanContext {
  return { ref: (path) => ctx.doc.ref(path), reporter: ctx.reporter };
}

/** State shared by every request of one collection. */
export interface CollectionState extends SecurityState {
  servers: ServerRegistry;
}

/** Auth state of one collection. */
export interface SecurityState {
  schemes: SchemeRegistry;
}
