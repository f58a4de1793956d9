import type { Path } from "../../model/pointer.js";
import type { IngestReporter } from "../codes.js";
import type { SourceRef } from "../../model/types.js";
import type { SchemeRegistry } from "./security-schemes.js";
import type { VariableScope } from "./variables.js";

/** What every part of the Postman reader shares while it reads one collection. */
export interface PostmanContext {
  /** Where `path` is in the collection: what a diagnostic points at (`pc.ref(at)`). */
  ref(path: Path): SourceRef;
  /** The collection's reporter: `once` means once per collection. */
  reporter: IngestReporter;
  schemes: SchemeRegistry;
  /** The collection's variables: a folder's or a request's own are not read (variables.ts). */
  variables: VariableScope;
}
