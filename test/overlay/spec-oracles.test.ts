import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { load } from "js-yaml";
import { jsonpath } from "json-p3";
import { expect, it } from "vitest";
import { IngestReporter } from "../../src/ingest/codes.js";
import { applyOverlays, parseOverlay } from "./standalone.js";
import { describeOracles, ORACLES_DIR } from "../shared-corpus.js";

const OVERLAY = join(ORACLES_DIR, "overlay");
const read = (path: string) => readFileSync(path, "utf8");

describeOracles(
  "the JSONPath Compliance Test Suite (RFC 9535), run on the JSONPath apiloom's overlays use (json-p3)",
  () => {
    interface Case {
      name: string;
      selector: string;
      document?: unknown;
      result?: unknown[];
      results?: unknown[][];
      invalid_selector?: boolean;
    }
    const cts = JSON.parse(
      read(join(ORACLES_DIR, "jsonpath-cts/cts.json")),
    ) as {
      tests: Case[];
    };

    it("passes every test of the suite", () => {
      const failed: string[] = [];
      for (const t of cts.tests) {
        let values: string;
        try {
          values = JSON.stringify(
            jsonpath
              .compile(t.selector)
              .query(t.document as never)
              .nodes.map((n) => n.value),
          );
        } catch {
          if (!t.invalid_selector) failed.push(`${t.name}: threw`);
          continue;
        }
        if (t.invalid_selector) failed.push(`${t.name}: accepted`);
        else if (
          !(t.results ?? [t.result]).some((r) => JSON.stringify(r) === values)
        )
          failed.push(`${t.name}: ${values}`);
      }
      expect(cts.tests.length).toBeGreaterThan(600);
      expect(failed).toEqual([]);
    });
  },
);

describeOracles("the Overlay Specification's own test data", () => {
  const sets = readdirSync(join(OVERLAY, "compliant-sets"), {
    withFileTypes: true,
  })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

  it.each(sets)(
    "compliant set %s: openapi.yaml + overlay.yaml gives output.yaml",
    (name) => {
      const dir = join(OVERLAY, "compliant-sets", name);
      const reporter = new IngestReporter();
      const overlay = parseOverlay(
        read(join(dir, "overlay.yaml")),
        "overlay.yaml",
        reporter,
      );
      expect(reporter.diagnostics).toEqual([]);
      const input = load(read(join(dir, "openapi.yaml")));
      const before = JSON.stringify(input);
      const result = applyOverlays(input, [overlay!], reporter);
      expect(reporter.diagnostics).toEqual([]);
      expect(result).toEqual(load(read(join(dir, "output.yaml"))));
      // the input's own value is left as it was
      expect(JSON.stringify(input)).toBe(before);
    },
  );

  for (const version of ["v1.0", "v1.1"]) {
    const schema = load(
      read(join(OVERLAY, "schemas", version, "schema.yaml")),
    ) as object;
    const ajv = new Ajv2020({
      strict: false,
      allErrors: true,
      validateFormats: false,
    });
    const validate = ajv.compile(schema);
    for (const outcome of ["pass", "fail"] as const) {
      const dir = join(OVERLAY, "tests", version, outcome);
      const files = readdirSync(dir).sort();
      it.each(files)(
        `${version} ${outcome}: %s — apiloom agrees with the official schema (ajv)`,
        (file) => {
          const text = read(join(dir, file));
          const reporter = new IngestReporter();
          const overlay = parseOverlay(text, file, reporter);
          const schemaSays = validate(load(text)) as boolean;
          expect(schemaSays).toBe(outcome === "pass");
          expect(overlay !== undefined).toBe(schemaSays);
          if (outcome === "fail") {
            // each refusal is an error that points into the file, at a line
            expect(reporter.diagnostics.length).toBeGreaterThan(0);
            for (const d of reporter.diagnostics) {
              expect(d.code).toBe("overlay/invalid");
              expect(d.file).toBe(file);
              expect(d.line).toBeGreaterThan(0);
            }
          } else expect(reporter.diagnostics).toEqual([]);
        },
      );
    }
  }
});
