import { realpathSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parsePointer, type Path } from "../model/pointer.js";
import { pathOf, type At } from "./schema/place.js";
import { PatternVerdicts } from "../model/patterns/safety.js";
import type { IngestCode, IngestReporter } from "./codes.js";
import type { SourceRef } from "../model/types.js";
import { ParseError } from "./parse/parsed-document.js";
import { ALIAS_EXPANSION_LIMIT } from "./parse/alias-expansion.js";
import { count } from "./read-source.js";
import { targetKey } from "./schema/named-schemas.js";
import { isInside, isUrlInput, shownUrl } from "../model/source-url.js";
import {
  isRecord,
  isRef,
  type Node,
  type ReaderContext,
  type SourceDocument,
  uriScheme,
} from "./reader.js";

/** A `$ref` as messages quote it: a URL's user info written `***` (shownUrl). */
const quoted = (ref: string) => JSON.stringify(shownUrl(ref));

/**
 * The reader context of one document: its `$ref` resolver. A `$ref` to another file must stay in
 * the spec's folder (`root`) unless `allowExternal`, by real paths: a symbolic link in the folder
 * to outside (the link, or a folder on the way) is outside; the file read is the path checked.
 */
export function makeContext(
  doc: SourceDocument,
  root: string,
  reporter: IngestReporter,
  /** `absPath` as the `$ref` names it (display, cache key), `readPath` the file read (real path when guarded). */
  loadRefFile: (
    absPath: string,
    readPath: string,
  ) => SourceDocument[] | ParseError,
  allowExternal: boolean,
  settlePlaces: () => void,
  /** Whether the patterns read in this document are analysed (the validators run them). */
  analyzePatterns = true,
): ReaderContext {
  const patterns = new PatternVerdicts(analyzePatterns);
  let realRoot: string | undefined;
  const resolveRef = (
    ref: string,
    from: SourceDocument,
    at: At,
    // how many more `$ref`s the pointer may pass through (a chain, or one leading back to itself)
    n = { left: 32 },
  ): Node | undefined => {
    // every problem is said at the $ref (an extension's is kept for the warning `inline` gives)
    const fail = (
      code: IngestCode,
      message: string,
      related?: SourceRef[],
    ): undefined => {
      if (kept !== undefined) kept = message;
      else reporter.report(code, message, from.ref(pathOf(at)), related);
    };
    const hash = ref.indexOf("#");
    const refFilePart = hash === -1 ? ref : ref.slice(0, hash);
    const path = parsePointer(hash === -1 ? "" : ref.slice(hash));
    if (path === undefined)
      return fail(
        "ref/invalid",
        `invalid $ref ${quoted(ref)}: the part after '#' must be a JSON pointer`,
      );
    // another document, read (once) from a file or a fetched URL: its name, and the path to read
    let other: [string, string] | undefined;
    const filePart = filePartBySelf(refFilePart, from) ?? refFilePart;
    // a $ref to a URL, or any $ref to another file of a document fetched from one: the network,
    // followed only when allowed (fetched before the reading: workflow/sources/resolve-inputs.ts)
    const remote = filePart === "" ? undefined : remoteTarget(filePart, from);
    if (remote !== undefined) {
      if (remote === "" || !allowExternal)
        return fail(
          "ref/remote",
          remote === ""
            ? `$ref ${quoted(ref)} of a document fetched from a URL names neither an http nor an https URL: not read`
            : `$ref ${quoted(ref)} points at the network (${shownUrl(remote)}); pass --allow-external-refs to fetch it`,
        );
      other = [remote, remote];
    } else if (filePart !== "") {
      if (uriScheme(filePart))
        return fail(
          "ref/remote",
          `$ref ${quoted(ref)} points at the network; apiloom never fetches remote references`,
        );
      let filePath: string;
      try {
        filePath = decodeURI(filePart);
      } catch {
        return fail(
          "ref/invalid",
          `invalid $ref ${quoted(ref)}: the file part is not a valid URI (a '%' must start a percent-encoded UTF-8 byte such as %20)`,
        );
      }
      const absTarget = resolve(dirname(from.absPath), filePath);
      let readPath = absTarget;
      if (!allowExternal) {
        realRoot ??= realPath(root) ?? root;
        const real = realPath(absTarget);
        // a target that does not exist is checked as written; reading it fails as "no such file"
        if (
          !isInside(real ?? absTarget, realRoot) ||
          !isInside(absTarget, root)
        ) {
          const how =
            real !== undefined && isInside(absTarget, root)
              ? " through a symbolic link"
              : "";
          return fail(
            "ref/outside-folder",
            `$ref ${quoted(ref)} points outside the spec's folder${how}; pass --allow-external-refs to follow it`,
          );
        }
        if (real !== undefined) readPath = real;
      }
      other = [absTarget, readPath];
    }
    const loaded = other ? loadRefFile(...other) : [from];
    if (loaded instanceof ParseError) {
      const { file, line, column } = loaded;
      return fail(loaded.code, `$ref ${quoted(ref)}: ${loaded.message}`, [
        { file, line, column, pointer: "#" },
      ]);
    }
    let target = loaded[0]!;
    let value: unknown = target.value;
    let walked: (string | number)[] = [];
    for (const segment of path) {
      // a pointer through a `$ref` (`components: {$ref: …}`) goes on from its target, as
      // json-schema-ref-parser and Redocly read it
      while (isRef(value) && !Object.hasOwn(value, segment) && n.left-- > 0) {
        const next = resolveRef(value.$ref, target, [...walked, "$ref"], n);
        if (!next) return undefined;
        ({ value, doc: target } = next);
        walked = [...next.path];
      }
      if (Array.isArray(value) && /^\d+$/.test(segment)) {
        value = value[Number(segment)];
        walked.push(Number(segment));
      } else if (
        typeof value === "object" &&
        value !== null &&
        Object.hasOwn(value, segment)
      ) {
        value = (value as Record<string, unknown>)[segment];
        walked.push(segment);
      } else
        return fail("ref/not-found", `$ref ${quoted(ref)} points at nothing`);
    }
    return { value, doc: target, path: walked };
  };

  // extensions' `$ref`s: the values read through them (as many as YAML's aliases may add), and
  // each one followed once: where it leads (and that place's key), or why it cannot be followed
  let inlined = 0;
  let kept: string | undefined;
  // the spec's own `$ref` to a schema stays, openapi.json writes its schemas; any other names
  // nothing there (`#/components/examples/…`, an `x-` member, Swagger 2.0's `#/definitions/Pet`)
  const stays = (ref: string) =>
    doc.format !== "swagger2" && /^#\/components\/schemas\/[^/]+$/.test(ref);
  const followed = new Map<string, { to?: Node; key?: string; why: string }>();
  const follow = (ref: string, from: SourceDocument) => {
    const id = `${targetKey(from, [])}\u0000${ref}`;
    let found = followed.get(id);
    if (!found) {
      kept = "";
      // a failure is said by `inline`, at each place it meets the $ref
      const to = resolveRef(ref, from, []);
      found = { to, key: to && targetKey(to.doc, to.path), why: kept };
      kept = undefined;
      followed.set(id, found);
    }
    return found;
  };
  const inline = (
    value: unknown,
    from: SourceDocument,
    path: () => Path,
    within: string[] = [],
  ): unknown => {
    if (typeof value !== "object" || value === null) return value;
    if (within.length > 0) inlined++;
    const on = (v: unknown, k: string | number) =>
      inline(v, from, () => [...path(), k], within);
    // objects are made as JSON.parse makes them: `__proto__` stays a key
    if (!isRef(value) || (from === doc && stays(value.$ref)))
      return Array.isArray(value)
        ? value.map(on)
        : Object.fromEntries(
            Object.entries(value).map(([k, v]) => [k, on(v, k)]),
          );
    const { to, key, why } =
      inlined < ALIAS_EXPANSION_LIMIT ? follow(value.$ref, from) : { why: "" };
    if (key !== undefined && !within.includes(key))
      return inline(to!.value, to!.doc, () => to!.path, [...within, key]);
    const end = to
      ? "leads back into itself"
      : `comes after ${count(ALIAS_EXPANSION_LIMIT)} values read so`;
    const message = `${why || `$ref ${quoted(value.$ref)} ${end}`}; it stays as written`;
    reporter.report(
      "ref/extension-kept",
      message,
      from.ref([...path(), "$ref"]),
    );
    return value;
  };

  // the node's path is made only where a `$ref` is reported (node.ts)
  const extensions = (node: Node) =>
    Object.fromEntries(
      Object.entries(isRecord(node.value) ? node.value : {})
        .filter(([key]) => key.startsWith("x-"))
        .map(([k, v]) => [k, inline(v, node.doc, () => [...node.path, k])]),
    );

  // data (an example) with a `$ref` in it is read as an extension is; most has none, and stays
  const literal = (value: unknown, from: SourceDocument, path: () => Path) =>
    holdsRef(value, new Set()) ? inline(value, from, path) : value;

  return {
    doc,
    reporter,
    resolveRef,
    extensions,
    literal,
    settlePlaces,
    patterns,
  };
}

