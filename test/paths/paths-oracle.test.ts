import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import type { ApiModel } from "../../src/model/types.js";
import { emitted } from "../emitted.js";
import {
  CORPUS_DIR,
  CORPUS_FILES,
  describeCorpus,
  describeOracles,
  ORACLES_DIR,
} from "../shared-corpus.js";
import {
  findingKey,
  freshEntries,
  judge,
  peer,
  typeCheck,
  UPDATE,
} from "../validators/oracles/harness.js";
import { SECOND_OPINION_ALLOWED } from "../validators/oracles/second-opinion-allowed.js";
import { PATHS_ALLOWED } from "./paths-allowed.js";

/*
 * The `paths` artifact against openapi-typescript 7 (issue 62): for openapi-fetch's own test
 * schemas and the shared corpus, openapi-typescript's types and apiloom's paths.ts are compared
 * by mutual assignability under `strict`, each `paths[p][m]`, each `webhooks[k][m]` and each
 * `components["schemas"][n]`, a few documents per TypeScript program. A difference is in
 * paths-allowed.ts with its reason (a schema's, in the second opinion's list, which compares the
 * same types), or the test fails; an entry nothing finds any more fails too.
 * `APILOOM_ORACLE_UPDATE=1` prints the list.
 */

interface Doc {
  name: string;
  file: string;
  cwd: string;
  /** An OpenAPI 3 document: openapi-typescript reads it as it is. */
  openapi: boolean;
}

const FETCH_DIR = join(ORACLES_DIR, "openapi-fetch");
const fetchDocs = (): Doc[] =>
  readdirSync(FETCH_DIR)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => ({
      name: `openapi-fetch/${f}`,
      file: f,
      cwd: FETCH_DIR,
      openapi: true,
    }));
const corpusDocs = (): Doc[] =>
  CORPUS_FILES.map((f) => ({
    name: f,
    file: f,
    cwd: CORPUS_DIR,
    openapi: f.startsWith("oas3"),
  }));

/** How many documents share one TypeScript program: the lib files are most of a small one. */
const PER_PROGRAM = 4;
const chunks = <T>(list: T[]): T[][] =>
  Array.from({ length: Math.ceil(list.length / PER_PROGRAM) }, (_, i) =>
    list.slice(i * PER_PROGRAM, (i + 1) * PER_PROGRAM),
  );

/** OpenAPI 3.1 §4.8.7.1: apiloom's openapi.json renames other schema names (not compared). */
const COMPONENT_KEY = /^[a-zA-Z0-9._-]+$/;
const ALLOWED = { ...SECOND_OPINION_ALLOWED, ...PATHS_ALLOWED };
const fresh = new Map<string, string>();
const totals = { documents: 0, operations: 0, schemas: 0, differing: 0 };
const started = Date.now();

