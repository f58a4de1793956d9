import { pathToFileURL } from "node:url";
import type { SourceDocument } from "./reader.js";

/**
 * OpenAPI 3.2's `$self` (§4.3.1): the URI that names the document, and the base its relative
 * references resolve against. apiloom reads the document from where it is, so a reference
 * resolved against `$self` to the document itself, or to a place under `$self`'s folder, is
 * that place beside the file: `https://example.com/api/schemas.yaml#/Pet` in a document whose
 * `$self` is `https://example.com/api/openapi.yaml` reads `schemas.yaml` next to it. Returns
 * the reference's file part as a path relative to the file's folder (`""`: the document
 * itself), or undefined when `$self` says nothing of it (no `$self`, another place, a query).
 */
export function filePartBySelf(
  filePart: string,
  from: SourceDocument,
): string | undefined {
  const root = from.value;
  if (from.format !== "openapi3.2" || typeof root !== "object" || root === null)
    return undefined;
  const self = (root as Record<string, unknown>)["$self"];
  if (typeof self !== "string" || self.includes("#")) return undefined;
  let base: URL;
  let target: URL;
  try {
    // a relative `$self` is resolved against where the document was read from
    base = new URL(self, pathToFileURL(from.absPath));
    target = new URL(filePart, base);
  } catch {
    return undefined;
  }
  if (target.search !== "" || base.search !== "") return undefined;
  if (target.href === base.href) return "";
  const folder = new URL(".", base).href;
  return target.href.startsWith(folder)
    ? target.href.slice(folder.length)
    : undefined;
}
