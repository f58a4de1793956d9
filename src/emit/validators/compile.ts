import { schemaRefName } from "../../model/schema-ref.js";
import type { Schema } from "../../model/types.js";
import {
  group,
  ifBreak,
  indent as indentDoc,
  join,
  line,
  print,
} from "../shared/doc.js";
import { PRINT_WIDTH, stringLiteral as quote } from "../shared/literals.js";
import {
  arrayConstant,
  call,
  callDoc,
  functionHead,
  ifStatement,
  pad,
  sumOperands,
  type Arg,
} from "./layout.js";
import { patternFlags } from "../../model/pattern-flags.js";

/**
 * JSON Schema (the model's 2020-12 dialect) → TypeScript statements that append violations.
 *
 * Every schema becomes inline statements over a value variable `x` and a pointer variable `p`;
 * a `$ref` becomes a call of the named schema's check function (so recursion works), and the
 * branches of anyOf, oneOf, not, if and contains become functions of their own, run with a
 * throw-away violation list. Spec text only ever lands in string literals (`stringLiteral`);
 * patterns are compiled at run time with `new RegExp(<literal>)`, never pasted as code.
 */

/** The same texts (messages, keywords, property names) come back often: quote each once. */
const QUOTED = new Map<string, string>();
function stringLiteral(text: string): string {
  let quoted = QUOTED.get(text);
  if (quoted === undefined) {
    quoted = quote(text);
    if (QUOTED.size < 50_000) QUOTED.set(text, quoted);
  }
  return quoted;
}

export type SubSchema = Schema | boolean | undefined;

const FORMATS: Record<string, [check: string, what: string]> = {
  "date-time": ["isDateTime", "an RFC 3339 date-time"],
  date: ["isDate", "an RFC 3339 full-date"],
  email: ["isEmail", "an email address"],
  uuid: ["isUuid", "a UUID"],
  uri: ["isUri", "an absolute URI"],
  ipv4: ["isIpv4", "an IPv4 address"],
  ipv6: ["isIpv6", "an IPv6 address"],
};

/** Indentation past which a sub-schema is checked by a function of its own. */
const NEST_LIMIT = 26;

export const CHECK_PARAMS = [
  "x: unknown",
  "p: string",
  "e: Violation[]",
  "d: Direction",
];

/** One generated file's module scope: constants, functions, the named checks it calls. */
export class ValidatorModule {
  private readonly constants: string[] = [];
  private readonly constantNames = new Map<string, string>();
  private readonly functions: string[] = [];
  private readonly taken = new Set<string>();
  /** Named schema check functions referenced (the endpoints file imports them). */
  readonly referenced = new Set<string>();

  constructor(
    /** The check function of a named schema, or undefined for a dangling reference. */
    private readonly refCheck: (schemaName: string) => string | undefined,
  ) {}

  checkOfRef(ref: string): string | undefined {
    const name = schemaRefName(ref);
    const check = name === undefined ? undefined : this.refCheck(name);
    if (check) this.referenced.add(check);
    return check;
  }

  /** A module constant initialised with `render(name)`; the same key gives the same constant. */
  constant(
    prefix: string,
    key: string,
    render: (name: string) => string,
  ): string {
    const known = this.constantNames.get(prefix + "\u0000" + key);
    if (known) return known;
    const name = `${prefix}${this.constantNames.size + 1}`;
    this.constantNames.set(prefix + "\u0000" + key, name);
    this.constants.push(render(name));
    return name;
  }

  /** The constant holding `pattern` as a RegExp; undefined when JavaScript cannot compile it. */
  regex(pattern: string): string | undefined {
    const flags = patternFlags(pattern);
    if (flags === undefined) return undefined;
    const args = [stringLiteral(pattern), ...(flags ? [`"${flags}"`] : [])];
    return this.constant("RE", flags + "/" + pattern, (name) =>
      call(`const ${name} = `, "new RegExp", args, 0),
    );
  }

  /** A fresh function name derived from `owner`. */
  freshName(owner: string): string {
    let n = 1;
    while (this.taken.has(`${owner}_${n}`)) n++;
    const name = `${owner}_${n}`;
    this.taken.add(name);
    return name;
  }

