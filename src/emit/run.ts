import { posix } from "node:path";
import { EmitReporter } from "./codes.js";
import type { ApiModel, Diagnostic } from "../model/types.js";
import { compareCodeUnits } from "../model/order.js";
import { kindOf } from "../model/schema/walk.js";
import {
  PluginError,
  thrownMessage,
  type ArtifactPlugin,
  type GeneratedFile,
  type ImportCollector,
  type SinceLastRun,
} from "./artifact.js";
import type { OutputLayout } from "./layout.js";
import { OWN_PLUGINS } from "./registry.js";
import { streamedFile, textMaker } from "./shared/text-parts.js";
import { importStatement } from "./shared/statements.js";
import { createTypeIndex, type TypeIndex } from "./type-index/type-index.js";
import { TemplateError } from "./templates.js";

/** What one plugin returned, named for the error when two plugins make one path. */
export interface EmitterBatch {
  emitter: string;
  /** A config's plugin's `path`: each file is it, or under it. None for apiloom's own. */
  path?: string;
  files: GeneratedFile[];
}

/** What a run of the plugins is told: every input of their contexts, resolved. */
export interface PluginRun {
  /** Every plugin known: apiloom's, then the config's. */
  plugins: readonly ArtifactPlugin[];
  /** The artifacts the run makes, their needs included. */
  artifacts: Iterable<string>;
  /** Each plugin's options by its name, resolved. */
  options: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  templatesDir?: string;
  layout: OutputLayout;
  /** The config's `typecheckGenerated`: when on, no `// @ts-nocheck` is added. */
  typecheckGenerated?: boolean;
}

/** What the caller of a run hears and gives while the plugins run. */
export interface RunHooks {
  /** Told each artifact as its plugin starts (a progress line). */
  onArtifact?: (artifact: string) => void;
  /** The last run beside this one, given the files made so far; without it, no last run. */
  sinceLastRun?: (made: readonly GeneratedFile[]) => SinceLastRun | undefined;
  /** What the plugins report through; the pipeline's knows the readers' codes too. */
  reporter?: EmitReporter;
}

/**
 * Runs the plugins of the run's artifacts in {@link madeOrder}, each with its own options and a
 * shared context. Each batch is yielded as made: the driver (the writer, which stages large texts)
 * may replace its `files`, and the run goes on with those. It returns every batch, in the order
 * made, and the plugins' diagnostics.
 */
export async function* emitPlugins(
  model: ApiModel,
  run: PluginRun,
  {
    onArtifact = () => {},
    sinceLastRun: since,
    reporter = new EmitReporter(),
  }: RunHooks = {},
): AsyncGenerator<
  EmitterBatch,
  { batches: EmitterBatch[]; diagnostics: Diagnostic[] },
  undefined
> {
  const names = [...run.artifacts];
  const paths = Object.freeze(
    Object.fromEntries(run.plugins.map((p) => [p.name, p.path])),
  );
  let index: TypeIndex | undefined;
  const batches: EmitterBatch[] = [];
  for (const plugin of madeOrder(run.plugins)) {
    if (!names.includes(plugin.name)) continue;
    onArtifact(plugin.name);
    // what the plugin returned, checked
    let made: GeneratedFile[];
    try {
      made = await plugin.emit({
        model,
        options: run.options[plugin.name] ?? {},
        templatesDir: run.templatesDir,
        layout: run.layout,
        paths,
        artifacts: names,
        get types() {
          return (index ??= createTypeIndex(model));
        },
        reporter,
        imports: importCollector,
        get sinceLastRun() {
          return since?.(batches.flatMap((b) => b.files));
        },
      });
    } catch (error) {
      if (OWN_PLUGINS.has(plugin) || error instanceof TemplateError)
        throw error;
      throw new PluginError(plugin.name, `threw: ${thrownMessage(error)}`);
    }
    const problem = malformedFile(made);
    if (problem) throw new PluginError(plugin.name, problem);
    // apiloom's plugins may write in another's path (paths' openapi-fetch client, in client/)
    const batch: EmitterBatch = {
      emitter: plugin.name,
      ...(OWN_PLUGINS.has(plugin) ? {} : { path: plugin.path }),
      files: withImportExtension(
        run.typecheckGenerated === true ? made : withNocheck(made),
        run.layout,
      ),
    };
    batches.push(batch);
    yield batch;
    // what an own plugin returned is emptied once the writer has staged its files, so their texts
    // die young: a speed device, docs/benchmark.md (a user's plugin may return them again)
    if (batch.files !== made && OWN_PLUGINS.has(plugin)) {
      made.forEach((file, i) => {
        if (batch.files[i] === file) return;
        const contents = Object.getOwnPropertyDescriptor(file, "contents");
        if (contents?.writable) file.contents = "";
      });
      if (!Object.isFrozen(made)) made.length = 0;
    }
  }
  return { batches, diagnostics: reporter.diagnostics };
}

/** Drives a run that yields batches to its end, leaving each as it is; what the run returns. */
export async function finish<R>(making: AsyncGenerator<unknown, R, undefined>) {
  for (;;) {
    const step = await making.next();
    if (step.done) return step.value;
  }
}

/**
 * The plugins in the order they are made: the registry's (apiloom's, then the config's), each
 * moved after the plugins its `after` names. A circle of `after`s is a plugin error.
 */
