import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { load } from "js-yaml";
import { parse } from "yaml";
import { afterAll, expect, it } from "vitest";
import { runOverlay } from "../../src/cli/overlay.js";
import { ingestFiles } from "../../src/ingest/index.js";
import { compileQuery } from "../../src/ingest/overlay/bounds.js";
import { canonical } from "../../src/ingest/reader.js";
import { applyOverlays, parseOverlay } from "./standalone.js";
import { IngestReporter } from "../../src/ingest/codes.js";

/**
 * Every overlay `apiloom overlay` writes reads back, by apiloom, to the edited document, whatever
 * the member names hold: control characters (written `\u0000` in a JSONPath, which RFC 9535
 * allows and json-p3 refused), lone surrogates, NEL and the line separators YAML 1.1 breaks on.
 */
const dir = mkdtempSync(join(tmpdir(), "apiloom-overlay-names-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sink = { write: () => true } as unknown as NodeJS.WriteStream;

/** Any name: every UTF-16 unit, control characters and lone surrogates more often. */
const name = fc.string({
  unit: fc.oneof(
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    fc.constantFrom(
      "\u0000",
      "\u001f",
      "\u007f",
      "\u0085",
      "\u2028",
      "\u2029",
      "\ud800",
      "\udfff",
      "'",
      "\\",
      "\ufeff",
    ),
  ),
  maxLength: 5,
});

function roundTrip(original: object, edited: object, out: string): unknown {
  writeFileSync(join(dir, "a.json"), JSON.stringify(original));
  writeFileSync(join(dir, "b.json"), JSON.stringify(edited));
  const code = runOverlay(["a.json", "b.json", "-o", out], {
    cwd: dir,
    stdout: sink,
    stderr: sink,
  });
  return code;
}

for (const out of ["o.yaml", "o.json"])
  it(`an overlay written as ${out} reads back to the edited document, whatever the names`, async () => {
    await fc.assert(
      fc.asyncProperty(
        name,
        name,
        name,
        fc.jsonValue({ maxDepth: 1 }),
        async (a, b, c, value) => {
          const original = { [a]: { [b]: 1, keep: true }, list: [1] };
          const edited = {
            [a]: { [c]: value, keep: true },
            list: [1],
            [`${c}${b}`]: { [b]: [value] },
          };
          expect(await roundTrip(original, edited, out)).toBe(0);
          const reporter = new IngestReporter();
          const overlay = parseOverlay(
            readFileSync(join(dir, out), "utf8"),
            out,
            reporter,
          );
          expect(reporter.diagnostics).toEqual([]);
          const result = applyOverlays(original, [overlay!], reporter);
          expect(reporter.diagnostics).toEqual([]);
          // member order aside (an update appends what it adds)
          expect(canonical(result)).toBe(canonical(edited));
        },
      ),
      { numRuns: 200 },
    );
  });

it("reads a control character escaped in a JSONPath name, and still refuses one written raw", () => {
  expect(
    compileQuery("$['a\\u0000\\u001f']").query({ "a\u0000\u001f": 1 }).values(),
  ).toEqual([1]);
  expect(() => compileQuery("$['a\u0000']")).toThrow(/invalid character/);
  // the escape read does not let a raw character after it through
  expect(() => compileQuery("$['\\u0001\u0002']")).toThrow(/invalid character/);
});

/** Azure's Addons API, 2017-05-15 and 2018-03-01 (APIs.guru), cut down to one operation. */
const ADDONS = (version: string, description: string) => ({
  openapi: "3.0.0",
  info: { title: "Azure Addons Resource Provider", version },
  paths: {
    "/providers/Microsoft.Addons/operations": {
      get: {
        description,
        operationId: "Operations_List",
        responses: { "200": { description: "List all the operations." } },
      },
    },
  },
});

// `extends` is a URI reference, and `apiloom overlay` writes the file's path in it as it is
for (const file of ["addons%202017.json", "addons:2017.json"])
  it(`an overlay written for ${file} is laid over it`, async () => {
    writeFileSync(
      join(dir, file),
      JSON.stringify(ADDONS("2017-05-15", "Lists all of the operations.")),
    );
    writeFileSync(
      join(dir, "addons-2018.json"),
      JSON.stringify(ADDONS("2018-03-01", "Lists the Addons RP operations.")),
    );
    const args = [file, "addons-2018.json", "-o", "addons.overlay.yaml"];
    const io = { cwd: dir, stdout: sink, stderr: sink };
    expect(await runOverlay(args, io)).toBe(0);
    const { documents, diagnostics } = ingestFiles([file], {
      cwd: dir,
      overlays: [{ file: "addons.overlay.yaml" }],
    });
    expect(diagnostics.map((d) => d.code)).toEqual([]);
    expect(documents[0]?.endpoints[0]?.description).toBe(
      "Lists the Addons RP operations.",
    );
  });

it("the overlay reads the same in YAML 1.1 readers, and its extends is a URI reference", async () => {
  // Azure Addons' versions are dates, its examples hold timestamps
  const original = ADDONS("2017-05-15", "Lists all of the operations.");
  const edited = ADDONS("2018-03-01", "on");
  Object.assign(edited.paths["/providers/Microsoft.Addons/operations"].get, {
    "x-ms-examples": { at: "2016-03-25T21:29:48.850Z", every: "1:20" },
  });
  writeFileSync(join(dir, "my addons.json"), JSON.stringify(original));
  writeFileSync(join(dir, "edited.json"), JSON.stringify(edited));
  const io = { cwd: dir, stdout: sink, stderr: sink };
  const args = ["my addons.json", "edited.json", "-o", "addons.yaml"];
  expect(await runOverlay(args, io)).toBe(0);
  const text = readFileSync(join(dir, "addons.yaml"), "utf8");
  // js-yaml's default schema reads YAML 1.1's timestamps (a Date) and `<<` merge keys
  expect(load(text)).toEqual(parse(text));
  expect(parse(text).extends).toBe("my%20addons.json");
  const { documents } = ingestFiles(["my addons.json"], {
    cwd: dir,
    overlays: [{ file: "addons.yaml" }],
  });
  expect(documents[0]?.info.version).toBe("2018-03-01");
});
