import { readPattern, UnreadSyntax } from "./syntax.js";

/**
 * The flags a JSON Schema `pattern` compiles with: `u` (JSON Schema 2020-12 §6.4), else none for
 * the older syntax (`[\w-.]`), else undefined: no RegExp, as is what that syntax reads otherwise
 * than other dialects mean (`\p{sc=Garay}`: `p{sc=Garay}`; `\A`: an A; `[[:alpha:]]`: a `]`).
 */
export function patternFlags(pattern: string): "u" | "" | undefined {
  if (compiles(pattern, "u")) return "u";
  return !foreignEscape(pattern) && compiles(pattern, "") ? "" : undefined;
}

/**
 * `pattern` as a `u` RegExp reading it as `patternFlags` does, else undefined: the older syntax's
 * needless escapes of punctuation (`\:`, `\-`, `\_`), none under `u`, written `\x3a`, `\x2d`…
 */
export function unicodePattern(pattern: string): string | undefined {
  const flags = patternFlags(pattern);
  if (flags !== "") return flags === "u" ? pattern : undefined;
  const hex = (c: string) => c.charCodeAt(0).toString(16).padStart(2, "0");
  const escaped = pattern.replace(/\\([^])/g, (escape, c: string) =>
    /[A-Za-z0-9$^.*+?()[\]{}|/\\]|[^\0-\x7f]/.test(c) ? escape : `\\x${hex(c)}`,
  );
  return compiles(escaped, "u") ? escaped : undefined;
}

/**
 * Whether this engine compiles `pattern`, and so does every supported Node.js: Node 24's also takes
 * modifier groups and duplicate group names (ES2025), which Node 20's and 22's refuse (syntax.ts).
 */
function compiles(pattern: string, flags: "u" | ""): boolean {
  try {
    return Boolean(new RegExp(pattern, flags) && readPattern(pattern, flags));
  } catch (error) {
    return error instanceof UnreadSyntax;
  }
}

/** A letter's escape that is none without `u` (`\A`, `\z`, `\Q`, `\p`), or a POSIX `[:alpha:]`. */
const FOREIGN =
  /^(?:[^\\]|\\[^a-zA-Z]|\\[bBdDsSwWfnrtvcxuk])*(\\[aeghijlmopqyzACE-RT-VX-Z]|\[:[a-z]{1,8}:\])/;
export const foreignEscape = (pattern: string) => FOREIGN.exec(pattern)?.[1];

/** Why a pattern `patternFlags` refuses is none, for its warning ("" when its syntax says it). */
export function notRegExpNote(pattern: string): string {
  const escapes = pattern.match(/\\(?:[pP]\{[^}\\]*\}|[^])/g) ?? [];
  const unknown = escapes.find((e) => e.length > 2 && !compiles(e, "u"));
  const letter = escapes.find((e) => e.length === 2 && foreignEscape(e));
  if (unknown)
    return ` (\`${unknown}\` is a Unicode property this Node.js does not know: newer than its Unicode, or misspelt)`;
  return letter
    ? ` (\`${letter}\` is no JavaScript escape: without the \`u\` flag it is the letter ${letter[1]})`
    : "";
}
