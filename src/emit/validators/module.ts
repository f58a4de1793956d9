import { refTarget, type SubSchema as JsonSubSchema } from "../toolkit.js";
import type {
  ApiModel,
  NamedSchema,
  PatternGuard,
  Schema,
} from "../../model/types.js";
import { importStatement } from "../shared/statements.js";
import type { TextOut } from "../shared/text-parts.js";
import { FunctionBody } from "./body.js";
import { TextBlocks } from "./text-blocks.js";
import { guardedPattern } from "./linear-pattern.js";
import { constantCall, functionHead } from "./layout.js";
import { isBareRef, isObject, isTrivial, type SubSchema } from "./subschema.js";
import { ValidatorTexts } from "./text.js";
import type { LeafLines } from "./context.js";

/** The parameters of every check function: value, pointer, violations, direction. */
export const CHECK_PARAMS = [
  "x: unknown",
  "p: string",
  "e: Violation[]",
  "d: Direction",
] as const;

const TYPE_IMPORTS =
  'import type { Direction, Violation } from "./runtime.js";';

/** A finished module: the imports its code needs (after the caller's own) and the code. */
export interface ModuleText {
  readonly imports: readonly string[];
  /** The constants then the functions, each a part to join with a blank line between. */
  readonly parts: readonly string[];
  /** The parts joined; undefined when there are none. */
  readonly code: string | undefined;
  /**
   * Writes each part after a blank line ("\n\n"): the functions, megabytes for a large API,
   * as they are held (TextBlocks: in blocks, never joined into one string).
   */
  write(out: TextOut): void;
}

/**
 * One generated file's module scope: the constants, the check functions (the named ones added by
 * the file, the hoisted ones compiled from a worklist), and the named checks it calls, which it
 * imports from `refsFrom` when they live in another file. All of it is recorded while compiling;
 * `finish()` compiles what is still pending before it lists the imports.
 */
export class ValidatorModule {
  /** The constants in the order they were named; only the used ones are written. */
  private readonly constants: { name: string; text: string }[] = [];
  /** The constants' names by prefix, then by key (no joined key string to build and hash). */
  private readonly constantNames = new Map<string, Map<string, string>>();
  private constantCount = 0;
  /** regex()'s constant per pattern; null for a pattern JavaScript cannot compile. */
  private readonly regexes = new Map<string, string | null>();
  private readonly usedConstants = new Set<string>();
  /** The functions' texts, held in blocks the scavenger does not copy (text-blocks.ts). */
  private readonly functions = new TextBlocks("\n\n");
  private readonly taken = new Set<string>();
  /** Where freshName's search for an owner goes on. */
  private readonly nextIndex = new Map<string, number>();
  /** Named schema check functions called from this module, and how many times. */
  private readonly referenced = new Map<string, number>();
  /** Hoisted functions still to compile, in the order they were named (a Map: unhoist is O(1)). */
  private readonly pending = new Map<string, SubSchema>();
  private finished = false;
  readonly allOfLookups = new WeakMap<
    Schema,
    (name: string) => JsonSubSchema | undefined
  >();

  /** The model's named schemas, which `$ref`s point at. */
  readonly schemas: Readonly<Record<string, NamedSchema>>;
  /** The model's verdicts on its patterns: how each is run. */
  private readonly patterns: ReadonlyMap<string, PatternGuard> | undefined;

  constructor(
    /** The model: its named schemas, its verdicts on patterns, its scalar choices. */
    model: Pick<ApiModel, "schemas" | "patterns" | "scalars">,
    /** The check function of a named schema. */
    private readonly checkOf: (target: NamedSchema) => string | undefined,
    /** Where the named checks are imported from; undefined when they are in this module. */
    private readonly refsFrom?: string,
    /** The compact forms of the common shapes (ModuleScope.compact). */
    readonly compact = true,
    /** Whether a leaf line made before is found again (ModuleScope.leafReuse). */
    readonly leafReuse = true,
    /** The run's texts, shared by its modules (ModuleScope.texts). */
    readonly texts: ValidatorTexts = new ValidatorTexts(),
  ) {
    this.schemas = model.schemas;
    this.patterns = model.patterns;
    this.bigints = model.scalars?.int64 === "bigint";
  }

  /** Whether a number may come as a bigint (ModuleScope.bigints). */
  readonly bigints: boolean;

  readonly leafLines = new Map<string, LeafLines>();

  /** The named check `ref` points at, without calling it (undefined when dangling). */
  lookupRef(ref: string): string | undefined {
    const target = refTarget(this.schemas, ref);
    return target && this.checkOf(target);
  }

  /** The named check `ref` points at, recorded as called. */
  checkOfRef(ref: string): string | undefined {
    const check = this.lookupRef(ref);
    return check && this.useCheck(check);
  }

  /** Records a named check (from lookupRef) as called. */
  useCheck(check: string): string {
    this.referenced.set(check, (this.referenced.get(check) ?? 0) + 1);
    return check;
  }

  /**
   * A module constant initialised with `render(name)`; the same key gives the same constant. It
   * is written when `used`, or once `use(name)` says code refers to it (a pointer segment or a
   * pattern named before it is known whether any statement needs it).
   */
  constant(
    prefix: string,
    key: string,
    render: (name: string) => string,
    used = true,
  ): string {
    let names = this.constantNames.get(prefix);
    if (names === undefined)
      this.constantNames.set(prefix, (names = new Map()));
    let name = names.get(key);
    if (name === undefined) {
      name = `${prefix}${++this.constantCount}`;
      names.set(key, name);
      this.constants.push({ name, text: render(name) });
    }
    if (used) this.usedConstants.add(name);
    return name;
  }

