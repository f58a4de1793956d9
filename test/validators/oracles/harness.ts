import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  CORPUS_DIR,
  CORPUS_FILES,
  CORPUS_PRESENT,
  SEEDS_DIR,
  SEEDS_FILES,
} from "../../shared-corpus.js";
import * as REASONS from "./reasons.js";

/**
 * What the two oracles of issue 24 share: the documents they read, the allow-lists (keyed
 * `<document> › <subject> › <kind>`, a reason each), the update mode and one in-memory
 * TypeScript program per document.
 */

const REPO = fileURLToPath(new URL("../../..", import.meta.url));
/** openapi-typescript 7, the peer: it lives in the TypeScript 5 workspace (it needs TypeScript 5's JS API). */
export const peer = (await import(
  pathToFileURL(
    join(
      REPO,
      "test/typescript5/node_modules/openapi-typescript/dist/index.mjs",
    ),
  ).href
)) as {
  default: (source: unknown, options: { silent: boolean }) => Promise<unknown>;
  astToString: (ast: unknown) => string;
};

export const FIXTURES_DIR = join(REPO, "test/fixtures/oracles");

export interface OracleDocument {
  /** `fixtures/<file>`, `seeds`, or the corpus path (`swagger2/petstore.json`). */
  name: string;
  files: string[];
  cwd: string;
  /** `fixture`, `seeds`, or the corpus folder (`swagger2`, `oas31`, `postman`, ...). */
  format: string;
  /** An OpenAPI 3 document (openapi-typescript reads it as it is). */
  openapi: boolean;
}

/** The fixtures of issue 24's faults, the seeds (one model) and each corpus document. */
export function oracleDocuments(): OracleDocument[] {
  return [
    ...readdirSync(FIXTURES_DIR)
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .sort()
      .map((f) => ({
        name: `fixtures/${f}`,
        files: [f],
        cwd: FIXTURES_DIR,
        format: "fixture",
        openapi: !f.endsWith(".json"),
      })),
    ...(SEEDS_FILES.length > 0
      ? [
          {
            name: "seeds",
            files: [...SEEDS_FILES],
            cwd: SEEDS_DIR,
            format: "seeds",
            openapi: false,
          },
        ]
      : []),
    ...(CORPUS_PRESENT
      ? CORPUS_FILES.map((f) => ({
          name: f,
          files: [f],
          cwd: CORPUS_DIR,
          format: f.split("/")[0]!,
          openapi: f.startsWith("oas3"),
        }))
      : []),
  ];
}

/** `APILOOM_ORACLE_UPDATE=1`: print the fresh allow-list instead of failing on differences. */
export const UPDATE = process.env["APILOOM_ORACLE_UPDATE"] === "1";

export const SEP = " › ";

export function findingKey(
  document: string,
  subject: string,
  kind: string,
): string {
  return [document, subject, kind].join(SEP);
}

/**
 * One document's findings (key → what was seen) against the allow-list: the findings no entry
 * explains, and the entries of this document that nothing found any more (stale).
 */
export function judge(
  document: string,
  findings: ReadonlyMap<string, string>,
  allowed: Readonly<Record<string, string>>,
): { unexplained: string[]; stale: string[] } {
  const unexplained = [...findings]
    .filter(([key]) => !Object.hasOwn(allowed, key))
    .map(([key, detail]) => `${key}: ${detail}`);
  const stale = Object.keys(allowed).filter(
    (key) => key.startsWith(document + SEP) && !findings.has(key),
  );
  return { unexplained, stale };
}

/** Allow-list entries whose document this run does not read (renamed or gone). */
export function orphans(
  allowed: Readonly<Record<string, string>>,
  documents: readonly OracleDocument[],
): string[] {
  const names = new Set(documents.map((d) => d.name));
  return Object.keys(allowed).filter((key) => {
    const document = key.split(SEP)[0]!;
    // corpus and seeds entries are only judged where the shared corpus is present
    if (!CORPUS_PRESENT && !document.startsWith("fixtures/")) return false;
    return !names.has(document);
  });
}

/**
 * The allow-list module's entries for the findings of this run: kept reasons stay (by their
 * name in reasons.ts), new findings get a TODO with what was seen, to be replaced by a reason.
 */
export function freshEntries(
  findings: ReadonlyMap<string, string>,
  allowed: Readonly<Record<string, string>>,
): string {
  return [...findings.keys()]
    .sort()
    .map((key) => {
      const reason = Object.hasOwn(allowed, key)
        ? allowed[key]!
        : `TODO: ${findings.get(key)!.slice(0, 200)}`;
      const named = Object.entries(REASONS).find(([, r]) => r === reason);
      return `  ${JSON.stringify(key)}:\n    ${named ? named[0] : JSON.stringify(reason)},`;
    })
    .join("\n");
}

/** A value as a one-line TypeScript expression (`__proto__` keys computed, so they stay keys). */
export function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (typeof value === "object" && value !== null)
    return `{ ${Object.entries(value)
      .map(
        ([k, v]) =>
          `${k === "__proto__" ? `[${JSON.stringify(k)}]` : JSON.stringify(k)}: ${literal(v)}`,
      )
      .join(", ")} }`;
  if (value === undefined) return "undefined";
  return JSON.stringify(value) ?? "undefined";
}

export interface TsProblem {
  file: string;
  /** 1-based. */
  line: number;
  code: number;
  message: string;
}

const ts = (await import("ts-morph")).ts;
// ts-morph's own package of the lib .d.ts files its bundled TypeScript needs (it has no lib/ folder)
const { getLibFiles } = await import("@ts-morph/common");
const LIB_DIR = "/lib/";
const LIBS = new Map(getLibFiles().map((f) => [LIB_DIR + f.fileName, f.text]));

/** The lib files parse once per worker: most of a small program's time is lib.dom.d.ts. */
const libCache = new Map<string, import("ts-morph").ts.SourceFile>();

/**
 * One TypeScript program over in-memory `files` (absolute path → text; relative imports between
 * them resolve), strict like the compatibility matrix, with the DOM lib for `Blob`. TypeScript is
 * ts-morph's bundled compiler: the project's own `tsc` is the native 7.x one, without a JS API.
 */
export function typeCheck(files: ReadonlyMap<string, string>): TsProblem[] {
  const options: import("ts-morph").ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  const text = (f: string) => files.get(f) ?? LIBS.get(f);
  const host: import("ts-morph").ts.CompilerHost = {
    getSourceFile: (f, language) => {
      const cached = libCache.get(f);
      if (cached) return cached;
      const contents = text(f);
      if (contents === undefined) return undefined;
      const source = ts.createSourceFile(f, contents, language, true);
      if (LIBS.has(f)) libCache.set(f, source);
      return source;
    },
    getDefaultLibFileName: () => LIB_DIR + "lib.d.ts",
    getDefaultLibLocation: () => LIB_DIR,
    writeFile: () => {},
    getCurrentDirectory: () => "/",
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (f) => text(f) !== undefined,
    readFile: text,
    directoryExists: () => true,
    getDirectories: () => [],
  };
  const program = ts.createProgram([...files.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const file = d.file?.fileName ?? "";
    const line =
      d.file && d.start !== undefined
        ? d.file.getLineAndCharacterOfPosition(d.start).line + 1
        : 0;
    return {
      file,
      line,
      code: d.code,
      message: ts.flattenDiagnosticMessageText(d.messageText, " "),
    };
  });
}
