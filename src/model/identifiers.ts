/** Words that cannot name a function, variable or type in strict-mode TypeScript modules. */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "implements interface let package private protected public static yield await arguments eval " +
    "any boolean number string symbol never unknown object undefined bigint"
  ).split(" "),
);

export function isReservedWord(word: string): boolean {
  return RESERVED.has(word);
}

/** Splits text into words: on non-alphanumerics and on lower→upper case changes (`getHTTPResponse` → get, HTTP, Response). */
export function words(text: string): string[] {
  const plain = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  return (
    plain
      .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
      // "HTTPServer" → "HTTP Server": a capital before a capitalised word (one test a position)
      .replace(/([A-Z])(?=[A-Z][a-z])/g, "$1 ")
      .split(/[^A-Za-z0-9]+/)
      .filter((w) => w !== "")
  );
}

/**
 * `camelCase` identifier, valid and never reserved; `fallback` when the text has no letters or
 * digits. Its own camelCase: one-letter words joined (`c S` → `CS`) read again as one (`Cs`), so
 * they are joined twice, and a name written as an operationId reads back the same.
 */
export function camelCase(text: string, fallback = "value"): string {
  const parts = words(text);
  const camel = (list: string[]) =>
    list[0]!.toLowerCase() + list.slice(1).map(capitalize).join("");
  return parts.length === 0 ? fallback : usable(camel(words(camel(parts))));
}

/** `PascalCase` identifier for types, its own PascalCase as camelCase is its own camelCase. */
export function pascalCase(text: string, fallback = "Type"): string {
  const parts = words(text);
  const pascal = (list: string[]) => list.map(capitalize).join("");
  return parts.length === 0 ? fallback : usable(pascal(words(pascal(parts))));
}

/** `id` made an identifier: `_` before a digit, `_` after a reserved word. */
function usable(id: string): string {
  if (/^[0-9]/.test(id)) id = "_" + id;
  return isReservedWord(id) ? id + "_" : id;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** True when `name` can be written bare as a property key. */
export function isIdentifierName(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** `base` when free, else the first free of `base2`, `base3`, … (`sep` before the number). */
export function freeName(
  base: string,
  isTaken: (name: string) => boolean,
  sep = "",
): string {
  let name = base;
  for (let i = 2; isTaken(name); i++) name = `${base}${sep}${i}`;
  return name;
}
