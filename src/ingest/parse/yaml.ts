import { createRequire } from "node:module";
import type * as JsYaml from "js-yaml";
import type { LoadOptions, Schema, Type, YAMLException } from "js-yaml";
import type * as Yaml from "yaml";
import type { Path } from "../../model/pointer.js";
import {
  ALIAS_EXPANSION_LIMIT,
  checkAliasExpansion,
} from "./alias-expansion.js";
import { MAX_NESTING, TOO_DEEP } from "./nesting.js";
import {
  ParseError,
  rawScalarAt,
  type ParsedDocument,
  type TextPosition,
} from "./parsed-document.js";
import {
  bracketBalance,
  indexYamlLines,
  keyOf,
  YAML_INDEX_DEPTH,
} from "./yaml-lines.js";
import { valueAt } from "../reader.js";

/**
 * YAML with positions, paid for only when asked: values from js-yaml (faster than a `yaml`
 * document, and lenient where real specs need it); positions from a line index (yaml-lines.ts)
 * checked against the text, else from the `yaml` package's document API. Empty documents are
 * dropped. Both packages are loaded on first use (a JSON input needs neither).
 */
const require = createRequire(import.meta.url);
let schema: Schema | undefined;
// require keeps a module once loaded: asking again costs a cache lookup
const jsYaml = () => require("js-yaml") as typeof JsYaml;
const yamlPackage = () => require("yaml") as typeof Yaml;

export function parseYamlStream(text: string, file: string): ParsedDocument[] {
  const values: unknown[] = [];
  const js = jsYaml();
  try {
    // a duplicated key is an error (YAML 1.2 forbids them), reported below with both lines
    js.loadAll(text, (value) => values.push(value), {
      schema: (schema ??= coreSchema(js)),
      filename: file,
      // js-yaml counts the scalar at the bottom as a level too
      maxDepth: MAX_NESTING + 1,
      // members copied by `<<` (quadratic in the text at worst): bounded as aliases are
      maxTotalMergeKeys: ALIAS_EXPANSION_LIMIT,
    } as LoadOptions);
  } catch (error) {
    if (!(error instanceof js.YAMLException)) throw error;
    // js-yaml's mark is 0-based
    const mark = (error as YAMLException & { mark?: TextPosition }).mark;
    if (error.reason === "duplicated mapping key" && mark)
      throw duplicateKeyError(text, file, mark.line + 1, mark.column + 1);
    const tag = /^unknown tag !<(.*)>$/.exec(error.reason)?.[1];
    const tooDeep = error.reason.startsWith("nesting exceeded maxDepth");
    const merges = error.reason.startsWith("merge keys exceeded");
    throw new ParseError(
      tooDeep
        ? TOO_DEEP
        : merges
          ? `YAML merge keys copy more than ${ALIAS_EXPANSION_LIMIT.toLocaleString("en-US")} members (the limit) by this one; the file is not read`
          : tag !== undefined
            ? `invalid YAML: unknown tag ${shortTag(tag)}; only YAML's core types are read, and a tagged value is never constructed`
            : `invalid YAML: ${error.reason}`,
      file,
      (mark?.line ?? 0) + 1,
      tag !== undefined && mark
        ? tagColumn(text, mark.line, mark.column, tag)
        : (mark?.column ?? 0) + 1,
      tooDeep
        ? "parse/too-deep"
        : merges
          ? "parse/alias-expansion"
          : "parse/invalid-yaml",
    );
  }
  const positions = new StreamPositions(
    text,
    values.filter((value) => value !== null && value !== undefined).length,
  );
  const out: ParsedDocument[] = [];
  for (const value of values) {
    if (value === null || value === undefined) continue;
    const index = out.length;
    const doc: ParsedDocument = {
      value,
      locate: (path) => positions.locate(index, value, path),
      rawScalar: (path) =>
        rawScalarAt(doc, (line) => positions.line(line), path),
      placeFinder: (textAgain) =>
        textAgain
          ? placesAgain(textAgain, file, index)
          : (paths) => paths.map((path) => doc.locate(path)),
    };
    const aliases = checkAliasExpansion(value);
    if (aliases) {
      const at = doc.locate(aliases.path);
      throw new ParseError(
        aliases.kind === "cycle"
          ? "an alias inside its own anchor makes this value infinite; it cannot be read"
          : `YAML aliases expand to more than ${ALIAS_EXPANSION_LIMIT.toLocaleString("en-US")} nodes (the limit) by this one; the file is not read (a "billion laughs" document?)`,
        file,
        at.line,
        at.column,
        "parse/alias-expansion",
      );
    }
    out.push(doc);
  }
  return out;
}

/**
 * YAML 1.2's core schema plus `<<` merge keys, as an implicit type (`extend([...])` adds an
 * explicit one: `<<` stays a plain key). js-yaml's own int and float are partly YAML 1.1's
 * (`0b1010` and `+0x1F` numbers, `-.5` a string): these are the core schema's. js-yaml exports its
 * types, its typings do not.
 */
