import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toPointer, type Path } from "../../model/pointer.js";
import type { IngestReporter } from "../codes.js";
import { makeContext } from "../ref-resolver.js";
import type { SourceDocument } from "../reader.js";
import type { Node } from "./node.js";
import { SpecReading } from "./reading.js";

type Report = { code: string; pointer: string; message: string };

/** A reading of `value` whose reporter records every report, in order. */
function readingOf(value: unknown, reports: Report[]): SpecReading {
  const doc: SourceDocument = {
    file: "d.json",
    absPath: "/d/d.json",
    docIndex: 0,
    format: "openapi3.0",
    value,
    ref: (at) => ({
      file: "d.json",
      line: 0,
      column: 0,
      pointer: toPointer(at, "#"),
    }),
    settle() {},
    textOf: (_, v) => String(v),
  };
  const reporter = {
    report: (code: string, message: string, at: { pointer: string }) =>
      reports.push({ code, pointer: at.pointer, message }),
  } as unknown as IngestReporter;
  const ctx = makeContext(
    doc,
    "/d",
    reporter,
    () => [],
    false,
    () => {},
  );
  return new SpecReading(ctx, "openapi3", "openapi3.0", [
    "components",
    "schemas",
  ]);
}

const NAMES = ["a", "b", "c", "d", "e"];

describe("SpecReading.deref", () => {
  it("ends where a reading that follows every chain afresh ends, with the same reports", () => {
    // components/parameters entries: a parameter, or a $ref to an entry (maybe missing, maybe
    // back to itself); operations' parameter lists of $refs to them
    const entry = fc.oneof(
      fc.constant<unknown>({ name: "p", in: "query" }),
      fc
        .constantFrom(...NAMES, "missing")
        .map((n) => ({ $ref: `#/components/parameters/${n}` })),
    );
    const spec = fc.record({
      parameters: fc.dictionary(fc.constantFrom(...NAMES), entry, {
        maxKeys: 5,
      }),
      uses: fc.array(
        fc.array(fc.constantFrom(...NAMES, "missing"), { maxLength: 4 }),
        { maxLength: 4 },
      ),
      starts: fc.array(fc.nat(30), { maxLength: 20 }),
    });
    fc.assert(
      fc.property(spec, ({ parameters, uses, starts }) => {
        const value = {
          components: { parameters },
          paths: Object.fromEntries(
            uses.map((list, i) => [
              `/p${i}`,
              {
                get: {
                  parameters: list.map((n) => ({
                    $ref: `#/components/parameters/${n}`,
                  })),
                },
              },
            ]),
          ),
        };
        const nodes: Node[] = [];
        uses.forEach((list, i) =>
          list.forEach((_, j) => {
            const path: Path = ["paths", `/p${i}`, "get", "parameters", j];
            let at: unknown = value;
            for (const segment of path)
              at = (at as Record<string | number, unknown>)[segment];
            nodes.push({ value: at, path, doc: undefined! });
          }),
        );
        for (const name of Object.keys(parameters))
          nodes.push({
            value: parameters[name],
            path: ["components", "parameters", name],
            doc: undefined!,
          });
        if (nodes.length === 0) return;
        const reports: Report[] = [];
        const shared = readingOf(value, reports);
        const afreshReports: Report[] = [];
        for (const start of starts) {
          const node = nodes[start % nodes.length]!;
          const fresh = readingOf(value, afreshReports);
          const want = fresh.deref(
            { ...node, doc: fresh.ctx.doc },
            "parameter",
          );
          const got = shared.deref(
            { ...node, doc: shared.ctx.doc },
            "parameter",
          );
          expect(got?.path).toEqual(want?.path);
          expect(got?.value).toBe(want?.value);
        }
        expect(reports).toEqual(afreshReports);
      }),
      { numRuns: 500 },
    );
  });
});
