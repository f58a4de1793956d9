import type {
  FilterFunction,
  JSONPathEnvironment,
  JSONPathNode,
  JSONPathQuery,
  JSONValue,
} from "json-p3";
import { createRequire } from "node:module";
import { patternGuard } from "../../model/patterns/safety.js";
import type { Path } from "../../model/pointer.js";
import { ALIAS_EXPANSION_LIMIT } from "../parse/alias-expansion.js";
import { MAX_NESTING } from "../parse/nesting.js";
import { count } from "../read-source.js";

/**
 * The bounds of overlay evaluation, like the readers' input bounds, counted as work (never by a
 * clock, so every machine gives the same answer). Per input document, all its overlays together:
 */
export const OVERLAY_BOUNDS = {
  /**
   * Work of the JSONPath queries: each node they make (by `..`, `*`, filters, inner queries) costs
   * the length of its path, as it costs json-p3 (a copy of the path, a generator per level).
   */
  work: 20 * ALIAS_EXPANSION_LIMIT,
  /** Nodes one `target` (or `copy`) may select. */
  selected: ALIAS_EXPANSION_LIMIT,
  /** Values the updates and copies add (each value's nodes, once per target). */
  added: ALIAS_EXPANSION_LIMIT,
  /** How deep the document may nest after an update, as the readers bound it. */
  nesting: MAX_NESTING,
  /** Distinct `match`/`search` patterns checked for backtracking (per input document). */
  patterns: 64,
} as const;

/** An overlay action past one of {@link OVERLAY_BOUNDS}: the message says which. */
export class OverlayBoundError extends Error {}

/** Whether `error` is json-p3's (its recursion limit, an index past its bounds). */
export function isJsonPathError(error: unknown): error is Error {
  return loaded !== undefined && error instanceof loaded.JSONPathError;
}

/** The budget of one input document: its overlays' actions draw from it in order. */
export class OverlayBudget {
  private work = 0;
  private added = 0;
  /** Whether each pattern `match`/`search` met is safe to run (decided once per document). */
  readonly patterns = new Map<string, boolean>();

  /** One node made by a query, `cost` its path's length (what making it costs json-p3). */
  step(cost: number): void {
    if ((this.work += cost) > OVERLAY_BOUNDS.work)
      throw new OverlayBoundError(
        `its JSONPath takes more than ${count(OVERLAY_BOUNDS.work)} steps (nodes visited, times their depth: the work an input's overlays may take)`,
      );
  }

  /** The paths `query` selects in `value`, each node it makes counted. */
  select(query: JSONPathQuery, value: unknown, what: string): Path[] {
    const paths: Path[] = [];
    const outer = current;
    current = this;
    try {
      for (const node of countedNodes(query, value)) {
        if (paths.length === OVERLAY_BOUNDS.selected)
          throw new OverlayBoundError(
            `${what} selects more than ${count(OVERLAY_BOUNDS.selected)} nodes`,
          );
        paths.push(Array.from(node.location));
      }
    } finally {
      current = outer;
    }
    return paths;
  }

  /**
   * Takes `value`'s nodes from what updates may add, `value` going to `path`: past the budget,
   * or nesting the document deeper than the readers allow, is an {@link OverlayBoundError}.
   */
  add(value: unknown, path: Path): void {
    const left = OVERLAY_BOUNDS.added - this.added;
    const { nodes, depth } = measure(value, left);
    if (nodes > left)
      throw new OverlayBoundError(
        `its updates add more than ${count(OVERLAY_BOUNDS.added)} values to the document`,
      );
    if (path.length + depth > OVERLAY_BOUNDS.nesting)
      throw new OverlayBoundError(
        `it nests the document ${path.length + depth} levels deep, past the limit of ${OVERLAY_BOUNDS.nesting}`,
      );
    this.added += nodes;
  }
}

/** The budget the query being evaluated draws from (queries run synchronously, one at a time). */
let current: OverlayBudget | undefined;

/**
 * A node's location that counts a step each time the engine makes a child's (json-p3 makes every
 * node it visits or selects with `location.concat(key)`, and the copy is of this class).
 */
class CountedPath extends Array<string | number> {
  override concat(
    ...items: (string | number | ConcatArray<string | number>)[]
  ): (string | number)[] {
    current?.step(this.length + 1);
    return super.concat(...items);
  }
}

/** `query`'s nodes in `value`, made lazily (the memory of one path), from a counted location. */
function countedNodes(query: JSONPathQuery, value: unknown) {
  let nodes: IterableIterator<JSONPathNode> = [
    new (json().JSONPathNode)(
      value as JSONValue,
      new CountedPath(),
      value as JSONValue,
    ),
  ].values();
  for (const segment of query.segments) nodes = segment.lazyResolve(nodes);
  return nodes;
}