function coreSchema(js: typeof JsYaml): Schema {
  const { types } = js as unknown as { types: Record<string, Type> };
  const special: Record<string, number> = {
    ".inf": Infinity,
    "+.inf": Infinity,
    "-.inf": -Infinity,
    ".nan": NaN,
  };
  const number = (tag: string, pattern: RegExp) =>
    new js.Type(`tag:yaml.org,2002:${tag}`, {
      kind: "scalar",
      resolve: (text: string | null) => text !== null && pattern.test(text),
      construct: (text: string) => special[text.toLowerCase()] ?? Number(text),
    });
  return js.FAILSAFE_SCHEMA.extend({
    implicit: [
      types.null!,
      types.bool!,
      number("int", /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/),
      number(
        "float",
        /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
      ),
      types.merge!,
    ],
  });
}

/**
 * The places of document `index` of a text read again when one is first wanted (values and all:
 * a YAML place is confirmed against its value). Made out here, so as to hold nothing of the text
 * read first.
 */
function placesAgain(textAgain: () => string, file: string, index: number) {
  let doc: ParsedDocument | undefined;
  return (paths: readonly Path[]) => {
    doc ??= parseYamlStream(textAgain(), file)[index]!;
    return paths.map((path) => doc!.locate(path));
  };
}

/** The most lines of a flow collection read on its own; a longer one is found by the full parse. */
const FLOW_LINES = 200;

class StreamPositions {
  private index: Map<string, TextPosition>[] | undefined;
  private readonly subtrees = new Map<string, Map<string, TextPosition>>();
  private readonly flows = new Map<string, FullPositions>();
  private full: FullPositions | undefined;
  private readonly lines: string[];

  constructor(
    private readonly text: string,
    /** How many documents are read (not empty): the index has as many, or is not used. */
    private readonly documents: number,
  ) {
    this.lines = text.split("\n");
  }

  /** The text of 1-based line `n`, without its line break. */
  line(n: number): string {
    return (this.lines[n - 1] ?? "").replace(/\r$/, "");
  }

  locate(doc: number, value: unknown, path: Path): TextPosition {
    this.index ??= indexYamlLines(this.lines, { maxDepth: YAML_INDEX_DEPTH });
    // a document the index sees nothing in (`a note`, `{a: 1}`) would move the others' places
    let map =
      this.index.length === this.documents ? this.index[doc] : undefined;
    if (!map) return this.fullParse().locate(doc, path);
    let mapDepth = YAML_INDEX_DEPTH;
    let node: unknown = value;
    let found: TextPosition | undefined = map.get("");
    let anchor: { depth: number; at: TextPosition } | undefined;
    for (let depth = 1; depth <= path.length; depth++) {
      const segment = path[depth - 1]!;
      node = valueAt(node, [segment]);
      if (node === undefined) break; // not in the value: the deepest existing ancestor answers
      if (depth > mapDepth) {
        // deeper than this index goes: index the subtree under the deepest key found so far
        if (!anchor) return this.fullParse().locate(doc, path);
        map = this.subtree(doc, path.slice(0, anchor.depth), anchor.at);
        mapDepth = anchor.depth + YAML_INDEX_DEPTH;
      }
      const hit = map.get(keyOf(path.slice(0, depth)));
      if (!hit || !this.confirms(hit, segment)) {
        const inFlow =
          found && !this.full && this.inFlow(found, path.slice(depth - 1));
        return inFlow || this.fullParse().locate(doc, path);
      }
      found = hit;
      if (typeof segment === "string") anchor = { depth, at: hit };
    }
    return found ?? { line: 1, column: 1 };
  }

  private subtree(doc: number, anchor: Path, at: TextPosition) {
    const key = doc + keyOf(anchor);
    let map = this.subtrees.get(key);
    if (!map) {
      map =
        indexYamlLines(this.lines, {
          maxDepth: anchor.length + YAML_INDEX_DEPTH,
          startLine: at.line - 1,
          startColumn: at.column - 1,
          stopColumn: at.column - 1,
          base: { path: anchor.slice(0, -1) as (string | number)[], index: 0 },
        })[0] ?? new Map();
      // readers walk one operation at a time: a few recent subtrees are all that is worth keeping
      if (this.subtrees.size >= 16)
        this.subtrees.delete(this.subtrees.keys().next().value!);
      this.subtrees.set(key, map);
    }
    return map;
  }

