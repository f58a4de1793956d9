import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createTypeIndex } from "../../../src/emit/type-index/type-index.js";
import { loadModel } from "../../../src/pipeline.js";
import { emitted } from "../../emitted.js";
import { describeCorpus } from "../../shared-corpus.js";
import {
  findingKey,
  freshEntries,
  judge,
  oracleDocuments,
  orphans,
  peer,
  typeCheck,
  UPDATE,
} from "./harness.js";
import { SECOND_OPINION_ALLOWED } from "./second-opinion-allowed.js";

/**
 * Oracle 2 of issue 24: openapi-typescript as a second opinion. For each document of the
 * shared corpus, the seeds and the fault fixtures, openapi-typescript (the peer made for the job) types the
 * document, and each named schema's type is compared with apiloom's by mutual assignability in
 * one TypeScript program per document:
 * - `narrower`: a value of openapi-typescript's type is not one of apiloom's (apiloom's type
 *   rejects what the peer accepts);
 * - `wider`: a value of apiloom's type is not one of openapi-typescript's;
 * - `types.ts` / `peer`: apiloom's types or the peer's output does not compile, or the peer fails.
 * Every difference is in second-opinion-allowed.ts with the reason apiloom is right, or is a
 * listed bug; an entry nothing finds any more fails. `APILOOM_ORACLE_UPDATE=1` prints the list.
 */

/**
 * The OpenAPI documents are read by both tools. The others (Swagger 2.0, the seeds, the fault
 * fixtures' Postman collection) reach openapi-typescript as apiloom's own merged OpenAPI 3.1
 * document: that compares the two type emitters on the same schemas (not the Swagger reading).
 */
const DOCUMENTS = oracleDocuments().map((d) => ({
  ...d,
  via: d.openapi ? "the document" : "apiloom's openapi.json",
}));
/** OpenAPI 3.1 §4.8.7.1: apiloom's openapi.json renames other schema names (not compared). */
const COMPONENT_KEY = /^[a-zA-Z0-9._-]+$/;
const fresh = new Map<string, string>();
const totals = { documents: 0, schemas: 0, same: 0 };
const started = Date.now();

afterAll(() => {
  console.log(
    `second opinion (openapi-typescript): ${totals.documents} documents, ${totals.schemas} named schemas, ` +
      `${totals.same} mutually assignable, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (UPDATE)
    console.log(
      `second-opinion-allowed.ts entries (paste into SECOND_OPINION_ALLOWED):\n${freshEntries(fresh, SECOND_OPINION_ALLOWED)}`,
    );
});

async function check(
  name: string,
  files: string[],
  cwd: string,
  via: string,
): Promise<void> {
  const findings = await differences(
    name,
    via === "the document" ? join(cwd, files[0]!) : undefined,
    files,
    cwd,
  );
  for (const [k, v] of findings) fresh.set(k, v);
  const { unexplained, stale } = judge(name, findings, SECOND_OPINION_ALLOWED);
  if (UPDATE) return;
  expect({ unexplained, stale }).toEqual({ unexplained: [], stale: [] });
}

const SLOW = 180_000; // Docker's and Slack's documents on a busy machine

describe("apiloom's types agree with openapi-typescript's", () => {
  it.each(DOCUMENTS.filter((d) => d.format === "fixture"))(
    "$name (via $via)",
    ({ name, files, cwd, via }) => check(name, files, cwd, via),
  );

  it("every allow-list entry names a document the oracle reads", () => {
    expect(orphans(SECOND_OPINION_ALLOWED, DOCUMENTS)).toEqual([]);
  });
});

describeCorpus(
  "apiloom's types agree with openapi-typescript's (seeds, corpus)",
  () => {
    it("reads the seeds and the corpus", () => {
      expect(
        DOCUMENTS.filter((d) => d.format !== "fixture").length,
      ).toBeGreaterThan(0);
    });

    it.each(DOCUMENTS.filter((d) => d.format !== "fixture"))(
      "$name (via $via)",
      ({ name, files, cwd, via }) => check(name, files, cwd, via),
      SLOW,
    );
  },
);

async function differences(
  name: string,
  /** The OpenAPI document, or undefined to give the peer apiloom's openapi.json. */
  path: string | undefined,
  files: string[],
  cwd: string,
): Promise<Map<string, string>> {
  const findings = new Map<string, string>();
  const note = (subject: string, kind: string, detail: string) => {
    const key = findingKey(name, subject, kind);
    if (!findings.has(key)) findings.set(key, detail);
  };
  totals.documents++;
  const model = loadModel(files, { cwd });
  const compared = Object.keys(model.schemas)
    .filter((s) => path !== undefined || COMPONENT_KEY.test(s))
    .sort();
  if (compared.length === 0) return findings;
  const ours = (await emitted("types", model, {})).find(
    (f) => f.path === "types.ts",
  )!.contents;
  const source =
    path !== undefined
      ? pathToFileURL(path)
      : JSON.parse(
          (await emitted("openapi", model, {})).find((f) =>
            f.path.endsWith("openapi.json"),
          )!.contents,
        );
  let theirs: string;
  try {
    theirs = peer.astToString(await peer.default(source, { silent: true }));
  } catch (error) {
    note("openapi-typescript", "peer", String(error));
    return findings;
  }
  const index = createTypeIndex(model);
  const lines = [
    `import type * as A from "./apiloom.js";`,
    `import type { components } from "./peer.js";`,
    `type S = components["schemas"];`,
  ];
  const at = new Map<number, { schema: string; kind: string }>();
  for (const schema of compared) {
    totals.schemas++;
    const a = `A.${index.schemaTypeName(schema)}`;
    const t = `S[${JSON.stringify(schema)}]`;
    const i = lines.length;
    at.set(i + 1, { schema, kind: "narrower" });
    lines.push(`declare const t${i}: ${t}; export const a${i}: ${a} = t${i};`);
    at.set(i + 2, { schema, kind: "wider" });
    lines.push(`declare const o${i}: ${a}; export const b${i}: ${t} = o${i};`);
  }
  const problems = typeCheck(
    new Map([
      ["/oracle/apiloom.ts", ours],
      ["/oracle/peer.ts", theirs],
      ["/oracle/compare.ts", lines.join("\n") + "\n"],
    ]),
  );
  const differing = new Set<string>();
  for (const p of problems) {
    if (p.file !== "/oracle/compare.ts") {
      const which = p.file === "/oracle/apiloom.ts" ? "types.ts" : "peer";
      note(which, which, `line ${p.line}: TS${p.code} ${p.message}`);
      continue;
    }
    const line = at.get(p.line);
    if (!line) {
      note(
        "compare.ts",
        "compare.ts",
        `line ${p.line}: TS${p.code} ${p.message}`,
      );
      continue;
    }
    differing.add(line.schema);
    // the innermost elaboration says where the types part (the head only names them)
    note(line.schema, line.kind, `TS${p.code} …${p.message.slice(-280)}`);
  }
  totals.same += compared.length - differing.size;
  return findings;
}