/** Nodes (each value, container or not) and depth of `value`, counting stopping past `limit`. */
function measure(value: unknown, limit: number) {
  let nodes = 0;
  let depth = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0 && nodes <= limit) {
    const [node, level] = stack.pop()!;
    nodes++;
    depth = Math.max(depth, level);
    if (typeof node === "object" && node !== null)
      for (const child of Object.values(node)) stack.push([child, level + 1]);
  }
  return { nodes, depth };
}

type JsonP3 = typeof import("json-p3");
let loaded: JsonP3 | undefined;
let environment: JSONPathEnvironment | undefined;

/** json-p3 (CommonJS), loaded by the first run that has an overlay (most runs have none). */
function json(): JsonP3 {
  return (loaded ??= createRequire(import.meta.url)("json-p3") as JsonP3);
}

/**
 * apiloom's JSONPath environment: RFC 9535 (json-p3) with a recursion limit past the nesting a
 * document may have, control-character escapes in names read, and `match`/`search` run only on
 * patterns the backtracking check (model/patterns/safety.ts) finds safe.
 */
function jsonPathEnvironment(): JSONPathEnvironment {
  if (environment) return environment;
  const env = new (json().JSONPathEnvironment)({
    maxRecursionDepth: OVERLAY_BOUNDS.nesting + 2,
  });
  readControlEscapes(env);
  for (const name of ["match", "search"]) {
    const inner = env.functionRegister.get(name)!;
    const guarded: FilterFunction = {
      argTypes: inner.argTypes,
      returnType: inner.returnType,
      call: (s: unknown, pattern: unknown) => {
        if (typeof pattern === "string" && typeof s === "string")
          checkPattern(pattern, name, current?.patterns ?? new Map());
        return inner.call(s, pattern);
      },
    };
    env.functionRegister.set(name, guarded);
  }
  return (environment = env);
}

function checkPattern(
  pattern: string,
  name: string,
  verdicts: Map<string, boolean>,
): void {
  // match() is anchored (json-p3 runs `^(?:pattern)$`), where backtracking shows
  const run = name === "match" ? `^(?:${pattern})$` : pattern;
  let safe = verdicts.get(run);
  if (safe === undefined) {
    if (verdicts.size === OVERLAY_BOUNDS.patterns)
      throw new OverlayBoundError(
        `its filters use more than ${OVERLAY_BOUNDS.patterns} distinct patterns`,
      );
    safe = patternGuard(run).kind === "regexp";
    verdicts.set(run, safe);
  }
  if (!safe)
    throw new OverlayBoundError(
      `${name}() pattern ${JSON.stringify(pattern)} could backtrack for a long time on some texts (see schema/backtracking-pattern): write it without nested or overlapping repetition`,
    );
}

/**
 * `text` compiled in {@link jsonPathEnvironment}, the queries inside its filters (`@..x`, `$.y`)
 * made to count their nodes as the query does. Throws json-p3's syntax errors.
 */
export function compileQuery(text: string): JSONPathQuery {
  const query = jsonPathEnvironment().compile(text);
  const seen = new Set<object>([query]);
  const walk = (node: unknown): void => {
    if (typeof node !== "object" || node === null || seen.has(node)) return;
    seen.add(node);
    if (node instanceof json().JSONPathQuery) {
      const inner = node;
      inner.lazyQuery = (value) => countedNodes(inner, value);
      inner.query = (value) =>
        new (json().JSONPathNodeList)(Array.from(countedNodes(inner, value)));
    }
    for (const [key, child] of Object.entries(node))
      if (key !== "environment" && key !== "token") walk(child);
  };
  for (const segment of query.segments) walk(segment);
  return query;
}

/**
 * json-p3 (2.3) refuses a `\uXXXX` escape of a code point under U+0020 in a string literal as if
 * the character were written raw: the escape is read here, a raw control character still refused.
 */
function readControlEscapes(env: JSONPathEnvironment): void {
  const parser = (env as unknown as { parser: EscapeReading }).parser;
  const decode = parser.decodeHexChar.bind(parser);
  const fromCodePoint = parser.stringFromCodePoint.bind(parser);
  let escaped = false;
  parser.decodeHexChar = (...args) => {
    const read = decode(...args);
    escaped = true;
    return read;
  };
  parser.stringFromCodePoint = (codePoint, token) => {
    if (!escaped) return fromCodePoint(codePoint, token);
    escaped = false;
    return String.fromCodePoint(codePoint);
  };
}

interface EscapeReading {
  decodeHexChar(value: string, index: number, token: unknown): [number, number];
  stringFromCodePoint(codePoint: number, token: unknown): string;
}