  /** Adds `function name(x, p, e, d)` checking `schema`; `doc` is its JSDoc text, if any. */
  addFunction(
    name: string,
    schema: SubSchema,
    exported: boolean,
    doc?: string,
  ): void {
    this.taken.add(name);
    const body = new Body(this, name);
    const lines = body.schema(schema, "x", "p", 2);
    // a parameter the body never reads is `_`-prefixed, for noUnusedParameters (string
    // literals are left out of the search: a message may quote a pattern with `\d` in it)
    const used = lines
      .join("\n")
      .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
    const params = CHECK_PARAMS.map((param) =>
      new RegExp(`\\b${param[0]}\\b`).test(used) ? param : `_${param}`,
    );
    const head = functionHead(
      `${exported ? "export " : ""}function ${name}`,
      params,
      "void",
    );
    this.functions.push(
      lines.length === 0
        ? `${doc ?? ""}${head}}`
        : `${doc ?? ""}${head}\n${lines.join("\n")}\n}`,
    );
  }

  /**
   * The function that checks `schema` on its own: a named check for a bare `$ref`, else a new
   * function, compiled later (a worklist, so deep schemas need no deep recursion here).
   */
  hoist(owner: string, schema: SubSchema): string {
    if (
      isObject(schema) &&
      typeof schema.$ref === "string" &&
      isBareRef(schema)
    )
      return this.checkOfRef(schema.$ref) ?? "r.accept";
    if (isTrivial(schema)) return "r.accept";
    const name = this.freshName(owner);
    this.pending.push([name, schema]);
    return name;
  }

  private readonly pending: [string, SubSchema][] = [];

  private drain(): void {
    for (let next = this.pending.shift(); next; next = this.pending.shift())
      this.addFunction(next[0], next[1], false);
  }

  get empty(): boolean {
    this.drain();
    return this.constants.length === 0 && this.functions.length === 0;
  }

  text(): string {
    this.drain();
    return [...this.constants, ...this.functions].join("\n\n");
  }
}

function isObject(s: SubSchema): s is Schema {
  return typeof s === "object" && s !== null && !Array.isArray(s);
}

const ANNOTATIONS = new Set([
  "$ref",
  "title",
  "description",
  "default",
  "examples",
  "example",
  "deprecated",
  "readOnly",
  "writeOnly",
  "$comment",
  "xml",
  "externalDocs",
  "discriminator",
]);

function isBareRef(schema: Schema): boolean {
  return Object.keys(schema).every(
    (k) => ANNOTATIONS.has(k) || k.startsWith("x-"),
  );
}

/** `false`, or `{ not: {} }` as the readers write it. */
function isFalse(schema: SubSchema): boolean {
  if (schema === false) return true;
  return (
    isObject(schema) &&
    Object.keys(schema).length === 1 &&
    isTrivial(schema.not as SubSchema) &&
    schema.not !== undefined
  );
}

/**
 * `const q = a + b + c;` as prettier lays it out: on one line, else the sum on the next line,
 * else one operand per line.
 */
function bindLine(indent: number, q: string, expr: string): string {
  const operands = sumOperands(expr);
  const sum = group(ifBreak(join([" +", line], operands), expr));
  const doc = [`const ${q} =`, group(indentDoc([line, sum])), ";"];
  return pad(indent) + print(doc, { indent });
}

