import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiloom, expectNoCrash, outDir } from "./cli.js";

/**
 * Issue 41 item 7: `apiloom diff --format github` and `--format markdown` print spec text, and
 * escape its control characters as the text format does: ESC cannot colour or move the log's
 * terminal, NUL, U+2028 and the direction overrides cannot hide or reorder what a reviewer reads,
 * and (github) CR, LF and `%` are encoded as GitHub documents (%0D, %0A, %25), so a spec's text
 * can never start a workflow command (`::error::…`, `::add-mask::…`) of its own.
 */
const HOSTILE =
  "a\x1b[31mRED\x1b[0m\r\n::error::pwn\x00\u2028::notice::x\u2029\u202eevil\u2066\u200f\u061c%25,:\x7f\x85";

/** Any character that drives a terminal or reorders text; CR and LF are checked on their own. */
const RAW =
  /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function spec(props: Record<string, unknown>, values: string[]): string {
  return JSON.stringify({
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    paths: {
      "/a": {
        get: {
          operationId: "getA",
          parameters: [
            {
              name: "q",
              in: "query",
              schema: { type: "string", enum: values },
            },
          ],
          responses: {
            "200": {
              description: "ok",
              content: {
                "application/json": {
                  schema: { type: "object", properties: props },
                },
              },
            },
          },
        },
      },
    },
  });
}

describe("apiloom diff reports escape the spec's control characters in every format", () => {
  const dir = outDir("diff-formats");
  // a removed property and a removed enum value, both named with the hostile text
  writeFileSync(
    join(dir, "old.json"),
    spec({ [HOSTILE]: { type: "string" }, ok: { type: "string" } }, [
      "x",
      HOSTILE,
    ]),
  );
  writeFileSync(join(dir, "new.json"), spec({ ok: { type: "string" } }, ["x"]));
  const diff = (format: string) => {
    const run = apiloom(
      [
        "diff",
        "old.json",
        "--to",
        "new.json",
        "--no-config",
        "--format",
        format,
      ],
      dir,
    );
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    return run.stdout;
  };

  it("github: one workflow command a change, CR/LF/% encoded, nothing raw", () => {
    const out = diff("github");
    expect(out).not.toMatch(RAW);
    expect(out).not.toContain("\r");
    const lines = out.split("\n").filter((l) => l !== "");
    // two changes, two commands: the spec's `::error::` after an encoded line break is data
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toMatch(
        /^::error file=old\.json,line=1,col=\d+,title=[^:]+::/,
      );
    }
    // the property name, as the github message carries it
    expect(out).toContain(
      "a\\x1b[31mRED\\x1b[0m%0D%0A::error::pwn\\x00\\u2028::notice::x\\u2029\\u202eevil\\u2066\\u200f\\u061c%2525,:\\x7f\\x85",
    );
  });

  it("markdown: one table row a change, nothing raw", () => {
    const out = diff("markdown");
    expect(out).not.toMatch(RAW);
    expect(out).not.toContain("\r");
    expect(
      out.split("\n").filter((l) => l.startsWith("| breaking")),
    ).toHaveLength(2);
    expect(out).toContain(
      "a\\x1b[31mRED\\x1b[0m ::error::pwn\\x00\\u2028::notice::x\\u2029\\u202eevil\\u2066\\u200f\\u061c%25,:\\x7f\\x85",
    );
  });

  it("text: nothing raw either (U+2028 and U+2029 included)", () => {
    const out = diff("text");
    expect(out).not.toMatch(RAW);
    expect(out).not.toContain("\r");
  });
});
