import { plural } from "./report.js";
import { compareCodeUnits } from "../model/order.js";
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  openSync,
  readSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { extname, join } from "node:path";
import { entriesOf, slashedRelative } from "../workflow/sources/real-path.js";
import { detectFormat } from "../ingest/detect.js";
import { readSourceText } from "../ingest/decode-text.js";
import { NOT_SPECS, parseText } from "../ingest/load.js";
import { DEFAULT_MAX_INPUT_BYTES } from "../ingest/read-source.js";
import type { SourceFormat } from "../model/types.js";
import { CONFIG_FILE_NAMES } from "../workflow/config/types.js";
import { addScript } from "./package-script.js";
import { commandIO, type CommandDeps } from "./run-io.js";

const INIT_SCRIPT = {
  name: "generate:api",
  command: "apiloom generate",
};

/** Folders `init` never looks into for specs: dependencies, build output, VCS and hidden folders. */
const SKIPPED = new Set(["node_modules", "dist", "build", "coverage", "out"]);
/** How deep and how many entries `init` looks at, so a huge monorepo cannot stall it. */
const MAX_DEPTH = 8;
const MAX_ENTRIES = 20_000;

/** `apiloom init`, as INIT_HELP says; over an existing config it writes nothing (exit 1). */
export async function runInit(
  args: string[],
  deps: CommandDeps = {},
): Promise<number> {
  const { cwd, stdout, stderr } = commandIO(deps);
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--help" || arg === "-h") {
      stdout.write(INIT_HELP);
      return 0;
    }
    if (arg === "--out" && args[i + 1] !== undefined) out = args[++i];
    else if (arg.startsWith("--out=")) out = arg.slice("--out=".length);
    else {
      stderr.write(
        `apiloom init: unknown argument ${JSON.stringify(arg)}\n\n${INIT_HELP}`,
      );
      return 2;
    }
  }
  const existing = CONFIG_FILE_NAMES.find((name) =>
    existsSync(join(cwd, name)),
  );
  if (existing) {
    stderr.write(
      `apiloom init: ${existing} already exists; nothing written (edit it, or delete it to start again)\n`,
    );
    return 1;
  }
  const found = findSpecs(cwd);
  // a project that runs openapi-typescript: its input, and its types and client's equivalents
  const peer = openapiTypescriptScript(join(cwd, "package.json"));
  const specs = peer?.input ? [{ path: peer.input }] : found;
  out ??= existsSync(join(cwd, "src")) ? "src/api" : "generated";
  const tsconfig = join(cwd, "tsconfig.json");
  const typescript = existsSync(tsconfig);
  // a project whose own imports name .ts files (run unbuilt: node app.ts, Deno) gets .ts imports
  const tsImports =
    typescript &&
    /"(?:allowImportingTsExtensions|rewriteRelativeImportExtensions)"\s*:\s*true/.test(
      readFileSync(tsconfig, "utf8"),
    );
  const name = typescript ? "apiloom.config.ts" : "apiloom.config.json";
  writeFileSync(
    join(cwd, name),
    starterConfig(specs, out, typescript, peer, tsImports),
    { flag: "wx" },
  );
  const lines = [
    found.length > 0
      ? `apiloom: found ${plural(found.length, "API description")}: ${found.map((s) => `${s.path} (${s.format})`).join(", ")}`
      : "apiloom: found no Swagger, OpenAPI or Postman file here; list yours in inputs",
    ...(peer
      ? [
          `apiloom: the npm script "${peer.script}" runs openapi-typescript${peer.input ? ` on ${peer.input}` : ""}: the config makes ${out}/paths.ts (its types) and ${out}/client/openapi-fetch.ts (openapi-fetch's client); import them in place of ${peer.output ?? "its output"} and "openapi-fetch" (docs/migrate-from-openapi-typescript.md)`,
        ]
      : []),
    `apiloom: wrote ${name} (output in ${out}/)`,
  ];
  const script = addScript(join(cwd, "package.json"), INIT_SCRIPT);
  if (script.added)
    lines.push(
      `apiloom: added the npm script "${script.name}": "${INIT_SCRIPT.command}"`,
    );
  else if (script.reason) lines.push(`apiloom: ${script.reason}`);
  const next = script.name ? `npm run ${script.name}` : "npx apiloom generate";
  lines.push(
    specs.length > 0
      ? `next: ${next}`
      : `next: add your spec files to inputs in ${name}, then ${next}`,
  );
  stdout.write(lines.join("\n") + "\n");
  return 0;
}

