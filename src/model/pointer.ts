/** A path into a parsed document: object keys and array indexes. */
export type Path = readonly (string | number)[];

/** RFC 6901 JSON pointer for a path (`/paths/~1users/get`). */
export function toPointer(path: Path): string {
  let out = "";
  for (const segment of path) {
    out += "/" + String(segment).replace(/~/g, "~0").replace(/\//g, "~1");
  }
  return out;
}

/** Parses the fragment of a `$ref` (`#/definitions/Pet`) into a path; undefined when malformed. */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === "" || pointer === "#") return [];
  const body = pointer.startsWith("#") ? pointer.slice(1) : pointer;
  if (!body.startsWith("/")) return undefined;
  return body
    .slice(1)
    .split("/")
    .map((segment) => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        // keep the raw text: a stray `%` is not worth failing a reference for
      }
      return decoded.replace(/~1/g, "/").replace(/~0/g, "~");
    });
}
