// The matrix's TypeScript 5 cells in one process (test/compat/matrix.ts runs it): for each
// tsconfig path given as an argument, what `tsc -p <tsconfig> --pretty false` run in the tsconfig's
// folder does — tsc's own steps (performCompilation in TypeScript's executeCommandLine): parse the
// config with the system, a compiler host, createProgram, emitFilesAndReportErrorsAndGetExitStatus
// with the non-pretty reporter — and prints one JSON line per tsconfig: { tsconfig, ok (exit
// status 0), output (what tsc would have printed), ms }.
//
// Why one process: TypeScript 5 runs in JavaScript, and four tsc processes each paid for the start
// of the compiler (cold JIT) and parsed the same files (lib, @types/node, Fastify's and Hono's
// types, the generated projects) again. Here the compiler warms up once, and a parsed file is
// shared between the cells' programs under TypeScript's own rule for sharing (the language
// service's document registry): the same path, the same settings that affect a source file
// (getKeyForCompilationSettings) and the same module format. Each cell still has its own program
// and checker, so no diagnostic of one cell depends on another.
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

const require = createRequire(import.meta.url);
const ts = require(
  join(import.meta.dirname, "../typescript5/node_modules/typescript"),
);

const registry = ts.createDocumentRegistry();
const tsconfigs = process.argv.slice(2).map((p) => resolve(p));
/** Each tsconfig's settings key (its compilerOptions only, read ahead; see `parsed`). */
const keys = tsconfigs.map((tsconfig) => {
  const { config } = ts.readConfigFile(tsconfig, ts.sys.readFile);
  const { options } = ts.convertCompilerOptionsFromJson(
    config?.compilerOptions ?? {},
    dirname(tsconfig),
  );
  return registry.getKeyForCompilationSettings(options);
});
/**
 * Parsed source files by settings key, then by module format and path. A key's files are kept
 * only while a later cell has that key: the others would only hold memory.
 */
const parsed = new Map();

for (const [i, tsconfig] of tsconfigs.entries()) {
  const started = performance.now();
  const root = dirname(tsconfig);
  let output = "";
  /** @type {number | undefined} */
  let status;
  const system = {
    ...ts.sys,
    getCurrentDirectory: () => root,
    write: (/** @type {string} */ s) => {
      output += s;
    },
    exit: (/** @type {number} */ code) => {
      status = code;
    },
  };
  const reportDiagnostic = ts.createDiagnosticReporter(system, false);
  const config = ts.parseConfigFileWithSystem(
    tsconfig,
    { pretty: false },
    undefined,
    undefined,
    system,
    reportDiagnostic,
  );
  // tsc reports a config's errors with the program's (configFileParsingDiagnostics below)
  if (!config) status = ts.ExitStatus.DiagnosticsPresent_OutputsSkipped;
  else {
    const { fileNames, options, projectReferences } = config;
    const host = ts.createCompilerHost(options);
    host.getCurrentDirectory = () => root;
    host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
    const key = registry.getKeyForCompilationSettings(options);
    if (!parsed.has(key)) parsed.set(key, new Map());
    const files = parsed.get(key);
    const getSourceFile = host.getSourceFile;
    /** @type {(fileName: string, languageVersionOrOptions: any, ...rest: unknown[]) => unknown} */
    host.getSourceFile = (fileName, languageVersionOrOptions, ...rest) => {
      const format =
        typeof languageVersionOrOptions === "object"
          ? languageVersionOrOptions.impliedNodeFormat
          : undefined;
      const id = `${format}|${fileName}`;
      if (!files.has(id))
        files.set(
          id,
          getSourceFile.call(host, fileName, languageVersionOrOptions, ...rest),
        );
      return files.get(id);
    };
    const program = ts.createProgram({
      rootNames: fileNames,
      options,
      projectReferences,
      host,
      configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(config),
    });
    status = ts.emitFilesAndReportErrorsAndGetExitStatus(
      program,
      reportDiagnostic,
      (/** @type {string} */ s) => system.write(s + system.newLine),
      // tsc's error summary, which only a pretty run prints
      undefined,
    );
  }
  for (const key of parsed.keys())
    if (!keys.slice(i + 1).includes(key)) parsed.delete(key);
  process.stdout.write(
    JSON.stringify({
      tsconfig,
      ok: status === ts.ExitStatus.Success,
      output,
      ms: Math.round(performance.now() - started),
    }) + "\n",
  );
}