const INIT_HELP = `Usage: apiloom init [--out <dir>]

Finds the Swagger 2.0, OpenAPI 3.x and Postman files in this project (by their content), writes a
starter apiloom.config.ts (apiloom.config.json without a tsconfig.json) that lists them, adds the
npm script "${INIT_SCRIPT.name}": "${INIT_SCRIPT.command}" to package.json, and prints the next
command. An existing config is never overwritten.

Options:
  --out <dir>   Where generate writes (default: src/api when there is a src/ folder, else generated)
`;

/**
 * The API descriptions below `root` (relative, with `/`), sorted, found by content (no link
 * followed): the first SNIFF_BYTES name `swagger`, `openapi` or `item`, then read as generate does.
 */
export function findSpecs(root: string) {
  const found: { path: string; format: SourceFormat }[] = [];
  let seen = 0;
  const walk = (dir: string, depth: number) => {
    const entries = entriesOf(dir);
    entries.sort((a, b) => compareCodeUnits(a.name, b.name));
    for (const entry of entries) {
      if (++seen > MAX_ENTRIES) return;
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (
          depth < MAX_DEPTH &&
          !entry.name.startsWith(".") &&
          !SKIPPED.has(entry.name)
        )
          walk(abs, depth + 1);
      } else if (entry.isFile() && !NOT_SPECS.test(extname(entry.name))) {
        const format = specFormat(abs);
        if (format) found.push({ path: slashedRelative(root, abs), format });
      }
    }
  };
  walk(root, 0);
  return found;
}

/** How much of a file is looked at before it is read whole. */
const SNIFF_BYTES = 64 * 1024;
const KEYS = /\b(swagger|openapi|item)\b/;

