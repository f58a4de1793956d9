import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { surelySafe } from "../../src/model/pattern-ambiguity.js";
import { REPO } from "../cli/run.js";

/*
 * Parsing is linear in the bytes (docs/untrusted-input.md): every regular expression written in
 * the runtime templates (client, server, the files they share, validators, MCP) is checked by
 * recheck, the ReDoS analyzer the generator runs on a spec's patterns, with its clocks off (the
 * verdict depends on the pattern alone). Its "safe" must be a proof: its automaton checker's,
 * or pattern-ambiguity.ts's (no unbounded repetition, or a position automaton without the
 * structures that backtrack); a "safe" from its fuzzer alone is not one, and fails. One that is
 * not safe is listed below with what it runs on, none of which comes from the network; anything
 * else fails, as the Link header's did (`/<([^>]*)>…/`: 16 KiB of `<` took 0.4 s a page), and as
 * the validators' `uri` format did (ajv-formats' one expression: "safe" by the fuzzer alone).
 */
const PARAMS = {
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
const checkSync = (
  createRequire(import.meta.url)("recheck/lib/browser.js") as {
    checkSync: (
      source: string,
      flags: string,
      params: object,
    ) => { status: string; checker?: string };
  }
).checkSync;

/** Not linear, and run on no byte from the network: the literal, and what it reads. */
const KNOWN: Record<string, string> = {
  "/\\/+$/": "the caller's baseUrl or basePath (options), trailing slashes",
  "/\\{([^}]+)\\}/g": "the generated path template's {name} placeholders",
};

/** Every regular expression literal of templates/<dir>/*.ts, with its file and line. */
function literals(dir: string): { at: string; text: string }[] {
  const out: { at: string; text: string }[] = [];
  const folder = join(REPO, "templates", dir);
  for (const file of readdirSync(folder).filter((f) => f.endsWith(".ts"))) {
    const source = ts.createSourceFile(
      file,
      readFileSync(join(folder, file), "utf8"),
      ts.ScriptTarget.Latest,
      true,
    );
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        out.push({ at: `${dir}/${file}:${line + 1}`, text: node.getText() });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

describe("the runtime templates' regular expressions", () => {
  it.each(["client", "server", "shared", "validators", "mcp"])(
    "of templates/%s are proven linear, but for the listed ones",
    (dir) => {
      const found = literals(dir);
      expect(found.length).toBeGreaterThan(5);
      const unsafe = found.filter(({ text }) => {
        const end = text.lastIndexOf("/");
        // `g` and `y` change where a match starts, not how it backtracks
        const flags = text.slice(end + 1).replace(/[gy]/g, "");
        const source = text.slice(1, end);
        const verdict = checkSync(source, flags, PARAMS);
        const proven = verdict.checker === "automaton" || surelySafe(source);
        return verdict.status !== "safe" || !proven;
      });
      expect(
        unsafe
          .filter(({ text }) => !Object.hasOwn(KNOWN, text))
          .map(({ at, text }) => `${at} ${text}`),
      ).toEqual([]);
    },
  );

  it("catches the old Link header pattern", () => {
    expect(checkSync("<([^>]*)>([^,<]*)", "", PARAMS).status).toBe(
      "vulnerable",
    );
  });
});
