import { pathToFileURL } from "node:url";
import { isRecord, type SourceDocument } from "./reader.js";

/**
 * OpenAPI 3.2's `$self` (§4.3.1), the base relative references resolve against: a reference to
 * the document itself or under `$self`'s folder is read beside the file. Returns its file part
 * relative to the file's folder (`""`: the document itself), or undefined: `$self` says nothing.
 */
export function filePartBySelf(
  filePart: string,
  from: SourceDocument,
): string | undefined {
  if (from.format !== "openapi3.2" || !isRecord(from.value)) return undefined;
  const self = from.value["$self"];
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
