/*
 * Every endpoint of one real spec called through its generated client against `prism mock`
 * (and, optionally, the generated server behind `prism proxy`), with arguments synthesized from
 * the model. Returns Prism's verdict per endpoint.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { generate } from "../../src/generate.js";
import { outDir, writeFiles } from "../server/generated.js";
import type { CallResult, ClientFn } from "./generated.js";
import { startPrism, verdictOf } from "./prism.js";
import { Synthesizer } from "./synthesize.js";

export interface EndpointVerdict {
  spec: string;
  endpoint: string;
  /** `METHOD /path` as the spec writes it. */
  route: string;
  status: number;
  /** Prism's violations; `crash` when the call failed (Prism's process died, say). */
  violations: string[] | "crash";
  /** Why the call failed, for `crash`. */
  error?: string;
}

/**
 * Prism reads one YAML document per file: a stream (`---` between documents, as the Stride seeds
 * are written) is split into one file per document, under `dir`.
 */
export function prismDocuments(file: string, dir: string): string[] {
  const text = readFileSync(file, "utf8");
  const docs = text.split(/^---\s*$/m).filter((d) => d.trim() !== "");
  if (docs.length <= 1 && !/^---\s*$/m.test(text)) return [file];
  mkdirSync(dir, { recursive: true });
  return docs.map((doc, i) => {
    const out = join(dir, `${basename(file).replace(/\W+/g, "-")}-${i}.yaml`);
    writeFileSync(out, doc);
    return out;
  });
}

export async function runSpec(
  file: string,
  name: string,
): Promise<EndpointVerdict[]> {
  const result = await generate([file], { artifacts: ["client"] });
  const dir = outDir(`prism-corpus-${name.replace(/\W+/g, "-")}`);
  writeFiles(dir, result.files);
  const client = (await import(
    pathToFileURL(join(dir, "client/index.ts")).href
  )) as Record<string, ClientFn> & {
    DEFAULT_BASE_URL: string;
    createClient: (config: object) => Record<string, ClientFn>;
  };
  const synth = new Synthesizer(result.model);
  const [document] = prismDocuments(file, join(dir, "prism"));
  // Prism serves the spec's paths at its root, whatever the servers or basePath say
  const out: EndpointVerdict[] = [];
  let prism = await startPrism(["mock", document!]);
  try {
    for (const endpoint of result.model.endpoints) {
      const api = client.createClient({
        baseUrl: prism.url,
        auth: { token: "tok", username: "ann", password: "pw", apiKey: "key" },
      });
      const route = `${endpoint.method.toUpperCase()} ${endpoint.path}`;
      let call: CallResult;
      try {
        const args = synth.args(endpoint);
        call = await api[endpoint.name]!(args).catch(async (error: unknown) => {
          // a kept-alive socket Prism closed as the request went out: once more
          if (!prism.alive()) throw error;
          return api[endpoint.name]!(args);
        });
      } catch (error) {
        const cause = (error as Error).cause;
        out.push({
          spec: name,
          endpoint: endpoint.name,
          route,
          status: 0,
          violations: "crash",
          error: `${String(error)}${cause instanceof Error ? `: ${cause.message}` : ""}`,
        });
        await prism.close();
        prism = await startPrism(["mock", document!]);
        continue;
      }
      const verdict = await verdictOf(
        call.response,
        call.ok ? call.data : call.error,
      );
      out.push({
        spec: name,
        endpoint: endpoint.name,
        route,
        status: verdict.status,
        violations: verdict.ok
          ? []
          : verdict.violations.length > 0
            ? verdict.violations
            : [`${verdict.status}: ${verdict.detail ?? "rejected"}`],
      });
    }
  } finally {
    await prism.close();
  }
  return out;
}
