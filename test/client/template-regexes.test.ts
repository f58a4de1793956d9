import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { REPO } from "../cli/run.js";

/*
 * Parsing is linear in the bytes (docs/untrusted-input.md): every regular expression written in
 * the client's and the server's runtime templates is checked by recheck, the ReDoS analyzer the
 * generator runs on a spec's patterns, with its clocks off (the verdict depends on the pattern
 * alone). One that is not safe is listed below with what it runs on, none of which comes from
 * the network; anything else that is not safe fails, as the Link header's did
 * (`/<([^>]*)>…/`: 16 KiB of `<` took 0.4 s a page).
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
    ) => { status: string };
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
  it.each(["client", "server"])(
    "of templates/%s are linear by recheck, but for the listed ones",
    (dir) => {
      const found = literals(dir);
      expect(found.length).toBeGreaterThan(10);
      const unsafe = found.filter(({ text }) => {
        const end = text.lastIndexOf("/");
        // `g` and `y` change where a match starts, not how it backtracks
        const flags = text.slice(end + 1).replace(/[gy]/g, "");
        return checkSync(text.slice(1, end), flags, PARAMS).status !== "safe";
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
