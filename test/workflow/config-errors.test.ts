import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfigFile } from "../../src/workflow/config/load.js";
import { removeDir } from "./harness.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

/** The message of the ConfigError loading `name` with `text` throws. */
async function problems(name: string, text: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-config-errors-"));
  dirs.push(dir);
  writeFileSync(join(dir, name), text);
  try {
    await loadConfigFile(join(dir, name));
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the config was accepted");
}

const JSON_CONFIG = `{
  "out": 3,
  "input": ["x"],
  "merge": { "allowExternalRefs": "yes", "prefer": ["a", 4] },
  "names": { "GET /x": 5 },
  "apis": [
    { "name": "a", "inputs": ["a.json"] },
    { "name": "bad name", "inputs": "b.json", "lokc": "x" },
    { "name": 5, "inputs": ["c.json"] }
  ]
}
`;

const YAML_CONFIG = `out: 3
input: [x]
merge:
  allowExternalRefs: "yes"
  prefer:
    - a
    - 4
apis:
  - name: a
    inputs: [a.json]
    strict: maybe
  - name: a
    inputs: [b.json]
`;

describe("config value errors", () => {
  it("in a JSON config: every one, each at its line:column", async () => {
    const lines = (await problems("apiloom.config.json", JSON_CONFIG)).split(
      "\n",
    );
    expect(lines[2]).toMatch(/\(known: inputs, out, .* strict, .*\)$/);
    expect(lines.map((l) => l.replace(/ \(known: .*/, ""))).toEqual([
      "9 problems in apiloom.config.json:",
      "  apiloom.config.json:2:3: out must be a non-empty string",
      '  apiloom.config.json:3:3: unknown option "input"',
      "  apiloom.config.json:4:14: merge.allowExternalRefs must be true or false",
      "  apiloom.config.json:4:58: merge.prefer[1] must be a non-empty string",
      '  apiloom.config.json:5:14: names["GET /x"] must be a non-empty string',
      '  apiloom.config.json:8:7: apis[1].name must be letters, digits, ".", "_" and "-", starting with a letter or digit, got "bad name"',
      "  apiloom.config.json:8:27: apis[1].inputs must be a list",
      '  apiloom.config.json:8:47: apis[1]: unknown option "lokc"',
      // one problem for a name that is not a string, not two
      '  apiloom.config.json:9:7: apis[2].name must be letters, digits, ".", "_" and "-", starting with a letter or digit, got 5',
    ]);
  });

  it("in a YAML config: every one, each at its line:column", async () => {
    const lines = (await problems("apiloom.config.yaml", YAML_CONFIG)).split(
      "\n",
    );
    expect(lines[0]).toBe("6 problems in apiloom.config.yaml:");
    expect(lines.slice(1).map((l) => l.replace(/ \(known: .*/, ""))).toEqual([
      "  apiloom.config.yaml:1:1: out must be a non-empty string",
      '  apiloom.config.yaml:2:1: unknown option "input"',
      "  apiloom.config.yaml:4:3: merge.allowExternalRefs must be true or false",
      "  apiloom.config.yaml:7:7: merge.prefer[1] must be a non-empty string",
      "  apiloom.config.yaml:11:5: apis[0].strict must be true or false",
      '  apiloom.config.yaml:12:5: apis[1].name "a" is used twice',
    ]);
  });

  it("in a TypeScript config: every one, by file and key path", async () => {
    const message = await problems(
      "apiloom.config.ts",
      'export default { out: 3, strict: "no", apis: [{ name: "x", inputs: [1] }] };\n',
    );
    expect(message.split("\n")).toEqual([
      "3 problems in apiloom.config.ts:",
      "  apiloom.config.ts.out must be a non-empty string",
      "  apiloom.config.ts.strict must be true or false",
      "  apiloom.config.ts.apis[0].inputs[0] must be a non-empty string",
    ]);
  });

  it("one problem is one line, as before", async () => {
    expect(await problems("apiloom.config.json", '{\n  "strict": 1\n}\n')).toBe(
      "apiloom.config.json:2:3: strict must be true or false",
    );
  });
});
