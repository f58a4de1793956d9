import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { apiloomVersion, ownCodeHash } from "./identity.js";

/** A built code folder: the CLI's one file, two modules beside it, a declaration file. */
function distFolder(): string {
  const root = mkdtempSync(join(tmpdir(), "apiloom-identity-"));
  mkdirSync(join(root, "code/cli"), { recursive: true });
  mkdirSync(join(root, "code/workflow"), { recursive: true });
  writeFileSync(join(root, "code/cli/bundle.js"), "export const all = 1;\n");
  writeFileSync(join(root, "code/cli/main.js"), "export const main = 1;\n");
  writeFileSync(join(root, "code/workflow/identity.js"), "export {};\n");
  writeFileSync(join(root, "code/workflow/identity.d.ts"), "export {};\n");
  return root;
}

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true });
});

describe("the hash of apiloom's own code", () => {
  it("run from the CLI's one file, is that file's: its change counts, the modules beside it do not", () => {
    const root = distFolder();
    roots.push(root);
    const bundle = join(root, "code/cli/bundle.js");
    const before = ownCodeHash(bundle, join(root, "code"));
    writeFileSync(join(root, "code/cli/main.js"), "export const main = 2;\n");
    expect(ownCodeHash(bundle, join(root, "code"))).toBe(before);
    writeFileSync(bundle, "export const all = 2;\n");
    expect(ownCodeHash(bundle, join(root, "code"))).not.toBe(before);
  });

  it("run from modules, is every module's under the code folder (declarations aside), the one file's too", () => {
    const root = distFolder();
    roots.push(root);
    const module = join(root, "code/workflow/identity.js");
    const first = ownCodeHash(module, join(root, "code"));
    writeFileSync(join(root, "code/workflow/identity.d.ts"), "export {}\n");
    expect(ownCodeHash(module, join(root, "code"))).toBe(first);
    writeFileSync(join(root, "code/cli/main.js"), "export const main = 2;\n");
    const second = ownCodeHash(module, join(root, "code"));
    expect(second).not.toBe(first);
    writeFileSync(join(root, "code/cli/bundle.js"), "export const all = 2;\n");
    expect(ownCodeHash(module, join(root, "code"))).not.toBe(second);
  });
});

describe("apiloom's version", () => {
  it("is its package.json's", () => {
    const manifest = JSON.parse(
      readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
    ) as { version: string };
    expect(apiloomVersion()).toBe(manifest.version);
  });
});
