import {
  conditionalGroup,
  type Doc,
  flatText,
  flatWidth,
  group,
  hardline,
  ifBreak,
  indent,
  join,
  line,
  print,
  textGroup,
  textWidth,
} from "../shared/doc.js";
import { PRINT_WIDTH } from "../shared/literals.js";
import { items } from "../shared/statements.js";
import {
  bodyIndent,
  type BrokenCall,
  type BrokenIf,
  type BodyIndent,
  type IfElse,
  statements,
  type Sum,
} from "./statements-print.js";

export { statements, type Sum };

/**
 * The few statement shapes the validator files are made of, as docs (see shared/doc.ts) shaped
 * the way prettier (default options) lays them out, so the text needs no formatting pass. The
 * code generator keeps conditions short (helper calls, short local names), so only calls, arrays,
 * sums and `if` bodies ever break. A function body is one doc: its statements joined by hard
 * lines, a block's statements indented.
 */

export { functionHead } from "../shared/statements.js";

/** A call argument: an expression, a sum, or the items of an array literal (never number-only). */
export type Arg = string | Sum | readonly string[];

const isList = (arg: Arg): arg is readonly string[] => Array.isArray(arg);

/**
 * `callee(a, b, c)end`: one line when it fits; else a last argument that is an array is hugged
 * (`callee(a, [` … `])`) when that first line fits; otherwise one argument per line with a
 * trailing comma (an array that does not fit there either is expanded). prettier's
 * printCallArguments, for the arguments these files have.
 */
export function callDoc(callee: string, args: readonly Arg[], end = ";"): Doc {
  // the call on one line, as the docs below print flat: built only when it does not fit
  let text = `${callee}(`;
  for (let i = 0; i < args.length; i++) {
    if (i > 0) text += ", ";
    text += flatArg(args[i]!);
  }
  // a call whose arguments hold no array: statements-print.ts lays it out itself
  const data: BrokenCall | undefined = args.some(isList)
    ? undefined
    : { kind: "call", callee, args: args as (string | Sum)[], end };
  return textGroup(
    `${text})${end}`,
    () => brokenCall(callee, args, end),
    undefined,
    data,
  );
}

/**
 * callDoc(callee, args) for arguments without an array, when its one-line text (callText) and
 * its width are known (a call that did not fit where callLine measured it).
 */
function measuredCall(
  callee: string,
  args: readonly (string | Sum)[],
  text: string,
  width: number,
): Doc {
  const data: BrokenCall = { kind: "call", callee, args, end: ";" };
  return textGroup(text, () => brokenCall(callee, args, ";"), width, data);
}

/** callDoc's docs: the arguments one per line, or a last array hugged. */
function brokenCall(callee: string, args: readonly Arg[], end: string): Doc {
  const contents = [`${callee}(`, items(args.map(argDoc)), ")", end];
  const last = args[args.length - 1];
  const before = args.slice(0, -1);
  if (
    last === undefined ||
    !isList(last) ||
    last.length === 0 ||
    before.some(isList)
  )
    return contents;
  const head = [...before.map((a) => flat(a as string | Sum)), "["].join(", ");
  const hugged = [`${callee}(${head}`, group(items(last), true), "])", end];
  const flatCall = [`${callee}(${head}`, items(last), "])", end];
  return conditionalGroup([flatCall, hugged, group(contents)]);
}

const flat = (arg: string | Sum): string =>
  typeof arg === "string" ? arg : sumText(arg);

/** An argument as argDoc prints it flat. */
const flatArg = (arg: Arg): string =>
  isList(arg) ? `[${arg.join(", ")}]` : flat(arg);

/** `lead callee(a, b, c)end` (see callDoc). */
export function callStatement(
  lead: string,
  callee: string,
  args: readonly Arg[],
  end = ";",
): Doc {
  return [lead, callDoc(callee, args, end)];
}

/**
 * `callee(a, b, c);` on one line (callDoc's flat text), its arguments joined at once: one flat
 * string, where a concatenation per argument makes a string for each (the line is measured
 * next, which copies it flat anyway).
 */
export function callText(
  callee: string,
  args: readonly (string | Sum)[],
): string {
  let texts = args as readonly string[];
  for (let i = 0; i < args.length; i++)
    if (typeof args[i] !== "string") {
      texts = args.map(flat);
      break;
    }
  return `${callee}(${texts.join(", ")});`;
}

/**
 * callStatement("", callee, args) written at column `indent`: its text when it fits there (all
 * print() and printBody would write for it), else its call's doc (callDoc's, made of that text and
 * width: they are not made again). A plain text statement is one string
 * instead of the call's group, its data and the wrapping array: the validators' most common line
 * (a leaf property's check) is made without them. `text` and `width`: callText's and its width,
 * when the caller has them.
 */
export function callLine(
  indent: number,
  callee: string,
  args: readonly (string | Sum)[],
  text = callText(callee, args),
  width = textWidth(text),
): Doc {
  return indent + width <= PRINT_WIDTH
    ? text
    : measuredCall(callee, args, text, width);
}

/**
 * ifStatement(cond, callDoc(callee, args)) written at `column` (see callLine). One that
 * does not fit is that ifStatement made of what is measured here (the call's text and width,
 * the line's), its call a callLine one level in: the call's text is not joined, measured and
 * wrapped in a group again (most of the validators' broken ifs are a type test and an r.push
 * that fits on the next line).
 */
