import { isIdentifierName, pointerSegment } from "../toolkit.js";
import {
  Unsupported,
  indented,
  type CheckText,
  type PathPart,
  type Site,
} from "./code-function.js";
import { FORMATS, type PlanOp, type PlanSub } from "./plan.js";

/** The validators' code (code.ts) of a string's, a number's, an object's, an array's keywords. */

const BOUNDS: Readonly<Record<string, [string, string]>> = {
  minimum: ["<", "at least"],
  exclusiveMinimum: ["<=", "greater than"],
  maximum: [">", "at most"],
  exclusiveMaximum: [">=", "less than"],
};

const plural = (n: number, word: string, words = `${word}s`) =>
  `${n} ${n === 1 ? word : words}`;

/** A count `n` (code) within `[min, max]`: the `min<keyword>` and `max<keyword>` guards. */
function bounded(
  c: CheckText,
  s: Site,
  n: string,
  bounds: readonly unknown[],
  keyword: string,
  ...word: [string, string?]
): void {
  bounds.forEach((bound, i) => {
    const [fails, prefix, most] = i === 0 ? MIN : MAX;
    if (typeof bound === "number")
      c.guard(
        s,
        `${n} ${fails} ${bound}`,
        prefix + keyword,
        `must have at ${most} ${plural(bound, ...word)}`,
      );
  });
}

const MIN = ["<", "min", "least"] as const;
const MAX = [">", "max", "most"] as const;

export function stringOp(c: CheckText, s: Site, op: PlanOp): void {
  const { fn, v, indent } = s;
  switch (op[0]) {
    case "L": {
      const min = op[1] as number | null;
      const max = op[2] as number | null;
      // code points: at most the UTF-16 length, at least its half
      const maybe: string[] = [];
      if (min !== null) maybe.push(`${v}.length < ${2 * min}`);
      if (max !== null) maybe.push(`${v}.length > ${max}`);
      const n = fn.variable("n");
      fn.line(indent, `if (${maybe.join(" || ")}) {`);
      fn.line(indent + 2, `const ${n} = r.length(${v});`);
      bounded(c, indented(s, 2), n, [min, max], "Length", "character");
      return fn.line(indent, "}");
    }
    case "p": {
      const index = op[1] as number;
      const longest = op[2] === undefined ? "" : `${v}.length <= ${op[2]} && `;
      return c.guard(
        s,
        `${longest}!P.pattern(${index}).test(${v})`,
        "pattern",
        `must match the pattern ${JSON.stringify(c.patterns[index]![0])}`,
      );
    }
    case "f":
      // the plan writes "f" only for a format of FORMATS
      return formatCheck(c, s, FORMATS[op[1] as string]!);
  }
  throw new Unsupported();
}

/** The check of a format: runtime.ts's constant `name` (formats.ts) tests, its message says. */
function formatCheck(c: CheckText, s: Site, name: string): void {
  c.guard(s, `!r.${name}.test(${s.v})`, "format", {
    code: `r.${name}.message`,
  });
}

export function numberOp(c: CheckText, s: Site, op: PlanOp): void {
  const keyword = op[0] as string;
  const bound = op[1] as number;
  if (keyword === "multipleOf")
    return c.guard(
      s,
      `!r.multiple(${s.v}, ${c.value(bound)})`,
      keyword,
      `must be a multiple of ${bound}`,
    );
  if (keyword === "int32") return formatCheck(c, s, "INT32");
  if (!Object.hasOwn(BOUNDS, keyword)) throw new Unsupported();
  const [fails, words] = BOUNDS[keyword]!;
  c.guard(
    s,
    `${s.v} ${fails} ${c.value(bound)}`,
    keyword,
    `must be ${words} ${bound}`,
  );
}

/** A member read: `v.name` for a short identifier, `v["…"]` or `v[K[i]]` else. */
function member(c: CheckText, v: string, name: string): string {
  return isIdentifierName(name) && name.length <= 24
    ? `${v}.${name}`
    : `${v}[${c.string(name)}]`;
}

/** The site of a member's (or an item's) value `m`, at `path` within `s`'s value. */
function within(s: Site, m: string, path: readonly PathPart[]): Site {
  return { fn: s.fn, v: m, path, level: s.level + 4, indent: s.indent + 2 };
}