afterAll(() => {
  console.log(
    `paths.ts vs openapi-typescript: ${totals.documents} documents, ${totals.operations} operations, ` +
      `${totals.schemas} schemas, ${totals.differing} differing (listed), ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (UPDATE) {
    const own = new Map(
      [...fresh].filter(([k]) => !Object.hasOwn(SECOND_OPINION_ALLOWED, k)),
    );
    console.log(
      `paths-allowed.ts entries:\n${freshEntries(own, PATHS_ALLOWED)}`,
    );
  }
});

interface Prepared {
  doc: Doc;
  files: Map<string, string>;
  /** 1-based line of compare.ts → what it compares. */
  at: Map<number, { subject: string; kind: string }>;
  findings: Map<string, string>;
}

async function prepare(doc: Doc, dir: string): Promise<Prepared> {
  const findings = new Map<string, string>();
  const prepared = {
    doc,
    files: new Map<string, string>(),
    at: new Map(),
    findings,
  };
  totals.documents++;
  const model = loadModel([doc.file], { cwd: doc.cwd });
  const ours = await emitted("paths", model, {});
  for (const f of ours)
    prepared.files.set(`${dir}/apiloom/${f.path}`, f.contents);
  const source = doc.openapi
    ? pathToFileURL(join(doc.cwd, doc.file))
    : JSON.parse(
        (await emitted("openapi", model, {})).find((f) =>
          f.path.endsWith("openapi.json"),
        )!.contents,
      );
  try {
    prepared.files.set(
      `${dir}/peer.ts`,
      peer.astToString(await peer.default(source, { silent: true })),
    );
  } catch (error) {
    findings.set(
      findingKey(doc.name, "openapi-typescript", "peer"),
      String(error),
    );
    return prepared;
  }
  const lines = [
    `import type * as A from "./apiloom/paths.js";`,
    `import type * as P from "./peer.js";`,
  ];
  const compare = (subject: string, path: string) => {
    const i = lines.length;
    prepared.at.set(i + 1, { subject, kind: "narrower" });
    lines.push(
      `declare const t${i}: P.${path}; export const a${i}: A.${path} = t${i};`,
    );
    prepared.at.set(i + 2, { subject, kind: "wider" });
    lines.push(
      `declare const o${i}: A.${path}; export const b${i}: P.${path} = o${i};`,
    );
  };
  for (const [what, list] of operationsOf(model)) {
    totals.operations++;
    compare(what, list);
  }
  for (const schema of Object.keys(model.schemas).sort()) {
    if (!doc.openapi && !COMPONENT_KEY.test(schema)) continue;
    totals.schemas++;
    compare(schema, `components["schemas"][${JSON.stringify(schema)}]`);
  }
  prepared.files.set(`${dir}/compare.ts`, lines.join("\n") + "\n");
  return prepared;
}

/** `GET /pets/{id}` → `paths["/pets/{id}"]["get"]`, and each webhook's operation. */
function operationsOf(model: ApiModel): [string, string][] {
  return [
    ...model.endpoints.map((e): [string, string] => [
      `${e.method.toUpperCase()} ${e.path}`,
      `paths[${JSON.stringify(e.path)}][${JSON.stringify(e.method)}]`,
    ]),
    ...(model.webhooks ?? []).map((w): [string, string] => [
      `webhook ${w.method.toUpperCase()} ${w.key}`,
      `webhooks[${JSON.stringify(w.key)}][${JSON.stringify(w.method)}]`,
    ]),
  ];
}

/** Type-checks the documents in one program and judges each against the lists. */
async function check(docs: Doc[]): Promise<void> {
  const prepared = await Promise.all(docs.map((d, i) => prepare(d, `/d${i}`)));
  const files = new Map(prepared.flatMap((p) => [...p.files]));
  const problems = typeCheck(files);
  const results: Record<string, { unexplained: string[]; stale: string[] }> =
    {};
  prepared.forEach((p, i) => {
    const dir = `/d${i}/`;
    const note = (subject: string, kind: string, detail: string) => {
      const key = findingKey(p.doc.name, subject, kind);
      if (!p.findings.has(key)) p.findings.set(key, detail);
    };
    const differing = new Set<string>();
    for (const problem of problems) {
      if (!problem.file.startsWith(dir)) continue;
      const detail = `TS${problem.code} …${problem.message.slice(-280)}`;
      const line =
        problem.file === `${dir}compare.ts`
          ? p.at.get(problem.line)
          : undefined;
      if (line) {
        differing.add(line.subject);
        note(line.subject, line.kind, detail);
      } else note(problem.file.slice(dir.length), "compile", detail);
    }
    totals.differing += differing.size;
    for (const [k, v] of p.findings) fresh.set(k, v);
    results[p.doc.name] = judge(p.doc.name, p.findings, ALLOWED);
  });
  if (UPDATE) return;
  const failing = Object.fromEntries(
    Object.entries(results).filter(
      ([, r]) => r.unexplained.length > 0 || r.stale.length > 0,
    ),
  );
  expect(failing).toEqual({});
}

const SLOW = 240_000;

/** One test per few documents (one TypeScript program), named by them. */
function checks(docs: () => Doc[]): () => void {
  return () =>
    it.each(
      chunks(docs()).map((list) => ({
        docs: list,
        names: list.map((d) => d.name).join(", "),
      })),
    )("$names", ({ docs }) => check(docs), SLOW);
}

describeOracles(
  "paths.ts agrees with openapi-typescript (openapi-fetch's schemas)",
  checks(fetchDocs),
);
describeCorpus(
  "paths.ts agrees with openapi-typescript (the corpus)",
  checks(corpusDocs),
);

describeOracles("the paths oracle's list", () => {
  it("names only documents the oracle reads", () => {
    const names = new Set([
      ...fetchDocs().map((d) => d.name),
      ...corpusDocs().map((d) => d.name),
    ]);
    expect(
      Object.keys(PATHS_ALLOWED).filter((k) => !names.has(k.split(" › ")[0]!)),
    ).toEqual([]);
  });
});