function head(abs: string, bytes: number): string | undefined {
  let fd: number | undefined;
  try {
    // non-blocking, and a regular file only: a FIFO swapped in cannot hang init
    fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return undefined;
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.toString("utf8", 0, read);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The format of the first document of the file that apiloom reads, if any. */
function specFormat(abs: string): SourceFormat | undefined {
  // a cheap look before reading: code, lock files and the like never name these keys near the top
  const sniff = head(abs, SNIFF_BYTES);
  if (sniff === undefined || !KEYS.test(sniff)) return undefined;
  try {
    const text = readSourceText(abs, DEFAULT_MAX_INPUT_BYTES);
    for (const doc of parseText(text, abs)) {
      const format = detectFormat(doc.value);
      if (format) return format;
    }
  } catch {
    // unreadable, or not JSON or YAML apiloom reads: not a spec for init's purpose
  }
  return undefined;
}

/** openapi-typescript's flags that the `paths` artifact has, by its option names. */
const PEER_FLAGS: ReadonlyMap<string, string> = new Map([
  ["default-non-nullable", "defaultNonNullable"],
  ["read-write-markers", "readWriteMarkers"],
]);

interface PeerScript {
  script: string;
  input?: string;
  output?: string;
  /** The `paths` options its flags ask for (defaultNonNullable unless `--default-non-nullable false`). */
  paths: Record<string, true>;
}

/** The npm script of `file` that runs openapi-typescript, with its input, output and `paths` options. */
function openapiTypescriptScript(file: string): PeerScript | undefined {
  let scripts: unknown;
  try {
    scripts = (JSON.parse(readFileSync(file, "utf8")) as { scripts?: unknown })
      .scripts;
  } catch {
    return undefined;
  }
  if (typeof scripts !== "object" || scripts === null) return undefined;
  for (const [script, command] of Object.entries(scripts)) {
    if (typeof command !== "string") continue;
    // the command of the chain that runs it (`openapi-typescript a.yaml -o b.ts && prettier …`)
    const words = command
      .split(/&&|\|\||[;|]/)
      .map((part) => part.trim().split(/\s+/))
      .find((w) => w.some((word) => /(^|\/)openapi-typescript$/.test(word)));
    if (!words) continue;
    const at = words.findIndex((w) => /(^|\/)openapi-typescript$/.test(w));
    const found: PeerScript = { script, paths: {} };
    // openapi-typescript 7's defaults, then its flags (`--x`, `--x false`, `--x=false`, `--no-x`)
    const flags: Record<string, boolean> = { defaultNonNullable: true };
    for (let i = at + 1; i < words.length; i++) {
      const word = unquoted(words[i]!);
      const flag = /^--(no-)?([a-z-]+)(?:=(true|false))?$/.exec(word);
      const option = flag && PEER_FLAGS.get(flag[2]!);
      if (flag && option) {
        let value = flag[3] ?? "true";
        const next = words[i + 1];
        if (flag[3] === undefined && (next === "true" || next === "false"))
          value = words[++i]!;
        flags[option] = flag[1] === undefined && value === "true";
      } else if (word === "-o" || word === "--output") {
        const output = words[++i];
        if (output) found.output = output;
      } else if (word.startsWith("--output="))
        found.output = word.slice("--output=".length);
      else if (!word.startsWith("-") && found.input === undefined)
        found.input = word.replace(/^\.\//, "");
    }
    for (const [option, on] of Object.entries(flags))
      if (on) found.paths[option] = true;
    return found;
  }
  return undefined;
}

/** The starter config: the specs found (or a placeholder), the output folder, a peer's artifacts. */
function starterConfig(
  specs: readonly { path: string }[],
  out: string,
  typescript: boolean,
  peer: PeerScript | undefined,
  tsImports: boolean,
): string {
  const inputs = specs.length > 0 ? specs.map((s) => s.path) : ["openapi.yaml"];
  // a project that ran openapi-typescript and openapi-fetch gets their equivalents alone
  const artifacts = peer ? ["paths"] : undefined;
  const pathsOptions =
    peer && Object.keys(peer.paths).length > 0 ? peer.paths : undefined;
  if (!typescript)
    // JSON leaves out the undefined ones
    return (
      JSON.stringify({ inputs, out, artifacts, paths: pathsOptions }, null, 2) +
      "\n"
    );
  const list = inputs.map((p) => `    ${JSON.stringify(p)},\n`).join("");
  return `import { defineConfig } from "apiloom-gen/config";

// apiloom generate reads this file; every setting is in apiloom-gen's docs/configuration.md
export default defineConfig({
  // the API descriptions to merge: Swagger 2.0, OpenAPI 3.x, Postman collections
  inputs: [
${list}  ],
  // where the client, server stubs, docs and OpenAPI document are written (apiloom owns it)
  out: ${JSON.stringify(out)},${
    artifacts
      ? `
  // paths.ts and client/openapi-fetch.ts: openapi-typescript's types and openapi-fetch's client
  artifacts: ${JSON.stringify(artifacts).replace(/,/g, ", ")},`
      : ""
  }${
    pathsOptions
      ? `
  // openapi-typescript's rules that its script used (docs/migrate-from-openapi-typescript.md)
  paths: { ${Object.keys(pathsOptions)
    .map((k) => `${k}: true`)
    .join(", ")} },`
      : ""
  }${
    tsImports
      ? `
  // your tsconfig lets imports name .ts files: the generated ones import each other so too
  importExtension: ".ts",`
      : ""
  }
});
`;
}

/** A script's word without the quotes around it (`"spec.yaml"` is `spec.yaml`). */
function unquoted(word: string): string {
  const q = word[0];
  const quoted =
    (q === '"' || q === "'") && word.length > 1 && word.endsWith(q);
  return quoted ? word.slice(1, -1) : word;
}
