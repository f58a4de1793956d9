import { pointerSegment } from "./pointer.js";

/**
 * How the model writes a reference to a named schema: `#/components/schemas/<name>`, the name
 * escaped as a JSON pointer segment (RFC 6901: `~` → `~0`, `/` → `~1`). Readers write these,
 * emitters read them; both go through here.
 */
const PREFIX = "#/components/schemas/";

export function schemaRef(name: string): string {
  // joined, not `+`: one flat string rather than two pieces (the model keeps one per reference)
  return [PREFIX, pointerSegment(name)].join("");
}

/** The schema name a `$ref` points at, or undefined for anything but `#/components/schemas/<name>`. */
export function schemaRefName(ref: string): string | undefined {
  if (!ref.startsWith(PREFIX)) return undefined;
  const name = ref.slice(PREFIX.length);
  return name.includes("~")
    ? name.replace(/~1/g, "/").replace(/~0/g, "~")
    : name;
}
