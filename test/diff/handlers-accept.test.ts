import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES, generateSpec } from "./helpers.js";

/** The handlers file beside the spec, and every warning printed in full. */
const HANDLERS = ["--server-handlers", "handlers.ts", "--verbose"];

/** The warnings of one run about changed contracts, by handler: the words after "written: ". */
function changedWarnings(stderr: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of stderr.matchAll(
    /scaffold\/changed-signature the contract of "(\w+)" \([^)]*\) changed since its handler was written(.*)\n/g,
  ))
    out.set(m[1]!, m[2]!);
  return out;
}

describe("a handler's changed contract, in words, accepted with one flag (issue 26, item 6)", () => {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-accept-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const generate = (...extra: string[]) =>
    generateSpec(dir, "server,openapi", ...HANDLERS, ...extra);
  const handlers = () => readFileSync(join(dir, "handlers.ts"));
  const record = join(dir, "gen/server/handler-changes.json");

  it("says what changed, keeps saying it, and --accept replaces only the hash", () => {
    copyFileSync(join(FIXTURES, "openapi3/old.yaml"), join(dir, "spec.yaml"));
    expect(generate().code).toBe(0);
    // a comment in Latin-1: bytes that are not UTF-8 must come through the accept untouched
    writeFileSync(
      join(dir, "handlers.ts"),
      Buffer.concat([Buffer.from("// caf\xe9\n", "latin1"), handlers()]),
    );
    copyFileSync(join(FIXTURES, "openapi3/new.yaml"), join(dir, "spec.yaml"));
    const second = generate();
    expect(second.code).toBe(0);
    const words = changedWarnings(second.stderr);
    expect([...words.keys()].sort()).toEqual([
      "archiveEvent",
      "cancelEvent",
      "createSpecialEvent",
      "deleteEvent",
      "listEvents",
    ]);
    // the rules of apiloom diff, in the handler's names; no hash to paste
    expect(words.get("cancelEvent")).toContain(
      ": cancelEvent() now requires a request body (breaking, breaks clients); path parameter {eventId} is now {id}",
    );
    expect(words.get("deleteEvent")).toContain(
      "deleteEvent() takes other credentials: key before, bearer now (breaking, breaks clients)",
    );
    expect(words.get("listEvents")).toContain(
      "query parameter region was added to listEvents(), required (breaking, breaks clients)",
    );
    expect(words.get("createSpecialEvent")).toContain(
      "`SpecialEvent.location` was removed",
    );
    expect(second.stderr).toContain(
      "apiloom generate --accept cancelEvent (or --accept-changes for every changed handler)",
    );
    expect(second.stderr).not.toMatch(/set its entry|it was "/);

    // the words outlive the run that saw the change: kept in the output, reproduced by --check
    const kept = readFileSync(record, "utf8");
    expect(JSON.parse(kept).cancelEvent.was).toMatch(/^[0-9a-f]{10}$/);
    const again = generate("--force");
    expect(changedWarnings(again.stderr)).toEqual(words);
    expect(readFileSync(record, "utf8")).toBe(kept);
    expect(generate("--check").code).toBe(0);
    // --strict: the changed contracts fail the check until they are accepted
    expect(generate("--check", "--strict").code).toBe(1);

    // accepting one: only the hash between its entry's quotes changes
    const before = handlers();
    const was = JSON.parse(kept).cancelEvent.was as string;
    const one = generate("--accept", "cancelEvent");
    expect(one.code).toBe(0);
    expect(one.stderr).toContain(
      "apiloom: accepted the changed contract of cancelEvent in handlers.ts",
    );
    const after = handlers();
    const now = /cancelEvent: "([0-9a-f]{10})"/.exec(
      after.toString("latin1"),
    )![1]!;
    expect(now).not.toBe(was);
    expect(after).toEqual(
      Buffer.from(
        before
          .toString("latin1")
          .replace(`cancelEvent: "${was}"`, `cancelEvent: "${now}"`),
        "latin1",
      ),
    );
    expect(changedWarnings(one.stderr).has("cancelEvent")).toBe(false);
    expect(changedWarnings(one.stderr).size).toBe(4);
    expect(
      JSON.parse(readFileSync(record, "utf8")).cancelEvent,
    ).toBeUndefined();

    // a name that is not a changed handler: said, and nothing changes
    const unchanged = handlers();
    expect(generate("--accept", "nosuchHandler").stderr).toContain(
      "apiloom: --accept nosuchHandler: no handler of that name has a changed contract; nothing accepted\n",
    );
    expect(handlers()).toEqual(unchanged);

    // accepting the rest: no warning, no record; the orphans removed, --check --strict passes
    expect(generate("--accept-changes").code).toBe(0);
    expect(existsSync(record)).toBe(false);
    writeFileSync(
      join(dir, "handlers.ts"),
      handlers()
        .toString("latin1")
        .replace(/  \/\/ GET \/venues\n  listVenues: notImplemented,\n/, "")
        .replace(/  listVenues: "[0-9a-f]+",\n/, "")
        .replace(
          /  \/\/ GET \/events\/\{eventId\}\n  getEvent: notImplemented,\n/,
          "",
        )
        .replace(/  getEvent: "[0-9a-f]+",\n/, ""),
      "latin1",
    );
    const clean = generate("--check", "--strict");
    expect(clean.stderr).not.toContain("scaffold/");
    expect(clean.code).toBe(0);
  }, 180_000);

  it("a contract that changed before apiloom saw it: the warning says so, without words", () => {
    const other = mkdtempSync(join(tmpdir(), "apiloom-accept-"));
    try {
      copyFileSync(
        join(FIXTURES, "openapi3/new.yaml"),
        join(other, "spec.yaml"),
      );
      const run = (...extra: string[]) =>
        generateSpec(other, "server", ...HANDLERS, ...extra);
      expect(run().code).toBe(0);
      const text = readFileSync(join(other, "handlers.ts"), "utf8");
      writeFileSync(
        join(other, "handlers.ts"),
        text.replace(/cancelEvent: "[0-9a-f]+"/, 'cancelEvent: "0000000000"'),
      );
      const stale = run();
      expect(stale.stderr).toContain(
        `the contract of "cancelEvent" (POST /events/{id}/cancel) changed since its handler was written (apiloom did not see the contract it was written for`,
      );
      expect(run("--accept-changes").stderr).not.toContain(
        "scaffold/changed-signature",
      );
      expect(readFileSync(join(other, "handlers.ts"), "utf8")).toBe(text);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  }, 120_000);
});
