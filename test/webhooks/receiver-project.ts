import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Webhook } from "standardwebhooks";
import type { GeneratedFile } from "../../src/emit/artifact.js";
import { generate } from "../../src/generate.js";
import type { GenerateResult } from "../../src/pipeline.js";
import { updateHandlersFile } from "../server/handlers-text.js";
import {
  typeCheckCell,
  writeProjects,
  type CellResult,
  type CompilerName,
} from "../compat/matrix.js";

const REPO = resolve(import.meta.dirname, "../..");

/** A user's project: the generated server with webhooks, the handlers file and their own files. */
export interface ReceiverProject {
  /** The project's folder (test/webhooks/out/<name>/app). */
  dir: string;
  result: GenerateResult;
  /** The handlers file as apiloom scaffolds it. */
  scaffold: string;
  /**
   * tsc under the compat matrix's strictest tsconfig: the generated code and the user's files
   * (TypeScript 7 unless told).
   */
  typeCheck(compiler?: CompilerName): Promise<CellResult>;
  /**
   * tsc over the generated code and the scaffolded handlers file, under the Node-only tsconfig
   * (a scaffold's `satisfies` objects have no declared type: isolatedDeclarations refuses any).
   */
  typeCheckScaffold(): Promise<CellResult>;
  /** Imports one of the project's modules (vitest compiles the TypeScript). */
  load<T>(file: string): Promise<T>;
  remove(): void;
}

/**
 * Generates types, validators and server for `text`, scaffolds the handlers file and writes the
 * user's `files` beside them (inside the repository, git-ignored out/, so `@types/node` resolves).
 */
export async function receiverProject(
  name: string,
  text: string,
  files: Record<string, string>,
  options: {
    webhookSignature?: "standard" | "github" | "stripe";
    /** `server.adapters`: each adapter's webhook receiver is written beside it. */
    adapters?: string[];
  } = {},
): Promise<ReceiverProject> {
  const result = await generate([{ file: `${name}.yaml`, text }], {
    artifacts: ["types", "validators", "server"],
    typecheckGenerated: true,
    ...(options.webhookSignature || options.adapters
      ? {
          server: {
            ...(options.webhookSignature
              ? { webhookSignature: options.webhookSignature }
              : {}),
            ...(options.adapters ? { adapters: options.adapters } : {}),
          },
        }
      : {}),
  });
  const scaffold = updateHandlersFile({
    file: "scaffold.ts",
    existing: undefined,
    model: result.model,
    importFrom: "./generated/server/index.js",
  }).contents;
  const root = join(REPO, "test/webhooks/out", name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, "strictest"), { recursive: true });
  mkdirSync(join(root, "scaffold"), { recursive: true });
  const generated = result.files.map((f) => ({
    ...f,
    path: `generated/${f.path}`,
  }));
  const app: GeneratedFile[] = [
    ...generated,
    ...Object.entries(files).map(([path, contents]) => ({ path, contents })),
  ];
  writeProjects(join(root, "strictest"), new Map([["app", app]]));
  writeProjects(
    join(root, "scaffold"),
    new Map([
      ["app", [...generated, { path: "handlers.ts", contents: scaffold }]],
    ]),
  );
  const dir = join(root, "strictest/app");
  return {
    dir,
    result,
    scaffold,
    typeCheck: (compiler = "TypeScript 7") =>
      typeCheckCell(join(root, "strictest"), "strictest", compiler),
    typeCheckScaffold: () =>
      typeCheckCell(join(root, "scaffold"), "node-only", "TypeScript 7"),
    load: (file) => import(pathToFileURL(join(dir, file)).href),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Headers of a Standard Webhooks delivery of `body`, signed by the reference library. */
export function standardHeaders(
  secret: string,
  body: string,
  id = `msg_${Math.random().toString(36).slice(2)}`,
  at = new Date(),
): Record<string, string> {
  return {
    "content-type": "application/json",
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body),
  };
}

export function writeText(dir: string, path: string, text: string): void {
  writeFileSync(join(dir, path), text);
}
