import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { kitchenSinkModel } from "../../../test/fixtures/client/kitchen-sink-model.js";
import type { ApiModel } from "../../model/types.js";
import { DEFAULT_TEMPLATES_DIR, TemplateError } from "../templates.js";
import { scalarRevival } from "./scalar-revival.js";

const model = {
  ...kitchenSinkModel(),
  scalars: { dates: "Date", int64: "bigint" },
} as ApiModel;
const dir = mkdtempSync(join(tmpdir(), "apiloom-scalar-plans-"));
afterAll(() => rmSync(dir, { recursive: true }));

/** scalar-plans.ts as the client's folder gets it, from the templates in `templatesDir`. */
function plansFile(templatesDir?: string): string {
  const files = scalarRevival(model)!.files("client", templatesDir);
  return files.find((f) => f.path === "client/scalar-plans.ts")!.contents;
}

describe("scalar-plans.ts", () => {
  it("is templates/shared/scalar-plans.ts with the API's plans in place of its empty ones", () => {
    const own = readFileSync(
      join(DEFAULT_TEMPLATES_DIR, "shared/scalar-plans.ts"),
      "utf8",
    );
    const text = plansFile();
    expect(text).not.toContain('JSON.parse("{}")');
    const plans = /export const PLANS: Plans = JSON\.parse\([^;]*\);/.exec(
      text,
    )!;
    expect(plans[0]).toContain('"operations":{"getPet"');
    expect(
      text.replace(plans[0], 'export const PLANS: Plans = JSON.parse("{}");'),
    ).toBe(own);
  });

  it("is a user's copy first, which must keep the line of the plans", () => {
    mkdirSync(join(dir, "shared"));
    const copy =
      'import type { Plans } from "./scalars.js";\nexport const PLANS: Plans = JSON.parse("{}");\n';
    writeFileSync(join(dir, "shared/scalar-plans.ts"), copy);
    expect(plansFile(dir)).toMatch(
      /^import type \{ Plans \} from "\.\/scalars\.js";\nexport const PLANS: Plans = JSON\.parse\(\n? *'\{"named"/,
    );
    writeFileSync(
      join(dir, "shared/scalar-plans.ts"),
      "export const PLANS = {};\n",
    );
    expect(() => plansFile(dir)).toThrow(TemplateError);
    expect(() => plansFile(dir)).toThrow(
      /lacks the line `export const PLANS: Plans = JSON.parse\("\{\}"\);`/,
    );
  });
});