export function ifLine(
  column: number,
  cond: string,
  callee: string,
  args: readonly (string | Sum)[],
): Doc {
  const call = callText(callee, args);
  const callWidth = textWidth(call);
  // 6: `if (`, `) `
  const width = textWidth(cond) + 6 + callWidth;
  const text = `if (${cond}) ${call}`;
  if (column + width <= PRINT_WIDTH) return text;
  const statement = callLine(column + 2, callee, args, call, callWidth);
  return textGroup(
    text,
    () => [`if (${cond})`, indent([line, statement])],
    width,
    { kind: "if", cond, statement } satisfies BrokenIf,
  );
}

/** The text of a sum. */
export const sumText = (sum: Sum): string =>
  sum.text ?? sum.operands.join(" + ");

function argDoc(arg: Arg): Doc {
  if (typeof arg === "string") return arg;
  if (isList(arg)) return group(["[", items(arg), "]"]);
  return sumDoc(arg);
}

/** A sum that does not fit: its first operand there, each next one on a line of its own. */
function sumDoc(sum: Sum): Doc {
  const [first, ...rest] = sum.operands;
  if (rest.length === 0) return first!;
  const broken = [first!, indent(rest.map((o) => [" +", line, o]))];
  return group(ifBreak(broken, sumText(sum)));
}

/**
 * `const q = a + b + c;` as prettier lays it out: on one line, else the sum on the next line,
 * else one operand per line.
 */
export function bindStatement(name: string, sum: Sum): Doc {
  const flat = sumText(sum);
  const operands = group(ifBreak(join([" +", line], sum.operands), flat));
  return [`const ${name} =`, group(indent([line, operands])), ";"];
}

/** `const NAME = [a, b];`, or one item per line when too long. */
export function arrayConstant(name: string, list: readonly string[]): string {
  // what print(group([`const ${name} = [`, items(list), "];"])) writes, without the doc
  // (statements-print.test.ts checks both agree)
  const flat = `const ${name} = [${list.join(", ")}];`;
  if (list.length === 0 || textWidth(flat) <= PRINT_WIDTH) return flat;
  return `const ${name} = [${NEXT_ITEM}${list.join(`,${NEXT_ITEM}`)},\n];`;
}

/** A line break before an item of a broken list at column 0. */
const NEXT_ITEM = "\n  ";

/**
 * `const name = value;` at column 0 (a module constant), the value on the next line when it
 * does not fit: print(bindStatement(name, { operands: [value] })), without the doc.
 */
export function bindText(name: string, value: string): string {
  const flat = `const ${name} = ${value};`;
  return textWidth(flat) <= PRINT_WIDTH
    ? flat
    : `const ${name} =${NEXT_ITEM}${value};`;
}

/**
 * print(callStatement(lead, callee, args)) at column 0 (a module constant's call) without the
 * doc, for arguments that are texts, or texts then an array (hugged): the call on one line,
 * else a hugged last array (`callee(a, [` its items one per line `]);`), else one argument per
 * line. What else the doc could do (a hugged line too long) is left to print().
 */
export function constantCall(
  lead: string,
  callee: string,
  args: readonly (string | readonly string[])[],
): string {
  let flat = `${lead}${callee}(`;
  for (let i = 0; i < args.length; i++) {
    if (i > 0) flat += ", ";
    flat += flatArg(args[i]!);
  }
  flat += ");";
  if (textWidth(flat) <= PRINT_WIDTH) return flat;
  const last = args[args.length - 1];
  let lists = 0;
  for (let i = 0; i < args.length; i++) if (isList(args[i]!)) lists++;
  if (lists === 0 && args.length > 0)
    return `${lead}${callee}(${NEXT_ITEM}${args.join(`,${NEXT_ITEM}`)},\n);`;
  if (lists === 1 && isList(last!) && last.length > 0) {
    let head = `${lead}${callee}(`;
    for (let i = 0; i < args.length - 1; i++) head += `${args[i]}, `;
    head += "[";
    if (textWidth(head) <= PRINT_WIDTH)
      return `${head}${NEXT_ITEM}${last.join(`,${NEXT_ITEM}`)},\n]);`;
  }
  return print(callStatement(lead, callee, args));
}

/**
 * `if (cond) statement`, the statement moving to the next line (where it may break itself) when
 * the whole does not fit on one.
 */
export function ifStatement(cond: string, statement: Doc): Doc {
  const text = flatText(statement);
  if (text === undefined)
    return group([`if (${cond})`, indent([line, statement])]);
  // the statement's text is measured already: only the condition is (6: `if (`, `) `)
  return textGroup(
    `if (${cond}) ${text}`,
    () => [`if (${cond})`, indent([line, statement])],
    textWidth(cond) + 6 + flatWidth(statement),
    { kind: "if", cond, statement } satisfies BrokenIf,
  );
}

/** `head {` statements `}` (nothing when there are no statements). */
export function block(head: string, body: readonly Doc[]): Doc[] {
  if (body.length === 0) return [];
  return [[`${head} {`, bodyIndent(body), hardline, "}"]];
}

/**
 * `if (…) statement` (an ifStatement) then `else {` statements `}`: a type test's violation,
 * else the statements of a value of that type.
 */
export function ifElse(test: Doc, body: readonly Doc[]): Doc {
  const node: IfElse = [
    test,
    hardline,
    "else {",
    bodyIndent(body) as BodyIndent,
    hardline,
    "}",
  ];
  return node;
}

/** `head` then the statements one level in (a `case` label, a `default:`), no braces. */
export function labelled(head: string, body: readonly Doc[]): Doc {
  return body.length === 0 ? head : [head, bodyIndent(body)];
}
