import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { load } from "js-yaml";
import { stringify } from "yaml";
import { afterAll, expect, it } from "vitest";
import { overlayYaml } from "../../src/workflow/overlay.js";
import { deriveActions } from "../../src/ingest/overlay/derive.js";
import { applyOverlays, parseOverlay } from "./standalone.js";
import { IngestReporter } from "../../src/ingest/codes.js";
import { CORPUS_DIR, describeCorpus } from "../shared-corpus.js";

/**
 * `apiloom overlay a b` then applying the overlay to `a` gives `b`: a fast-check property over
 * random edits (members removed, set, added; list items appended, removed, replaced) of real
 * documents, through the overlay's text (YAML), apiloom's parser and apiloom's applier.
 */
const DOCUMENTS = [
  "swagger2/petstore.json",
  "oas31/redocly-museum.yaml",
  "oas30/link-example.yaml",
  "postman/httpbin.v20.json",
];

type Json = unknown;

const read = (file: string): Json => {
  const raw = readFileSync(join(CORPUS_DIR, file), "utf8").replace(
    /^\uFEFF/,
    "",
  );
  return file.endsWith(".json") ? JSON.parse(raw) : load(raw);
};

/** Every object and list of a value, with its path. */
function containers(value: Json, path: (string | number)[] = []) {
  const out: { path: (string | number)[]; node: object }[] = [];
  if (typeof value === "object" && value !== null) {
    out.push({ path, node: value });
    for (const [k, v] of Object.entries(value))
      out.push(...containers(v, [...path, Array.isArray(value) ? +k : k]));
  }
  return out;
}

const edit = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom("remove", "set", "add"),
  pick: fc.nat(),
  key: fc.string({ maxLength: 6 }),
  value: fc.jsonValue({ maxDepth: 2 }),
});

type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdits(doc: Json, edits: Edit[]): Json {
  const copy = structuredClone(doc);
  for (const e of edits) {
    const all = containers(copy);
    const { node } = all[e.at % all.length]!;
    if (Array.isArray(node)) {
      const i = node.length === 0 ? 0 : e.pick % node.length;
      if (e.kind === "add" || node.length === 0) node.push(e.value);
      else if (e.kind === "remove") node.splice(i, 1);
      else node[i] = e.value;
      continue;
    }
    const record = node as Record<string, Json>;
    const keys = Object.keys(record);
    const key =
      e.kind === "add" || keys.length === 0
        ? e.key
        : keys[e.pick % keys.length]!;
    if (e.kind === "remove" && keys.length > 0) delete record[key];
    else
      Object.defineProperty(record, key, {
        value: e.value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
  }
  return copy;
}

const asJson = (value: Json): Json => JSON.parse(JSON.stringify(value));

function roundTrip(original: Json, edited: Json): Json {
  const actions = deriveActions(original, edited);
  // written as `apiloom overlay` writes it
  const text = overlayYaml({
    overlay: "1.0.0",
    info: { title: "round trip", version: "1" },
    actions: actions.length > 0 ? actions : [{ target: "$" }],
  });
  const reporter = new IngestReporter();
  const overlay = parseOverlay(text, "derived.yaml", reporter);
  expect(reporter.diagnostics).toEqual([]);
  const result = applyOverlays(original, [overlay!], reporter);
  expect(
    reporter.diagnostics.filter((d) => d.code !== "overlay/no-match"),
  ).toEqual([]);
  return result;
}

describeCorpus("apiloom overlay: the overlay between two documents", () => {
  for (const file of DOCUMENTS)
    it(`round trip over edits of ${file}`, () => {
      const original = read(file);
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
          const edited = applyEdits(original, edits);
          // compared as JSON: YAML reads `-0` as 0, and JSON does not tell them apart
          expect(asJson(roundTrip(original, edited))).toEqual(asJson(edited));
        }),
        {
          numRuns: 150,
          // found by earlier runs: a `<<` key (a YAML 1.1 merge key unless quoted), -0
          examples: [
            [[{ at: 0, kind: "add", pick: 0, key: "<<", value: [] }]],
            [[{ at: 0, kind: "add", pick: 0, key: "", value: { "": -0 } }]],
          ],
        },
      );
    });

  const dir = mkdtempSync(join(tmpdir(), "apiloom-overlay-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the command writes the overlay a generate run then applies (dist/)", () => {
    const original = read("oas31/redocly-museum.yaml") as {
      paths: Record<string, Record<string, { summary?: string }>>;
    };
    writeFileSync(join(dir, "vendor.yaml"), stringify(original));
    const edited = structuredClone(original);
    edited.paths["/museum-hours"]!["get"]!.summary = "When we are open";
    delete edited.paths["/tickets/{ticketId}/qr"];
    writeFileSync(join(dir, "ours.json"), JSON.stringify(edited));
    const cli = (...args: string[]) =>
      execFileSync(
        process.execPath,
        [join(import.meta.dirname, "../../bin/apiloom.js"), ...args],
        { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
      );
    cli(
      "overlay",
      "vendor.yaml",
      "ours.json",
      "-o",
      "overlays/ours.overlay.yaml",
    );
    const text = readFileSync(join(dir, "overlays/ours.overlay.yaml"), "utf8");
    expect(load(text)).toMatchObject({
      overlay: "1.0.0",
      extends: "../vendor.yaml",
    });
    const json = JSON.parse(
      cli(
        "inspect",
        "vendor.yaml",
        "--overlay",
        "overlays/ours.overlay.yaml",
        "--json",
      ),
    ) as { endpoints: { method: string; path: string; summary?: string }[] };
    expect(json.endpoints.map((e) => `${e.method} ${e.path}`)).not.toContain(
      "get /tickets/{ticketId}/qr",
    );
    expect(
      json.endpoints.find((e) => e.path === "/museum-hours")?.summary,
    ).toBe("When we are open");
  });
});