/** Whether a `$ref` is somewhere in `value` (each object looked at once: YAML's aliases share them). */
function holdsRef(value: unknown, seen: Set<object>): boolean {
  if (typeof value !== "object" || value === null || seen.has(value))
    return false;
  seen.add(value);
  return isRef(value) || Object.values(value).some((v) => holdsRef(v, seen));
}

/**
 * The URL a `$ref`'s file part names when it is an http(s) URL, or when the document naming it was
 * fetched from one ("" when that is not http or https); undefined for a file.
 */
function remoteTarget(filePart: string, from: SourceDocument) {
  const base = isUrlInput(from.absPath) ? from.absPath : undefined;
  if (base === undefined && !isUrlInput(filePart)) return undefined;
  if (!URL.canParse(filePart, base)) return "";
  const url = new URL(filePart, base).href;
  return isUrlInput(url) ? url : "";
}

/** The path with every symbolic link resolved, or undefined when it does not exist. */
function realPath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/**
 * OpenAPI 3.2's `$self` (§4.3.1), the base relative references resolve against: a reference to
 * the document itself or under `$self`'s folder is read beside the file. Returns its file part
 * relative to the file's folder (`""`: the document itself), or undefined: `$self` says nothing.
 */
function filePartBySelf(filePart: string, from: SourceDocument) {
  if (from.format !== "openapi3.2" || !isRecord(from.value)) return undefined;
  const self = from.value["$self"];
  if (typeof self !== "string" || self.includes("#")) return undefined;
  // a relative `$self` is resolved against where the document was read from
  const read = pathToFileURL(from.absPath).href;
  if (!URL.canParse(self, read)) return undefined;
  const base = new URL(self, read);
  if (!URL.canParse(filePart, base.href)) return undefined;
  const target = new URL(filePart, base);
  if (target.search !== "" || base.search !== "") return undefined;
  if (target.href === base.href) return "";
  const folder = new URL(".", base).href;
  return target.href.startsWith(folder)
    ? target.href.slice(folder.length)
    : undefined;
}
