import {
  type Doc,
  flatText,
  flatWidth,
  hardline,
  line,
  print,
  textGroupContents,
} from "../shared/doc.js";
import { PRINT_WIDTH } from "../shared/literals.js";

/**
 * A check function's body printed statement by statement, without walking its doc: what
 * print() writes for `[indent([hardline, statements(body)]), hardline]`, for the docs
 * layout.ts builds.
 *
 * Every statement starts a line, at its block's indentation, and a hard line follows it: so
 * print() decides each one's groups on its own (the rest of its line is that hard line), and
 * a statement could be printed by print() from its column, alone. Most need not be: a plain
 * text is written as it is, a textGroup (callDoc, ifStatement) that fits is its flat text, an
 * ifStatement that does not is `if (cond)` and its statement one level in, a block (`head {`
 * statements `}`) or a labelled list (`case "a":` statements) is its head and its statements
 * one level in. Only textGroups are measured, by the width known when they were built.
 * Anything else (a call that breaks, an `else` chain, a bound sum) goes to print().
 */

/** `indent([hardline, statements(body)])` that keeps `body`, so its statements can be read. */
export interface BodyIndent {
  readonly kind: "indent";
  readonly contents: Doc;
  readonly body: readonly Doc[];
}

/** The indented statements of a block or a labelled list. */
export function bodyIndent(body: readonly Doc[]): Doc {
  const node: BodyIndent = {
    kind: "indent",
    contents: [hardline, statements(body)],
    body,
  };
  return node;
}

/** Statements, one after the other. */
export function statements(docs: readonly Doc[]): Doc[] {
  const out: Doc[] = [];
  for (let i = 0; i < docs.length; i++) {
    if (i > 0) out.push(hardline);
    out.push(docs[i]!);
  }
  return out;
}

/**
 * The body's text as print([indent([hardline, statements(body)]), hardline]) writes it;
 * undefined for a text this printer does not write the same way (an empty statement, or one
 * that ends with a space: print() would trim it), which the caller prints with print().
 */
export function printBody(body: readonly Doc[]): string | undefined {
  const out: string[] = [];
  if (!writeStatements(body, 2, out)) return undefined;
  out.push("\n");
  return out.join("");
}

const NEWLINES: string[] = [];

/** A newline and `n` spaces. */
function newlineAnd(n: number): string {
  return (NEWLINES[n] ??= "\n" + " ".repeat(n));
}

function writeStatements(
  docs: readonly Doc[],
  indent: number,
  out: string[],
): boolean {
  const nl = newlineAnd(indent);
  for (let i = 0; i < docs.length; i++) {
    out.push(nl);
    if (!writeStatement(docs[i]!, indent, out)) return false;
  }
  return true;
}

/** One statement from column `indent` (the line is started). */
function writeStatement(d: Doc, indent: number, out: string[]): boolean {
  let text: string | undefined;
  if (typeof d === "string") text = d;
  else if (Array.isArray(d)) {
    // a block: [`head {`, bodyIndent, hardline, "}"]; a labelled list: [head, bodyIndent]
    const inner = d[1] as Partial<BodyIndent> | undefined;
    if (inner !== undefined && inner.body !== undefined) {
      const head = d[0] as string;
      if (!usable(head)) return false;
      out.push(head);
      if (!writeStatements(inner.body, indent + 2, out)) return false;
      if (d.length === 4) out.push(newlineAnd(indent), "}");
      return true;
    }
  } else {
    const flat = flatText(d);
    if (flat !== undefined) {
      if (indent + flatWidth(d) <= PRINT_WIDTH) text = flat;
      else {
        // broken: ifStatement's `if (cond)`, then its statement on the next line
        const broken = textGroupContents(d);
        if (Array.isArray(broken) && broken.length === 2) {
          const [head, rest] = broken as [Doc, Doc];
          const lined = (rest as { kind?: string; contents?: Doc[] }).contents;
          if (
            typeof head === "string" &&
            usable(head) &&
            (rest as { kind?: string }).kind === "indent" &&
            Array.isArray(lined) &&
            lined.length === 2 &&
            lined[0] === line
          ) {
            out.push(head, newlineAnd(indent + 2));
            return writeStatement(lined[1]!, indent + 2, out);
          }
        }
      }
    }
  }
  text ??= print(d, { indent });
  if (!usable(text)) return false;
  out.push(text);
  return true;
}

/** A text written as print() would: not empty, not ending with a space. */
const usable = (text: string): boolean =>
  text.length > 0 && text.charCodeAt(text.length - 1) !== 32;