  /**
   * A path below the entry at `at` whose value is a flow collection (`schema: {type: string}`),
   * read exactly from that collection's own lines; undefined when it is not one, or not all there.
   */
  private inFlow(at: TextPosition, rest: Path): TextPosition | undefined {
    const first = this.line(at.line);
    const start = /^(?:[^\s[{][^#]*?:\s+)?(?=[[{])/.exec(
      first.slice(at.column - 1),
    );
    if (!start) return undefined;
    const column = at.column - 1 + start[0].length;
    // the places of one operation's flow collection are asked one after another: parsed once
    let exact = this.flows.get(`${at.line}:${column}`);
    if (!exact) {
      const lines = [" ".repeat(column) + first.slice(column)];
      for (let depth = bracketBalance(first, column); depth > 0;) {
        if (
          lines.length === FLOW_LINES ||
          at.line + lines.length > this.lines.length
        )
          return undefined;
        const next = this.line(at.line + lines.length);
        lines.push(next);
        depth += bracketBalance(next, 0);
      }
      exact = new FullPositions(lines.join("\n"));
      if (this.flows.size >= 16)
        this.flows.delete(this.flows.keys().next().value!);
      this.flows.set(`${at.line}:${column}`, exact);
    }
    const inside = exact.clean ? exact.walk(0, rest) : undefined;
    return inside?.whole
      ? { line: at.line + inside.at.line - 1, column: inside.at.column }
      : undefined;
  }

  /** The index's answer is used only when the text there is the key (or, for an item, any content). */
  private confirms(at: TextPosition, segment: string | number): boolean {
    if (typeof segment === "number") return true;
    const rest = (this.lines[at.line - 1] ?? "").slice(at.column - 1);
    return (
      rest.startsWith(segment) || rest.startsWith(`"`) || rest.startsWith(`'`)
    );
  }

  private fullParse(): FullPositions {
    return (this.full ??= new FullPositions(this.text));
  }
}

/** The slow, exact way: the `yaml` package's documents and their node ranges. */
export class FullPositions {
  private readonly lineCounter = new (yamlPackage().LineCounter)();
  private readonly docs: Yaml.Document[];
  /** The text is YAML without an error. */
  readonly clean: boolean;

  constructor(text: string) {
    const parsed = yamlPackage().parseAllDocuments(text, {
      lineCounter: this.lineCounter,
      uniqueKeys: false,
      merge: true,
    });
    const { isScalar } = yamlPackage();
    this.clean = parsed.every((d) => d.errors.length === 0);
    // an empty stream is an empty list too (with the stream's comments and errors)
    this.docs = parsed.filter(
      ({ contents }) =>
        contents !== null && !(isScalar(contents) && contents.value === null),
    );
  }

  locate(doc: number, path: Path): TextPosition {
    return this.walk(doc, path).at;
  }

  /** Where `path` is, or its deepest ancestor in the text; `whole`: every segment was found. */
  walk(doc: number, path: Path): { at: TextPosition; whole: boolean } {
    const { isMap, isPair, isScalar, isSeq } = yamlPackage();
    let node: unknown = this.docs[doc]?.contents;
    let offset = (node as Yaml.Node | null)?.range?.[0] ?? 0;
    let found = 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (item) =>
            isPair(item) &&
            isScalar(item.key) &&
            String(item.key.value) === String(segment),
        );
        if (!pair) break;
        offset = (pair.key as Yaml.Node | null)?.range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === "number") {
        const item = node.items[segment] as Yaml.Node | undefined;
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else break;
      found++;
    }
    const at = this.lineCounter.linePos(offset);
    return {
      at: { line: at.line, column: at.col },
      whole: found === path.length,
    };
  }
}

/** js-yaml names only the second of two equal keys: the `yaml` package finds the first. */
function duplicateKeyError(
  text: string,
  file: string,
  line: number,
  column: number,
): ParseError {
  const { isScalar, LineCounter, parseAllDocuments, visit } = yamlPackage();
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false });
  let found: { key: string; first: TextPosition } | undefined;
  for (const doc of docs) {
    visit(doc, {
      Map(_, map) {
        const seen = new Map<string, TextPosition>();
        for (const pair of map.items) {
          if (!isScalar(pair.key) || !pair.key.range) continue;
          const key = String(pair.key.value);
          const at = lineCounter.linePos(pair.key.range[0]);
          const here = { line: at.line, column: at.col };
          const first = seen.get(key);
          if (first && here.line === line && here.column === column) {
            found = { key, first };
            return visit.BREAK;
          }
          if (!first) seen.set(key, here);
        }
        return undefined;
      },
    });
    if (found) break;
  }
  const why =
    "YAML forbids a key twice in one mapping, and one of the two would be lost";
  return new ParseError(
    found
      ? `duplicate key ${JSON.stringify(found.key)}: it is also at line ${found.first.line}${found.first.line === line ? `, column ${found.first.column}` : ""} (${why})`
      : `duplicate key: ${why}`,
    file,
    line,
    column,
    "parse/duplicate-key",
    found ? [found.first] : [],
  );
}

/** `!!js/function` for `tag:yaml.org,2002:js/function`, else the tag as written. */
function shortTag(tag: string): string {
  return tag.startsWith("tag:yaml.org,2002:")
    ? `!!${tag.slice("tag:yaml.org,2002:".length)}`
    : tag.startsWith("!")
      ? tag
      : `!<${tag}>`;
}

/** js-yaml marks the end of a tagged value; the tag itself is the better place to point at. */
function tagColumn(text: string, line: number, column: number, tag: string) {
  const lineText = text.split("\n")[line] ?? "";
  const at = lineText.lastIndexOf(shortTag(tag), column);
  const bang = lineText.lastIndexOf("!", column);
  return (at !== -1 ? at : bang !== -1 ? bang : column) + 1;
}
