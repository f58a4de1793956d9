import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../cli/run.js";

/**
 * Every fenced code block of the README, ARCHITECTURE.md and docs/ that is tagged as code runs
 * past an independent judge: `json` and `yaml` are parsed; `sh` lines are commands this
 * repository knows (an `apiloom` command is given to the real CLI with `--help` appended, so its
 * flags go through the CLI's own parser; `npm run x` needs a script x); `ts` and `js` blocks are
 * either an excerpt (every line of the block is a line of a file apiloom generated) or are
 * type-checked by tsc under strict, as a user's module beside the generated output: the Stride
 * output committed in generated/, or the small pet store of test/query/fixtures/pets.yaml
 * generated with every artifact (a sample passes in either).
 */
const PAGES = [
  "README.md",
  "ARCHITECTURE.md",
  ...readdirSync(join(REPO, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

interface Block {
  where: string;
  lang: string;
  text: string;
}

const blocks: Block[] = PAGES.flatMap((page) => {
  const text = readFileSync(join(REPO, page), "utf8");
  return [...text.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((m) => ({
    where: `${page}:${text.slice(0, m.index).split("\n").length}`,
    lang: m[1]!,
    text: m[2]!,
  }));
});

const OUT = join(REPO, "test/samples/out");
const TSC = join(REPO, "node_modules/typescript/bin/tsc");
const CLI = join(REPO, "bin/apiloom.js");
const CONTEXTS = ["stride", "pets"] as const;
const manifest = JSON.parse(
  readFileSync(join(REPO, "package.json"), "utf8"),
) as { name: string; version: string; scripts: Record<string, string> };

/** The lines of every file below `dir`, trimmed. */
function linesBelow(dir: string, into = new Set<string>()): Set<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) linesBelow(path, into);
    else if (/\.(ts|js|md|json)$/.test(e.name))
      for (const line of readFileSync(path, "utf8").split("\n"))
        into.add(line.trim());
  }
  return into;
}

let generatedLines: Set<string>;
beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  for (const ctx of CONTEXTS) mkdirSync(join(OUT, ctx), { recursive: true });
  symlinkSync(join(REPO, "generated"), join(OUT, "stride/generated"), "dir");
  const pets = spawnSync(
    process.execPath,
    [
      CLI,
      "generate",
      join(REPO, "test/query/fixtures/pets.yaml"),
      "--no-config",
      "-o",
      "generated",
      "-a",
      "types,client,server,validators,docs,openapi,query,mocks,mcp,paths",
      "--server-handlers",
      "handlers.ts",
      "--server-adapters",
      "fastify,express,hono",
      "--quiet",
    ],
    { cwd: join(OUT, "pets"), encoding: "utf8" },
  );
  expect(pets.status, pets.stderr).toBe(0);
  generatedLines = linesBelow(join(REPO, "generated"));
  linesBelow(join(OUT, "pets/generated"), generatedLines);
  for (const line of readFileSync(join(OUT, "pets/handlers.ts"), "utf8").split(
    "\n",
  ))
    generatedLines.add(line.trim());
}, 120_000);

