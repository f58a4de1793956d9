/*
 * Every endpoint of one real spec called through its generated client against `prism mock`
 * (and, optionally, the generated server behind `prism proxy`), with arguments synthesized from
 * the model. Returns Prism's verdict per endpoint.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { generate } from "../../src/generate.js";
import type { GenerateResult } from "../../src/pipeline.js";
import { outDir, writeFiles } from "../server/generated.js";
import { startAdapter, type AdapterName } from "../server/adapter-servers.js";
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

/** One spec's generated client and server, written and imported once for several runs. */
export interface SpecBuild {
  /** The spec's name in verdicts (its path under the corpus). */
  name: string;
  dir: string;
  model: GenerateResult["model"];
  client: {
    createClient: (config: object) => Record<string, ClientFn>;
  };
  /** The YAML document Prism reads (the first of a stream). */
  document: string;
}

/**
 * Client and server (with `adapters` besides node:http) of `file`, in test/server/out/`folder`.
 * The client does not depend on the server artifact: the mock and proxy runs share it.
 */
export async function buildSpec(
  file: string,
  name: string,
  folder: string,
  adapters: AdapterName[] = [],
): Promise<SpecBuild> {
  const result = await generate([file], {
    artifacts: ["client", "server"],
    server: { adapters: adapters.filter((a) => a !== "node") },
  });
  const dir = outDir(folder);
  writeFiles(dir, result.files);
  const client = (await import(
    pathToFileURL(join(dir, "client/index.ts")).href
  )) as SpecBuild["client"];
  const [document] = prismDocuments(file, join(dir, "prism"));
  return { name, dir, model: result.model, client, document: document! };
}

/** `buildSpec` into a folder named after the spec. */
export function buildCorpusSpec(
  file: string,
  name: string,
): Promise<SpecBuild> {
  return buildSpec(file, name, `prism-corpus-${name.replace(/\W+/g, "-")}`);
}

export async function runSpec(build: SpecBuild): Promise<EndpointVerdict[]> {
  const { name, client, document, model } = build;
  const synth = new Synthesizer(model);
  // Prism serves the spec's paths at its root, whatever the servers or basePath say
  const out: EndpointVerdict[] = [];
  let prism = await startPrism(["mock", document]);
  try {
    for (const endpoint of model.endpoints) {
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
        prism = await startPrism(["mock", document]);
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

/** What a handler received, made comparable: files as their text. */
async function comparable(value: unknown): Promise<unknown> {
  if (value instanceof Blob) return { file: await value.text() };
  if (value instanceof Uint8Array)
    return { file: new TextDecoder().decode(value) };
  if (Array.isArray(value)) return Promise.all(value.map(comparable));
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await comparable(v);
    return out;
  }
  return value;
}

/** JSON with object keys sorted (a form's fields may arrive in another order). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export interface ProxyVerdict extends EndpointVerdict {
  /** Members of the request the handler received differently from what the client was given. */
  mismatches: string[];
}

/**
 * The generated server, with handlers that answer a sample of the first 2XX response, behind
 * `prism proxy`: Prism's verdict on request and response, and what each handler received.
 * `adapter` (node:http when absent) must be one `build` was generated with.
 */
export async function runSpecProxy(
  build: SpecBuild,
  adapter: AdapterName = "node",
): Promise<ProxyVerdict[]> {
  const { name, dir, client, document, model } = build;
  const synth = new Synthesizer(model);
  const received = new Map<string, Record<string, unknown>>();
  const byName = new Map(model.endpoints.map((e) => [e.name, e]));
  const handlers = new Proxy(
    {},
    {
      get: (_t, key) => {
        const endpoint = typeof key === "string" ? byName.get(key) : undefined;
        if (!endpoint) return undefined;
        return (request: Record<string, unknown>) => {
          received.set(endpoint.name, request);
          const response =
            endpoint.responses.find((r) => r.status.startsWith("2")) ??
            endpoint.responses[0];
          const status = /^\d{3}$/.test(response?.status ?? "")
            ? Number(response!.status)
            : 200;
          const media = response?.content[0];
          if (!media || [204, 205, 304].includes(status)) return { status };
          const example = media.examples?.[0]?.value;
          const body =
            example !== undefined
              ? example
              : /json/i.test(media.mediaType) || media.schema
                ? synth.value(media.schema, 0, "text")
                : "text";
          return { status, body };
        };
      },
    },
  );
  // Prism forwards the client's paths as the spec's paths: no server URL path in front
  const running = await startAdapter(dir, adapter, handlers, { basePath: "" });
  const out: ProxyVerdict[] = [];
  let prism = await startPrism(["proxy", document, running.url]);
  try {
    for (const endpoint of model.endpoints) {
      const api = client.createClient({
        baseUrl: prism.url,
        auth: { token: "tok", username: "ann", password: "pw", apiKey: "key" },
      });
      const route = `${endpoint.method.toUpperCase()} ${endpoint.path}`;
      const args = synth.args(endpoint);
      received.delete(endpoint.name);
      let call: CallResult;
      try {
        call = await api[endpoint.name]!(args);
      } catch (error) {
        out.push({
          spec: name,
          endpoint: endpoint.name,
          route,
          status: 0,
          violations: "crash",
          error: String(error),
          mismatches: [],
        });
        if (!prism.alive())
          prism = await startPrism(["proxy", document, running.url]);
        continue;
      }
      const verdict = await verdictOf(
        call.response,
        call.ok ? call.data : call.error,
      );
      const mismatches: string[] = [];
      const got = received.get(endpoint.name);
      if (verdict.ok) {
        if (!got) mismatches.push(`handler not called (status ${call.status})`);
        else
          for (const part of ["path", "query", "headers", "cookies", "body"]) {
            if (args[part] === undefined) continue;
            const want = canonical(await comparable(args[part]));
            const have = canonical(await comparable(got[part]));
            if (want !== have)
              mismatches.push(`${part}: sent ${want}, received ${have}`);
          }
      }
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
        mismatches,
      });
    }
  } finally {
    await prism.close();
    await running.close();
  }
  return out;
}
