import {
  type Doc,
  flatText,
  flatWidth,
  hardline,
  print,
  textGroupData,
  textWidth,
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

/** `a + b + c` kept as its operands, so its layout needs no parsing of the text. */
export interface Sum {
  readonly operands: readonly string[];
  /** The operands joined with ` + ` (a pointer keeps it once made: a pointer is written often). */
  readonly text?: string;
}

/**
 * What layout.ts's callDoc keeps of a call whose arguments hold no array (its textGroup's data):
 * broken, it is `callee(`, each argument on a line of its own and a comma, `)end`.
 */
export interface BrokenCall {
  readonly kind: "call";
  readonly callee: string;
  readonly args: readonly (string | Sum)[];
  readonly end: string;
}

/** What ifStatement keeps (its textGroup's data): broken, `if (cond)` then the statement. */
export interface BrokenIf {
  readonly kind: "if";
  readonly cond: string;
  readonly statement: Doc;
}

/** layout.ts's ifElse: `[ifStatement, hardline, "else {", bodyIndent, hardline, "}"]`. */
export type IfElse = [Doc, Doc, "else {", BodyIndent, Doc, "}"];

/** `indent([hardline, statements(body)])` that keeps `body`, so its statements can be read. */
export interface BodyIndent {
  readonly kind: "indent";
  readonly contents: Doc;
  readonly body: readonly Doc[];
}

/**
 * A BodyIndent whose contents (the doc printer's view: hard lines between the statements) are
 * made only if print() reads them: printBody reads `body`, and most bodies never reach print().
 */
class LazyBodyIndent implements BodyIndent {
  readonly kind = "indent";
  private made: Doc | undefined;

  constructor(readonly body: readonly Doc[]) {}

  get contents(): Doc {
    return (this.made ??= [hardline, statements(this.body)]);
  }
}

/** The indented statements of a block or a labelled list. */
export function bodyIndent(body: readonly Doc[]): Doc {
  return new LazyBodyIndent(body) as BodyIndent as Doc;
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
    const d = docs[i]!;
    // a plain text, most statements, written here (usable(), inline): no call per statement
    if (
      typeof d === "string" &&
      d.length > 0 &&
      d.charCodeAt(d.length - 1) !== 32
    ) {
      out.push(nl, d);
      continue;
    }
    out.push(nl);
    if (!writeStatement(d, indent, out)) return false;
  }
  return true;
}

/** One statement from column `indent` (the line is started). */
function writeStatement(d: Doc, indent: number, out: string[]): boolean {
  let text: string | undefined;
  if (typeof d === "string") text = d;
  else if (Array.isArray(d)) {
    // callStatement's `["", call]`
    if (d.length === 2 && d[0] === "")
      return writeStatement(d[1]!, indent, out);
    // an if/else: its if statement, then `else {` and the statements
    if (d.length === 6 && d[2] === "else {") {
      const [test, , , inner] = d as IfElse;
      if (!writeStatement(test, indent, out)) return false;
      out.push(newlineAnd(indent), "else {");
      if (!writeStatements(inner.body, indent + 2, out)) return false;
      out.push(newlineAnd(indent), "}");
      return true;
    }
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
        // laid out by its builder's data, when it has some
        const data = textGroupData(d) as BrokenCall | BrokenIf | undefined;
        if (data?.kind === "call" && data.args.length > 0)
          return writeCall(data, indent, out);
        if (data?.kind === "if" && usable(data.cond)) {
          // `if (cond)`, its statement on the next line
          out.push("if (", data.cond, ")", newlineAnd(indent + 2));
          return writeStatement(data.statement, indent + 2, out);
        }
      }
    }
  }
  text ??= print(d, { indent });
  if (!usable(text)) return false;
  out.push(text);
  return true;
}

/**
 * A call one argument per line, as print() lays out brokenCall's docs: a sum that does not fit
 * with its comma has its first operand there and each next one on a line of its own, further in.
 */
function writeCall(call: BrokenCall, indent: number, out: string[]): boolean {
  const nl = newlineAnd(indent + 2);
  out.push(call.callee, "(");
  const args = call.args;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    out.push(nl);
    if (typeof arg === "string") {
      if (!usable(arg)) return false;
      out.push(arg, ",");
      continue;
    }
    const operands = arg.operands;
    const text = arg.text ?? operands.join(" + ");
    if (
      operands.length === 1 ||
      indent + 2 + textWidth(text) + 1 <= PRINT_WIDTH
    )
      out.push(text, ",");
    else {
      const next = newlineAnd(indent + 4);
      out.push(operands[0]!);
      for (let i = 1; i < operands.length; i++)
        out.push(" +", next, operands[i]!);
      out.push(",");
    }
  }
  out.push(newlineAnd(indent), ")", call.end);
  return true;
}

/** A text written as print() would: not empty, not ending with a space. */
const usable = (text: string): boolean =>
  text.length > 0 && text.charCodeAt(text.length - 1) !== 32;
