/** A path into a parsed document: object keys and array indexes. */
export type Path = readonly (string | number)[];

/**
 * RFC 6901 JSON pointer for a path (`/paths/~1users/get`), after `prefix` (`#`). One `join`, not
 * `+=`: one flat string, and the model keeps a pointer per source.
 */
export function toPointer(path: Path, prefix = ""): string {
  return [prefix, ...path.map(pointerSegment)].join("/");
}

/** One path segment escaped for a JSON pointer (`~` → `~0`, `/` → `~1`). */
export function pointerSegment(segment: string | number): string {
  if (typeof segment !== "string") return String(segment);
  if (!segment.includes("~") && !segment.includes("/")) return segment;
  // a path template (`/repos/{owner}`) is escaped for every fact read below it, one after another
  if (segment !== lastEscaped.raw)
    lastEscaped = {
      raw: segment,
      escaped: segment.replace(/~/g, "~0").replace(/\//g, "~1"),
    };
  return lastEscaped.escaped;
}

let lastEscaped = { raw: "", escaped: "" };

/** One JSON pointer segment unescaped (`~1` → `/`, `~0` → `~`). */
export function unescapeSegment(segment: string): string {
  return segment.includes("~")
    ? segment.replace(/~1/g, "/").replace(/~0/g, "~")
    : segment;
}

/** Parses the fragment of a `$ref` (`#/definitions/Pet`) into a path; undefined when malformed. */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === "" || pointer === "#") return [];
  const body = pointer.startsWith("#") ? pointer.slice(1) : pointer;
  if (!body.startsWith("/")) return undefined;
  return body
    .slice(1)
    .split("/")
    .map((segment) =>
      segment.includes("%") || segment.includes("~")
        ? unescapeSegment(decodeText(segment))
        : segment,
    );
}

/**
 * `decodeURIComponent`, or the raw text where it is not valid percent-encoding (a stray `%`); with
 * `plusIsSpace` (a query string, application/x-www-form-urlencoded) `+` is a space.
 */
export function decodeText(text: string, plusIsSpace = false): string {
  try {
    return decodeURIComponent(plusIsSpace ? text.replace(/\+/g, " ") : text);
  } catch {
    return text;
  }
}
