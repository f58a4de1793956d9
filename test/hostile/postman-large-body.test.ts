import { spawnSync } from "node:child_process";
import {
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, recordPeakArgs, expectNoCrash, outDir } from "./cli.js";

/**
 * Issue 41 item 7: a Postman request whose raw body is 50 MB (under the 100 MiB input limit, so
 * read) is not copied three times into the output (the OpenAPI document, the docs page and the
 * docs' Markdown each carried it whole: 150 MB written, 563 MiB to 2 GiB peak): its example is
 * cut, with a warning and a summary saying so, and the run stays under 250 MiB. The peak is the
 * child's own (process.resourceUsage().maxRSS, written as it exits), a ceiling, not a timing.
 */
const MB = 1000 * 1000;
const CEILING_KIB = 250 * 1024;

const dir = outDir("postman-large-body");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function collection(name: string, type: string, raw: string): string {
  const file = join(dir, `${name}.postman.json`);
  writeFileSync(
    file,
    JSON.stringify({
      info: {
        name: "Large",
        schema:
          "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
      },
      item: [
        {
          name: "Upload",
          request: {
            method: "POST",
            header: [{ key: "Content-Type", value: type }],
            url: "https://api.example.com/upload",
            body: { mode: "raw", raw },
          },
        },
      ],
    }),
  );
  return file;
}

/** `generate` in a child that records its own peak RSS (KiB) as it exits. */
function generate(input: string, out: string) {
  const peakFile = join(dir, "peak.txt");
  const run = spawnSync(
    process.execPath,
    [
      ...recordPeakArgs(peakFile),
      join(REPO, "bin/apiloom.js"),
      "generate",
      "--no-config",
      "--no-lock",
      "--verbose",
      "-o",
      out,
      input,
    ],
    { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
  );
  const result = {
    code: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    ms: 0,
  };
  expectNoCrash(result);
  expect(result.code, result.stderr).toBe(0);
  return { ...result, peakKiB: Number(readFileSync(peakFile, "utf8")) };
}

function sizes(folder: string, prefix = ""): [string, number][] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    const stats = statSync(path);
    return stats.isDirectory()
      ? sizes(path, `${prefix}${entry}/`)
      : [[`${prefix}${entry}`, stats.size] as [string, number]];
  });
}

describe("a 50 MB raw body in a Postman request", () => {
  it("text: the example keeps its first 65,536 characters, the run stays under 250 MiB", () => {
    const input = collection(
      "text",
      "text/plain",
      "lorem ipsum ".repeat(Math.ceil((50 * MB) / 12)).slice(0, 50 * MB),
    );
    const out = join(dir, "gen-text");
    const run = generate(input, out);
    expect(run.stderr).toContain(
      "warning postman/large-body the raw body is 50,000,000 characters: its example keeps the first 65,536 of 50,000,000 characters",
    );
    const files = sizes(out);
    const total = files.reduce((sum, [, size]) => sum + size, 0);
    // three copies were 150 MB; now the example is at most 64 KiB (escaped) in each place
    expect(total, JSON.stringify(files)).toBeLessThan(2 * MB);
    const openapi = readFileSync(join(out, "openapi.json"), "utf8");
    expect(openapi).toContain(
      '"summary": "the first 65,536 of 50,000,000 characters"',
    );
    console.log(
      `50 MB text body: peak ${Math.round(run.peakKiB / 1024)} MiB, output ${total} bytes`,
    );
    expect(run.peakKiB).toBeLessThan(CEILING_KIB);
  });

  it("JSON: not parsed past 4 MiB, no example, the run stays under 250 MiB", () => {
    const items: string[] = [];
    for (let i = 0, length = 0; length < 50 * MB; i++) {
      const item = JSON.stringify({ id: i, name: `item${i}` });
      items.push(item);
      length += item.length + 1;
    }
    const input = collection(
      "json",
      "application/json",
      `[${items.join(",")}]`,
    );
    const out = join(dir, "gen-json");
    const run = generate(input, out);
    expect(run.stderr).toMatch(
      /warning postman\/large-body the application\/json body is [\d,]+ characters, more than the 4,194,304 a schema is inferred from: it is kept without a schema or an example/,
    );
    // a file over 32 MiB is not read again for a code frame: the place is printed alone
    expect(run.stderr).not.toMatch(/^> 1 \|/m);
    const total = sizes(out).reduce((sum, [, size]) => sum + size, 0);
    expect(total).toBeLessThan(2 * MB);
    console.log(
      `50 MB JSON body: peak ${Math.round(run.peakKiB / 1024)} MiB, output ${total} bytes`,
    );
    expect(run.peakKiB).toBeLessThan(CEILING_KIB);
  });
});