/** A key as one JSON pointer segment (RFC 6901). */
function pointerSegment(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function isTrivial(schema: SubSchema): boolean {
  if (schema === undefined || schema === true) return true;
  if (schema === false) return false;
  return isObject(schema) && Object.keys(schema).length === 0;
}

const num = (v: unknown): v is number =>
  typeof v === "number" && Number.isFinite(v);
const count = (v: unknown): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= 0;
const isPrimitive = (v: unknown) =>
  v === null ||
  typeof v === "string" ||
  typeof v === "boolean" ||
  (typeof v === "number" && Number.isFinite(v));

function literal(v: unknown): string {
  if (typeof v === "string") return stringLiteral(v);
  return JSON.stringify(v);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const properties = (n: number) => `${n} ${n === 1 ? "property" : "properties"}`;

/** The statements of one function: locals are numbered per function. */
class Body {
  private n = 0;

  constructor(
    private readonly mod: ValidatorModule,
    private readonly owner: string,
  ) {}

  private local(prefix: string): string {
    return `${prefix}${++this.n}`;
  }

  private push(
    cond: string,
    p: string,
    keyword: string,
    message: string,
    indent: number,
  ): string {
    const args = ["e", p, stringLiteral(keyword), stringLiteral(message)];
    if (cond === "true") return call("", "r.push", args, indent);
    return ifStatement(cond, callDoc("r.push", args), indent);
  }

  private block(head: string, lines: string[], indent: number): string[] {
    if (lines.length === 0) return [];
    return [`${pad(indent)}${head} {`, ...lines, `${pad(indent)}}`];
  }

  /** Statements checking value `x` (an identifier) at pointer `p` (an expression). */
  schema(s: SubSchema, x: string, p: string, indent: number): string[] {
    if (s === undefined || s === true) return [];
    // deep inside a function: the rest becomes a function of its own, so lines, pointer
    // expressions and the generator's recursion stay short
    if (indent >= NEST_LIMIT && !isTrivial(s))
      return [
        call("", this.mod.hoist(this.owner, s), [x, p, "e", "d"], indent),
      ];
    if (s === false)
      return [
        call(
          "",
          "r.push",
          ["e", p, '"false"', '"must not be present"'],
          indent,
        ),
      ];
    if (!isObject(s)) return [];
    const out: string[] = [];
    if (typeof s.$ref === "string") {
      const check = this.mod.checkOfRef(s.$ref);
      if (check) out.push(call("", check, [x, p, "e", "d"], indent));
    }
    out.push(...this.type(s, x, p, indent));
    out.push(...this.values(s, x, p, indent));
    out.push(
      ...this.block(
        `if (typeof ${x} === "string")`,
        this.string(s, x, p, indent + 2),
        indent,
      ),
    );
    out.push(
      ...this.block(
        `if (typeof ${x} === "number")`,
        this.number(s, x, p, indent + 2),
        indent,
      ),
    );
    out.push(
      ...this.block(
        `if (r.isObject(${x}))`,
        this.object(s, x, p, indent + 2),
        indent,
      ),
    );
    out.push(
      ...this.block(
        `if (Array.isArray(${x}))`,
        this.array(s, x, p, indent + 2),
        indent,
      ),
    );
    out.push(...this.combinators(s, x, p, indent));
    return out;
  }

  private type(s: Schema, x: string, p: string, indent: number): string[] {
    const declared: unknown[] = Array.isArray(s.type) ? s.type : [s.type];
    const types = declared.filter(
      (t): t is string => typeof t === "string" && Object.hasOwn(TYPE_TESTS, t),
    );
    if (types.length === 0) return [];
    const kept = types.includes("number")
      ? types.filter((t) => t !== "integer")
      : types;
    const unique = [...new Set(kept)];
    const cond =
      unique.length === 1
        ? TYPE_TESTS[unique[0]!]!(x, true)
        : `!(${unique.map((t) => TYPE_TESTS[t]!(x, false)).join(" || ")})`;
    return [
      this.push(cond, p, "type", `must be ${unique.join(" or ")}`, indent),
    ];
  }

  private values(s: Schema, x: string, p: string, indent: number): string[] {
    const out: string[] = [];
    if (Array.isArray(s.enum) && s.enum.every((v) => v !== undefined)) {
      const values = s.enum;
      let cond: string;
      if (values.length === 0) cond = "true";
      else if (values.length === 1 && isPrimitive(values[0]))
        cond = `${x} !== ${literal(values[0])}`;
      else if (values.every((v) => isPrimitive(v) && typeof v !== "number")) {
        const items = values.map(literal);
        const name = this.mod.constant("EN", JSON.stringify(values), (n) =>
          call(`const ${n} = `, "new Set<unknown>", [items], 0),
        );
        cond = `!${name}.has(${x})`;
      } else {
        const name = this.mod.constant("EN", JSON.stringify(values), (n) =>
          call(
            `const ${n}: unknown[] = `,
            "JSON.parse",
            [stringLiteral(JSON.stringify(values))],
            0,
          ),
        );
        cond = `!r.member(${name}, ${x})`;
      }
      out.push(
        this.push(cond, p, "enum", "must be one of the allowed values", indent),
      );
    }
    if ("const" in s && s.const !== undefined) {
      let cond: string;
      if (isPrimitive(s.const)) cond = `${x} !== ${literal(s.const)}`;
      else {
        const text = JSON.stringify(s.const);
        const name = this.mod.constant("CO", text, (n) =>
          call(
            `const ${n}: unknown = `,
            "JSON.parse",
            [stringLiteral(text)],
            0,
          ),
        );
        cond = `!r.equal(${x}, ${name})`;
      }
      out.push(
        this.push(cond, p, "const", "must be equal to the constant", indent),
      );
    }
    return out;
  }

  private string(s: Schema, x: string, p: string, indent: number): string[] {
    const out: string[] = [];
    const min = count(s.minLength) && s.minLength > 0 ? s.minLength : undefined;
    const max = count(s.maxLength) ? s.maxLength : undefined;
    if (min !== undefined || max !== undefined) {
      const n = this.local("n");
      out.push(`${pad(indent)}const ${n} = r.length(${x});`);
      if (min !== undefined)
        out.push(
          this.push(
            `${n} < ${min}`,
            p,
            "minLength",
            `must have at least ${plural(min, "character")}`,
            indent,
          ),
        );
      if (max !== undefined)
        out.push(
          this.push(
            `${n} > ${max}`,
            p,
            "maxLength",
            `must have at most ${plural(max, "character")}`,
            indent,
          ),
        );
    }
    if (typeof s.pattern === "string") {
      const re = this.mod.regex(s.pattern);
      if (re)
        out.push(
          this.push(
            `!${re}.test(${x})`,
            p,
            "pattern",
            `must match the pattern ${JSON.stringify(s.pattern)}`,
            indent,
          ),
        );
    }
    const format =
      typeof s.format === "string" && Object.hasOwn(FORMATS, s.format)
        ? FORMATS[s.format]
        : undefined;
    if (format)
      out.push(
        this.push(
          `!r.${format[0]}(${x})`,
          p,
          "format",
          `must be ${format[1]}`,
          indent,
        ),
      );
    return out;
  }

  private number(s: Schema, x: string, p: string, indent: number): string[] {
    const out: string[] = [];
    const bound = (key: string, op: string, words: string) => {
      const v = s[key];
      if (num(v))
        out.push(
          this.push(
            `${x} ${op} ${literal(v)}`,
            p,
            key,
            `must be ${words} ${v}`,
            indent,
          ),
        );
    };
    bound("minimum", "<", "at least");
    bound("exclusiveMinimum", "<=", "greater than");
    bound("maximum", ">", "at most");
    bound("exclusiveMaximum", ">=", "less than");
    if (num(s.multipleOf) && s.multipleOf > 0)
      out.push(
        this.push(
          `!Number.isInteger(${x} / ${literal(s.multipleOf)})`,
          p,
          "multipleOf",
          `must be a multiple of ${s.multipleOf}`,
          indent,
        ),
      );
    return out;
  }

  private object(s: Schema, x: string, p: string, indent: number): string[] {
    const out: string[] = [];
    if (Array.isArray(s.required)) {
      const groups: Record<"all" | "notRequest" | "notResponse", string[]> = {
        all: [],
        notRequest: [],
        notResponse: [],
      };
      const props = isObject(s.properties as SubSchema)
        ? (s.properties as Record<string, SubSchema>)
        : {};
      for (const name of new Set(s.required)) {
        if (typeof name !== "string") continue;
        const prop = Object.hasOwn(props, name) ? props[name] : undefined;
        const flags = isObject(prop) ? prop : {};
        const group =
          flags.readOnly === true
            ? "notRequest"
            : flags.writeOnly === true
              ? "notResponse"
              : "all";
        groups[group].push(stringLiteral(name));
      }
      const list = (names: string[]) =>
        this.mod.constant("RQ", names.join(","), (n) =>
          arrayConstant(n, names),
        );
      if (groups.all.length > 0)
        out.push(call("", "r.required", [x, p, "e", list(groups.all)], indent));
      if (groups.notRequest.length > 0) {
        const names = list(groups.notRequest);
        out.push(
          ifStatement(
            "d !== 1",
            callDoc("r.required", [x, p, "e", names]),
            indent,
          ),
        );
      }
      if (groups.notResponse.length > 0) {
        const names = list(groups.notResponse);
        out.push(
          ifStatement(
            "d !== 2",
            callDoc("r.required", [x, p, "e", names]),
            indent,
          ),
        );
      }
    }
    const minP = count(s.minProperties) && s.minProperties > 0;
    const maxP = count(s.maxProperties);
    if (minP || maxP) {
      const n = this.local("n");
      out.push(`${pad(indent)}const ${n} = Object.keys(${x}).length;`);
      if (minP)
        out.push(
          this.push(
            `${n} < ${s.minProperties}`,
            p,
            "minProperties",
            `must have at least ${properties(s.minProperties as number)}`,
            indent,
          ),
        );
      if (maxP)
        out.push(
          this.push(
            `${n} > ${s.maxProperties}`,
            p,
            "maxProperties",
            `must have at most ${properties(s.maxProperties as number)}`,
            indent,
          ),
        );
    }
    if (isObject(s.dependentRequired as SubSchema))
      for (const [name, needs] of Object.entries(
        s.dependentRequired as Record<string, unknown>,
      )) {
        if (!Array.isArray(needs) || needs.length === 0) continue;
        const names = needs
          .filter((n): n is string => typeof n === "string")
          .map(stringLiteral);
        out.push(
          ifStatement(
            `r.has(${x}, ${stringLiteral(name)})`,
            callDoc("r.required", [x, p, "e", names]),
            indent,
          ),
        );
      }
    if (isObject(s.dependentSchemas as SubSchema))
      for (const [name, sub] of Object.entries(
        s.dependentSchemas as Record<string, SubSchema>,
      ))
        out.push(
          ...this.block(
            `if (r.has(${x}, ${stringLiteral(name)}))`,
            this.schema(sub, x, p, indent + 2),
            indent,
          ),
        );
    out.push(...this.members(s, x, p, indent));
    return out;
  }

  /** properties, patternProperties, additionalProperties and propertyNames: one key loop. */
  /**
   * `p + "/name"`: the pointer of a member, an expression evaluated only where a violation or a
   * call needs it (never on the way down). A long segment becomes a module constant.
   */
  private member(p: string, segment: string): string {
    const seg =
      segment.length > 24
        ? this.mod.constant("PS", segment, (n) => `const ${n} = ${segment};`)
        : segment;
    return `${p} + ${seg}`;
  }

  /** A property name as a key expression: long ones are module constants. */
  private key(name: string, room = 30): string {
    const text = stringLiteral(name);
    return text.length > Math.min(30, room)
      ? this.mod.constant("K", text, (n) => `const ${n} = ${text};`)
      : text;
  }

  /** properties, patternProperties, additionalProperties and propertyNames. */
  private members(s: Schema, x: string, p: string, indent: number): string[] {
    const properties = isObject(s.properties as SubSchema)
      ? Object.entries(s.properties as Record<string, SubSchema>)
      : [];
    const loopNeeded =
      (s.additionalProperties !== undefined &&
        s.additionalProperties !== true) ||
      isObject(s.patternProperties as SubSchema) ||
      (s.propertyNames !== undefined && s.propertyNames !== true);
    if (loopNeeded) return this.keyLoop(s, properties, x, p, indent);
    // each declared property read directly: no walk over the value's keys
    const out: string[] = [];
    for (const [name, sub] of properties) {
      const v = this.local("v");
      const q = this.member(p, stringLiteral("/" + pointerSegment(name)));
      const lines = this.schema(sub, v, q, indent + 2);
      if (lines.length === 0) continue;
      // `const v12 = x[key];` must fit on its line
      const key = this.key(
        name,
        PRINT_WIDTH - indent - `const ${v} = ${x}[];`.length - 2,
      );
      // a name Object.prototype has (`constructor`) must be an own property to count
      const inherited = name in Object.prototype;
      if (inherited)
        out.push(
          `${pad(indent)}if (r.has(${x}, ${key})) {`,
          `${pad(indent + 2)}const ${v} = ${x}[${key}];`,
          ...lines,
          `${pad(indent)}}`,
        );
      else
        out.push(
          `${pad(indent)}const ${v} = ${x}[${key}];`,
          `${pad(indent)}if (${v} !== undefined) {`,
          ...lines,
          `${pad(indent)}}`,
        );
    }
    return out;
  }

  /** The members of an object that needs a walk over its keys. */
  private keyLoop(
    s: Schema,
    properties: [string, SubSchema][],
    x: string,
    p: string,
    indent: number,
  ): string[] {
    const k = this.local("k");
    const v = this.local("v");
    const q = this.member(p, `"/" + r.esc(${k})`);
    const inner = indent + 4;
    const patterns: [string, string[]][] = [];
    const patternTests: string[] = [];
    let unknownPattern = false;
    if (isObject(s.patternProperties as SubSchema))
      for (const [pattern, sub] of Object.entries(
        s.patternProperties as Record<string, SubSchema>,
      )) {
        const re = this.mod.regex(pattern);
        if (!re) {
          unknownPattern = true; // not compilable: its keys count as matched, nothing checked
          continue;
        }
        patternTests.push(`${re}.test(${k})`);
        patterns.push([re, this.schema(sub, v, q, indent + 4)]);
      }
    const additional = s.additionalProperties as SubSchema;
    const additionalLines =
      additional === undefined || additional === true || unknownPattern
        ? []
        : isFalse(additional)
          ? [
              call(
                "",
                "r.push",
                ["e", q, '"additionalProperties"', '"must not be present"'],
                indent + (patternTests.length > 0 ? 8 : 6),
              ),
            ]
          : this.schema(
              additional,
              v,
              q,
              indent + (patternTests.length > 0 ? 8 : 6),
            );
    const cases: string[] = [];
    const bare: string[] = [];
    for (const [name, sub] of properties) {
      const lines = this.schema(sub, v, q, inner + 2);
      if (lines.length === 0) {
        if (additionalLines.length > 0) bare.push(name);
        continue;
      }
      cases.push(`${pad(inner)}case ${stringLiteral(name)}:`, ...lines);
      cases.push(`${pad(inner + 2)}break;`);
    }
    for (const name of bare)
      cases.push(`${pad(inner)}case ${stringLiteral(name)}:`);
    if (bare.length > 0) cases.push(`${pad(inner + 2)}break;`);
    if (additionalLines.length > 0) {
      cases.push(`${pad(inner)}default:`);
      if (patternTests.length > 0)
        cases.push(
          `${pad(inner + 2)}if (${patternTests.length === 1 ? `!${patternTests[0]}` : `!(${patternTests.join(" || ")})`}) {`,
          ...additionalLines,
          `${pad(inner + 2)}}`,
        );
      else cases.push(...additionalLines);
    }
    const names = this.schema(s.propertyNames as SubSchema, k, q, indent + 2);
    const loop: string[] = [...names];
    if (cases.length > 0)
      loop.push(
        `${pad(indent + 2)}switch (${k}) {`,
        ...cases,
        `${pad(indent + 2)}}`,
      );
    for (const [re, lines] of patterns)
      loop.push(...this.block(`if (${re}.test(${k}))`, lines, indent + 2));
    if (loop.length === 0) return [];
    const body = loop.join("\n");
    const bound: string[] = [];
    if (new RegExp(`\\b${v}\\b`).test(body))
      bound.push(`${pad(indent + 2)}const ${v} = ${x}[${k}];`);
    return [
      `${pad(indent)}for (const ${k} of Object.keys(${x})) {`,
      ...bound,
      ...loop,
      `${pad(indent)}}`,
    ];
  }

  private array(s: Schema, x: string, p: string, indent: number): string[] {
    const out: string[] = [];
    if (count(s.minItems) && s.minItems > 0)
      out.push(
        this.push(
          `${x}.length < ${s.minItems}`,
          p,
          "minItems",
          `must have at least ${plural(s.minItems, "item")}`,
          indent,
        ),
      );
    if (count(s.maxItems))
      out.push(
        this.push(
          `${x}.length > ${s.maxItems}`,
          p,
          "maxItems",
          `must have at most ${plural(s.maxItems, "item")}`,
          indent,
        ),
      );
    if (s.uniqueItems === true)
      out.push(
        this.push(
          `!r.unique(${x})`,
          p,
          "uniqueItems",
          "must not have duplicate items",
          indent,
        ),
      );
    const prefix = Array.isArray(s.prefixItems)
      ? (s.prefixItems as SubSchema[])
      : [];
    prefix.forEach((sub, index) => {
      const v = this.local("v");
      const q = this.member(p, `"/${index}"`);
      const lines = this.schema(sub, v, q, indent + 2);
      if (lines.length === 0) return;
      out.push(
        `${pad(indent)}if (${x}.length > ${index}) {`,
        `${pad(indent + 2)}const ${v}: unknown = ${x}[${index}];`,
        ...lines,
        `${pad(indent)}}`,
      );
    });
    const items =
      s.items !== undefined
        ? (s.items as SubSchema)
        : prefix.length > 0
          ? (s.additionalItems as SubSchema)
          : undefined;
    if (isFalse(items))
      out.push(
        this.push(
          `${x}.length > ${prefix.length}`,
          p,
          "items",
          `must have at most ${plural(prefix.length, "item")}`,
          indent,
        ),
      );
    else if (items !== undefined) {
      const i = this.local("i");
      const v = this.local("v");
      const q = this.member(p, `"/" + ${i}`);
      const lines = this.schema(items, v, q, indent + 2);
      if (lines.length > 0) {
        out.push(
          `${pad(indent)}for (let ${i} = ${prefix.length}; ${i} < ${x}.length; ${i}++) {`,
          `${pad(indent + 2)}const ${v}: unknown = ${x}[${i}];`,
          ...lines,
          `${pad(indent)}}`,
        );
      }
    }
    if (s.contains !== undefined) {
      const check = this.mod.hoist(this.owner, s.contains as SubSchema);
      const min = count(s.minContains) ? s.minContains : 1;
      const max = count(s.maxContains) ? s.maxContains : undefined;
      if (min > 0 || max !== undefined) {
        const n = this.local("n");
        out.push(
          call(`const ${n} = `, "r.matching", [check, x, p, "d"], indent),
        );
        if (min > 0)
          out.push(
            this.push(
              `${n} < ${min}`,
              p,
              "contains",
              `must contain at least ${plural(min, "matching item")}`,
              indent,
            ),
          );
        if (max !== undefined)
          out.push(
            this.push(
              `${n} > ${max}`,
              p,
              "maxContains",
              `must contain at most ${plural(max, "matching item")}`,
              indent,
            ),
          );
      }
    }
    return out;
  }

  private combinators(
    s: Schema,
    x: string,
    path: string,
    indent: number,
  ): string[] {
    const out: string[] = [];
    let p = path;
    // the pointer goes into conditions below: a built one is bound first, so they stay short
    const conditional =
      (Array.isArray(s.anyOf) && s.anyOf.length > 0) ||
      (Array.isArray(s.oneOf) && s.oneOf.length > 0) ||
      s.not !== undefined ||
      s.if !== undefined;
    if (conditional && p.includes(" ")) {
      p = this.local("p");
      out.push(bindLine(indent, p, path));
    }
    if (Array.isArray(s.allOf))
      for (const sub of s.allOf as SubSchema[])
        out.push(...this.schema(sub, x, p, indent));
    for (const keyword of ["anyOf", "oneOf"] as const) {
      const list = s[keyword];
      if (!Array.isArray(list) || list.length === 0) continue;
      const members = list as SubSchema[];
      if (keyword === "anyOf" && members.some(isTrivial)) continue;
      const checks = members.map((m) => this.mod.hoist(this.owner, m));
      const set = this.mod.constant("OF", checks.join(","), (n) =>
        arrayConstant(n, checks),
      );
      const failed =
        keyword === "anyOf"
          ? `r.matches(${set}, ${x}, ${p}, d, 1) < 1`
          : `r.matches(${set}, ${x}, ${p}, d, 2) !== 1`;
      const message =
        keyword === "anyOf"
          ? "must match a schema in anyOf"
          : "must match exactly one schema in oneOf";
      const picked = this.discriminator(s, members);
      if (!picked) {
        out.push(this.push(failed, p, keyword, message, indent));
        continue;
      }
      const c = this.local("c");
      out.push(
        call(
          `const ${c} = `,
          "r.discriminate",
          [x, stringLiteral(picked.property), picked.values, picked.checks],
          indent,
        ),
        `${pad(indent)}if (${c}) ${c}(${x}, ${p}, e, d);`,
        ifStatement(
          failed,
          callDoc("r.push", [
            "e",
            p,
            stringLiteral(keyword),
            stringLiteral(message),
          ]),
          indent,
        ).replace(/^(\s*)if /, "$1else if "),
      );
    }
    if (s.not !== undefined) {
      const check = this.mod.hoist(this.owner, s.not as SubSchema);
      out.push(
        this.push(
          check === "r.accept" ? "true" : `r.passes(${check}, ${x}, ${p}, d)`,
          p,
          "not",
          "must not match the schema in not",
          indent,
        ),
      );
    }
    if (s.if !== undefined && (s.then !== undefined || s.else !== undefined)) {
      const check = this.mod.hoist(this.owner, s.if as SubSchema);
      const then = this.schema(s.then as SubSchema, x, p, indent + 2);
      const otherwise = this.schema(s.else as SubSchema, x, p, indent + 2);
      if (then.length > 0 || otherwise.length > 0) {
        const cond = `r.passes(${check}, ${x}, ${p}, d)`;
        if (then.length > 0) {
          out.push(`${pad(indent)}if (${cond}) {`, ...then);
          if (otherwise.length > 0)
            out.push(`${pad(indent)}} else {`, ...otherwise);
          out.push(`${pad(indent)}}`);
        } else
          out.push(
            `${pad(indent)}if (!${cond}) {`,
            ...otherwise,
            `${pad(indent)}}`,
          );
      }
    }
    return out;
  }

  /**
   * OpenAPI's discriminator as a fast path (OpenAPI 3.1 §4.8.25): the named property's value
   * picks the one member to check, through `mapping` and then the members' own schema names.
   * Values it does not know fall back to plain anyOf/oneOf.
   */
  private discriminator(
    s: Schema,
    members: SubSchema[],
  ): { property: string; values: string[]; checks: string[] } | undefined {
    const d = s.discriminator;
    if (!isObject(d as SubSchema) || typeof d?.propertyName !== "string")
      return undefined;
    const byValue = new Map<string, string>();
    const mapping = isObject(d.mapping as SubSchema) ? d.mapping! : {};
    for (const [value, target] of Object.entries(mapping)) {
      if (typeof target !== "string") continue;
      const ref = target.includes("/")
        ? target
        : `#/components/schemas/${target}`;
      const check = this.mod.checkOfRef(ref);
      if (check && !byValue.has(value)) byValue.set(value, check);
    }
    for (const m of members) {
      if (!isObject(m) || typeof m.$ref !== "string" || !isBareRef(m)) continue;
      const name = schemaRefName(m.$ref);
      const check = this.mod.checkOfRef(m.$ref);
      if (name !== undefined && check && !byValue.has(name))
        byValue.set(name, check);
    }
    if (byValue.size === 0) return undefined;
    return {
      property: d.propertyName,
      values: [...byValue.keys()].map(stringLiteral),
      checks: [...byValue.values()],
    };
  }
}

const TYPE_TESTS: Record<string, (x: string, negate: boolean) => string> = {
  string: (x, n) => `typeof ${x} ${n ? "!==" : "==="} "string"`,
  number: (x, n) => `typeof ${x} ${n ? "!==" : "==="} "number"`,
  integer: (x, n) => `${n ? "!" : ""}Number.isInteger(${x})`,
  boolean: (x, n) => `typeof ${x} ${n ? "!==" : "==="} "boolean"`,
  null: (x, n) => `${x} ${n ? "!==" : "==="} null`,
  array: (x, n) => `${n ? "!" : ""}Array.isArray(${x})`,
  object: (x, n) => `${n ? "!" : ""}r.isObject(${x})`,
};

export type { Arg };