describe("the code samples of the README and docs/", () => {
  it("are found", () => {
    expect(blocks.filter((b) => b.lang === "ts").length).toBeGreaterThan(8);
    expect(blocks.filter((b) => b.lang === "sh").length).toBeGreaterThan(3);
  });

  it("parse, when they are JSON or YAML", () => {
    for (const b of blocks) {
      if (b.lang === "json")
        expect(() => JSON.parse(b.text), b.where).not.toThrow();
      if (b.lang === "yaml")
        expect(() => parseYaml(b.text), b.where).not.toThrow();
    }
  });

  it("are commands the CLI and package.json know, when they are shell", () => {
    const problems: string[] = [];
    for (const b of blocks.filter((b) => b.lang === "sh"))
      // a line ending in a backslash goes on on the next one
      for (const raw of b.text.replace(/\\\n\s*/g, " ").split("\n")) {
        const line = raw.replace(/(^|\s)#.*$/, "").trim();
        if (!line) continue;
        for (const command of line.split(/\s*&&\s*/)) {
          const problem = commandProblem(words(command));
          if (problem) problems.push(`${b.where}: ${command}: ${problem}`);
        }
      }
    expect(problems).toEqual([]);
  });

  it("type-check under strict beside generated code, or are excerpts of it", () => {
    const code = blocks.filter((b) => b.lang === "ts" || b.lang === "js");
    const compiled = code.filter((b) => !isExcerpt(b.text));
    compiled.forEach((b, i) => {
      const text = /^\s*(import|export)\s/m.test(b.text)
        ? b.text
        : `${b.text}\nexport {};\n`;
      for (const ctx of CONTEXTS)
        writeFileSync(
          join(OUT, ctx, `sample-${i}.${b.lang}`),
          `// ${b.where}\n${text}`,
        );
    });
    const errors = CONTEXTS.map((ctx) => typeCheck(join(OUT, ctx)));
    const failing = compiled.flatMap((b, i) => {
      const name = `sample-${i}.${b.lang}`;
      const per = errors.map((e) => e.filter((line) => line.startsWith(name)));
      return per.every((p) => p.length > 0)
        ? [
            `${b.where} (${b.lang}):\n  stride: ${per[0]!.join("\n  ")}\n  pets: ${per[1]!.join("\n  ")}`,
          ]
        : [];
    });
    expect(failing).toEqual([]);
    expect(compiled.length).toBeGreaterThan(5);
  }, 180_000);
});

/** A block every line of which (trimmed, blank lines aside) is a line of generated output. */
function isExcerpt(text: string): boolean {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  return lines.length > 2 && lines.every((l) => generatedLines.has(l));
}

function typeCheck(dir: string): string[] {
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "es2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        lib: ["es2023", "dom", "dom.iterable"],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        allowJs: true,
        checkJs: true,
        types: ["node"],
        typeRoots: [join(REPO, "node_modules/@types")],
      },
      include: ["sample-*.ts", "sample-*.js"],
    }),
  );
  const run = spawnSync(process.execPath, [TSC, "-p", dir], {
    cwd: dir,
    encoding: "utf8",
  });
  return `${run.stdout}${run.stderr}`
    .split("\n")
    .filter((l) => /^sample-/.test(l));
}

/** Shell words: spaces split, double and single quotes group. */
function words(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3]!,
  );
}

/** Why a documented command would not work here, or undefined when it would. */
function commandProblem(argv: string[]): string | undefined {
  const [tool, ...rest] = argv;
  if (tool === "npx" && rest[0] === "apiloom")
    return apiloomProblem(rest.slice(1));
  if (tool === "apiloom") return apiloomProblem(rest);
  if (tool === "cd") return undefined;
  if (tool !== "npm") return `not a command the docs may show (${tool})`;
  const [verb, ...args] = rest;
  if (verb === "run") {
    const [script, dash, ...more] = args;
    if (script === "generate:api")
      return apiloomProblem(["generate", ...(dash === "--" ? more : [])]);
    if (!script || !(script in manifest.scripts))
      return `no npm script ${script}`;
    if (
      dash === "--" &&
      /apiloom\.js generate$/.test(manifest.scripts[script]!)
    )
      return apiloomProblem(["generate", ...more]);
    return undefined;
  }
  if (verb === "test" || verb === "ci" || verb === "pack") return undefined;
  if (verb === "install" || verb === "i") {
    // the package by name, or the tarball `npm pack` writes for this version
    const tarball = `/${manifest.name}-${manifest.version}.tgz`;
    const names = args.filter((a) => !a.startsWith("-"));
    return names.every((n) => n === manifest.name || n.endsWith(tarball))
      ? undefined
      : `installs ${names.join(" ")}, not ${manifest.name}`;
  }
  return `npm ${verb} is not a command the docs may show`;
}

/** The real CLI's answer to the command with --help appended: 0 when its flags parse. */
function apiloomProblem(args: string[]): string | undefined {
  const run = spawnSync(process.execPath, [CLI, ...args, "--help"], {
    cwd: REPO,
    encoding: "utf8",
  });
  return run.status === 0 ? undefined : `apiloom says: ${run.stderr.trim()}`;
}

// the folder is git-ignored (test/**/out); keep it between runs only while debugging
if (!existsSync(join(REPO, ".gitignore"))) throw new Error("no .gitignore");
