import { describe, expect, it } from "vitest";
import { serializeForm } from "../../templates/client/serialize.js";
import { loadValidators } from "../validators/generated.js";
import {
  fileText,
  fixture,
  generateFixture,
  typeCheckStrictest,
} from "./fidelity-project.js";

/*
 * Issue 24, fault N (the smaller ones), on test/fixtures/fidelity/small-faults.yaml: each is
 * reported at its line and column and leaves nothing broken in the output.
 */
const NAME = "small-faults.yaml";
const TEXT = fixture(NAME);

/** The 1-based line of the first line of the fixture that contains `text`. */
function lineOf(text: string): number {
  const index = TEXT.split("\n").findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`${text} is not in the fixture`);
  return index + 1;
}

async function run() {
  return generateFixture(NAME, {
    artifacts: ["client", "server", "validators", "openapi"],
  });
}

describe("N: the smaller faults of real specs", () => {
  it("an undeclared server variable is reported and leaves no braces in DEFAULT_BASE_URL", async () => {
    const { files, diagnostics } = await run();
    const client = fileText(files, "client/index.ts");
    expect(client).toContain('export const DEFAULT_BASE_URL = "";');
    expect(client).not.toMatch(/DEFAULT_BASE_URL = ".*\{/);
    const codes = diagnostics.map((d) => [d.code, d.line]);
    expect(codes).toContainEqual([
      "openapi3/undeclared-server-variable",
      lineOf("url: https://{tenant}"),
    ]);
    expect(codes).toContainEqual([
      "client/no-default-base-url",
      lineOf("url: https://{tenant}"),
    ]);
  });

  it('"NaN" and "Infinity" in a number enum are reported and left out of the type and the checks', async () => {
    const { model, files, diagnostics } = await run();
    const found = diagnostics.filter(
      (d) => d.code === "schema/non-finite-enum",
    );
    expect(found.map((d) => [d.line, d.column > 0])).toEqual([
      [lineOf('enum: [1.5, "NaN"'), true],
      [lineOf('enum: [1.5, "NaN"'), true],
    ]);
    expect(fileText(files, "types.ts")).toContain("value?: 1.5 | 2;");
    const { schemas } = await loadValidators(model, "fidelity-small-faults");
    expect(schemas.Score!.check({ value: 2 })).toEqual([]);
    expect(schemas.Score!.check({ value: "NaN" })).not.toEqual([]);
  });

  it("a discriminator mapping to a schema that does not exist is reported at the entry", async () => {
    const { diagnostics, files } = await run();
    const found = diagnostics.filter(
      (d) => d.code === "ref/not-found" && d.message.includes("Doge"),
    );
    expect(found.map((d) => [d.file, d.line])).toEqual([
      [NAME, lineOf("dog: Doge")],
    ]);
    expect(fileText(files, "types.ts")).toContain(
      'export type Pet = (Cat & { kind: "cat" }) | (Dog & { kind: "Dog" });',
    );
  });

  it("security scheme names that are not component keys are renamed in openapi.json, requirements too", async () => {
    const { files } = await run();
    const doc = JSON.parse(fileText(files, "openapi.json"));
    const keys = Object.keys(doc.components.securitySchemes);
    expect(keys).toEqual(["my_key", "oauth_app"]);
    for (const key of keys) expect(key).toMatch(/^[a-zA-Z0-9._-]+$/);
    expect(doc.paths["/scores"].get.security).toEqual([
      { my_key: [] },
      { oauth_app: [] },
    ]);
  });

  it("header parameters and apiKey headers that are not HTTP tokens are reported and left out", async () => {
    const { files, diagnostics } = await run();
    const found = diagnostics
      .filter((d) => d.code === "openapi3/invalid-header-name")
      .map((d) => d.line);
    expect(found).toEqual(
      [lineOf('"bad header key": { type'), lineOf("name: tok(en)")].sort(
        (a, b) => a - b,
      ),
    );
    const client = fileText(files, "client/index.ts");
    expect(client).not.toContain("tok(en)");
    expect(client).not.toContain("X Api Key");
    expect(fileText(files, "types.ts")).toContain('"X-Trace"?: string;');
  });

  it("JSDoc keeps format, bounds, pattern, default and examples", async () => {
    const { files } = await run();
    const types = fileText(files, "types.ts");
    for (const line of [
      "* Format: date-time",
      "* Pattern: ^[0-9]+$",
      '* @default "1"',
      '* @example "2024"',
      "* How many scores.",
      "* Minimum: 1",
      "* Maximum: 100",
      "* @default 20",
      "/** Format: uuid */",
    ])
      expect(types).toContain(line);
  });

  it("the project compiles under the strictest configuration", async () => {
    const { files } = await run();
    const result = await typeCheckStrictest(
      "small-faults",
      new Map([["small-faults", files.filter((f) => f.path.endsWith(".ts"))]]),
    );
    expect(result.output).toBe("");
  }, 60_000);
});

describe("N: a multipart part holding a delimited array", () => {
  it("is sent as text, not labelled application/json", async () => {
    const blob = serializeForm(
      { tags: ["a", "b", "c"], meta: { x: 1 } },
      "multipart/form-data",
      { tags: { explode: false, delimiter: "|" } },
    ) as Blob;
    const text = await blob.text();
    const tags = text
      .split("--apiloom-")
      .find((p) => p.includes('name="tags"'))!;
    expect(tags).toContain("\r\n\r\na|b|c\r\n");
    expect(tags).not.toContain("Content-Type");
    const meta = text
      .split("--apiloom-")
      .find((p) => p.includes('name="meta"'))!;
    expect(meta).toContain("Content-Type: application/json");
  });
});