  /** Records that code refers to the constant `name`. */
  use(name: string): string {
    this.usedConstants.add(name);
    return name;
  }

  /** The constant holding `pattern` as a RegExp; undefined when JavaScript cannot compile it. */
  regex(pattern: string, used = true): string | undefined {
    // a pattern comes back often (the same formats of ids, names, dates): its flags, its
    // literal and its constant's key are made once
    const known = this.regexes.get(pattern);
    if (known !== undefined) {
      if (known !== null && used) this.usedConstants.add(known);
      return known ?? undefined;
    }
    const guard = this.patterns?.get(pattern);
    // the reading decides every pattern of the model's schemas (model/pattern-safety.ts)
    if (guard === undefined)
      throw new Error(
        `the model has no verdict on the pattern ${JSON.stringify(pattern)} (ApiModel.patterns)`,
      );
    // not a JavaScript regular expression, or refused (schema/unsafe-pattern): not checked
    if (guard.kind === "invalid" || guard.kind === "refused") {
      this.regexes.set(pattern, null);
      return undefined;
    }
    const { flags } = guard;
    const guarded = guardedPattern(guard);
    const args = [
      this.texts.stringLiteral(pattern),
      ...(flags ? [`"${flags}"`] : []),
    ];
    const name = this.constant(
      "RE",
      flags + "/" + pattern,
      (n) =>
        constantCall(`const ${n} = `, ...(guarded ?? ["new RegExp", args])),
      used,
    );
    this.regexes.set(pattern, name);
    return name;
  }

  /**
   * A fresh function name derived from `owner`: `owner_n`, the least n not taken. Names are
   * never given back, so the search for an owner goes on from its last one (not from 1 again:
   * a schema with many branches hoists many functions).
   */
  private freshName(owner: string): string {
    let n = this.nextIndex.get(owner) ?? 1;
    while (this.taken.has(`${owner}_${n}`)) n++;
    const name = `${owner}_${n}`;
    this.taken.add(name);
    this.nextIndex.set(owner, n + 1);
    return name;
  }

  /**
   * Adds `function name(x, p, e, d)` checking `schema`; `doc` is its JSDoc text, if any. A
   * parameter the body never reads is `_`-prefixed (noUnusedParameters): the body says which
   * it read.
   */
  addFunction(
    name: string,
    schema: SubSchema,
    exported: boolean,
    doc?: string,
  ): void {
    this.taken.add(name);
    const body = new FunctionBody(this, name);
    const code = body.compile(schema);
    const params = CHECK_PARAMS.map((param) =>
      body.reads(param[0]) ? param : `_${param}`,
    );
    const head = functionHead(
      `${exported ? "export " : ""}function ${name}`,
      params,
      "void",
      code === "",
    );
    this.functions.add(`${doc ?? ""}${head}${code === "" ? "" : `${code}}`}`);
  }

  /**
   * The check of a table entry (an endpoint's part): the named check itself for a bare `$ref`
   * (compact), else a function `name` added for it.
   */
  entry(name: string, schema: SubSchema): string {
    if (
      this.compact &&
      isObject(schema) &&
      typeof schema.$ref === "string" &&
      isBareRef(schema)
    ) {
      const check = this.checkOfRef(schema.$ref);
      if (check !== undefined) return check;
    }
    this.addFunction(name, schema, false);
    return name;
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
    this.pending.set(name, schema);
    return name;
  }

  /**
   * Takes back what hoist() gave when no statement calls it: a pending function is never
   * compiled, a named check is one call fewer.
   */
  unhoist(name: string): void {
    this.pending.delete(name);
    const calls = this.referenced.get(name);
    if (calls === 1) this.referenced.delete(name);
    else if (calls !== undefined) this.referenced.set(name, calls - 1);
  }

  /**
   * Compiles what is pending, then gives the module's imports and code. Called once: nothing
   * can be added after the imports are listed.
   */
  finish(): ModuleText {
    if (this.finished) throw new Error("ValidatorModule.finish() called twice");
    this.finished = true;
    // a Map's iteration visits what compiling adds, and skips what unhoist() takes back
    for (const [name, schema] of this.pending) {
      this.pending.delete(name);
      this.addFunction(name, schema, false);
    }
    const imports: string[] = [];
    if (this.functions.count > 0) imports.push(TYPE_IMPORTS);
    if (this.refsFrom !== undefined && this.referenced.size > 0)
      imports.push(
        importStatement(
          [...this.referenced.keys()].sort(),
          this.refsFrom,
          false,
        ),
      );
    const constants: string[] = [];
    for (const { name, text } of this.constants)
      if (this.usedConstants.has(name)) constants.push(text);
    const functions = this.functions;
    return {
      imports,
      get parts() {
        return [...constants, ...functions.texts()];
      },
      get code() {
        const parts = this.parts;
        return parts.length > 0 ? parts.join("\n\n") : undefined;
      },
      write(out) {
        for (const text of constants) out.write("\n\n" + text);
        if (functions.count === 0) return;
        out.write("\n\n");
        functions.write(out);
      },
    };
  }
}
