import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { ts } from "ts-morph";
import { backtracking } from "../../src/model/patterns/ambiguity.js";

// Whether the regular expressions written in apiloom's own files run in linear time: each is
// asked of recheck (a ReDoS analyzer nobody here wrote, a devDependency: the oracle) with its
// clocks off, so the verdict depends on the pattern alone. A "safe" counts only as a proof:
// recheck's automaton checker's, or model/patterns/ambiguity.ts's; its fuzzer's "safe" alone does not.

/**
 * recheck's parameters, chosen so that its answer depends on the pattern alone (no clock):
 * no timeouts, a fixed seed, and bounds on the fuzzer's work instead.
 */
export const RECHECK_PARAMS = {
  timeout: null,
  attackTimeout: null,
  incubationTimeout: null,
  seedingTimeout: null,
  recallTimeout: -1,
  randomSeed: 0,
  attackLimit: 100_000,
  incubationLimit: 25_000,
  maxIteration: 10,
};

const require = createRequire(import.meta.url);

/**
 * recheck's native build where npm installed it (recheck-linux-x64 and its siblings, recheck's
 * optional dependencies: the same Scala code and version compiled ahead of time), else its pure-JS
 * build (lib/browser.js, Scala.js). Both are recheck 4.5 with the parameters above: the verdicts
 * are the same (src/'s 249 distinct literals, and the random patterns of
 * test/validators/pattern-fast-path.test.ts, compared one by one), the native one in about a fifth
 * of the time and a tenth of the CPU. It runs as one `recheck agent` process per test process that
 * asks, through recheck's own checkSync (a synckit worker), and ends with it.
 */
function nativeRecheck(): boolean {
  const os = { darwin: "macos", linux: "linux", win32: "windows" }[
    process.platform as string
  ];
  try {
    require.resolve(`recheck-${os}-${process.arch}/package.json`);
    return os !== undefined;
  } catch {
    return false;
  }
}

type CheckSync = (
  source: string,
  flags: string,
  params: object,
) => { status: string; checker?: string };

/**
 * recheck's checkSync; the native one reads RECHECK_BACKEND when its first call starts the worker
 * that asks the agent (a worker's environment is a copy made as it starts): "native", and no
 * other (its "auto" would fall back to a JVM or a worker), set for that call alone.
 */
function recheckSync(): CheckSync {
  if (!nativeRecheck())
    return (require("recheck/lib/browser.js") as { checkSync: CheckSync })
      .checkSync;
  const native = (require("recheck") as { checkSync: CheckSync }).checkSync;
  let started = false;
  return (source, flags, params) => {
    if (started) return native(source, flags, params);
    const before = process.env["RECHECK_BACKEND"];
    process.env["RECHECK_BACKEND"] = "native";
    try {
      return native(source, flags, params);
    } finally {
      started = true;
      if (before === undefined) delete process.env["RECHECK_BACKEND"];
      else process.env["RECHECK_BACKEND"] = before;
    }
  };
}

export const checkSync = recheckSync();

/**
 * recheck's word on a pattern: undefined when safe; its automaton checker alone where the
 * pattern is `regular` (no backreference or lookaround).
 */
export function recheckRisk(
  pattern: string,
  flags: "u" | "",
  regular: boolean,
): { complexity: string } | undefined {
  const answer = checkSync(
    pattern,
    flags,
    regular ? { ...RECHECK_PARAMS, checker: "automaton" } : RECHECK_PARAMS,
  ) as { status: string; complexity?: { type: string } };
  if (answer.status === "safe") return undefined;
  const type = answer.complexity?.type;
  return {
    complexity:
      type === "exponential" || type === "polynomial" ? type : "unknown",
  };
}

/** A regular expression literal: where it is (`file:line`) and its text (`/…/flags`). */
export interface RegexLiteral {
  at: string;
  text: string;
}

/** Every regular expression literal of the `.ts` files under `folder` (tests left out). */
export function regexLiterals(root: string, folder: string): RegexLiteral[] {
  const out: RegexLiteral[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".ts") && !name.endsWith(".test.ts")) {
        const source = ts.createSourceFile(
          name,
          readFileSync(path, "utf8"),
          ts.ScriptTarget.Latest,
          true,
        );
        const visit = (node: ts.Node): void => {
          if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
            const { line } = source.getLineAndCharacterOfPosition(
              node.getStart(),
            );
            out.push({
              at: `${relative(root, path)}:${line + 1}`,
              text: node.getText(),
            });
          }
          ts.forEachChild(node, visit);
        };
        visit(source);
      }
    }
  };
  walk(join(root, folder));
  return out;
}

/** Whether the literal `/…/flags` is proven to run in linear time. */
export function provenLinear(text: string): boolean {
  const end = text.lastIndexOf("/");
  const source = text.slice(1, end);
  // `g`, `y` and `d` change where a match starts or what it reports, not how it backtracks
  const flags = text.slice(end + 1).replace(/[gyd]/g, "");
  const verdict = checkSync(source, flags, RECHECK_PARAMS);
  return (
    verdict.status === "safe" &&
    (verdict.checker === "automaton" || backtracking(source) === "linear")
  );
}

/** The literals of `found` neither listed in `known` nor proven linear, as `file:line /…/`. */
export function unproven(
  found: readonly RegexLiteral[],
  known: Readonly<Record<string, string>>,
): string[] {
  // the same literal written in several files is asked once (recheck takes seconds on some)
  const proven = new Map<string, boolean>();
  const linear = (text: string) =>
    proven.get(text) ?? proven.set(text, provenLinear(text)).get(text)!;
  return found
    .filter(({ text }) => !Object.hasOwn(known, text))
    .filter(({ text }) => !linear(text))
    .map(({ at, text }) => `${at} ${text}`);
}
