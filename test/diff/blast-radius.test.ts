import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Project } from "ts-morph";
import { afterAll, describe, expect, it } from "vitest";
import { attachCallSites } from "../../src/diff/blast-radius.js";
import { compareModels } from "../../src/diff/compare.js";
import { apiloom } from "../cli/run.js";
import { FIXTURES, load } from "./helpers.js";

/** A user's code calling the client generated from openapi3/old.yaml. */
const USE = `import { createSpecialEvent, deleteEvent, getEvent, listEvents } from "../gen/client/index.js";

export async function run(): Promise<void> {
  await createSpecialEvent({ body: { name: "a", location: "x" } });
  const loose: any = { name: "b", location: "y" };
  await createSpecialEvent({ body: loose });
  await createSpecialEvent({ body: { name: "c", price: 1 } });
  await createSpecialEvent();
  await listEvents({ query: { limit: 1, cursor: "c" } });
  await listEvents({ query: { limit: 2 } });
  await getEvent({ path: { eventId: "e" } });
  await deleteEvent({ path: { eventId: "e" } });
}
`;

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: "ES2022",
    module: "ESNext",
    moduleResolution: "Bundler",
    lib: ["ES2022", "DOM"],
    noEmit: true,
    skipLibCheck: true,
  },
  include: ["src", "gen"],
};

describe("the blast radius (--project)", () => {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-blast-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lists exactly the calls tsc rejects after regeneration, plus those that send a removed member through `any`", () => {
    cpSync(join(FIXTURES, "openapi3/old.yaml"), join(dir, "spec.yaml"));
    const generate = () =>
      apiloom(
        [
          "generate",
          "spec.yaml",
          "--out",
          "gen",
          "-a",
          "client",
          "--no-config",
        ],
        dir,
      );
    expect(generate().code).toBe(0);
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "src/use.ts"), USE);
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG));
    // the user's code compiles against the old client
    const errors = () =>
      new Project({ tsConfigFilePath: join(dir, "tsconfig.json") })
        .getPreEmitDiagnostics()
        .filter((d) => d.getSourceFile()?.getFilePath().endsWith("/src/use.ts"))
        .map((d) => d.getLineNumber()!);
    expect(errors()).toEqual([]);

    const changes = compareModels(
      load(["openapi3/old.yaml"]),
      load(["openapi3/new.yaml"]),
    );
    attachCallSites(changes, join(dir, "tsconfig.json"), dir);
    const reported = new Set(
      changes.flatMap((c) => (c.callSites ?? []).map((s) => s.line)),
    );
    for (const c of changes)
      for (const s of c.callSites ?? []) expect(s.file).toBe("src/use.ts");

    // regenerate from the new version: tsc is the judge
    cpSync(join(FIXTURES, "openapi3/new.yaml"), join(dir, "spec.yaml"));
    expect(generate().code).toBe(0);
    const rejected = new Set(errors());
    const throughAny = 6; // `body: loose` sends `location`, which is gone; tsc cannot see it
    // getEvent() is now fetchEvent(): tsc rejects its import (line 1), not each call of it
    const callOfRejectedImport = 11;
    expect(rejected.has(1)).toBe(true);
    expect([...reported].sort((a, b) => a - b)).toEqual(
      [...new Set([...rejected, throughAny, callOfRejectedImport])].sort(
        (a, b) => a - b,
      ),
    );
    // and the line names what it sends
    const removed = changes.find(
      (c) =>
        c.rule === "request-property-removed" && c.names.member === "location",
    )!;
    expect(
      removed.callSites!.map((s) => [s.line, s.text, s.usesMember]),
    ).toEqual([
      [
        4,
        'await createSpecialEvent({ body: { name: "a", location: "x" } });',
        true,
      ],
      [6, "await createSpecialEvent({ body: loose });", true],
    ]);
  }, 120_000);

  it("lists the reads tsc rejects: a result's property, a handler's parameter (issue 61)", () => {
    const at = mkdtempSync(join(tmpdir(), "apiloom-blast-reads-"));
    try {
      cpSync(join(FIXTURES, "openapi3/old.yaml"), join(at, "spec.yaml"));
      const generate = () =>
        apiloom(
          [
            "generate",
            "spec.yaml",
            "--out",
            "gen",
            "-a",
            "client,server",
            "--no-config",
          ],
          at,
        );
      expect(generate().code).toBe(0);
      mkdirSync(join(at, "src"));
      writeFileSync(join(at, "src/reads.ts"), READS);
      writeFileSync(join(at, "tsconfig.json"), JSON.stringify(TSCONFIG));
      const errors = () =>
        new Project({ tsConfigFilePath: join(at, "tsconfig.json") })
          .getPreEmitDiagnostics()
          .filter((d) =>
            d.getSourceFile()?.getFilePath().endsWith("/src/reads.ts"),
          )
          .map((d) => d.getLineNumber()!);
      expect(errors()).toEqual([]);

      const changes = compareModels(
        load(["openapi3/old.yaml"]),
        load(["openapi3/new.yaml"]),
      );
      attachCallSites(changes, join(at, "tsconfig.json"), at);
      const reported = new Set(
        changes.flatMap((c) => (c.callSites ?? []).map((s) => s.line)),
      );
      cpSync(join(FIXTURES, "openapi3/new.yaml"), join(at, "spec.yaml"));
      expect(generate().code).toBe(0);
      const rejected = [...new Set(errors())].sort((a, b) => a - b);
      // the reads tsc rejects are there: not vacuous
      expect(rejected).toEqual(
        expect.arrayContaining([READ_LINE, CURSOR_LINE]),
      );
      expect([...reported].sort((a, b) => a - b)).toEqual(rejected);
      const removed = changes.find(
        (c) =>
          c.rule === "response-property-removed" &&
          c.names.member === "location",
      )!;
      expect(removed.callSites!.map((s) => s.text)).toEqual([
        "console.log(created.data.location);",
        "const { location: where } = created.data;",
      ]);
      const cursor = changes.find(
        (c) => c.rule === "parameter-removed" && c.names.member === "cursor",
      )!;
      expect(cursor.callSites!.map((s) => s.text)).toEqual([
        "console.log(query?.cursor, query?.sort);",
      ]);
    } finally {
      rmSync(at, { recursive: true, force: true });
    }
  }, 120_000);
});

/** A user's code reading results of the client, and handlers reading their parameters. */
const READS = `import { createSpecialEvent } from "../gen/client/index.js";
import type { Handlers } from "../gen/server/contracts.js";

export async function reads(
  args: Parameters<typeof createSpecialEvent>[0],
): Promise<void> {
  const created = await createSpecialEvent(args);
  if (created.ok) {
    console.log(created.data.location);
    const { location: where } = created.data;
    console.log(where, created.data.id);
  }
}

export const listEvents: Handlers["listEvents"] = async ({ query }) => {
  console.log(query?.cursor, query?.sort);
  return { status: 200, body: [] };
};

export const deleteEvent: Handlers["deleteEvent"] = async ({ path }) => {
  console.log(path.eventId);
  return { status: 204 };
};
`;
const READ_LINE = 9;
const CURSOR_LINE = 16;