export function objectOp(c: CheckText, s: Site, op: PlanOp): void {
  const { fn, v, indent } = s;
  switch (op[0]) {
    case "r": {
      const names = op[1] as string[];
      const skip = op[2] as number;
      let inner = s;
      if (skip !== 0) {
        fn.line(indent, `if ((${c.depth(fn, 0)} & 3) !== ${skip}) {`);
        inner = indented(s, 2);
      }
      // `in` on a plain object (runtime.ts, plain), for a name Object.prototype lacks
      const fast = names.filter((name) => !(name in Object.prototype));
      const q = fast.length > 1 ? fn.variable("q") : undefined;
      if (q !== undefined) fn.line(inner.indent, `const ${q} = r.plain(${v});`);
      for (const name of names) {
        const key = c.string(name);
        const owns =
          q !== undefined && !(name in Object.prototype)
            ? `(${q} ? ${key} in ${v} : r.has(${v}, ${key}))`
            : `r.has(${v}, ${key})`;
        c.guard(
          inner,
          `!${owns}`,
          "required",
          `must have the property ${JSON.stringify(name)}`,
        );
      }
      if (skip !== 0) fn.line(indent, "}");
      return;
    }
    case "P": {
      const n = fn.variable("n");
      fn.line(indent, `const ${n} = Object.keys(${v}).length;`);
      bounded(c, s, n, op.slice(1), "Properties", "property", "properties");
      return;
    }
    case "pr": {
      const name = op[1] as string;
      const m = fn.variable("v");
      const at = [...s.path, { text: "/" + pointerSegment(name) }];
      const read = `const ${m} = ${member(c, v, name)};`;
      const body = () => c.sub(within(s, m, at), op[2] as PlanSub);
      // a name Object.prototype has (`constructor`) must be an own property to count
      if (name in Object.prototype)
        fn.wrap(indent, [`if (r.has(${v}, ${c.string(name)})) {`, read], body);
      else {
        fn.line(indent, read);
        if (!fn.wrap(indent, [`if (${m} !== undefined) {`], body))
          fn.lines.pop();
      }
      return;
    }
    case "k":
      return keyLoop(c, s, op);
  }
  throw new Unsupported();
}

/** The loop over an object's keys (one with patterns or propertyNames is the interpreter's). */
function keyLoop(c: CheckText, s: Site, op: PlanOp): void {
  const { fn, v, indent } = s;
  const declared = op[1] as [string, PlanSub | null][];
  const extra = op[2] as PlanSub | false | null;
  if ((op[3] as unknown[]).length > 0 || op[4] !== null)
    throw new Unsupported();
  const keys = fn.variable("k");
  const i = fn.variable("i");
  const key = fn.variable("k");
  const m = fn.variable("v");
  fn.line(indent, `const ${keys} = Object.keys(${v});`);
  fn.line(indent, `for (let ${i} = 0; ${i} < ${keys}.length; ${i}++) {`);
  fn.line(indent + 2, `const ${key} = ${keys}[${i}];`);
  fn.line(indent + 2, `const ${m} = ${v}[${key}];`);
  const at: PathPart[] = [...s.path, { text: "/" }, { index: `r.esc(${key})` }];
  const inner = indented(within(s, m, at), 4);
  fn.line(indent + 2, `switch (${key}) {`);
  for (const [name, sub] of declared) {
    fn.line(indent + 4, `case ${c.string(name)}:`);
    if (sub !== null) c.sub(inner, sub);
    fn.line(indent + 6, "break;");
  }
  if (extra !== null) {
    fn.line(indent + 4, "default:");
    if (extra === false)
      c.fail(inner, "additionalProperties", "must not be present");
    else c.sub(inner, extra);
  }
  fn.line(indent + 2, "}");
  fn.line(indent, "}");
  // the member's value, when a check reads it
  const read = fn.lines.findIndex((l) =>
    l.endsWith(`const ${m} = ${v}[${key}];`),
  );
  const used = new RegExp(`[^"'\\w]${m}\\b`);
  if (!fn.lines.slice(read + 1).some((l) => used.test(l)))
    fn.lines.splice(read, 1);
}

export function arrayOp(c: CheckText, s: Site, op: PlanOp): void {
  const { fn, v, indent } = s;
  switch (op[0]) {
    case "mi":
    case "ma":
    case "I": {
      const n = op[1] as number;
      const few = op[0] === "mi";
      return c.guard(
        s,
        `${v}.length ${few ? "<" : ">"} ${n}`,
        op[0] === "mi" ? "minItems" : op[0] === "ma" ? "maxItems" : "items",
        `must have at ${few ? "least" : "most"} ${plural(n, "item")}`,
      );
    }
    case "u":
      return c.guard(
        s,
        `!r.unique(${v})`,
        "uniqueItems",
        "must not have duplicate items",
      );
    case "pi": {
      const index = op[1] as number;
      const m = fn.variable("v");
      const head = [
        `if (${v}.length > ${index}) {`,
        `const ${m} = ${v}[${index}];`,
      ];
      const at = [...s.path, { text: `/${index}` }];
      fn.wrap(indent, head, () => c.sub(within(s, m, at), op[2] as PlanSub));
      return;
    }
    case "it": {
      const i = fn.variable("i");
      const m = fn.variable("v");
      const head = [
        `for (let ${i} = ${op[1]}; ${i} < ${v}.length; ${i}++) {`,
        `const ${m} = ${v}[${i}];`,
      ];
      const at = [...s.path, { text: "/" }, { index: i }];
      fn.wrap(indent, head, () => c.sub(within(s, m, at), op[2] as PlanSub));
      return;
    }
  }
  throw new Unsupported();
}
