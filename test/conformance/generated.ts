/* Generates client and server for the conformance specs into test/server/out/ (git-ignored). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { generate } from "../../src/generate.js";
import { outDir, typeCheck, writeFiles } from "../server/generated.js";

export const SPECS_DIR = join(import.meta.dirname, "../fixtures/conformance");

export interface CallResult {
  ok: boolean;
  status: number;
  data?: unknown;
  error?: unknown;
  response: Response;
}
export type ClientFn = (args?: object, options?: object) => Promise<CallResult>;

export interface Generated {
  dir: string;
  client: Record<string, ClientFn>;
  createRequestListener: (
    handlers: object,
  ) => (req: unknown, res: unknown) => void;
  typeCheck: () => { ok: boolean; output: string };
}

/** Client and server of one spec of test/fixtures/conformance/ (or of `text`), written and imported. */
export async function generated(
  spec: string,
  text = readFileSync(join(SPECS_DIR, spec), "utf8"),
): Promise<Generated> {
  const result = await generate([{ file: spec, text }], {
    artifacts: ["client", "server"],
    typecheckGenerated: true,
  });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0)
    throw new Error(errors.map((d) => d.message).join("\n"));
  const dir = outDir(`conformance-${spec.replace(/\W+/g, "-")}`);
  writeFiles(dir, result.files);
  const client = (await import(
    pathToFileURL(join(dir, "client/index.ts")).href
  )) as Record<string, ClientFn>;
  const server = (await import(
    pathToFileURL(join(dir, "server/index.ts")).href
  )) as Pick<Generated, "createRequestListener">;
  return {
    dir,
    client,
    createRequestListener: server.createRequestListener,
    typeCheck: () => typeCheck(dir),
  };
}

/** Handlers for every endpoint that answer with what they received (files as their text). */
export function echoHandlers(): object {
  return new Proxy(
    {},
    {
      get: (_target, name) =>
        typeof name !== "string"
          ? undefined
          : async (request: Record<string, unknown>) => ({
              status: name === "problem" ? 400 : 200,
              body: { endpoint: name, ...(await plain(request)) },
            }),
    },
  );
}

async function plain(value: unknown): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as object))
    out[key] =
      item instanceof Blob
        ? { file: await item.text(), type: item.type }
        : typeof item === "object" && item !== null && !Array.isArray(item)
          ? await plain(item)
          : item;
  return out;
}
