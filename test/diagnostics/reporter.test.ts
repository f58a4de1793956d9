import { describe, expect, it } from "vitest";
import {
  DIAGNOSTIC_CODES,
  type DiagnosticCode,
} from "../../src/diagnostic-codes.js";
import { ModelReporter } from "../../src/model/diagnostics/codes.js";
import { fileStart, Reporter } from "../../src/model/diagnostics/reporter.js";
import { IngestReporter } from "../../src/ingest/codes.js";
import { WorkflowReporter } from "../../src/workflow/codes.js";
import type { Diagnostic, SourceRef } from "../../src/model/types.js";

const at = (line: number): SourceRef => ({
  file: "a.yaml",
  line,
  column: 3,
  pointer: "#/x",
});

describe("the Reporter", () => {
  it("gives each code the registry's severity and keeps the place, not the pointer", () => {
    const reporter = new IngestReporter();
    reporter.report("ref/not-found", "points at nothing", at(1));
    reporter.report("merge/schema-conflict", "differs", at(2), [at(9)]);
    reporter.report("model/degenerate-tags", "tags", at(3), []);
    expect(reporter.diagnostics).toEqual([
      {
        severity: "error",
        code: "ref/not-found",
        message: "points at nothing",
        file: "a.yaml",
        line: 1,
        column: 3,
      },
      {
        severity: "warning",
        code: "merge/schema-conflict",
        message: "differs",
        file: "a.yaml",
        line: 2,
        column: 3,
        related: [at(9)],
      },
      {
        severity: "info",
        code: "model/degenerate-tags",
        message: "tags",
        file: "a.yaml",
        line: 3,
        column: 3,
      },
    ]);
    expect(reporter.diagnostics.map((d) => d.severity)).toEqual(
      reporter.diagnostics.map((d) => DIAGNOSTIC_CODES[d.code].severity),
    );
  });

  it("refuses a code the registry does not hold: tsc does, and so does a run", () => {
    const reporter = new IngestReporter();
    expect(() =>
      // @ts-expect-error a misspelt code does not compile
      reporter.report("merge/schema-conflcit", "x", at(1)),
    ).toThrow(/merge\/schema-conflcit.*its layer's codes\.ts/);
    expect(reporter.diagnostics).toEqual([]);
  });

  it("reports its layer's codes and those below, never a code of a layer above", () => {
    const model = new ModelReporter();
    expect(() =>
      // @ts-expect-error the workflow's code is not the model's to report
      model.report("output/unsafe-journal", "x", at(1)),
    ).toThrow(/output\/unsafe-journal/);
    // the ingest's reporter reports the model's codes too, at the model's severity
    const ingest = new IngestReporter();
    ingest.report("merge/schema-conflict", "differs", at(2));
    expect(ingest.diagnostics.map((d) => d.severity)).toEqual(["warning"]);
    // a reporter of a layer above may be handed down; one of a layer below may not be handed up
    const readerTakes = (reporter: IngestReporter) => reporter;
    readerTakes(new WorkflowReporter());
    // @ts-expect-error the model's reporter cannot report the ingest's codes
    readerTakes(new ModelReporter());
    // one made with no codes only collects what others reported
    const collector = new Reporter();
    collector.add(ingest.diagnostics);
    expect(collector.diagnostics).toEqual(ingest.diagnostics);
    expect(() =>
      // @ts-expect-error it reports no code
      collector.report("merge/schema-conflict", "x", at(3)),
    ).toThrow();
  });

  it("types a diagnostic's code as one of the registry's, though the model declares none above it", () => {
    const reported = new IngestReporter();
    reported.report("ref/not-found", "x", at(1));
    const code: DiagnosticCode = reported.diagnostics[0]!.code;
    expect(code).toBe("ref/not-found");
    // @ts-expect-error a code the registry does not hold is no diagnostic's
    const misspelt: Diagnostic["code"] = "ref/not-fuond";
    expect(Object.hasOwn(DIAGNOSTIC_CODES, misspelt)).toBe(false);
  });

  it("says what its codes mean, and nothing of a code it does not hold", () => {
    const ingest = new IngestReporter();
    expect(ingest.meaning("ref/not-found")).toBe(
      DIAGNOSTIC_CODES["ref/not-found"].meaning,
    );
    expect(ingest.meaning("ref/not-found")).not.toBe("");
    expect(ingest.meaning("output/unsafe-journal")).toBe("");
    expect(ingest.scope().meaning("ref/not-found")).not.toBe("");
  });

  it("keeps a diagnostic said twice once, in report order", () => {
    const reporter = new IngestReporter();
    reporter.report("ref/not-found", "b", at(2));
    reporter.report("ref/not-found", "a", at(1));
    reporter.report("ref/not-found", "b", at(2));
    // another message, place or code is another diagnostic
    reporter.report("ref/not-found", "b2", at(2));
    reporter.report("ref/not-found", "b", at(3));
    reporter.report("ref/invalid", "b", at(2));
    expect(
      reporter.diagnostics.map((d) => `${d.line} ${d.code} ${d.message}`),
    ).toEqual([
      "2 ref/not-found b",
      "1 ref/not-found a",
      "2 ref/not-found b2",
      "3 ref/not-found b",
      "2 ref/invalid b",
    ]);
  });

  it("reports once per code and subject, at the first place, with once()", () => {
    const reporter = new IngestReporter();
    const code = "openapi3/unknown-security-scheme";
    reporter.once("oauth").report(code, "first", at(1));
    reporter.once("oauth").report(code, "second", at(2));
    reporter.once("key").report(code, "other subject", at(3));
    reporter
      .once("oauth")
      .report("swagger2/unknown-security-scheme", "c", at(4));
    expect(reporter.diagnostics.map((d) => d.message)).toEqual([
      "first",
      "other subject",
      "c",
    ]);
  });

  it("shares one list between scopes, each with its own once()", () => {
    const reporter = new IngestReporter();
    const one = reporter.scope();
    const two = reporter.scope();
    one.once("s").report("postman/unresolved-variable", "in one", at(1));
    one.once("s").report("postman/unresolved-variable", "again", at(2));
    two.once("s").report("postman/unresolved-variable", "in two", at(3));
    // the same diagnostic from two scopes is still kept once
    two.report("postman/invalid-item", "x", at(4));
    one.report("postman/invalid-item", "x", at(4));
    expect(reporter.diagnostics.map((d) => d.message)).toEqual([
      "in one",
      "in two",
      "x",
    ]);
    expect(one.diagnostics).toEqual(reporter.diagnostics);
  });

  it("adds diagnostics another reporter collected, after its own, each once", () => {
    const earlier = new IngestReporter();
    earlier.report("input/no-match", "no file", fileStart("*.yaml"));
    const model = new IngestReporter();
    model.report("ref/not-found", "b", at(2));
    model.report("input/no-match", "no file", fileStart("*.yaml"));
    earlier.add(model.diagnostics);
    expect(earlier.diagnostics.map((d) => `${d.file}:${d.line}`)).toEqual([
      "*.yaml:1",
      "a.yaml:2",
    ]);
    // what it hands out is a copy: changing it changes nothing reported
    earlier.diagnostics.pop();
    expect(earlier.diagnostics).toHaveLength(2);
  });
});