function madeOrder(plugins: readonly ArtifactPlugin[]): ArtifactPlugin[] {
  const byName = new Map(plugins.map((p) => [p.name, p]));
  const order: ArtifactPlugin[] = [];
  const state = new Map<ArtifactPlugin, "placing" | "placed">();
  const place = (plugin: ArtifactPlugin): void => {
    if (state.get(plugin) === "placed") return;
    if (state.get(plugin) === "placing")
      throw new PluginError(
        plugin.name,
        "is in a circle of plugins that each want to be made after the other (`after`)",
      );
    state.set(plugin, "placing");
    for (const name of plugin.after ?? [])
      if (byName.has(name)) place(byName.get(name)!);
    state.set(plugin, "placed");
    order.push(plugin);
  };
  plugins.forEach(place);
  return order;
}

/**
 * The imports of the output file `from`: names from other output files by their paths in the
 * output folder, printed as relative `.js` specifiers, one statement per module and kind, sorted.
 */
export function importCollector(from: string): ImportCollector {
  // by specifier, then kind: `<specifier>\0type` or `<specifier>\0value`
  const modules = new Map<string, Set<string>>();
  return {
    add(target, name, options = {}) {
      let rel = posix.relative(posix.dirname(from), target);
      if (!rel.startsWith(".")) rel = `./${rel}`;
      const specifier = rel.replace(/\.(?:ts|mts)$/, ".js");
      const key = `${specifier}\0${options.type ? "type" : "value"}`;
      modules.set(key, (modules.get(key) ?? new Set<string>()).add(name));
    },
    text() {
      return [...modules.entries()]
        .sort(([a], [b]) => compareCodeUnits(a, b))
        .map(
          ([key, names]) =>
            importStatement(
              [...names].sort(compareCodeUnits),
              key.slice(0, key.indexOf("\0")),
              key.endsWith("\0type"),
            ) + "\n",
        )
        .join("");
    },
  };
}

/** What is wrong with what a plugin's `emit` returned, or undefined when it is a list of files. */
function malformedFile(made: unknown): string | undefined {
  if (!Array.isArray(made))
    return `returned ${kindOf(made)} from emit, not a list of files ({ path, contents })`;
  for (const [i, file] of (made as unknown[]).entries()) {
    if (typeof file !== "object" || file === null)
      return `returned ${kindOf(file)} as file ${i + 1} of its list, not a file ({ path, contents })`;
    const { path } = file as { path?: unknown };
    if (typeof path !== "string")
      return `returned file ${i + 1} of its list with ${kindOf(path)} as its path, not a string`;
    // a streamed file's text is made as it is written: reading it here would make it twice
    if (textMaker(file as GeneratedFile)) continue;
    const { contents } = file as { contents?: unknown };
    if (typeof contents !== "string")
      return `returned the file ${JSON.stringify(path)} with ${kindOf(contents)} as its contents, not a string`;
  }
  return undefined;
}

/**
 * The files with `// @ts-nocheck` in those marked `skipTypecheck`: below the first line when it is
 * a `//` comment (TypeScript reads the pragma in any comment before the first statement).
 */
function withNocheck(files: GeneratedFile[]): GeneratedFile[] {
  if (!files.some((f) => f.skipTypecheck)) return files;
  return files.map((file) => {
    if (!file.skipTypecheck) return file;
    const make = textMaker(file);
    if (make)
      return streamedFile(file.path, (out) => {
        let first = true;
        make({
          write(piece) {
            out.write(first ? nocheck(piece) : piece);
            first = false;
          },
        });
        if (first) out.write(nocheck(""));
      });
    return { path: file.path, contents: nocheck(file.contents) };
  });
}

/** A relative import of a `.js` file, as apiloom and prettier write one. */
const RELATIVE_JS = /(from |import\(|import )"(\.\.?\/[^"\\\n]*)\.js"/g;

/**
 * The files with their relative imports of `.js` modules written `.ts` when the layout says so
 * (config `importExtension`: Node's type stripping, Deno and bundlers run `.ts` files as they
 * are), but where the batch makes that `.js` file itself (validators/checks.js).
 */
function withImportExtension(
  files: GeneratedFile[],
  { importExtension }: OutputLayout,
): GeneratedFile[] {
  if (importExtension !== ".ts") return files;
  const js = new Set(files.map((f) => f.path).filter((p) => p.endsWith(".js")));
  return files.map((file) => {
    if (!/\.m?[jt]s$/.test(file.path) || file.path.endsWith(".d.ts"))
      return file;
    const dir = posix.dirname(file.path);
    const rewrite = (text: string) =>
      text.replace(RELATIVE_JS, (whole, head: string, base: string) =>
        js.has(posix.join(dir, `${base}.js`)) ? whole : `${head}"${base}.ts"`,
      );
    const marks = file.skipTypecheck ? { skipTypecheck: true } : {};
    const make = textMaker(file);
    return make
      ? streamedFile(
          file.path,
          (out) => make({ write: (piece) => out.write(rewrite(piece)) }),
          marks,
        )
      : { path: file.path, contents: rewrite(file.contents), ...marks };
  });
}

/** The pragma TypeScript (5 and 7, Deno's too) reads to report nothing of a file. */
export const NOCHECK_LINE =
  "// @ts-nocheck: your tsc reads the types here without checking this file again (config `typecheckGenerated: true` checks it)\n";

function nocheck(text: string): string {
  const end = text.startsWith("//") ? text.indexOf("\n") : -1;
  return text.slice(0, end + 1) + NOCHECK_LINE + text.slice(end + 1);
}
