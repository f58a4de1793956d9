import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { apiloom, REPO } from "../cli/run.js";

// Moving a config to `apis` keeps the endpoint names: the API's own lock
// (apiloom.<name>.lock.json) does not exist yet, so the first run takes the names from the lock
// the config had (apiloom.lock.json), writes them to the API's own, and says what to delete.

const dir = mkdtempSync(join(tmpdir(), "apiloom-lock-to-apis-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lock = (name: string) =>
  JSON.parse(readFileSync(join(dir, name), "utf8")) as {
    names: Record<string, string>;
  };

it("the run that moves a config to apis carries the lock's names over and says what to do", () => {
  cpSync(
    join(REPO, "test/fixtures/workflow/pets.yaml"),
    join(dir, "pets.yaml"),
  );
  writeFileSync(join(dir, "package.json"), "{}\n");
  const config = (value: unknown) =>
    writeFileSync(join(dir, "apiloom.config.json"), JSON.stringify(value));
  config({ inputs: ["pets.yaml"], artifacts: ["types"] });
  expect(apiloom(["generate"], dir).code).toBe(0);
  // a name the lock holds (kept across renames in the spec): the one to carry over
  const old = lock("apiloom.lock.json");
  old.names["GET /pets"] = "allPets";
  writeFileSync(join(dir, "apiloom.lock.json"), JSON.stringify(old));

  config({
    apis: [{ name: "pets", inputs: ["pets.yaml"], out: "generated" }],
    artifacts: ["types"],
  });
  const moved = apiloom(["generate"], dir);
  expect(moved.code).toBe(0);
  expect(lock("apiloom.pets.lock.json").names["GET /pets"]).toBe("allPets");
  expect(readFileSync(join(dir, "generated/types.ts"), "utf8")).toContain(
    "AllPets",
  );
  expect(moved.stderr).toContain(
    "apiloom: API pets takes its endpoint names from apiloom.lock.json, the lock from before the config listed apis, and keeps them in apiloom.pets.lock.json; delete apiloom.lock.json when every API has its own lock",
  );
  // from then on the API's own lock is read, and nothing more is said
  const again = apiloom(["generate"], dir);
  expect(again.code).toBe(0);
  expect(again.stderr).not.toContain("apiloom.lock.json");
});
