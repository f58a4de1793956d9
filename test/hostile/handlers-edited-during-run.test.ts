import {
  appendFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { runGenerate } from "../../src/cli/generate.js";
import type { WriteStep } from "../../src/workflow/output/writer.js";

/**
 * The handlers file is the user's: a save made while a run works (after it read the file, before
 * it writes the new stubs, the whole output write in between: seconds on a large API) is not
 * overwritten with the run's copy of the file as it read it. The run writes the output, says the
 * handlers file changed, exits 1; the next run adds the stubs to the edited file. (A held-out
 * hunt lost the edit in 2 of 3 saves made in the last second of a Stripe run.)
 */
const SPEC = readFileSync(
  fileURLToPath(
    new URL("../../specs/stride-messages.swagger.yaml", import.meta.url),
  ),
  "utf8",
);
const RECENT =
  "  /site/{cloudId}/conversation/{conversationId}/message/recent:";
const EDIT = "\n// saved by the user while apiloom ran\n";

const dir = mkdtempSync(join(tmpdir(), "apiloom-handlers-race-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sink = () => {
  let text = "";
  return {
    write: (chunk: string) => ((text += chunk), true),
    text: () => text,
  };
};

function generate(afterStep?: (phase: WriteStep) => void) {
  const stderr = sink();
  const args = ["api.yaml", "-o", "gen", "--server-handlers", "handlers.ts"];
  const done = runGenerate([...args, "--no-config", "--no-lock", "-q"], {
    cwd: dir,
    stdout: sink(),
    stderr,
    write: { afterStep },
  });
  return done.then((code) => ({ code, stderr: stderr.text() }));
}

it("a handlers file saved during a run keeps the save, and the next run adds the stubs", async () => {
  // the API without its last endpoint, scaffolded
  const cut = SPEC.indexOf(RECENT);
  const end = SPEC.indexOf("\n  /", cut + 1);
  const old = SPEC.slice(0, cut) + (end === -1 ? "" : SPEC.slice(end + 1));
  expect(old).not.toContain("/message/recent");
  writeFileSync(join(dir, "api.yaml"), old);
  expect((await generate()).code).toBe(0);

  // the whole API: the user saves the handlers file once the output is written
  writeFileSync(join(dir, "api.yaml"), SPEC);
  const handlers = join(dir, "handlers.ts");
  const before = readFileSync(handlers, "utf8");
  const racing = await generate((phase) => {
    if (phase === "done") appendFileSync(handlers, EDIT);
  });
  expect(racing.code, racing.stderr).toBe(1);
  expect(racing.stderr).toContain(
    "handlers.ts changed while apiloom ran, so it was not written (your edit stays)",
  );
  expect(readFileSync(handlers, "utf8")).toBe(before + EDIT);

  const next = await generate();
  expect(next.code, next.stderr).toBe(0);
  const after = readFileSync(handlers, "utf8");
  expect(after).toContain(EDIT);
  expect(after.length).toBeGreaterThan((before + EDIT).length);
  expect((await generate()).code).toBe(0);
});
